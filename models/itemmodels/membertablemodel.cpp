#include "models/itemmodels/membertablemodel.h"

#include "models/cluster/clusterstore.h"

using namespace Qt::StringLiterals;

namespace ItemModels {

MemberTableModel::MemberTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MemberTableModel::setStore(Cluster::ClusterStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (!store)
        return;
    connect(store, &Cluster::ClusterStore::viewChanged, this,
        [this](const Cluster::ClusterView&, const Cluster::ClusterView& current) { setMembers(current.members); });
    connect(store, &Cluster::ClusterStore::stalenessChanged, this, &MemberTableModel::setStale);
    connect(store, &Cluster::ClusterStore::findingsChanged, this, &MemberTableModel::setFindings);
    setMembers(store->view().members);
    setStale(store->isStale());
    setFindings(store->findings());
}

int MemberTableModel::rowOf(const QString& name, int from) const
{
    for (int i = from; i < m_members.size(); ++i) {
        if (m_members.at(i).name == name)
            return i;
    }
    return -1;
}

void MemberTableModel::setMembers(const QList<Cluster::Member>& members)
{
    // 1. Rows whose member is gone, bottom up so indexes stay valid.
    QSet<QString> wanted;
    for (const auto& m : members)
        wanted.insert(m.name);
    for (int row = int(m_members.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_members.at(row).name)) {
            beginRemoveRows({}, row, row);
            m_members.removeAt(row);
            endRemoveRows();
        }
    }
    // 2. Walk the new list: keep, move or insert so that row i holds members[i], and update in place.
    for (int i = 0; i < members.size(); ++i) {
        const Cluster::Member& m = members.at(i);
        if (i < m_members.size() && m_members.at(i).name == m.name) {
            updateRow(i, m);
            continue;
        }
        const int existing = rowOf(m.name, i + 1);
        if (existing >= 0) {
            beginMoveRows({}, existing, existing, {}, i);
            m_members.move(existing, i);
            endMoveRows();
            updateRow(i, m);
        } else {
            beginInsertRows({}, i, i);
            m_members.insert(i, m);
            endInsertRows();
        }
    }
}

void MemberTableModel::updateRow(int row, const Cluster::Member& member)
{
    Cluster::Member& current = m_members[row];
    if (current == member)
        return;
    current = member;
    // One signal per changed row, spanning every column: cheaper to reason about than per-cell diffs,
    // and views repaint one row either way.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MemberTableModel::setFindings(const QList<Cluster::Finding>& findings)
{
    QHash<QString, Cluster::Severity> worst;
    for (const Cluster::Finding& f : findings) {
        if (f.subject.isEmpty() || f.severity == Cluster::Severity::Info)
            continue;
        const auto it = worst.constFind(f.subject);
        if (it == worst.constEnd() || int(f.severity) > int(*it))
            worst.insert(f.subject, f.severity);
    }
    if (worst == m_worstFinding)
        return;
    const QHash<QString, Cluster::Severity> before = std::exchange(m_worstFinding, worst);
    for (int row = 0; row < m_members.size(); ++row) {
        const QString& name = m_members.at(row).name;
        if (before.value(name, Cluster::Severity::Info) != worst.value(name, Cluster::Severity::Info))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), { HealthRole });
    }
}

Cluster::Health MemberTableModel::healthOf(const Cluster::Member& member) const
{
    Cluster::Health h = Cluster::memberHealth(member);
    const auto it = m_worstFinding.constFind(member.name);
    if (it == m_worstFinding.constEnd())
        return h;
    if (*it == Cluster::Severity::Critical)
        return Cluster::Health::Critical;
    if (h == Cluster::Health::Healthy || h == Cluster::Health::Unknown)
        return Cluster::Health::Warning;
    return h;
}

void MemberTableModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_members.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_members.size()) - 1, ColumnCount - 1), { StaleRole });
}

int MemberTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int MemberTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString formatBytes(qint64 bytes)
{
    // Thin-space groups, locale-independent: "1 234 567 B" reads at a glance and copies as one token.
    QString digits = QString::number(bytes < 0 ? -bytes : bytes);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QChar(0x2009));
    return (bytes < 0 ? u"-"_s : QString()) + digits + u" B"_s;
}

static QString tagsText(const QVariantMap& tags)
{
    QStringList parts;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    return parts.join(u", "_s);
}

QVariant MemberTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cluster::Member& m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return m.name;
        case HostColumn:
            return m.port ? m.host + u':' + QString::number(m.port) : m.host;
        case RoleColumn:
            return Cluster::roleName(m.role);
        case StateColumn:
            return m.state;
        case TimelineColumn:
            return m.timeline ? QVariant(*m.timeline) : QVariant();
        case LagColumn:
            if (m.lagUnknown)
                return u"unknown"_s;
            return m.lagBytes ? QVariant(formatBytes(*m.lagBytes)) : QVariant();
        case PendingRestartColumn:
            return m.pendingRestart ? u"*"_s : QString();
        case TagsColumn:
            return tagsText(m.tags);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RoleColumn && m.roleText != Cluster::roleName(m.role))
            return u"Patroni says \"%1\""_s.arg(m.roleText);
        if (index.column() == LagColumn && (m.receiveLagBytes || m.replayLagBytes))
            return u"receive lag %1, replay lag %2"_s.arg(
                m.receiveLagBytes ? formatBytes(*m.receiveLagBytes) : u"unknown"_s,
                m.replayLagBytes ? formatBytes(*m.replayLagBytes) : u"unknown"_s);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimelineColumn || index.column() == LagColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NameRole:
        return m.name;
    case HealthRole:
        return int(healthOf(m));
    case MemberRoleRole:
        return int(m.role);
    case LagBytesRole:
        return m.lagBytes ? QVariant(*m.lagBytes) : QVariant();
    case LagUnknownRole:
        return m.lagUnknown;
    case StaleRole:
        return m_stale;
    case IsLeaderRole:
        return Cluster::isLeaderRole(m.role);
    default:
        return {};
    }
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Member");
    case HostColumn:
        return tr("Host");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("State");
    case TimelineColumn:
        return tr("TL");
    case LagColumn:
        return tr("Lag");
    case PendingRestartColumn:
        return tr("Pending restart");
    case TagsColumn:
        return tr("Tags");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> MemberTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(HealthRole, "health");
    names.insert(MemberRoleRole, "memberRole");
    names.insert(LagBytesRole, "lagBytes");
    names.insert(LagUnknownRole, "lagUnknown");
    names.insert(StaleRole, "stale");
    names.insert(IsLeaderRole, "isLeader");
    return names;
}

} // namespace ItemModels
