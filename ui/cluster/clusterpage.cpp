#include "ui/cluster/clusterpage.h"

#include "ui/charts/lagchart.h"
#include "ui/charts/sessionschart.h"
#include "ui/cluster/detailtree.h"
#include "ui/cluster/findingstyleproxy.h"
#include "ui/cluster/memberstyleproxy.h"
#include "ui/palette.h"
#include "ui/plaintooltip.h"
#include "ui/topology/topologyscene.h"
#include "ui/topology/topologyview.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/details.h"
#include "models/cluster/topology.h"
#include "models/itemmodels/eventfiltermodel.h"
#include "models/itemmodels/eventlogmodel.h"
#include "models/itemmodels/findingsmodel.h"
#include "models/itemmodels/membersortmodel.h"
#include "models/itemmodels/membertablemodel.h"
#include "models/session/clustersession.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    QString ageText(const QDateTime& then)
    {
        if (!then.isValid())
            return ClusterPage::tr("never");
        const qint64 s = then.secsTo(QDateTime::currentDateTimeUtc());
        if (s < 2)
            return ClusterPage::tr("just now");
        if (s < 120)
            return ClusterPage::tr("%1 s ago").arg(s);
        return ClusterPage::tr("%1 min ago").arg(s / 60);
    }
} // namespace

