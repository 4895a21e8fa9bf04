#include "ui/mainwindow.h"
#include "ui/snapshot/snapshotwriter.h"
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>

#include "ui/actions/actiondialog.h"
#include "ui/actions/auditdialog.h"
#include "ui/actions/rollingdialog.h"
#include "ui/cluster/clusterdialog.h"
#include "ui/cluster/clusterpage.h"
#include "ui/cluster/fleetproxy.h"
#include "ui/notifier.h"
#include "ui/palette.h"

#include "models/cluster/plaintext.h"
#include "ui/topology/topologyview.h"

#include "models/actions/controller.h"
#include "models/cluster/assessment.h"
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
#include <QTimer>
#include <QToolBar>
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
    createActionsMenu();
    connect(m_page, &ClusterPage::memberMenuRequested, this, [this](const QString& member, const QPoint& at) {
        QMenu* menu = memberMenu(member, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(at);
    });
    connect(m_page, &ClusterPage::memberActionRequested, this, &MainWindow::openMemberAction);
}

ActionDialog* MainWindow::openMemberAction(Actions::Kind kind, const QString& member)
{
    // The member is the candidate of a switchover or failover, the target of the others.
    Actions::Request r;
    r.kind = kind;
    if (kind == Actions::Kind::Switchover || kind == Actions::Kind::Failover)
        r.candidate = member;
    else
        r.member = member;
    return openAction(r);
}

