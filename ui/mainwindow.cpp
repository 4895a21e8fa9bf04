#include "ui/mainwindow.h"
#include "ui/snapshot/snapshotwriter.h"
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>

#include "ui/cluster/clusterdialog.h"
#include "ui/cluster/clusterpage.h"
#include "ui/cluster/fleetproxy.h"
#include "ui/notifier.h"
#include "ui/topology/topologyview.h"

#include "models/itemmodels/fleetmodel.h"
#include "models/session/clustereditor.h"
#include "models/session/clustersession.h"

#include <QGuiApplication>
#include <QIcon>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

MainWindow::MainWindow(const QList<Session::ClusterSession*>& sessions, const QString& title, QWidget* parent)
    : QMainWindow(parent)
    , m_fleetModel(new ItemModels::FleetModel(this))
    , m_fleetProxy(new FleetProxy(this))
    , m_fleet(new QListView(this))
    , m_filter(new QLineEdit(this))
    , m_page(new ClusterPage(this))
{
    setWindowTitle(tr("Patroni Console — %1").arg(title));
    setWindowIcon(QIcon(u":/icons/patroni-console.svg"_s));

    m_fleetModel->setSessions(sessions);
    m_notifier = new Notifier(this);
    m_notifier->setSessions(sessions);
    m_fleetProxy->setSourceModel(m_fleetModel);
    m_fleet->setModel(m_fleetProxy);
    m_fleet->setObjectName(u"fleet"_s);
    m_fleet->setAccessibleName(tr("Clusters, worst first"));
    m_fleet->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fleet->setUniformItemSizes(true);
    m_fleet->setWordWrap(false);
    m_fleet->setTextElideMode(Qt::ElideRight);
    m_fleet->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_filter->setObjectName(u"fleetFilter"_s);
    m_filter->setAccessibleName(tr("Filter clusters"));
    m_filter->setPlaceholderText(tr("Filter clusters"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_fleetProxy, &QSortFilterProxyModel::setFilterFixedString);

    m_fleetBox = new QWidget(this);
    auto* fleetBox = m_fleetBox;
    auto* fleetLayout = new QVBoxLayout(fleetBox);
    fleetLayout->setContentsMargins(0, 0, 0, 0);
    fleetLayout->addWidget(m_filter);
    fleetLayout->addWidget(m_fleet, 1);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 8);
    auto* splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter = splitter;
    splitter->addWidget(fleetBox);
    splitter->addWidget(m_page);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({ 300, 1000 });
    layout->addWidget(splitter);
    setCentralWidget(central);
    // One cluster: no list to choose from.
    fleetBox->setVisible(sessions.size() > 1);

    connect(m_fleet->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        const QModelIndex source = m_fleetProxy->mapToSource(current);
        if (Session::ClusterSession* s = m_fleetModel->sessionAt(source.row()))
            m_page->setSession(s);
    });
    if (!sessions.isEmpty())
        showSession(sessions.first());
    // 1600x1000 where the screen allows: topology, members, findings and the lag chart all in view.
    QSize size(1600, 1000);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize());
    resize(size);
    createViewMenu();
}

