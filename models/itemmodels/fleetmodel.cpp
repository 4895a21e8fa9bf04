#include "models/itemmodels/fleetmodel.h"

#include "models/session/clustersession.h"

using namespace Qt::StringLiterals;

namespace ItemModels {

FleetModel::FleetModel(QObject* parent)
    : QAbstractListModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(refreshIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &FleetModel::flush);
}

void FleetModel::flush()
{
    const QSet<int> dirty = std::exchange(m_dirty, {});
    for (int row : dirty) {
        if (row < m_sessions.size())
            Q_EMIT dataChanged(index(row, 0), index(row, 0));
    }
}

void FleetModel::setSessions(const QList<Session::ClusterSession*>& sessions)
{
    beginResetModel();
    for (const auto& s : std::as_const(m_sessions)) {
        if (s)
            disconnect(s, nullptr, this, nullptr);
    }
    m_sessions.clear();
    for (Session::ClusterSession* s : sessions) {
        m_sessions.append(s);
        connect(s, &Session::ClusterSession::summaryChanged, this, [this, s] {
            const int row = rowOf(s);
            if (row < 0)
                return;
            m_dirty.insert(row);
            if (!m_flush.isActive())
                m_flush.start();
        });
        // By the time `destroyed` is emitted the guard is already null: drop the null rows.
        connect(s, &QObject::destroyed, this, [this] {
            for (int row = int(m_sessions.size()) - 1; row >= 0; --row) {
                if (m_sessions.at(row))
                    continue;
                beginRemoveRows({}, row, row);
                m_sessions.removeAt(row);
                endRemoveRows();
                // Rows after it moved up by one: so do their pending repaints.
                QSet<int> moved;
                for (int d : std::as_const(m_dirty)) {
                    if (d != row)
                        moved.insert(d > row ? d - 1 : d);
                }
                m_dirty = moved;
            }
        });
    }
    endResetModel();
}

Session::ClusterSession* FleetModel::sessionAt(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row).data() : nullptr;
}

int FleetModel::rowOf(const Session::ClusterSession* session) const
{
    for (int i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i).data() == session)
            return i;
    }
    return -1;
}

int FleetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant FleetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session::ClusterSession* s = m_sessions.at(index.row());
    if (!s)
        return {};
    const Cluster::ClusterSummary& sum = s->summary();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return s->name();
    case Qt::ToolTipRole:
    case HeadlineRole:
        return sum.headline;
    case HealthRole:
        return int(sum.health);
    case HealthRankRole:
        return Cluster::healthRank(sum.health);
    case LeaderRole:
        return sum.leader;
    case MembersRunningRole:
        return sum.membersRunning;
    case MembersTotalRole:
        return sum.membersTotal;
    case TimelineRole:
        return sum.timeline ? QVariant(*sum.timeline) : QVariant();
    case WorstLagBytesRole:
        return sum.worstLagBytes ? QVariant(*sum.worstLagBytes) : QVariant();
    case WorstFindingRole:
        return sum.worstFinding ? sum.worstFinding->message : QString();
    case StaleRole:
        return sum.stale;
    default:
        return {};
    }
}

QHash<int, QByteArray> FleetModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(HealthRole, "health");
    names.insert(HealthRankRole, "healthRank");
    names.insert(HeadlineRole, "headline");
    names.insert(LeaderRole, "leader");
    names.insert(MembersRunningRole, "membersRunning");
    names.insert(MembersTotalRole, "membersTotal");
    names.insert(TimelineRole, "timeline");
    names.insert(WorstLagBytesRole, "worstLagBytes");
    names.insert(WorstFindingRole, "worstFinding");
    names.insert(StaleRole, "stale");
    return names;
}

} // namespace ItemModels