ClusterPage::ClusterPage(QWidget* parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_findings(new QListView(this))
    , m_findingsProxy(new FindingStyleProxy(this))
    , m_events(new QListView(this))
    , m_eventsProxy(new FindingStyleProxy(this))
    , m_eventFilter(new ItemModels::EventFilterModel(this))
    , m_eventText(new QLineEdit(this))
    , m_eventKind(new QComboBox(this))
    , m_eventSeverity(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_proxy(new MemberStyleProxy(this))
    , m_sort(new ItemModels::MemberSortModel(this))
    , m_statusLabel(new QLabel(this))
    , m_ageTimer(new QTimer(this))
    , m_scene(new TopologyScene(this))
    , m_topology(new TopologyView(m_scene, this))
    , m_lagChart(new LagChart(this))
    , m_sessionsChart(new SessionsChart(this))
    , m_charts(new QTabWidget(this))
    , m_topologyTimer(new QTimer(this))
    , m_tabs(new QTabWidget(this))
    , m_memberDetails(new DetailTree(this))
    , m_memberTab(new QWidget(this))
    , m_haproxyPanel(new DetailTree(this))
    , m_etcdPanel(new DetailTree(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_banner->setObjectName(u"healthBanner"_s);
    m_banner->setAccessibleName(tr("Cluster health"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(10);
    m_banner->setWordWrap(true);
    QFont bannerFont = m_banner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.5);
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    m_banner->setAutoFillBackground(true);
    layout->addWidget(m_banner);

    // Findings right under the banner: the disagreements between layers must be impossible to miss.
    m_findings->setModel(m_findingsProxy);
    m_findings->setObjectName(u"findings"_s);
    m_findings->setAccessibleName(tr("Findings, most severe first"));
    m_findings->setWordWrap(true);
    m_findings->setUniformItemSizes(false);
    m_findings->setSelectionMode(QAbstractItemView::NoSelection);
    m_findings->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_findings);
    connect(m_findingsProxy, &QAbstractItemModel::rowsInserted, this, &ClusterPage::fitFindings);
    connect(m_findingsProxy, &QAbstractItemModel::rowsRemoved, this, &ClusterPage::fitFindings);
    connect(m_findingsProxy, &QAbstractItemModel::modelReset, this, &ClusterPage::fitFindings);
    connect(m_findingsProxy, &QAbstractItemModel::dataChanged, this, &ClusterPage::fitFindings);
    // Wrapped lines depend on the width: fit again when it changes.
    m_findings->viewport()->installEventFilter(this);

    // Sortable by any column (click a header); unsorted it keeps the DCS's order.
    m_sort->setSourceModel(m_proxy);
    m_table->setModel(m_sort);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setAccessibleName(tr("Members"));
    m_table->setObjectName(u"memberTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // What just changed, newest first, under the members: the journal's tail and every new event.
    m_eventsProxy->setSourceModel(m_eventFilter);
    m_events->setModel(m_eventsProxy);
    m_events->setObjectName(u"recentEvents"_s);
    m_events->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_events->setAccessibleName(tr("Events, newest first"));
    m_events->setTextElideMode(Qt::ElideRight);
    m_events->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_events->setUniformItemSizes(true);
    // The journal as a timeline, newest first, with Patroni's /history merged in; filtered by member
    // (or any text), kind and severity.
    auto* eventsTab = new QWidget(this);
    auto* eventsLayout = new QVBoxLayout(eventsTab);
    eventsLayout->setContentsMargins(2, 2, 2, 2);
    auto* filters = new QHBoxLayout;
    m_eventText->setPlaceholderText(tr("member or text"));
    m_eventText->setClearButtonEnabled(true);
    m_eventText->setAccessibleName(tr("Filter events by member or text"));
    m_eventKind->addItem(tr("every kind"));
    for (int k = int(Cluster::EventKind::LeaderLost); k <= int(Cluster::EventKind::SourceBack); ++k)
        m_eventKind->addItem(Cluster::eventKindName(Cluster::EventKind(k)), k);
    m_eventKind->setAccessibleName(tr("Filter events by kind"));
    m_eventSeverity->addItem(tr("every severity"), int(Cluster::Severity::Info));
    m_eventSeverity->addItem(tr("warning and worse"), int(Cluster::Severity::Warning));
    m_eventSeverity->addItem(tr("critical only"), int(Cluster::Severity::Critical));
    m_eventSeverity->setAccessibleName(tr("Filter events by severity"));
    filters->addWidget(m_eventText, 1);
    filters->addWidget(m_eventKind);
    filters->addWidget(m_eventSeverity);
    eventsLayout->addLayout(filters);
    eventsLayout->addWidget(m_events, 1);
    connect(m_eventText, &QLineEdit::textChanged, m_eventFilter, &ItemModels::EventFilterModel::setSubject);
    connect(m_eventKind, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant k = m_eventKind->currentData();
        m_eventFilter->setKind(k.isValid() ? std::optional(Cluster::EventKind(k.toInt())) : std::nullopt);
    });
    connect(m_eventSeverity, &QComboBox::currentIndexChanged, this,
        [this] { m_eventFilter->setMinimumSeverity(Cluster::Severity(m_eventSeverity->currentData().toInt())); });
    // Beside the members: what just changed, the selected member in detail, HAProxy and etcd.
    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setAccessibleName(tr("Events and details"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ClusterPage::updateDetails);
    m_tabs->addTab(eventsTab, tr("Events"));
    // The member's details with what can be done to it right under them.
    auto* memberLayout = new QVBoxLayout(m_memberTab);
    memberLayout->setContentsMargins(0, 0, 0, 0);
    memberLayout->setSpacing(2);
    memberLayout->addWidget(m_memberDetails, 1);
    auto* memberButtons = new QHBoxLayout;
    memberButtons->setContentsMargins(2, 0, 2, 2);
    const QList<std::pair<Actions::Kind, QString>> buttons { { Actions::Kind::Switchover, tr("Switch over to it…") },
        { Actions::Kind::Restart, tr("Restart…") }, { Actions::Kind::Reload, tr("Reload…") },
        { Actions::Kind::Reinit, tr("Reinitialize…") } };
    for (const auto& [kind, text] : buttons) {
        auto* b = new QPushButton(text, m_memberTab);
        b->setObjectName(u"member-"_s + Actions::kindName(kind));
        b->setIcon(Palette::actionIcon(Actions::kindName(kind)));
        b->setEnabled(false);
        connect(b, &QPushButton::clicked, this, [this, kind] {
            if (!m_selected.isEmpty())
                Q_EMIT memberActionRequested(kind, m_selected);
        });
        memberButtons->addWidget(b);
        m_memberButtons.append({ kind, b });
    }
    memberButtons->addStretch(1);
    memberLayout->addLayout(memberButtons);
    m_tabs->addTab(m_memberTab, tr("Member"));
    m_tabs->addTab(m_haproxyPanel, tr("HAProxy"));
    m_tabs->addTab(m_etcdPanel, tr("etcd"));
    m_memberDetails->setObjectName(u"memberDetails"_s);
    m_memberDetails->setAccessibleName(tr("Selected member in detail"));
    m_haproxyPanel->setObjectName(u"haproxyPanel"_s);
    m_haproxyPanel->setAccessibleName(tr("HAProxy per port and server"));
    m_etcdPanel->setObjectName(u"etcdPanel"_s);
    m_etcdPanel->setAccessibleName(tr("etcd endpoints and members"));
    // The picture and the lag over time side by side; the members and what just changed under them.
    // At 1600x1000 all four are in view at once.
    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->setObjectName(u"upperSplitter"_s);
    upper->addWidget(m_topology);
    // The charts: replication lag (shown first) and HAProxy's sessions per member.
    m_charts->setObjectName(u"chartTabs"_s);
    m_charts->setAccessibleName(tr("Charts"));
    m_charts->addTab(m_lagChart, tr("Replication lag"));
    m_charts->addTab(m_sessionsChart, tr("HAProxy sessions"));
    upper->addWidget(m_charts);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->setObjectName(u"lowerSplitter"_s);
    lower->addWidget(m_table);
    lower->addWidget(m_tabs);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"pageSplitter"_s);
    splitter->addWidget(upper);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Proportions (QSplitter scales them to the space there is).
    upper->setSizes({ 620, 380 });
    lower->setSizes({ 640, 360 });
    splitter->setSizes({ 600, 300 });
    m_splitters = { splitter, upper, lower };
    layout->addWidget(splitter, 1);

    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setObjectName(u"sourceStatus"_s);
    m_statusLabel->setAccessibleName(tr("Sources and their age"));
    // A long error must not widen the window: the label is cut, its tooltip has it all.
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_statusLabel);

    // The topology follows the store; several changes in one turn of the event loop draw once.
    m_topologyTimer->setSingleShot(true);
    // A round's answers arrive over some milliseconds (the cluster view, the members', HAProxy's):
    // one redraw for all of them.
    m_topologyTimer->setInterval(100);
    connect(m_topologyTimer, &QTimer::timeout, this, &ClusterPage::updateTopology);
    // Selecting a member in the picture selects its row, and back.
    connect(m_scene, &TopologyScene::memberSelected, this, &ClusterPage::selectMember);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            if (current.isValid())
                m_scene->selectMember(current.data(ItemModels::MemberTableModel::NameRole).toString());
        });

    // A right click on a member: what can be done to it.
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_table->indexAt(pos);
        const QString name = index.data(ItemModels::MemberTableModel::NameRole).toString();
        if (name.isEmpty())
            return;
        selectMember(name);
        Q_EMIT memberMenuRequested(name, m_table->viewport()->mapToGlobal(pos));
    });
    m_topology->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_topology, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QString name = m_scene->memberAt(m_topology->mapToScene(pos));
        if (name.isEmpty())
            return;
        selectMember(name);
        Q_EMIT memberMenuRequested(name, m_topology->viewport()->mapToGlobal(pos));
    });

    // "12 s ago" must keep counting while the source is silent.
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &ClusterPage::refresh);
    m_ageTimer->start();
    fitFindings();
    refresh();
}

