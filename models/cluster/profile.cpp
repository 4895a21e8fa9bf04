#include "models/cluster/profile.h"
#include "models/cluster/translate.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cluster {

static QString tr(const char* text)
{
    return Cluster::translate(text);
}

static bool isLoopback(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (host == u"::1"_s)
        return true;
    // 127.0.0.0/8, spelled out: QHostAddress is in QtNetwork, which console_core does not link.
    const QStringList parts = host.split(u'.');
    return parts.size() == 4 && parts.first() == u"127"_s;
}

// One URL of an HTTP source: http(s), a host, and no user info (a password in a URL would end up
// in the settings file; the user name has its own field and the password goes to the keychain).
static void checkHttpUrl(const QUrl& url, const QString& what, QStringList* problems)
{
    // Not the URL's text nor QUrl's error string: an invalid URL may still carry a password.
    if (!url.isValid()) {
        problems->append(
            tr("A %1 URL is not a valid URL; write it as http://host:port or https://host:port.").arg(what));
        return;
    }
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s) {
        problems->append(tr("The %1 URL \"%2\" must start with http:// or https://.").arg(what, url.toDisplayString()));
        return;
    }
    if (url.host().isEmpty())
        problems->append(tr("The %1 URL \"%2\" has no host.").arg(what, url.toDisplayString()));
    if (!url.userInfo().isEmpty())
        problems->append(tr("The %1 URL \"%2\" contains a user name or password; put the user name in its own "
                            "field and the password in the system keychain.")
                             .arg(what, url.toDisplayString(QUrl::RemoveUserInfo)));
}

static void checkPort(int port, const QString& what, QStringList* problems)
{
    if (port < 1 || port > 65535)
        problems->append(tr("The %1 port %2 is not between 1 and 65535.").arg(what).arg(port));
}

static void checkInterval(int ms, const QString& what, QStringList* problems)
{
    if (ms < minimumIntervalMs)
        problems->append(tr("The %1 is %2 ms; it must be at least %3 ms.").arg(what).arg(ms).arg(minimumIntervalMs));
}

QStringList validateName(const QString& name)
{
    QStringList problems;
    if (name.trimmed().isEmpty()) {
        problems.append(tr("The profile has no name."));
        return problems;
    }
    if (name.trimmed() != name)
        problems.append(tr("The profile name \"%1\" starts or ends with a space.").arg(name));
    if (name.contains(u'/') || name.contains(u'\\'))
        problems.append(tr("The profile name \"%1\" contains '/' or '\\', which are not allowed.").arg(name));
    if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        problems.append(tr("The profile name contains control characters."));
    return problems;
}

QStringList validate(const Profile& p)
{
    QStringList problems = validateName(p.name);

    if (p.patroniUrls.isEmpty())
        problems.append(tr("No Patroni REST API URL is set; add the API URL of at least one member, "
                           "e.g. http://127.0.0.1:8008."));
    for (const QUrl& url : p.patroniUrls)
        checkHttpUrl(url, tr("Patroni API"), &problems);
    if (!p.haproxyStatsUrl.isEmpty())
        checkHttpUrl(p.haproxyStatsUrl, tr("HAProxy stats"), &problems);
    for (const QUrl& url : p.etcdUrls)
        checkHttpUrl(url, tr("etcd"), &problems);

    const PostgresSettings& pg = p.postgres;
    if (pg.dbname.trimmed().isEmpty())
        problems.append(tr("The PostgreSQL database name is empty."));
    // An empty user is allowed: PostgreSQL is then not asked (lag in seconds and the routing proof
    // need a login the DBA may not want to give the console).
    if (!pg.user.isEmpty() && pg.user.trimmed().isEmpty())
        problems.append(tr("The PostgreSQL user name is only spaces; leave it empty to not ask PostgreSQL."));
    static const QStringList sslmodes
        = { u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s };
    if (!sslmodes.contains(pg.sslmode))
        problems.append(tr("The PostgreSQL sslmode \"%1\" is not one of %2.").arg(pg.sslmode, sslmodes.join(u", "_s)));

    const HaproxyRoutes& r = p.haproxyRoutes;
    if (r.host.trimmed().isEmpty())
        problems.append(tr("The HAProxy host for the PostgreSQL routes is empty."));
    checkPort(r.primaryPort, tr("HAProxy primary route"), &problems);
    checkPort(r.replicasPort, tr("HAProxy replicas route"), &problems);
    checkPort(r.anyPort, tr("HAProxy any-member route"), &problems);
    if (r.primaryPort == r.replicasPort || r.primaryPort == r.anyPort || r.replicasPort == r.anyPort)
        problems.append(tr("The HAProxy primary, replicas and any-member routes must use three different ports."));

    if (p.tls.clientCertFile.isEmpty() != p.tls.clientKeyFile.isEmpty())
        problems.append(tr("A TLS client certificate needs both the certificate file and the key file."));
    if (!p.tls.verifyPeer) {
        QList<QUrl> all = p.patroniUrls + p.etcdUrls;
        all.append(p.haproxyStatsUrl);
        for (const QUrl& url : std::as_const(all)) {
            if (url.scheme() == u"https"_s && !isLoopback(url.host())) {
                problems.append(tr("Certificate checks can only be turned off for 127.0.0.1; for %1, put the CA "
                                   "certificate in the CA file instead.")
                                    .arg(url.host()));
                break;
            }
        }
    }

    checkInterval(p.intervals.patroniMs, tr("Patroni poll interval"), &problems);
    checkInterval(p.intervals.haproxyMs, tr("HAProxy poll interval"), &problems);
    checkInterval(p.intervals.etcdMs, tr("etcd poll interval"), &problems);
    checkInterval(p.intervals.postgresMs, tr("PostgreSQL poll interval"), &problems);
    checkInterval(p.requestDeadlineMs, tr("request deadline"), &problems);
    return problems;
}

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::PatroniApi:
        return u"patroni-api"_s;
    case SecretKind::HaproxyStats:
        return u"haproxy-stats"_s;
    case SecretKind::Postgres:
        return u"postgres"_s;
    }
    return u"unknown"_s;
}

QString secretKey(const QString& profileName, SecretKind kind)
{
    return u"patroni-console/"_s + profileName + u'/' + secretKindName(kind);
}

} // namespace Cluster
