#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace Patroni {

// synchronous_mode: a boolean in 3.x; Patroni 4 also takes "quorum" (patroni/validator.py,
// global_config.py is_quorum_commit_mode). Booleans may be written as Patroni's parse_bool reads
// them: true/false, "on"/"off", "yes"/"no", "1"/"0".
enum class SynchronousMode {
    Off,
    On,
    Quorum,
};

// GET /config: the dynamic configuration stored in the DCS. Absent keys mean Patroni's defaults.
struct DynamicConfig {
    std::optional<int> ttl; // seconds; Patroni's default 30
    std::optional<int> loopWait; // seconds; default 10
    std::optional<int> retryTimeout; // seconds; default 10
    std::optional<qint64> maximumLagOnFailover; // bytes; default 1048576
    SynchronousMode synchronousMode = SynchronousMode::Off;
    bool synchronousModeStrict = false;
    bool failsafeMode = false;
    bool paused = false; // the "pause" key: maintenance mode
    QVariantMap postgresqlParameters; // postgresql.parameters, values as Patroni stores them (100 or "100")
    QJsonObject raw; // the whole object, for diffConfig and for keys not modelled here

    friend bool operator==(const DynamicConfig&, const DynamicConfig&) = default;
};

struct DynamicConfigParseResult {
    std::optional<DynamicConfig> config;
    Cluster::SourceError error;
    QStringList warnings;
};

// Parses the body of GET /config (also the answer of PATCH /config, which is the merged config). Pure.
DynamicConfigParseResult parseDynamicConfig(QByteArrayView body);

// What changed between two configs, one line per leaf, in key order, with dotted paths:
//   "postgresql.parameters.max_connections: 100 → 200"
//   "+ synchronous_mode: true"        (added)
//   "- pause: true"                   (removed)
// Values are JSON (strings quoted, so "100" → 100 shows a type change). Empty when equal.
QStringList diffConfig(const QJsonObject& before, const QJsonObject& after);

} // namespace Patroni
