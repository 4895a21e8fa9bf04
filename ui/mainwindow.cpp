#include "ui/mainwindow.h"

#include "ui/cluster/findingstyleproxy.h"
#include "ui/cluster/memberstyleproxy.h"
#include "ui/palette.h"

#include "models/cluster/clusterstore.h"
#include "models/itemmodels/eventlogmodel.h"
#include "models/itemmodels/findingsmodel.h"
#include "models/itemmodels/membertablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    QString ageText(const QDateTime& then)
    {
        if (!then.isValid())
            return MainWindow::tr("never");
        const qint64 s = then.secsTo(QDateTime::currentDateTimeUtc());
        if (s < 2)
            return MainWindow::tr("just now");
        if (s < 120)
            return MainWindow::tr("%1 s ago").arg(s);
        return MainWindow::tr("%1 min ago").arg(s / 60);
    }
} // namespace

MainWindow::MainWindow(Cluster::ClusterStore* store, ItemModels::MemberTableModel* members,
    ItemModels::FindingsModel* findings, ItemModels::EventLogModel* events, const QString& clusterLabel,
    QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_clusterLabel(clusterLabel)
    , m_banner(new QLabel(this))
    , m_findings(new QListView(this))
    , m_findingsProxy(new FindingStyleProxy(this))
    , m_events(new QListView(this))
    , m_eventsProxy(new FindingStyleProxy(this))
    , m_table(new QTableView(this))
    , m_proxy(new MemberStyleProxy(this))
    , m_statusLabel(new QLabel(this))
    , m_ageTimer(new QTimer(this))
{
    setWindowTitle(tr("Patroni Console — %1").arg(clusterLabel));
    setWindowIcon(QIcon(u":/icons/patroni-console.svg"_s));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 8);

    m_banner->setObjectName(u"healthBanner"_s);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(10);
    QFont bannerFont = m_banner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.5);
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    m_banner->setAutoFillBackground(true);
    layout->addWidget(m_banner);

    // Findings right under the banner: the disagreements between layers must be impossible to miss.
    m_findingsProxy->setSourceModel(findings);
    m_findings->setModel(m_findingsProxy);
    m_findings->setObjectName(u"findings"_s);
    m_findings->setWordWrap(true);
    m_findings->setUniformItemSizes(false);
    m_findings->setSelectionMode(QAbstractItemView::NoSelection);
    m_findings->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_findings);
    const auto fitFindings = [this] {
        const int rows = m_findingsProxy->rowCount();
        m_findings->setVisible(rows > 0);
        const int rowHeight = std::max(m_findings->sizeHintForRow(0), fontMetrics().height() + 6);
        m_findings->setFixedHeight(std::min(rows, 6) * rowHeight + 2 * m_findings->frameWidth() + 2);
    };
    connect(m_findingsProxy, &QAbstractItemModel::rowsInserted, this, fitFindings);
    connect(m_findingsProxy, &QAbstractItemModel::rowsRemoved, this, fitFindings);
    connect(m_findingsProxy, &QAbstractItemModel::modelReset, this, fitFindings);
    fitFindings();

    m_proxy->setSourceModel(members);
    m_table->setModel(m_proxy);
    m_table->setObjectName(u"memberTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ItemModels::MemberTableModel::TagsColumn, QHeaderView::Stretch);
    // What just changed, newest first, under the members: the journal's tail and every new event.
    m_eventsProxy->setSourceModel(events);
    m_events->setModel(m_eventsProxy);
    m_events->setObjectName(u"recentEvents"_s);
    m_events->setSelectionMode(QAbstractItemView::NoSelection);
    m_events->setFocusPolicy(Qt::NoFocus);
    auto* eventsBox = new QWidget(this);
    auto* eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 4, 0, 0);
    auto* eventsTitle = new QLabel(tr("Recent changes"), eventsBox);
    QFont titleFont = eventsTitle->font();
    titleFont.setBold(true);
    eventsTitle->setFont(titleFont);
    eventsLayout->addWidget(eventsTitle);
    eventsLayout->addWidget(m_events);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(eventsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_statusLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusLabel, 1);

    connect(store, &Cluster::ClusterStore::pollRecorded, this, &MainWindow::handleStoreUpdated);
    connect(store, &Cluster::ClusterStore::findingsChanged, this, &MainWindow::handleStoreUpdated);
    // "12 s ago" must keep counting while the source is silent.
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &MainWindow::handleStoreUpdated);
    m_ageTimer->start();
    handleStoreUpdated();
    resize(1100, 640);
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

void MainWindow::handleStoreUpdated()
{
    QString text;
    QColor background;
    if (!m_store->hasView() && !m_store->isStale()) {
        text = tr("%1 — connecting…").arg(m_clusterLabel);
        background = Palette::healthColor(Cluster::Health::Unknown);
    } else if (!m_store->hasView()) {
        text = tr("%1 — UNREACHABLE").arg(m_clusterLabel);
        background = Palette::healthColor(Cluster::Health::Critical);
    } else {
        const Cluster::ClusterSummary summary = Cluster::summarize(m_store->view());
        if (m_store->isStale()) {
            text = tr("%1 — STALE (last good %2) — %3")
                       .arg(m_clusterLabel, ageText(m_store->lastGoodAt()), summary.headline);
            background = Palette::healthColor(Cluster::Health::Unknown);
        } else {
            text = m_clusterLabel + u" — "_s + summary.headline;
            // The banner is as bad as the worst finding: the DCS's view alone can look fine while
            // a node disagrees or its API is down.
            Cluster::Health health = summary.health;
            for (const Cluster::Finding& f : m_store->findings()) {
                if (f.severity == Cluster::Severity::Critical)
                    health = Cluster::Health::Critical;
                else if (f.severity == Cluster::Severity::Warning && health == Cluster::Health::Healthy)
                    health = Cluster::Health::Warning;
            }
            background = Palette::healthColor(health);
        }
    }
    m_banner->setText(text);
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, Qt::white);
    m_banner->setPalette(pal);

    QString status = tr("Last poll %1").arg(ageText(m_store->lastPollAt()));
    if (m_store->hasView())
        status += tr(" · data from %1, %2").arg(m_store->lastGoodSource(), ageText(m_store->lastGoodAt()));
    if (!m_store->lastWarnings().isEmpty())
        status += tr(" · %n field(s) ignored", nullptr, int(m_store->lastWarnings().size()));
    m_statusLabel->setText(status);
    m_statusLabel->setToolTip(m_store->lastWarnings().join(u'\n'));
}

} // namespace Ui
