#pragma once

#include "app/postgres/connectionparams.h"
#include "models/postgres/routingprobe.h"

#include <QList>
#include <QObject>

namespace Postgres {

struct RoutingTarget {
    int port = 0; // a HAProxy frontend port
    int connections = 1; // more than one to see the set a roundrobin backend balances over
};

// Where HAProxy really sends clients: connects through each frontend port, asks the backend
// pg_is_in_recovery(), inet_server_addr() and inet_server_port(), and reports one RoutingProbe per
// connection. All connections of a round run at once; the round ends in one probeFinished().
class RoutingProber final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingProber)
public:
    explicit RoutingProber(QObject* parent = nullptr);

    // The usual Patroni template: primary ×1, replicas ×n, any ×n.
    static QList<RoutingTarget> standardTargets(
        int primaryPort = 5000, int replicaPort = 5001, int anyPort = 5002, int connectionsPerBalancedPort = 4);

    // `params` names the HAProxy host, the database and the login; its port is replaced by each
    // target's. false (and no signal) while a round is running or when there is nothing to probe.
    bool probe(const ConnectionParams& params, const QList<RoutingTarget>& targets);
    bool isRunning() const { return m_pending > 0; }

Q_SIGNALS:
    // In target order, then by attempt.
    void probeFinished(const QList<Postgres::RoutingProbe>& probes);

private:
    QList<RoutingProbe> m_probes;
    int m_pending = 0;
    quint64 m_round = 0;
};

} // namespace Postgres