void ClusterPage::setSession(Session::ClusterSession* session)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        disconnect(m_session->store(), nullptr, this, nullptr);
        disconnect(m_session->store(), nullptr, m_topologyTimer, nullptr);
    }
    m_session = session;
    m_findingsProxy->setSourceModel(session ? session->findingsModel() : nullptr);
    m_proxy->setSourceModel(session ? session->memberModel() : nullptr);
    m_eventFilter->setSourceModel(session ? session->eventModel() : nullptr);
    m_lagChart->setSession(session);
    m_sessionsChart->setSession(session);
    m_scene->clearTopology();
    m_selected.clear();
    updateMemberButtons();
    if (session) {
        // The timer caps the redraws at one per 100 ms; restarting it on every signal would postpone
        // them for as long as answers keep coming.
        const auto schedule = [this] {
            if (!m_topologyTimer->isActive())
                m_topologyTimer->start();
        };
        connect(session->store(), &Cluster::ClusterStore::stateChanged, m_topologyTimer, schedule);
        connect(session->store(), &Cluster::ClusterStore::findingsChanged, m_topologyTimer, schedule);
        m_table->horizontalHeader()->setSectionResizeMode(
            ItemModels::MemberTableModel::TagsColumn, QHeaderView::Stretch);
        // The summary is the session's (it has seen the store's change first); the poll times are the
        // store's.
        connect(session, &Session::ClusterSession::summaryChanged, this, &ClusterPage::refresh);
        connect(session->store(), &Cluster::ClusterStore::pollRecorded, this, &ClusterPage::refresh);
    }
    fitFindings();
    refresh();
    updateTopology();
}

