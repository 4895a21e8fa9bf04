#include "app/credentials/credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Credentials {

namespace {

    enum class Operation { Read, Write, Remove };

    QString tr(const char* text)
    {
        return QCoreApplication::translate("Credentials", text);
    }

    QString kindLabel(Cluster::SecretKind kind)
    {
        switch (kind) {
        case Cluster::SecretKind::PatroniApi:
            return tr("Patroni API");
        case Cluster::SecretKind::HaproxyStats:
            return tr("HAProxy stats");
        case Cluster::SecretKind::Postgres:
            return tr("PostgreSQL");
        }
        return QString();
    }

    // QtKeychain's libsecret backend reports a missing D-Bus session or a missing Secret Service as
    // OtherError with GLib's message (NoBackendAvailable only comes from the KWallet and
    // gnome-keyring backends), so the message is the only way to tell "no keychain" from other
    // failures.
    bool looksUnavailable(const QString& detail)
    {
        static const QStringList markers = {
            u"org.freedesktop.secrets"_s, // "The name org.freedesktop.secrets was not provided by any .service files"
            u"autolaunch"_s, // "Cannot autolaunch D-Bus without X11 $DISPLAY"
            u"D-Bus"_s,
            u"DBus"_s,
            u"Could not connect"_s, // a stale DBUS_SESSION_BUS_ADDRESS
            u"No such interface"_s,
            u"ServiceUnknown"_s,
            u"Secret Service"_s,
        };
        for (const QString& m : markers) {
            if (detail.contains(m, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }

    Result classify(Result r, Operation op, QKeychain::Error error, const QString& detail)
    {
        r.detail = detail;
        r.source = Source::None;
        switch (error) {
        case QKeychain::NoError:
            r.code = Result::Code::Ok;
            r.source = Source::Keychain;
            return r;
        case QKeychain::EntryNotFound:
            r.code = Result::Code::NotFound;
            break;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            r.code = Result::Code::Denied;
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            r.code = Result::Code::Unavailable;
            break;
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::OtherError:
            r.code = looksUnavailable(detail) ? Result::Code::Unavailable : Result::Code::OtherError;
            break;
        }
        // A remove of something that is not there has reached its goal.
        if (op == Operation::Remove && r.code == Result::Code::NotFound) {
            r.code = Result::Code::Ok;
            r.source = Source::Keychain;
            return r;
        }

        const QString what = kindLabel(r.kind);
        const QString variable = environmentVariable(r.kind);
        switch (r.code) {
        case Result::Code::Ok:
            break;
        case Result::Code::NotFound:
            r.message = tr("No %1 password for profile \"%2\" is stored in the system keychain; store one in the "
                           "profile's settings, or set %3.")
                            .arg(what, r.profile, variable);
            break;
        case Result::Code::Unavailable:
            r.message = tr("The system keychain is not available (no Secret Service on D-Bus): %1. Start a keyring "
                           "such as gnome-keyring, KWallet or KeePassXC, or for headless use set %2.")
                            .arg(detail, variable);
            break;
        case Result::Code::Denied:
            r.message = tr("The system keychain refused access, probably because it is locked: %1. Unlock it and "
                           "try again.")
                            .arg(detail);
            break;
        case Result::Code::OtherError: {
            QString action;
            switch (op) {
            case Operation::Read:
                action = tr("read");
                break;
            case Operation::Write:
                action = tr("store");
                break;
            case Operation::Remove:
                action = tr("remove");
                break;
            }
            r.message = tr("The system keychain could not %1 the %2 password for profile \"%3\": %4.")
                            .arg(action, what, r.profile, detail);
            break;
        }
        }
        return r;
    }

    // Carries one job's result to the caller's context. It is connected to the context in the
    // calling thread, while the caller guarantees the context is alive, then moved to the main
    // thread where the job runs: the main thread never has to touch a context that may be dying
    // in its own thread, and Qt drops the delivery if the context is gone.
    class Relay final : public QObject {
        Q_OBJECT
    public:
        using QObject::QObject;
        void deliver(const Result& result)
        {
            Q_EMIT delivered(result);
            deleteLater();
        }
    Q_SIGNALS:
        void delivered(const Credentials::Result& result);
    };

    QThread* mainThread()
    {
        QCoreApplication* app = QCoreApplication::instance();
        return app ? app->thread() : QThread::currentThread();
    }

    // makeJob runs on the main thread and returns an unstarted job.
    void run(Result base, Operation op, QObject* context, CredentialStore::Callback done,
        std::function<QKeychain::Job*()> makeJob)
    {
        Q_ASSERT(context);
        auto* relay = new Relay;
        QObject::connect(relay, &Relay::delivered, context, [done = std::move(done)](const Result& r) { done(r); });

        const auto start = [relay, base = std::move(base), op, makeJob = std::move(makeJob)] {
            QKeychain::Job* job = makeJob();
            job->setAutoDelete(true);
            job->setInsecureFallback(false); // never plain text in QSettings
            job->setKey(Cluster::secretKey(base.profile, base.kind));
            QObject::connect(job, &QKeychain::Job::finished, relay, [relay, base, op](QKeychain::Job* finished) {
                Result r = classify(base, op, finished->error(), finished->errorString());
                if (r.code == Result::Code::Unavailable)
                    KeychainNotice::instance()->report(r.detail);
                if (r.ok() && op == Operation::Read)
                    r.secret = static_cast<QKeychain::ReadPasswordJob*>(finished)->textData();
                relay->deliver(r);
            });
            job->start();
        };
        if (QThread::currentThread() == mainThread()) {
            start();
        } else {
            relay->moveToThread(mainThread());
            QMetaObject::invokeMethod(relay, start, Qt::QueuedConnection);
        }
    }

    Result baseResult(const QString& profile, Cluster::SecretKind kind)
    {
        Result r;
        r.profile = profile;
        r.kind = kind;
        return r;
    }

} // namespace

KeychainNotice* KeychainNotice::instance()
{
    static KeychainNotice* notice = new KeychainNotice; // lives as long as the process
    return notice;
}

void KeychainNotice::report(const QString& detail)
{
    if (reported())
        return;
    m_message = tr("There is no system keychain (%1). Passwords can be neither read from it nor stored in it; "
                   "the console goes on monitoring without them. Start a keyring (gnome-keyring, KWallet, "
                   "KeePassXC) and log in again, or for headless use set PATRONI_CONSOLE_PATRONI_API_PASSWORD, "
                   "PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD and PATRONI_CONSOLE_POSTGRES_PASSWORD.")
                    .arg(detail.isEmpty() ? tr("no Secret Service on D-Bus") : detail);
    Q_EMIT unavailable(m_message);
}

QString codeName(Result::Code code)
{
    switch (code) {
    case Result::Code::Ok:
        return u"ok"_s;
    case Result::Code::NotFound:
        return u"not-found"_s;
    case Result::Code::Unavailable:
        return u"unavailable"_s;
    case Result::Code::Denied:
        return u"denied"_s;
    case Result::Code::OtherError:
        return u"error"_s;
    }
    return u"unknown"_s;
}

QString environmentVariable(Cluster::SecretKind kind)
{
    switch (kind) {
    case Cluster::SecretKind::PatroniApi:
        return u"PATRONI_CONSOLE_PATRONI_API_PASSWORD"_s;
    case Cluster::SecretKind::HaproxyStats:
        return u"PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD"_s;
    case Cluster::SecretKind::Postgres:
        return u"PATRONI_CONSOLE_POSTGRES_PASSWORD"_s;
    }
    return QString();
}

QString CredentialStore::libraryVersion()
{
    return QStringLiteral(QTKEYCHAIN_VERSION_TEXT);
}

QString CredentialStore::serviceName()
{
    return u"patroni-console"_s;
}

void CredentialStore::read(const QString& profile, Cluster::SecretKind kind, QObject* context, Callback done) const
{
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable(kind).toLatin1().constData());
    if (!fromEnvironment.isEmpty()) {
        Result r = baseResult(profile, kind);
        r.source = Source::Environment;
        r.secret = fromEnvironment;
        // Queued like a keychain answer, so callers see one behaviour: after the call returns,
        // in the context's thread, never if the context is gone.
        QMetaObject::invokeMethod(
            context, [done = std::move(done), r = std::move(r)] { done(r); }, Qt::QueuedConnection);
        return;
    }
    run(baseResult(profile, kind), Operation::Read, context, std::move(done),
        [] { return new QKeychain::ReadPasswordJob(serviceName()); });
}

void CredentialStore::write(
    const QString& profile, Cluster::SecretKind kind, const QString& secret, QObject* context, Callback done) const
{
    run(baseResult(profile, kind), Operation::Write, context, std::move(done), [secret] {
        auto* job = new QKeychain::WritePasswordJob(serviceName());
        job->setTextData(secret);
        return job;
    });
}

void CredentialStore::remove(const QString& profile, Cluster::SecretKind kind, QObject* context, Callback done) const
{
    run(baseResult(profile, kind), Operation::Remove, context, std::move(done),
        [] { return new QKeychain::DeletePasswordJob(serviceName()); });
}

} // namespace Credentials

#include "credentialstore.moc"