void MainWindow::createActionsMenu()
{
    // The dangerous buttons: each opens its dialog (explained, confirmed, sent once, verified, audited).
    m_actionsMenu = menuBar()->addMenu(tr("&Actions"));
    m_toolBar = addToolBar(tr("Actions"));
    m_toolBar->setObjectName(u"actionsToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setMovable(false);
    using Enabler = std::function<bool(Session::ClusterSession*, const QString&)>;
    const Enabler canAct = [](Session::ClusterSession* s, const QString&) { return s && s->actions(); };
    const Enabler onMember
        = [](Session::ClusterSession* s, const QString& member) { return s && s->actions() && !member.isEmpty(); };
    const auto paused = [](Session::ClusterSession* s) { return s && s->summary().paused; };
    const auto add = [&](const QString& text, const QString& shortText, const QString& name, const QString& tip,
                         Enabler enabled, std::function<Actions::Request(const QString&)> request, bool onToolBar) {
        QAction* a = m_actionsMenu->addAction(text);
        a->setIconText(shortText); // the toolbar's label
        a->setIcon(Palette::actionIcon(name.mid(7))); // "action-switchover" → switchover.svg
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, [this, request] { openAction(request(m_page->selectedMember())); });
        m_enablers.append({ a, std::move(enabled) });
        if (onToolBar)
            m_toolBar->addAction(a);
        return a;
    };
    const auto request = [](Actions::Kind kind) {
        return [kind](const QString& member) {
            Actions::Request r;
            r.kind = kind;
            r.member = member;
            return r;
        };
    };
    const auto towards = [this](Actions::Kind kind) {
        // The selected member, unless it is the leader, is the candidate proposed.
        return [this, kind](const QString& member) {
            Actions::Request r;
            r.kind = kind;
            const Session::ClusterSession* s = currentSession();
            if (s && member != s->summary().leader)
                r.candidate = member;
            return r;
        };
    };
    add(tr("&Switchover…"), tr("Switchover…"), u"action-switchover"_s,
        tr("Hand the leader role to a healthy replica, now or at a set time"), canAct,
        towards(Actions::Kind::Switchover), true);
    add(tr("&Failover…"), tr("Failover…"), u"action-failover"_s,
        tr("Promote a replica when there is no healthy leader (data may be lost)"), canAct,
        towards(Actions::Kind::Failover), true);
    add(tr("&Cancel the scheduled switchover…"), tr("Cancel switchover…"), u"action-cancel-switchover"_s,
        tr("Withdraw a switchover scheduled for later"), canAct, request(Actions::Kind::CancelSwitchover), false);
    m_actionsMenu->addSeparator();
    m_toolBar->addSeparator();
    add(tr("&Restart the selected member…"), tr("Restart…"), u"action-restart"_s,
        tr("Restart the selected member's PostgreSQL, now or at a set time"), onMember, request(Actions::Kind::Restart),
        true);
    add(tr("Re&load the selected member…"), tr("Reload…"), u"action-reload"_s,
        tr("Make the selected member reread its configuration"), onMember, request(Actions::Kind::Reload), false);
    add(tr("Re&initialize the selected member…"), tr("Reinitialize…"), u"action-reinit"_s,
        tr("Rebuild the selected replica from the leader (its data directory is replaced)"), onMember,
        request(Actions::Kind::Reinit), true);
    add(tr("Cancel the selected &member's scheduled restart…"), tr("Cancel restart…"), u"action-cancel-restart"_s,
        tr("Withdraw a restart scheduled for later"), onMember, request(Actions::Kind::CancelRestart), false);
    m_actionsMenu->addSeparator();
    m_toolBar->addSeparator();
    add(
        tr("&Pause cluster management…"), tr("Pause…"), u"action-pause"_s,
        tr("Maintenance mode: Patroni stops failing over and starting PostgreSQL"),
        [canAct, paused](Session::ClusterSession* s, const QString& m) { return canAct(s, m) && !paused(s); },
        request(Actions::Kind::Pause), true);
    add(
        tr("Res&ume cluster management…"), tr("Resume…"), u"action-resume"_s, tr("Leave maintenance mode"),
        [canAct, paused](Session::ClusterSession* s, const QString& m) { return canAct(s, m) && paused(s); },
        request(Actions::Kind::Resume), true);
    add(tr("&Edit the dynamic configuration…"), tr("Edit configuration…"), u"action-edit-config"_s,
        tr("Change the cluster-wide settings Patroni keeps in the DCS, with a preview of the change"), canAct,
        request(Actions::Kind::EditConfig), true);
    m_actionsMenu->addSeparator();
    m_toolBar->addSeparator();
    QAction* audit = m_actionsMenu->addAction(tr("&Audit log…"), this, &MainWindow::openAuditLog);
    audit->setObjectName(u"action-audit"_s);
    audit->setIcon(Palette::actionIcon(u"audit"_s));
    audit->setShortcut(Qt::CTRL | Qt::Key_L);
    audit->setToolTip(tr("Every action sent or refused, with its answer and verification"));
    audit->setIconText(tr("Audit log"));
    m_toolBar->addAction(audit);
    connect(m_actionsMenu, &QMenu::aboutToShow, this, &MainWindow::updateActionStates);
    // The toolbar follows the selection and the cluster (paused or not) without a signal for each.
    auto* timer = new QTimer(this);
    timer->setInterval(500);
    connect(timer, &QTimer::timeout, this, &MainWindow::updateActionStates);
    timer->start();
    updateActionStates();
}

void MainWindow::updateActionStates()
{
    Session::ClusterSession* s = currentSession();
    const QString member = m_page->selectedMember();
    for (const auto& [action, enabled] : std::as_const(m_enablers))
        action->setEnabled(enabled(s, member));
}

QMenu* MainWindow::memberMenu(const QString& member, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    menu->setObjectName(u"memberMenu"_s);
    Session::ClusterSession* s = currentSession();
    const bool can = s && s->actions();
    const bool leader = s && s->summary().leader == member;
    // The name as its letters: an '&' in it must not become an Alt-letter.
    const QString shown = Cluster::displayText(member, 60).replace(u'&', u"&&"_s);
    const auto item = [&](const QString& text, Actions::Kind kind, bool enabled) {
        QAction* a = menu->addAction(text, this, [this, kind, member] { openMemberAction(kind, member); });
        a->setObjectName(u"member-"_s + Actions::kindName(kind));
        a->setIcon(Palette::actionIcon(Actions::kindName(kind)));
        a->setEnabled(can && enabled);
    };
    item(tr("Switch over to %1…").arg(shown), Actions::Kind::Switchover, !leader);
    item(tr("Fail over to %1…").arg(shown), Actions::Kind::Failover, !leader);
    menu->addSeparator();
    item(tr("Restart %1…").arg(shown), Actions::Kind::Restart, true);
    item(tr("Reload %1…").arg(shown), Actions::Kind::Reload, true);
    item(tr("Reinitialize %1…").arg(shown), Actions::Kind::Reinit, !leader);
    item(tr("Cancel the scheduled restart of %1…").arg(shown), Actions::Kind::CancelRestart, true);
    if (!can)
        menu->addSection(tr("This view of the cluster cannot send actions"));
    return menu;
}