QVariantMap ClusterPage::layoutState() const
{
    QVariantMap state;
    for (const QSplitter* splitter : m_splitters)
        state.insert(splitter->objectName(), splitter->saveState());
    state.insert(u"tab"_s, m_tabs->currentIndex());
    state.insert(u"chartTab"_s, m_charts->currentIndex());
    state.insert(u"lagRange"_s, m_lagChart->rangeSeconds());
    state.insert(u"lagUnit"_s, int(m_lagChart->unit()));
    return state;
}

void ClusterPage::restoreLayoutState(const QVariantMap& state)
{
    for (QSplitter* splitter : std::as_const(m_splitters)) {
        if (state.contains(splitter->objectName()))
            splitter->restoreState(state.value(splitter->objectName()).toByteArray());
    }
    if (state.contains(u"tab"_s))
        m_tabs->setCurrentIndex(state.value(u"tab"_s).toInt());
    if (state.contains(u"chartTab"_s))
        m_charts->setCurrentIndex(state.value(u"chartTab"_s).toInt());
    if (state.contains(u"lagRange"_s))
        m_lagChart->setRangeSeconds(state.value(u"lagRange"_s).toInt());
    if (state.contains(u"lagUnit"_s))
        m_lagChart->setUnit(Cluster::LagUnit(state.value(u"lagUnit"_s).toInt() == 1 ? 1 : 0));
}

void ClusterPage::focusPart(Part part)
{
    switch (part) {
    case Part::Topology:
        m_topology->setFocus(Qt::ShortcutFocusReason);
        return;
    case Part::Members:
        m_table->setFocus(Qt::ShortcutFocusReason);
        return;
    case Part::LagChart:
        m_charts->setCurrentWidget(m_lagChart);
        m_lagChart->setFocus(Qt::ShortcutFocusReason);
        return;
    case Part::Events:
        m_tabs->setCurrentIndex(0);
        m_eventText->setFocus(Qt::ShortcutFocusReason);
        return;
    case Part::MemberDetails:
        m_tabs->setCurrentWidget(m_memberTab);
        m_memberDetails->setFocus(Qt::ShortcutFocusReason);
        return;
    case Part::Haproxy:
        m_tabs->setCurrentWidget(m_haproxyPanel);
        m_haproxyPanel->setFocus(Qt::ShortcutFocusReason);
        return;
    case Part::Etcd:
        m_tabs->setCurrentWidget(m_etcdPanel);
        m_etcdPanel->setFocus(Qt::ShortcutFocusReason);
        return;
    }
}

void ClusterPage::updateTopology()
{
    if (!m_session) {
        m_scene->clearTopology();
        return;
    }
    const Cluster::ClusterStore* store = m_session->store();
    m_scene->setTopology(Cluster::buildTopology(store->state(), store->findings()), store->isStale());
    updateDetails();
}

