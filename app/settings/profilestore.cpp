#include "app/settings/profilestore.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

    const QString profilesGroup = u"profiles"_s;

    QString tr(const char* text)
    {
        return QCoreApplication::translate("Settings::ProfileStore", text);
    }

    QStringList urlsToStrings(const QList<QUrl>& urls)
    {
        QStringList out;
        out.reserve(urls.size());
        for (const QUrl& url : urls)
            out.append(url.toString(QUrl::FullyEncoded));
        return out;
    }

    QList<QUrl> urlsFromStrings(const QStringList& strings)
    {
        QList<QUrl> out;
        out.reserve(strings.size());
        for (const QString& s : strings)
            out.append(QUrl(s, QUrl::StrictMode));
        return out;
    }

    // Field by field, each under a fixed key: a new Profile field is written only once it is
    // added here, so a secret can never slip into the file by serializing the whole struct.
    void writeProfile(QSettings& s, const Cluster::Profile& p)
    {
        s.setValue(u"name"_s, p.name);
        s.setValue(u"patroniUrls"_s, urlsToStrings(p.patroniUrls));
        s.setValue(u"haproxyStatsUrl"_s, p.haproxyStatsUrl.toString(QUrl::FullyEncoded));
        s.setValue(u"etcdUrls"_s, urlsToStrings(p.etcdUrls));
        s.setValue(u"etcdNamespace"_s, p.etcdNamespace);

        s.beginGroup(u"postgres"_s);
        s.setValue(u"dbname"_s, p.postgres.dbname);
        s.setValue(u"user"_s, p.postgres.user);
        s.setValue(u"sslmode"_s, p.postgres.sslmode);
        s.endGroup();

        s.beginGroup(u"haproxyRoutes"_s);
        s.setValue(u"host"_s, p.haproxyRoutes.host);
        s.setValue(u"primaryPort"_s, p.haproxyRoutes.primaryPort);
        s.setValue(u"replicasPort"_s, p.haproxyRoutes.replicasPort);
        s.setValue(u"anyPort"_s, p.haproxyRoutes.anyPort);
        s.setValue(u"primaryProxy"_s, p.haproxyRoutes.primaryProxy);
        s.setValue(u"replicasProxy"_s, p.haproxyRoutes.replicasProxy);
        s.setValue(u"anyProxy"_s, p.haproxyRoutes.anyProxy);
        s.endGroup();

        s.beginGroup(u"tls"_s);
        s.setValue(u"caFile"_s, p.tls.caFile);
        s.setValue(u"clientCertFile"_s, p.tls.clientCertFile);
        s.setValue(u"clientKeyFile"_s, p.tls.clientKeyFile);
        s.setValue(u"verifyPeer"_s, p.tls.verifyPeer);
        s.endGroup();

        s.setValue(u"patroniApiUser"_s, p.patroniApiUser);
        s.setValue(u"haproxyStatsUser"_s, p.haproxyStatsUser);

        s.beginGroup(u"intervals"_s);
        s.setValue(u"patroniMs"_s, p.intervals.patroniMs);
        s.setValue(u"haproxyMs"_s, p.intervals.haproxyMs);
        s.setValue(u"etcdMs"_s, p.intervals.etcdMs);
        s.setValue(u"postgresMs"_s, p.intervals.postgresMs);
        s.endGroup();
        s.setValue(u"requestDeadlineMs"_s, p.requestDeadlineMs);
    }

    // A missing key keeps the default of a fresh Profile, so files written by an older version load.
    Cluster::Profile readProfile(QSettings& s)
    {
        const Cluster::Profile d;
        Cluster::Profile p;
        const auto integer = [&s](const QString& key, int fallback) {
            bool ok = false;
            const int v = s.value(key).toInt(&ok);
            return ok ? v : fallback;
        };
        p.name = s.value(u"name"_s).toString();
        p.patroniUrls = urlsFromStrings(s.value(u"patroniUrls"_s).toStringList());
        const QString stats = s.value(u"haproxyStatsUrl"_s).toString();
        p.haproxyStatsUrl = stats.isEmpty() ? QUrl() : QUrl(stats, QUrl::StrictMode);
        p.etcdUrls = urlsFromStrings(s.value(u"etcdUrls"_s).toStringList());
        p.etcdNamespace = s.value(u"etcdNamespace"_s, d.etcdNamespace).toString();

        s.beginGroup(u"postgres"_s);
        p.postgres.dbname = s.value(u"dbname"_s, d.postgres.dbname).toString();
        p.postgres.user = s.value(u"user"_s, d.postgres.user).toString();
        p.postgres.sslmode = s.value(u"sslmode"_s, d.postgres.sslmode).toString();
        s.endGroup();

        s.beginGroup(u"haproxyRoutes"_s);
        p.haproxyRoutes.host = s.value(u"host"_s, d.haproxyRoutes.host).toString();
        p.haproxyRoutes.primaryPort = integer(u"primaryPort"_s, d.haproxyRoutes.primaryPort);
        p.haproxyRoutes.replicasPort = integer(u"replicasPort"_s, d.haproxyRoutes.replicasPort);
        p.haproxyRoutes.anyPort = integer(u"anyPort"_s, d.haproxyRoutes.anyPort);
        p.haproxyRoutes.primaryProxy = s.value(u"primaryProxy"_s, d.haproxyRoutes.primaryProxy).toString();
        p.haproxyRoutes.replicasProxy = s.value(u"replicasProxy"_s, d.haproxyRoutes.replicasProxy).toString();
        p.haproxyRoutes.anyProxy = s.value(u"anyProxy"_s, d.haproxyRoutes.anyProxy).toString();
        s.endGroup();

        s.beginGroup(u"tls"_s);
        p.tls.caFile = s.value(u"caFile"_s).toString();
        p.tls.clientCertFile = s.value(u"clientCertFile"_s).toString();
        p.tls.clientKeyFile = s.value(u"clientKeyFile"_s).toString();
        p.tls.verifyPeer = s.value(u"verifyPeer"_s, d.tls.verifyPeer).toBool();
        s.endGroup();

        p.patroniApiUser = s.value(u"patroniApiUser"_s).toString();
        p.haproxyStatsUser = s.value(u"haproxyStatsUser"_s).toString();

        s.beginGroup(u"intervals"_s);
        p.intervals.patroniMs = integer(u"patroniMs"_s, d.intervals.patroniMs);
        p.intervals.haproxyMs = integer(u"haproxyMs"_s, d.intervals.haproxyMs);
        p.intervals.etcdMs = integer(u"etcdMs"_s, d.intervals.etcdMs);
        p.intervals.postgresMs = integer(u"postgresMs"_s, d.intervals.postgresMs);
        s.endGroup();
        p.requestDeadlineMs = integer(u"requestDeadlineMs"_s, d.requestDeadlineMs);
        return p;
    }

    StoreResult failure(StoreResult::Code code, const QString& problem)
    {
        return { code, { problem } };
    }

} // namespace

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>(
        QSettings::NativeFormat, QSettings::UserScope, u"patroni-console"_s, u"patroni-console"_s))
{
}