void MainWindow::showNotice(const QString& title, const QString& text)
{
    m_lastNotice = text;
    statusBar()->showMessage(text, 60000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(u"notice"_s);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

Session::ClusterSession* MainWindow::actingSession()
{
    Session::ClusterSession* s = currentSession();
    if (!s || !s->actions()) {
        statusBar()->showMessage(tr("This view of the cluster cannot send actions."), 10000);
        return nullptr;
    }
    watchController(s);
    return s;
}

template <typename Dialog, typename... Args> Dialog* MainWindow::openBeside(Args&&... args)
{
    // Left open beside the window (not modal): the cluster stays in view while the action is verified.
    auto* dialog = new Dialog(std::forward<Args>(args)..., this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    return dialog;
}

ActionDialog* MainWindow::openAction(const Actions::Request& request)
{
    Session::ClusterSession* s = actingSession();
    return s ? openBeside<ActionDialog>(s, request) : nullptr;
}

void MainWindow::watchController(Session::ClusterSession* session)
{
    // How every action ended, in the status bar, even after its dialog was closed.
    Actions::Controller* c = session->actions();
    if (!c || m_watchedControllers.contains(c))
        return;
    m_watchedControllers.append(c);
    connect(c, &QObject::destroyed, this, [this, c] { m_watchedControllers.removeAll(c); });
    const QString name = session->name();
    connect(c, &Actions::Controller::finished, this, [this, name](const Actions::Outcome& o) {
        statusBar()->showMessage(tr("%1: %2 — %3").arg(name, Actions::resultName(o.result), o.message), 30000);
        if (m_audit)
            m_audit->reload();
    });
    connect(c, &Actions::Controller::passwordStored, this,
        [this](bool, const QString& message) { statusBar()->showMessage(message, 15000); });
}

RollingRestartDialog* MainWindow::openRollingRestart(bool pendingOnly)
{
    Session::ClusterSession* s = actingSession();
    return s ? openBeside<RollingRestartDialog>(s, pendingOnly) : nullptr;
}

AuditDialog* MainWindow::openAuditLog()
{
    Session::ClusterSession* s = currentSession();
    QString path;
    for (int row = 0; row < m_fleetModel->rowCount() && path.isEmpty(); ++row) {
        if (Session::ClusterSession* any = m_fleetModel->sessionAt(row); any && any->actions()) {
            path = any->actions()->auditPath();
            break;
        }
    }
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("No cluster here can send actions, so there is no audit log to show."), 10000);
        return nullptr;
    }
    if (!m_audit) {
        m_audit = new AuditDialog(path, s ? s->name() : QString(), this);
        m_audit->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_audit->show();
    m_audit->raise();
    return m_audit;
}

void MainWindow::createViewMenu()
{
    // File: a snapshot of the cluster shown, for a ticket, a change record or a chat.
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction = file->addAction(tr("&Export snapshot…"), this, &MainWindow::exportSnapshotInteractively);
    exportAction->setShortcut(QKeySequence::Save); // Ctrl+E is Edit cluster
    exportAction->setIcon(Palette::actionIcon(u"snapshot"_s));
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
    part(tr("Mem&ber details"), Qt::ALT | Qt::Key_5, ClusterPage::Part::MemberDetails);
    part(tr("&HAProxy"), Qt::ALT | Qt::Key_6, ClusterPage::Part::Haproxy);
    part(tr("etc&d"), Qt::ALT | Qt::Key_7, ClusterPage::Part::Etcd);
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
