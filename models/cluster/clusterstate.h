#pragma once

#include "models/cluster/finding.h"
#include "models/cluster/member.h"
#include "models/cluster/sourceerror.h"
#include "models/patroni/memberstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <optional>

namespace Cluster {

// How fresh one source is. A failed poll keeps the last good data and records why here.
struct SourceState {
    QDateTime lastAttempt;
    QDateTime lastSuccess;
    SourceError error;

    bool everSucceeded() const { return lastSuccess.isValid(); }
    bool failing() const { return error.isError(); }
    friend bool operator==(const SourceState&, const SourceState&) = default;
};

// What a member says about itself (GET /patroni), as opposed to what the DCS says about it.
struct MemberObservation {
    QUrl apiUrl;
    std::optional<Patroni::MemberStatus> status; // last good answer
    SourceState source;

    bool reachable() const { return source.everSucceeded() && !source.failing(); }
    friend bool operator==(const MemberObservation&, const MemberObservation&) = default;
};

} // namespace Cluster

namespace Cluster {

// Everything the console believes about one cluster, from every layer. The store owns one;
// findings, change detection, the CLI's JSON and the window all read this value.
struct ClusterState {
    // GET /cluster: the DCS's view.
    ClusterView view;
    SourceState dcs;
    QStringList dcsWarnings;
    QDateTime leaderSince; // when the DCS started naming its current leader (or no leader)
    // GET /patroni per member, keyed by member name.
    QMap<QString, MemberObservation> members;

    // Patroni 4.x puts the scope in /cluster; 3.x only in each member's /patroni.
    QString scope() const
    {
        if (!view.scope.isEmpty())
            return view.scope;
        for (const MemberObservation& o : members) {
            if (o.status && !o.status->scope.isEmpty())
                return o.status->scope;
        }
        return {};
    }

    friend bool operator==(const ClusterState&, const ClusterState&) = default;
};

} // namespace Cluster
