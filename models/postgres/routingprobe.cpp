#include "models/postgres/routingprobe.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Postgres {

namespace {

    // A comparable spelling of an address: no prefix length, no IPv6 brackets, no IPv4-mapped prefix,
    // lower case, and the loopback names folded into one.
    QString normalizedAddress(QString a)
    {
        a = a.trimmed().toLower();
        if (const qsizetype slash = a.indexOf(u'/'); slash >= 0)
            a.truncate(slash);
        if (a.startsWith(u'[') && a.endsWith(u']'))
            a = a.mid(1, a.size() - 2);
        if (a.startsWith(u"::ffff:"_s) && a.count(u'.') == 3)
            a = a.mid(7);
        if (a == u"localhost"_s || a == u"::1"_s || a == u"127.0.0.1"_s)
            return u"loopback"_s;
        return a;
    }

    bool isIpLiteral(const QString& host)
    {
        static const QRegularExpression ipv4(u"^\\d{1,3}(\\.\\d{1,3}){3}(/\\d+)?$"_s);
        const QString h = host.trimmed();
        return h.contains(u':') || ipv4.match(h).hasMatch();
    }

} // namespace

QString RoutingProbe::backend() const
{
    if (!ok || serverPort <= 0)
        return QString();
    return serverAddr + u':' + QString::number(serverPort);
}

QString routingProbeSql()
{
    // host(): inet's text form carries a prefix length ("127.0.0.1/32").
    return u"select pg_is_in_recovery() as in_recovery, host(inet_server_addr()) as server_addr, "
           "inet_server_port() as server_port"_s;
}

void applyRoutingResult(const QueryResult& result, RoutingProbe* probe)
{
    if (result.isError()) {
        probe->ok = false;
        probe->error = result.error;
        return;
    }
    const auto inRecovery = boolValue(result.value(0, u"in_recovery"_s));
    const auto port = integerValue(result.value(0, u"server_port"_s));
    if (result.rows.size() != 1 || !inRecovery) {
        probe->ok = false;
        probe->error.code = Cluster::SourceError::Code::UnexpectedShape;
        probe->error.detail = u"the routing query returned %1 rows"_s.arg(result.rows.size());
        return;
    }
    probe->inRecovery = *inRecovery;
    // NULL over a Unix socket: then we know the role but not the backend.
    probe->serverAddr = textValue(result.value(0, u"server_addr"_s)).value_or(QString());
    probe->serverPort = int(port.value_or(0));
    probe->ok = true;
    probe->error = {};
}

QString memberForProbe(const RoutingProbe& probe, const QList<Cluster::Member>& members)
{
    if (!probe.ok || probe.serverPort <= 0)
        return QString();
    const QString addr = normalizedAddress(probe.serverAddr);
    QStringList exact;
    QStringList byNameOnPort;
    for (const Cluster::Member& m : members) {
        if (m.port != probe.serverPort)
            continue;
        if (!addr.isEmpty() && normalizedAddress(m.host) == addr)
            exact.append(m.name);
        else if (!isIpLiteral(m.host) && normalizedAddress(m.host) != u"loopback"_s)
            byNameOnPort.append(m.name);
    }
    if (exact.size() == 1)
        return exact.first();
    if (exact.isEmpty() && byNameOnPort.size() == 1)
        return byNameOnPort.first();
    return QString();
}

QStringList backendsForPort(const QList<RoutingProbe>& probes, int port)
{
    QStringList out;
    for (const RoutingProbe& p : probes) {
        if (p.port == port && p.ok && !out.contains(p.backend()))
            out.append(p.backend());
    }
    out.sort();
    return out;
}

} // namespace Postgres