ProfileStore::ProfileStore(const QString& settingsFilePath)
    : m_settings(std::make_unique<QSettings>(settingsFilePath, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

QStringList ProfileStore::storedNames() const
{
    m_settings->beginGroup(profilesGroup);
    QStringList groups = m_settings->childGroups();
    m_settings->endGroup();
    groups.sort(Qt::CaseInsensitive);
    return groups;
}

bool ProfileStore::isShowingBuiltIn() const
{
    return storedNames().isEmpty();
}

QStringList ProfileStore::names() const
{
    const QStringList stored = storedNames();
    return stored.isEmpty() ? QStringList { builtInName() } : stored;
}

bool ProfileStore::contains(const QString& name) const
{
    return names().contains(name);
}

std::optional<Cluster::Profile> ProfileStore::load(const QString& name) const
{
    // An invalid name could address another group ("a/b") or the root.
    if (!Cluster::validateName(name).isEmpty())
        return std::nullopt;
    const QStringList stored = storedNames();
    if (stored.isEmpty() && name == builtInName())
        return labProfile();
    if (!stored.contains(name))
        return std::nullopt;
    m_settings->beginGroup(profilesGroup + u'/' + name);
    Cluster::Profile p = readProfile(*m_settings);
    m_settings->endGroup();
    p.name = name; // the group is the truth, whatever the name key says
    return p;
}

QList<Cluster::Profile> ProfileStore::profiles() const
{
    QList<Cluster::Profile> out;
    for (const QString& name : names()) {
        if (std::optional<Cluster::Profile> p = load(name))
            out.append(*p);
    }
    return out;
}

StoreResult ProfileStore::save(const Cluster::Profile& profile)
{
    const QStringList problems = Cluster::validate(profile);
    if (!problems.isEmpty())
        return { StoreResult::Code::InvalidProfile, problems };
    const QString group = profilesGroup + u'/' + profile.name;
    // Replace, not merge: a field the new profile leaves empty must not keep an old value.
    m_settings->remove(group);
    m_settings->beginGroup(group);
    writeProfile(*m_settings, profile);
    m_settings->endGroup();
    return sync();
}

StoreResult ProfileStore::saveAll(const QList<Cluster::Profile>& profiles)
{
    QStringList problems;
    for (const Cluster::Profile& p : profiles) {
        for (const QString& problem : Cluster::validate(p))
            problems.append(u"%1: %2"_s.arg(p.name, problem));
    }
    if (!problems.isEmpty())
        return { StoreResult::Code::InvalidProfile, problems };
    const QStringList stored = storedNames();
    QList<Cluster::Profile> before; // what to put back if the file cannot be written
    for (const Cluster::Profile& p : profiles) {
        if (stored.contains(p.name))
            before.append(*load(p.name));
    }
    for (const Cluster::Profile& p : profiles) {
        const QString group = profilesGroup + u'/' + p.name;
        m_settings->remove(group);
        m_settings->beginGroup(group);
        writeProfile(*m_settings, p);
        m_settings->endGroup();
    }
    StoreResult result = sync();
    if (result.ok())
        return result;
    for (const Cluster::Profile& p : profiles)
        m_settings->remove(profilesGroup + u'/' + p.name);
    for (const Cluster::Profile& p : std::as_const(before)) {
        m_settings->beginGroup(profilesGroup + u'/' + p.name);
        writeProfile(*m_settings, p);
        m_settings->endGroup();
    }
    m_settings->sync();
    return result;
}

StoreResult ProfileStore::remove(const QString& name)
{
    if (!Cluster::validateName(name).isEmpty() || !storedNames().contains(name))
        return failure(StoreResult::Code::NotFound, tr("There is no stored profile called \"%1\".").arg(name));
    m_settings->remove(profilesGroup + u'/' + name);
    return sync();
}

StoreResult ProfileStore::rename(const QString& from, const QString& to)
{
    std::optional<Cluster::Profile> p = load(from);
    if (!p)
        return failure(StoreResult::Code::NotFound, tr("There is no profile called \"%1\".").arg(from));
    if (from == to)
        return {};
    const QStringList nameProblems = Cluster::validateName(to);
    if (!nameProblems.isEmpty())
        return { StoreResult::Code::InvalidProfile, nameProblems };
    if (storedNames().contains(to))
        return failure(
            StoreResult::Code::NameTaken, tr("A profile called \"%1\" already exists; choose another name.").arg(to));
    p->name = to;
    StoreResult saved = save(*p);
    if (!saved.ok())
        return saved;
    if (storedNames().contains(from))
        return remove(from);
    return saved; // the built-in lab profile: nothing stored to remove
}

StoreResult ProfileStore::sync()
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return failure(StoreResult::Code::StorageError,
            tr("The settings file %1 could not be written; check its permissions and the free disk space.")
                .arg(m_settings->fileName()));
    case QSettings::FormatError:
        return failure(StoreResult::Code::StorageError,
            tr("The settings file %1 is not in the expected format; move it away to start afresh.")
                .arg(m_settings->fileName()));
    }
    return {};
}

