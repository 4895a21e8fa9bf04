#include "models/cluster/notification.h"
#include "models/cluster/translate.h"

#include <QCoreApplication>

#include <QSet>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {
    QString tr(const char* text, int n = -1)
    {
        return Cluster::translate(text, n);
    }

    bool deserves(const Event& e)
    {
        switch (e.kind) {
        case EventKind::LeaderLost:
            return true;
        case EventKind::LeaderChanged:
            // {"from": ""} is the first leader the console sees: start-up, not a change.
            return !e.details.value(u"from"_s).toString().isEmpty();
        case EventKind::FindingRaised:
            return e.severity == Severity::Critical;
        default:
            return false;
        }
    }
} // namespace

std::optional<Notification> notificationFor(const QString& cluster, const QList<Event>& events)
{
    // A handover: the leader lost and a new one named later in the same batch (a switchover as the
    // etcd watch sees it: the old key deleted, the new one written ~0.1 s later) is a change, and a
    // critical finding cleared again within the batch is over.
    bool regained = false;
    QSet<QString> cleared;
    QList<const Event*> chosen;
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        const Event& e = events.at(i);
        if (e.kind == EventKind::LeaderChanged && !e.details.value(u"from"_s).toString().isEmpty())
            regained = true;
        if (e.kind == EventKind::FindingCleared) {
            cleared.insert(e.subject);
            continue;
        }
        if (!deserves(e))
            continue;
        if ((e.kind == EventKind::LeaderLost && regained)
            || (e.kind == EventKind::FindingRaised && cleared.contains(e.subject)))
            continue;
        chosen.prepend(&e);
    }
    if (chosen.isEmpty())
        return std::nullopt;
    Notification n;
    const Event* first = chosen.first();
    bool leaderLost = false;
    bool leaderChanged = false;
    for (const Event* e : std::as_const(chosen)) {
        leaderLost = leaderLost || e->kind == EventKind::LeaderLost;
        leaderChanged = leaderChanged || e->kind == EventKind::LeaderChanged;
        n.critical = n.critical || e->severity == Severity::Critical || e->kind == EventKind::LeaderLost;
    }
    const QString what = leaderLost ? tr("leader lost")
        : leaderChanged             ? tr("leader changed")
                                    : tr("critical: %1").arg(first->shownMessage().left(60));
    n.title = cluster + u": "_s + what;
    QStringList lines;
    constexpr int shown = 4;
    for (qsizetype i = 0; i < chosen.size() && i < shown; ++i)
        lines.append(chosen.at(i)->shownMessage());
    if (chosen.size() > shown)
        lines.append(tr("and %n more", int(chosen.size() - shown)));
    n.text = lines.join(u'\n');
    return n;
}

} // namespace Cluster
