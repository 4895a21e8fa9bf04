#pragma once

#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"
#include "models/postgres/queryresult.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Postgres {

// One connection made through a HAProxy port, and where it landed: the backend's own
// inet_server_addr()/inet_server_port() say which PostgreSQL really answered.
struct RoutingProbe {
    QString host; // the HAProxy address we connected to
    int port = 0; // the HAProxy port: 5000 primary, 5001 replicas, 5002 any in the lab
    int attempt = 0; // 0-based index among the connections made to this port in one round
    bool ok = false;
    bool inRecovery = false;
    QString serverAddr; // host(inet_server_addr()): "127.0.0.1", never "127.0.0.1/32"
    int serverPort = 0;
    Cluster::SourceError error;
    qint64 elapsedMs = 0; // connect + query

    // "127.0.0.1:5442", or empty when the probe failed.
    QString backend() const;

    friend bool operator==(const RoutingProbe&, const RoutingProbe&) = default;
};

// What every routing probe runs.
QString routingProbeSql();

// Pure: fills ok/inRecovery/serverAddr/serverPort/error from the answer to routingProbeSql();
// leaves host/port/attempt/elapsedMs to the caller.
void applyRoutingResult(const QueryResult& result, RoutingProbe* probe);

// The member (by name) whose host:port is where the probe landed; empty when none matches or the
// match is ambiguous. Addresses compare after normalising ("127.0.0.1/32", "::ffff:127.0.0.1" and
// "localhost" all mean the loopback). A member registered under a DNS name cannot be resolved here
// (pure function): it matches when it is the only such member on that port.
QString memberForProbe(const RoutingProbe& probe, const QList<Cluster::Member>& members);

// Distinct backends ("addr:port", sorted) reached by the successful probes of one HAProxy port.
QStringList backendsForPort(const QList<RoutingProbe>& probes, int port);

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::RoutingProbe)
