#include "app/postgres/routingprober.h"

#include "app/postgres/asyncconnection.h"

namespace Postgres {

RoutingProber::RoutingProber(QObject* parent)
    : QObject(parent)
{
}

QList<RoutingTarget> RoutingProber::standardTargets(
    int primaryPort, int replicaPort, int anyPort, int connectionsPerBalancedPort)
{
    return { { primaryPort, 1 }, { replicaPort, connectionsPerBalancedPort }, { anyPort, connectionsPerBalancedPort } };
}

bool RoutingProber::probe(const ConnectionParams& params, const QList<RoutingTarget>& targets)
{
    if (m_pending > 0)
        return false;
    m_probes.clear();
    for (const RoutingTarget& t : targets) {
        for (int i = 0; i < t.connections; ++i) {
            RoutingProbe p;
            p.host = params.host;
            p.port = t.port;
            p.attempt = i;
            m_probes.append(p);
        }
    }
    if (m_probes.isEmpty())
        return false;
    m_pending = int(m_probes.size());
    const quint64 round = ++m_round;
    for (qsizetype index = 0; index < m_probes.size(); ++index) {
        ConnectionParams p = params;
        p.port = m_probes.at(index).port;
        queryOnce(p, routingProbeSql(), {}, this, [this, index, round](const OneShotResult& r) {
            if (round != m_round)
                return;
            RoutingProbe& probe = m_probes[index];
            applyRoutingResult(r.result, &probe);
            probe.elapsedMs = r.totalMs;
            if (--m_pending == 0)
                Q_EMIT probeFinished(m_probes);
        });
    }
    return true;
}

} // namespace Postgres
