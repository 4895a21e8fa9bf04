#include "app/session/fleeteditor.h"

#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "models/cluster/clusterstore.h"

#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace App {

FleetEditor::FleetEditor(Fleet* fleet, Sources::HttpClient* http, const QString& settingsFile, QObject* parent)
    : Session::ClusterEditor(parent)
    , m_store(settingsFile.isEmpty() ? std::make_unique<Settings::ProfileStore>()
                                     : std::make_unique<Settings::ProfileStore>(settingsFile))
    , m_fleet(fleet)
    , m_http(http)
{
}

FleetEditor::~FleetEditor() = default;

QStringList FleetEditor::names() const
{
    // The built-in lab is not a saved cluster: it can be added under its name.
    return m_store->isShowingBuiltIn() ? QStringList() : m_store->names();
}

std::optional<Cluster::Profile> FleetEditor::profile(const QString& name) const
{
    if (m_store->isShowingBuiltIn())
        return std::nullopt;
    return m_store->load(name);
}

void FleetEditor::test(const Cluster::Profile& profile, const Session::Passwords& passwords)
{
    delete m_probe; // a second click: the new test replaces the old one
    // One round of every source, without a journal; the keychain is asked for what was not typed.
    auto* probe = new LiveSession(m_http, profile, Session::SessionOptions {}, this);
    m_probe = probe;
    probe->provideSecrets(passwords);
    auto done = std::make_shared<bool>(false);
    const auto report = [this, probe, done] {
        if (*done)
            return;
        *done = true;
        const QList<Session::SourceCheck> results
            = Session::connectionReport(probe->store()->state(), probe->store()->findings());
        probe->stop();
        probe->deleteLater();
        Q_EMIT tested(results);
    };
    connect(probe, &Session::ClusterSession::roundFinished, this, report);
    // Every source has its own deadline; this one only guards against a source that never reports.
    QTimer::singleShot(profile.requestDeadlineMs * 2 + LiveSession::keychainPatienceMs + 2000, probe, report);
    probe->pollOnce();
}

void FleetEditor::save(const Cluster::Profile& profile, bool isNew, const Session::Passwords& passwords)
{
    QStringList problems = Cluster::validate(profile);
    if (isNew && names().contains(profile.name))
        problems.append(tr("a cluster called \"%1\" is saved already").arg(profile.name));
    if (!problems.isEmpty()) {
        QTimer::singleShot(0, this, [this, name = profile.name, problems] { Q_EMIT saved(name, problems); });
        return;
    }
    // The passwords first: a profile is saved only once its passwords are where it will look.
    struct Pending {
        int left = 0;
        QStringList failed;
        QList<Cluster::SecretKind> written;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(passwords.size());
    const auto finish = [this, profile, isNew, pending] {
        if (!pending->failed.isEmpty()) {
            // A new cluster leaves nothing behind: what was written goes again (best effort).
            if (isNew) {
                for (Cluster::SecretKind kind : std::as_const(pending->written))
                    m_credentials.remove(profile.name, kind, this, [](const Credentials::Result&) {});
            }
            Q_EMIT saved(profile.name,
                { tr("the keychain did not take the passwords (%1); unlock it and try again")
                        .arg(pending->failed.join(u"; "_s)) });
            return;
        }
        const Settings::StoreResult stored = m_store->save(profile);
        if (!stored.ok()) {
            Q_EMIT saved(profile.name, stored.problems);
            return;
        }
        m_fleet->replace(profile)->start();
        Q_EMIT fleetChanged(profile.name);
        Q_EMIT saved(profile.name, {});
    };
    if (pending->left == 0) {
        QTimer::singleShot(0, this, finish);
        return;
    }
    for (auto it = passwords.cbegin(); it != passwords.cend(); ++it) {
        const Cluster::SecretKind kind = it.key();
        m_credentials.write(
            profile.name, kind, it.value(), this, [pending, kind, finish](const Credentials::Result& r) {
                if (r.ok())
                    pending->written.append(kind);
                else
                    pending->failed.append(Cluster::secretKindName(kind) + u": "_s + r.message);
                if (--pending->left == 0)
                    finish();
            });
    }
}

void FleetEditor::remove(const QString& name)
{
    if (!profile(name)) {
        QTimer::singleShot(
            0, this, [this, name] { Q_EMIT removed(name, { tr("no saved cluster is called \"%1\"").arg(name) }); });
        return;
    }
    // Its passwords first (as `profiles remove` does): if the keychain cannot say they are gone, the
    // profile stays so that the removal can be tried again.
    struct Pending {
        int left = 3;
        QStringList failed;
    };
    auto pending = std::make_shared<Pending>();
    for (Cluster::SecretKind kind :
        { Cluster::SecretKind::PatroniApi, Cluster::SecretKind::HaproxyStats, Cluster::SecretKind::Postgres }) {
        m_credentials.remove(name, kind, this, [this, name, kind, pending](const Credentials::Result& r) {
            // No keychain at all holds nothing to remove.
            if (!r.ok() && r.code != Credentials::Result::Code::Unavailable)
                pending->failed.append(Cluster::secretKindName(kind) + u": "_s + r.message);
            if (--pending->left > 0)
                return;
            if (!pending->failed.isEmpty()) {
                Q_EMIT removed(name,
                    { tr("its keychain entries could not be removed (%1); unlock the keychain and try again")
                            .arg(pending->failed.join(u"; "_s)) });
                return;
            }
            const Settings::StoreResult result = m_store->remove(name);
            if (!result.ok()) {
                Q_EMIT removed(name, result.problems);
                return;
            }
            m_fleet->remove(name);
            Q_EMIT fleetChanged(QString());
            Q_EMIT removed(name, {});
        });
    }
}

} // namespace App
