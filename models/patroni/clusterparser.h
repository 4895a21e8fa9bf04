#pragma once

#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace Patroni {

struct ClusterParseResult {
    std::optional<Cluster::ClusterView> view; // set when the body was usable
    Cluster::SourceError error; // set when it was not
    QStringList warnings; // fields ignored because of their type, members dropped for lack of a name
};

// Parses the body of GET /cluster, Patroni 3.x or 4.x. Pure: no I/O, no clock.
ClusterParseResult parseCluster(QByteArrayView body);

} // namespace Patroni
