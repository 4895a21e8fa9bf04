#pragma once

#include "models/cluster/event.h"

#include <QList>
#include <QString>

#include <optional>

// What deserves a desktop notification: the leader lost or changed, and a critical finding raised.
// Decided here, shown by ui/ (a tray icon's message).
namespace Cluster {

struct Notification {
    QString title; // "prod: leader changed"
    QString text; // the events' sentences, one per line (at most a few, then "and N more")
    bool critical = false;
    friend bool operator==(const Notification&, const Notification&) = default;
};

// One notification for one batch of events of one cluster, or none when nothing in it deserves one.
// The first "X is the leader" (the console starting up) is not news; a leader lost and a new one named
// within the batch is a change, and a critical finding raised and cleared within it is left out.
std::optional<Notification> notificationFor(const QString& cluster, const QList<Event>& events);

} // namespace Cluster
