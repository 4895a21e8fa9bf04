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
    // Any change can move a row: the node's answer, a finding, PostgreSQL's lag in seconds.
    // Recomputing the views is cheap; the diff below keeps what the view repaints small.
    connect(store, &Cluster::ClusterStore::stalenessChanged, this, &MemberTableModel::setStale);
    connect(store, &Cluster::ClusterStore::stateChanged, this, &MemberTableModel::refresh);
    refresh();
    setStale(store->isStale());
}

void MemberTableModel::refresh()
{
    if (m_store)
        setViews(Cluster::memberViews(m_store->state(), m_store->findings()));
}

int MemberTableModel::rowOf(const QString& name, int from) const
{
    for (int i = from; i < m_views.size(); ++i) {
        if (m_views.at(i).name == name)
            return i;
    }
    return -1;
}

void MemberTableModel::setViews(const QList<Cluster::MemberView>& views)
{
    // 1. Rows whose member is gone, bottom up so indexes stay valid.
    QSet<QString> wanted;
    for (const auto& v : views)
        wanted.insert(v.name);
    for (int row = int(m_views.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_views.at(row).name)) {
            beginRemoveRows({}, row, row);
            m_views.removeAt(row);
            endRemoveRows();
        }
    }
    // 2. Walk the new list: keep, move or insert so that row i holds views[i], and update in place.
    for (int i = 0; i < views.size(); ++i) {
        const Cluster::MemberView& v = views.at(i);
        if (i < m_views.size() && m_views.at(i).name == v.name) {
            updateRow(i, v);
            continue;
        }
        const int existing = rowOf(v.name, i + 1);
        if (existing >= 0) {
            beginMoveRows({}, existing, existing, {}, i);
            m_views.move(existing, i);
            endMoveRows();
            updateRow(i, v);
        } else {
            beginInsertRows({}, i, i);
            m_views.insert(i, v);
            endInsertRows();
        }
    }
}

void MemberTableModel::updateRow(int row, const Cluster::MemberView& view)
{
    Cluster::MemberView& current = m_views[row];
    if (current == view)
        return;
    current = view;
    // One signal per changed row, spanning every column: cheaper to reason about than per-cell diffs,
    // and views repaint one row either way.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MemberTableModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_views.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_views.size()) - 1, ColumnCount - 1), { StaleRole });
}

int MemberTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_views.size());
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

QString displayBytes(qint64 bytes)
{
    if (QLocale().language() == QLocale::C)
        return formatBytes(bytes); // the C locale (scripts, LC_ALL=C) reads exact bytes, as the records do
    const QString scaled = QLocale().formattedDataSize(bytes < 0 ? -bytes : bytes, 1, QLocale::DataSizeIecFormat);
    return bytes < 0 ? u"-"_s + scaled : scaled;
}

QString displayDateTime(const QDateTime& at)
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    if (locale.language() == QLocale::C)
        return local.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    // The locale's long time (it has seconds) without its zone ("t", outside quoted text).
    const QString longTime = locale.timeFormat(QLocale::LongFormat);
    QString time;
    bool quoted = false;
    for (const QChar c : longTime) {
        if (c == u'\'')
            quoted = !quoted;
        if (!quoted && c == u't')
            continue;
        time += c;
    }
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(u"yyyy"_s))
        date.replace(u"yy"_s, u"yyyy"_s); // a log reads badly with two-digit years
    return locale.toString(local, date + u' ' + time.trimmed());
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
    const Cluster::MemberView& v = m_views.at(index.row());
    const Cluster::Member& m = v.dcs;
    const bool dcsDisagrees = m.role != v.role || m.state != v.state;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return v.name;
        case HostColumn:
            return m.port ? m.host + u':' + QString::number(m.port) : m.host;
        case RoleColumn:
            return Cluster::shownRole(v);
        case StateColumn:
            return v.state;
        case TimelineColumn:
            return v.timeline ? QVariant(*v.timeline) : QVariant();
        case LagColumn:
            if (v.lagUnknown)
                return tr("unknown");
            return v.lagBytes ? QVariant(displayBytes(*v.lagBytes)) : QVariant();
        case LagSecondsColumn:
            // The reader's decimal separator ("0,250 s" in German); the JSON and TSV outputs keep C's.
            return v.lagSeconds ? QVariant(QLocale().toString(*v.lagSeconds, 'f', 3) + u" s"_s) : QVariant();
        case PendingRestartColumn:
            return v.pendingRestart ? u"*"_s : QString();
        case TagsColumn:
            return tagsText(m.tags);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if ((index.column() == RoleColumn || index.column() == StateColumn) && dcsDisagrees)
            return tr("The DCS (GET /cluster) lists %1 as %2, %3").arg(v.name, m.roleText, m.state);
        if (index.column() == StateColumn) {
            QString upstream = m.tags.value(u"replicatefrom"_s).toString();
            if (upstream.isEmpty()) {
                for (const Cluster::MemberView& other : m_views) {
                    if (other.believedLeader)
                        upstream = other.name;
                }
            }
            return Cluster::explainState(v, upstream);
        }
        if (index.column() == RoleColumn && v.roleText != Cluster::roleName(v.role))
            return tr("Patroni says \"%1\"").arg(v.roleText);
        if (index.column() == LagColumn && (m.receiveLagBytes || m.replayLagBytes))
            return tr("receive lag %1, replay lag %2")
                .arg(m.receiveLagBytes ? formatBytes(*m.receiveLagBytes) : tr("unknown"),
                    m.replayLagBytes ? formatBytes(*m.replayLagBytes) : tr("unknown"));
        if (index.column() == LagColumn && v.lagBytes)
            return formatBytes(*v.lagBytes); // the exact count behind "1.5 MiB"
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimelineColumn || index.column() == LagColumn || index.column() == LagSecondsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NameRole:
        return v.name;
    case HealthRole:
        return int(v.health);
    case MemberRoleRole:
        return int(v.role);
    case LagBytesRole:
        return v.lagBytes ? QVariant(*v.lagBytes) : QVariant();
    case LagUnknownRole:
        return v.lagUnknown;
    case StaleRole:
        return m_stale;
    case IsLeaderRole:
        return v.isLeader();
    case LagSecondsRole:
        return v.lagSeconds ? QVariant(*v.lagSeconds) : QVariant();
    case ReachRole:
        return int(v.reach);
    case DcsDisagreesRole:
        return dcsDisagrees;
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
    case LagSecondsColumn:
        return tr("Lag s");
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
    names.insert(LagSecondsRole, "lagSeconds");
    names.insert(ReachRole, "reach");
    names.insert(DcsDisagreesRole, "dcsDisagrees");
    return names;
}

} // namespace ItemModels