void MainWindow::createViewMenu()
{
    // File: a snapshot of the cluster shown, for a ticket, a change record or a chat.
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction = file->addAction(tr("&Export snapshot…"), this, &MainWindow::exportSnapshotInteractively);
    exportAction->setShortcut(QKeySequence::Save); // Ctrl+E is Edit cluster
    exportAction->setToolTip(tr("Everything the console knows about the cluster shown, secrets redacted: JSON, "
                                "Markdown, HTML, PDF or a PNG of the page"));
    connect(file, &QMenu::aboutToShow, this, [this, exportAction] { exportAction->setEnabled(currentSession()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    // The Cluster menu: the notification switch of the cluster shown; setEditor() adds the rest.
    m_clusterMenu = menuBar()->addMenu(tr("&Cluster"));
    m_notifyAction = m_clusterMenu->addAction(tr("&Notify about this cluster"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setToolTip(tr("A desktop notification when its leader is lost or changes, or a critical "
                                  "finding is raised"));
    connect(m_notifyAction, &QAction::toggled, this, [this](bool on) {
        if (const Session::ClusterSession* s = currentSession())
            m_notifier->setMuted(s->name(), !on);
    });
    connect(m_clusterMenu, &QMenu::aboutToShow, this, [this] {
        const Session::ClusterSession* s = currentSession();
        m_notifyAction->setEnabled(s);
        const QSignalBlocker block(m_notifyAction);
        m_notifyAction->setChecked(s && !m_notifier->isMuted(s->name()));
    });
    // Every part of the window one keystroke away.
    auto* menu = menuBar()->addMenu(tr("&View"));
    const auto part = [this, menu](const QString& text, const QKeySequence& keys, ClusterPage::Part p) {
        QAction* a = menu->addAction(text, this, [this, p] { m_page->focusPart(p); });
        a->setShortcut(keys);
    };
    QAction* fleet = menu->addAction(tr("&Clusters (filter)"), this, [this] {
        if (m_fleetBox->isVisible())
            m_filter->setFocus(Qt::ShortcutFocusReason);
    });
    fleet->setShortcut(QKeySequence::Find);
    part(tr("&Topology"), Qt::ALT | Qt::Key_1, ClusterPage::Part::Topology);
    part(tr("&Members"), Qt::ALT | Qt::Key_2, ClusterPage::Part::Members);
    part(tr("&Lag chart"), Qt::ALT | Qt::Key_3, ClusterPage::Part::LagChart);
    part(tr("&Events"), Qt::ALT | Qt::Key_4, ClusterPage::Part::Events);
    part(tr("Member &details"), Qt::ALT | Qt::Key_5, ClusterPage::Part::MemberDetails);
    part(tr("&HAProxy"), Qt::ALT | Qt::Key_6, ClusterPage::Part::Haproxy);
    part(tr("e&tcd"), Qt::ALT | Qt::Key_7, ClusterPage::Part::Etcd);
    menu->addSeparator();
    QAction* fit = menu->addAction(tr("&Fit the topology"), this, [this] { m_page->topologyView()->fitAll(); });
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    settings.beginGroup(u"window"_s);
    if (settings.contains(u"geometry"_s))
        restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    if (settings.contains(u"fleetSplitter"_s))
        m_splitter->restoreState(settings.value(u"fleetSplitter"_s).toByteArray());
    m_page->restoreLayoutState(settings.value(u"page"_s).toMap());
    const QString cluster = settings.value(u"cluster"_s).toString();
    for (int row = 0; row < m_fleetModel->rowCount(); ++row) {
        if (Session::ClusterSession* s = m_fleetModel->sessionAt(row); s && s->name() == cluster)
            showSession(s);
    }
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.beginGroup(u"window"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"fleetSplitter"_s, m_splitter->saveState());
    settings.setValue(u"page"_s, m_page->layoutState());
    if (const Session::ClusterSession* s = currentSession())
        settings.setValue(u"cluster"_s, s->name());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::setSessions(const QList<Session::ClusterSession*>& sessions)
{
    Session::ClusterSession* shown = currentSession();
    m_fleetModel->setSessions(sessions);
    m_notifier->setSessions(sessions);
    m_fleetBox->setVisible(sessions.size() > 1);
    if (shown && sessions.contains(shown))
        showSession(shown);
    else if (!sessions.isEmpty())
        showSession(sessions.first());
    else
        m_page->setSession(nullptr);
}

void MainWindow::setEditor(Session::ClusterEditor* editor)
{
    m_editor = editor;
    QAction* first = m_clusterMenu->actions().value(0);
    auto* add = new QAction(tr("&Add cluster…"), this);
    add->setShortcut(QKeySequence::New);
    connect(add, &QAction::triggered, this, &MainWindow::addCluster);
    auto* edit = new QAction(tr("&Edit cluster…"), this);
    edit->setShortcut(Qt::CTRL | Qt::Key_E);
    connect(edit, &QAction::triggered, this, &MainWindow::editCluster);
    auto* remove = new QAction(tr("&Remove cluster…"), this);
    remove->setShortcut(Qt::CTRL | Qt::Key_Delete);
    connect(remove, &QAction::triggered, this, &MainWindow::removeCluster);
    m_clusterMenu->insertActions(first, { add, edit, remove });
    m_clusterMenu->insertSeparator(first);
    connect(editor, &Session::ClusterEditor::removed, this, [this](const QString& name, const QStringList& problems) {
        if (!problems.isEmpty())
            QMessageBox::warning(this, tr("Cluster not removed"),
                tr("%1 was not removed: %2").arg(name.toHtmlEscaped(), problems.join(u' ').toHtmlEscaped()));
    });
}

void MainWindow::addCluster()
{
    if (!m_editor)
        return;
    ClusterDialog dialog(m_editor, std::nullopt, this);
    dialog.exec();
}

void MainWindow::editCluster()
{
    Session::ClusterSession* s = currentSession();
    if (!m_editor || !s)
        return;
    const auto profile = m_editor->profile(s->name());
    if (!profile) {
        QMessageBox::information(this, tr("Not a saved cluster"),
            tr("%1 is not saved (it came from the command line or is the built-in lab): add it as a cluster "
               "of its own to change it.")
                .arg(s->name().toHtmlEscaped()));
        return;
    }
    ClusterDialog dialog(m_editor, profile, this);
    dialog.exec();
}

void MainWindow::removeCluster()
{
    Session::ClusterSession* s = currentSession();
    if (!m_editor || !s)
        return;
    if (!m_editor->profile(s->name())) {
        QMessageBox::information(this, tr("Not a saved cluster"),
            tr("%1 is not saved: there is nothing to remove.").arg(s->name().toHtmlEscaped()));
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Remove cluster"),
        tr("Stop watching %1 and forget it: its settings and its passwords in the keychain are removed. The "
           "cluster itself is not touched. Its journal stays on disk.")
            .arg(s->name().toHtmlEscaped()),
        QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_editor->remove(s->name());
}

void MainWindow::showSession(Session::ClusterSession* session)
{
    const int row = m_fleetModel->rowOf(session);
    if (row < 0)
        return;
    const QModelIndex index = m_fleetProxy->mapFromSource(m_fleetModel->index(row, 0));
    if (index.isValid())
        m_fleet->setCurrentIndex(index);
    m_page->setSession(session);
}

Session::ClusterSession* MainWindow::currentSession() const
{
    return m_page->session();
}

QTableView* MainWindow::memberView() const
{
    return m_page->memberView();
}

QListView* MainWindow::findingsView() const
{
    return m_page->findingsView();
}

QListView* MainWindow::eventsView() const
{
    return m_page->eventsView();
}

QString MainWindow::bannerText() const
{
    return m_page->bannerText();
}

Cluster::Health MainWindow::bannerHealth() const
{
    return m_page->bannerHealth();
}

void MainWindow::exportSnapshotInteractively()
{
    Session::ClusterSession* session = currentSession();
    if (!session)
        return;
    QSettings settings;
    const QString lastDir
        = settings.value(u"snapshot/directory"_s, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    const QString lastFormat = settings.value(u"snapshot/format"_s, u"markdown"_s).toString();
    const QList<std::pair<Snapshot::Format, QString>> filters { { Snapshot::Format::Markdown,
                                                                    tr("Markdown, for tickets (*.md)") },
        { Snapshot::Format::Html, tr("HTML, self-contained (*.html)") },
        { Snapshot::Format::Pdf, tr("PDF, for change records (*.pdf)") },
        { Snapshot::Format::Png, tr("PNG picture of the page, for chat (*.png)") },
        { Snapshot::Format::Json, tr("JSON, for machines (*.json)") } };
    QStringList names;
    QString selected;
    Snapshot::Format format = Snapshot::formatFromName(lastFormat).value_or(Snapshot::Format::Markdown);
    for (const auto& [f, name] : filters) {
        names.append(name);
        if (f == format)
            selected = name;
    }
    const QString suggested = lastDir + u'/' + session->name() + u'-'
        + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s) + u'.' + Snapshot::formatExtension(format);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export a snapshot of %1").arg(session->name()), suggested, names.join(u";;"_s), &selected);
    if (path.isEmpty())
        return;
    for (const auto& [f, name] : filters) {
        if (name == selected)
            format = f;
    }
    // The extension typed wins over the filter left selected; none typed: the filter's.
    if (const auto byName = Snapshot::formatFromPath(path))
        format = *byName;
    else
        path += u'.' + Snapshot::formatExtension(format);
    settings.setValue(u"snapshot/directory"_s, QFileInfo(path).absolutePath());
    settings.setValue(u"snapshot/format"_s, Snapshot::formatName(format));
    exportSnapshot(path, format);
}

QString MainWindow::exportSnapshot(const QString& path, Snapshot::Format format, bool quiet)
{
    Session::ClusterSession* session = currentSession();
    if (!session)
        return tr("No cluster is shown.");
    Ui::SnapshotRequest request;
    request.session = session;
    request.format = format;
    request.path = path;
    request.journal = session->recentEvents(100);
    request.page = m_page;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Ui::SnapshotOutcome outcome = Ui::writeSnapshot(request);
    QApplication::restoreOverrideCursor();
    if (!outcome.written) {
        const QString message = tr("The snapshot was not written: %1. Choose another place (a folder you can "
                                   "write to, with free space) and export again.")
                                    .arg(outcome.error);
        if (!quiet)
            QMessageBox::warning(this, tr("Export snapshot"), message);
        return message;
    }
    statusBar()->showMessage(
        tr("Snapshot of %1 written to %2 (%n secret value(s) redacted)", nullptr, outcome.redactions)
            .arg(session->name(), QDir::toNativeSeparators(path)),
        15000);
    return {};
}

} // namespace Ui