void ClusterPage::updateDetails()
{
    if (!m_session) {
        m_memberDetails->setGroups(Cluster::memberDetailColumns(), {}, QString());
        m_haproxyPanel->setGroups(Cluster::haproxyDetailColumns(), {}, QString());
        m_etcdPanel->setGroups(Cluster::etcdDetailColumns(), {}, QString());
        return;
    }
    // Only the tab in view is filled (the others when they come into view): a fleet's shown cluster
    // redraws every second.
    const Cluster::ClusterStore* store = m_session->store();
    const Cluster::ClusterState& state = store->state();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QWidget* shown = m_tabs->currentWidget();
    if (shown == m_memberTab)
        updateMemberDetails(state, now);
    if (shown == m_haproxyPanel)
        updateHaproxyPanel(state);
    if (shown == m_etcdPanel)
        updateEtcdPanel(state);
}

void ClusterPage::updateMemberDetails(const Cluster::ClusterState& state, const QDateTime& now)
{
    const Cluster::ClusterStore* store = m_session->store();
    QList<Cluster::DetailGroup> details;
    if (!m_selected.isEmpty()) {
        details = Cluster::memberDetails(state, store->findings(), m_selected, now);
        // Its recent events, newest first (the journal's and /history's, as the Events tab has them).
        if (!details.isEmpty()) {
            Cluster::DetailGroup recent { tr("Recent events"), {} };
            const QAbstractItemModel* events = m_session->eventModel();
            for (int r = 0; r < events->rowCount() && recent.rows.size() < 8; ++r) {
                const QModelIndex i = events->index(r, 0);
                const QString subject = i.data(ItemModels::EventLogModel::SubjectRole).toString();
                if (subject != m_selected && !subject.endsWith(u'/' + m_selected))
                    continue;
                recent.rows.append(
                    { ItemModels::displayDateTime(i.data(ItemModels::EventLogModel::TimeRole).toDateTime()),
                        i.data(Qt::ToolTipRole).toString().section(u'\n', 0, 0) });
            }
            if (!recent.rows.isEmpty())
                details.append(recent);
        }
    }
    m_memberDetails->setGroups(Cluster::memberDetailColumns(), details,
        m_selected.isEmpty() ? tr("Select a member in the picture or the table")
                             : tr("%1 is not in the cluster any more").arg(m_selected));
}

void ClusterPage::updateHaproxyPanel(const Cluster::ClusterState& state)
{
    QString haproxyEmpty;
    if (!state.haproxyConfigured)
        haproxyEmpty = tr("HAProxy is not watched: add its stats URL to the cluster's settings");
    else if (!state.haproxy)
        haproxyEmpty = state.haproxySource.failing() ? Cluster::describe(state.haproxySource.error)
                                                     : tr("HAProxy's stats page has not answered yet");
    QList<Cluster::DetailGroup> haproxy = Cluster::haproxyDetails(state);
    if (state.haproxy && state.haproxySource.failing())
        haproxy.prepend(
            Cluster::DetailGroup { tr("Last known: %1").arg(Cluster::describe(state.haproxySource.error)), {} });
    m_haproxyPanel->setGroups(Cluster::haproxyDetailColumns(), haproxy, haproxyEmpty);
}

void ClusterPage::updateEtcdPanel(const Cluster::ClusterState& state)
{
    QString etcdEmpty;
    if (!state.etcdConfigured)
        etcdEmpty = tr("etcd is not watched: add its client URLs to the cluster's settings");
    else if (!state.etcd)
        etcdEmpty
            = state.etcdSource.failing() ? Cluster::describe(state.etcdSource.error) : tr("etcd has not answered yet");
    m_etcdPanel->setGroups(Cluster::etcdDetailColumns(), Cluster::etcdDetails(state), etcdEmpty);
}

void ClusterPage::selectMember(const QString& name)
{
    if (name.isEmpty())
        return;
    if (name != m_selected) {
        // A member chosen by the user: show it in detail.
        m_selected = name;
        m_tabs->setCurrentWidget(m_memberTab);
        updateMemberButtons();
        updateDetails();
    }
    m_scene->selectMember(name);
    for (int row = 0; row < m_sort->rowCount(); ++row) {
        const QModelIndex index = m_sort->index(row, 0);
        if (index.data(ItemModels::MemberTableModel::NameRole).toString() == name) {
            if (m_table->currentIndex().row() != row)
                m_table->selectRow(row);
            return;
        }
    }
}

