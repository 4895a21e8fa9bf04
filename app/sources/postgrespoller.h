#pragma once

#include "app/credentials/credentialstore.h"
#include "app/postgres/lagprobe.h"
#include "app/postgres/routingprober.h"
#include "models/cluster/clusterstate.h"
#include "models/cluster/profile.h"

#include <QObject>
#include <QTimer>

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Asks PostgreSQL itself, through libpq and never blocking: pg_stat_replication on the leader (lag in
// bytes and seconds), each replica's replay position and delay, and where HAProxy's ports really land
// (pg_is_in_recovery() through 5000/5001/5002). The password comes from the credential store (the
// keychain, or PATRONI_CONSOLE_POSTGRES_PASSWORD for scripts); without one it says so and waits.
class PostgresPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostgresPoller)
public:
    PostgresPoller(Cluster::ClusterStore* store, const Cluster::Profile& profile, QObject* parent = nullptr);
    void start();
    void stop() { m_timer.stop(); }
    void pollNow();

Q_SIGNALS:
    void roundFinished();

private:
    void runRound();
    Postgres::ConnectionParams params(const QString& host, int port) const;
    void partDone();

    Cluster::ClusterStore* m_store;
    Cluster::Profile m_profile;
    Credentials::CredentialStore m_credentials;
    Postgres::LagProbe m_lag;
    Postgres::RoutingProber m_routing;
    QTimer m_timer;
    std::optional<QString> m_password;
    bool m_inFlight = false;
    int m_pending = 0;
    Cluster::PostgresView m_round;
    QHash<QString, QString> m_memberAt; // "host:port" → member name, for this round
};

} // namespace Sources
