#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Patroni {

// One line of Prometheus text exposition: name{label="value",...} value [timestamp].
struct MetricSample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0; // NaN, +Inf and -Inf are legal values
    std::optional<qint64> timestampMs;
};

struct Metrics {
    QList<MetricSample> samples; // in body order

    // The first sample of that name whose labels include all of `labels`; nullptr if none.
    const MetricSample* sample(QStringView name, const QMap<QString, QString>& labels = {}) const;
    std::optional<double> value(QStringView name, const QMap<QString, QString>& labels = {}) const;
};

struct MetricsParseResult {
    std::optional<Metrics> metrics;
    Cluster::SourceError error; // UnexpectedShape: empty, or not one line reads as a sample
    QStringList warnings; // lines that did not parse (capped)
};

// Parses GET /metrics (Patroni 3.x/4.x) or any Prometheus text exposition. Comment lines
// (# HELP, # TYPE, 4.x's "# Values: ...") are skipped. Accepts blanks between a name and its
// labels: Patroni 3.0.2 writes "patroni_postgres_server_version {scope=...} 150018". Pure.
MetricsParseResult parseMetrics(QByteArrayView body);

} // namespace Patroni