QPushButton* ClusterPage::memberActionButton(Actions::Kind kind) const
{
    for (const auto& [k, b] : m_memberButtons) {
        if (k == kind)
            return b;
    }
    return nullptr;
}

void ClusterPage::updateMemberButtons()
{
    const bool can = m_session && m_session->actions() && !m_selected.isEmpty();
    for (const auto& [kind, b] : m_memberButtons) {
        b->setEnabled(can);
        b->setToolTip(
            !m_session || m_session->actions() ? QString() : tr("This view of the cluster cannot send actions"));
    }
}

bool ClusterPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_findings->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &ClusterPage::fitFindings);
    return QWidget::eventFilter(watched, event);
}

void ClusterPage::fitFindings()
{
    // As tall as its first six findings (a long one wraps onto a second line), then it scrolls.
    const int rows = m_findingsProxy->rowCount();
    m_findings->setVisible(rows > 0);
    int height = 0;
    for (int r = 0; r < std::min(rows, 6); ++r)
        height += std::max(m_findings->sizeHintForRow(r), fontMetrics().height() + 6);
    m_findings->setFixedHeight(height + 2 * m_findings->frameWidth() + 2);
}

QString ClusterPage::bannerText() const
{
    return m_banner->text();
}

QString ClusterPage::statusText() const
{
    return m_statusLabel->text();
}

void ClusterPage::refresh()
{
    if (!m_session) {
        m_banner->setText(tr("No cluster"));
        m_statusLabel->clear();
        return;
    }
    const Cluster::ClusterStore* store = m_session->store();
    // The banner says what Cluster::summarize() says; only the colour is decided here.
    const Cluster::ClusterSummary& summary = m_session->summary();
    QString text = m_session->name() + u" — "_s + summary.headline;
    if (summary.stale && summary.everRead)
        text += tr(" (last good %1)").arg(ageText(store->lastGoodAt()));
    if (m_banner->text() != text)
        m_banner->setText(text);
    if (summary.health != m_bannerHealth
        || m_banner->palette().color(QPalette::Window) != Palette::healthColor(summary.health)) {
        QPalette pal = m_banner->palette();
        pal.setColor(QPalette::Window, Palette::healthColor(summary.health));
        pal.setColor(QPalette::WindowText, Qt::white);
        m_banner->setPalette(pal);
        m_bannerHealth = summary.health;
    }

    // Every source the cluster watches: how old its last good answer is, or why it has none.
    const Cluster::ClusterState& state = store->state();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList parts;
    QStringList errors;
    const auto describeSource = [&](const QString& label, const Cluster::SourceState& source) {
        if (source.failing()) {
            parts.append(tr("%1 failing").arg(label));
            errors.append(label + u": "_s + Cluster::describe(source.error)
                + (source.everSucceeded()
                        ? tr(" (last good %1 ago)").arg(Cluster::durationText(source.lastSuccess.secsTo(now)))
                        : QString()));
        } else if (source.everSucceeded()) {
            parts.append(tr("%1 %2 ago").arg(label, Cluster::durationText(source.lastSuccess.secsTo(now))));
        } else {
            parts.append(tr("%1 waiting").arg(label));
        }
    };
    describeSource(tr("Patroni"), state.dcs);
    if (state.haproxyConfigured)
        describeSource(tr("HAProxy"), state.haproxySource);
    if (state.etcdConfigured)
        describeSource(tr("etcd"), state.etcdSource);
    if (state.postgresConfigured)
        describeSource(tr("PostgreSQL"), state.postgresSource);
    QString status = parts.join(u" · "_s);
    if (store->hasView())
        status += tr(" · cluster view from %1").arg(store->lastGoodSource());
    if (!errors.isEmpty())
        status += u" — "_s + errors.join(u"; "_s);
    if (!store->lastWarnings().isEmpty())
        status += tr(" · %n field(s) ignored", nullptr, int(store->lastWarnings().size()));
    if (m_statusLabel->text() != status) {
        m_statusLabel->setText(status);
        m_statusLabel->setToolTip(plainToolTip((errors + store->lastWarnings()).join(u'\n')));
    }
}

} // namespace Ui