QString ProfileStore::builtInName()
{
    return u"lab"_s;
}

Cluster::Profile ProfileStore::labProfile()
{
    // The lab's ports, as `manage-cluster.sh env` exports them when it runs elsewhere than on its
    // defaults (a busy port, a second lab); the defaults otherwise.
    const auto ports = [](const char* variable, const QList<int>& fallback) {
        QList<int> out;
        for (const QString& p : qEnvironmentVariable(variable).split(u' ', Qt::SkipEmptyParts)) {
            bool ok = false;
            const int n = p.toInt(&ok);
            if (!ok || n < 1 || n > 65535)
                return fallback;
            out.append(n);
        }
        return out.isEmpty() ? fallback : out;
    };
    const auto port = [&ports](const char* variable, int fallback) { return ports(variable, { fallback }).first(); };
    const auto urls = [](const QList<int>& list) {
        QList<QUrl> out;
        for (int p : list)
            out.append(QUrl(u"http://127.0.0.1:%1"_s.arg(p)));
        return out;
    };
    Cluster::Profile p;
    p.name = builtInName();
    p.patroniUrls = urls(ports("LAB_API_PORTS", { 8008, 8009, 8010 }));
    p.haproxyStatsUrl = QUrl(u"http://127.0.0.1:%1/;csv"_s.arg(port("LAB_HAPROXY_STATS_PORT", 7000)));
    p.etcdUrls = urls(ports("LAB_ETCD_CLIENT_PORTS", { 2379, 2381, 2383 }));
    p.postgres.dbname = u"enterprise_email"_s;
    p.postgres.user = u"postgres"_s;
    p.haproxyRoutes.host = u"127.0.0.1"_s;
    p.haproxyRoutes.primaryPort = port("LAB_HAPROXY_PRIMARY_PORT", 5000);
    p.haproxyRoutes.replicasPort = port("LAB_HAPROXY_REPLICA_PORT", 5001);
    p.haproxyRoutes.anyPort = port("LAB_HAPROXY_ANY_PORT", 5002);
    p.patroniApiUser = u"patroni"_s;
    return p;
}

} // namespace Settings
