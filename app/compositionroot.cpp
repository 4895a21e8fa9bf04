#include "app/compositionroot.h"

#include "app/credentials/credentialstore.h"

#include "app/benchprobe.h"
#include "app/quitonsignals.h"
#include "app/session/fleet.h"
#include "app/session/fleeteditor.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "models/cluster/clusterstore.h"
#include "ui/mainwindow.h"

#include "app/sources/httpfetch.h"
#include <QApplication>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <malloc.h>

using namespace Qt::StringLiterals;

namespace App {

CompositionRoot::CompositionRoot(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_http(new Sources::HttpClient(this))
    , m_fleet(new Fleet(m_http, Session::SessionOptions { journalDirectory() }, this))
{
    // --url: one cluster that is not saved; --profile: those saved ones (main() checked the names);
    // neither: every saved cluster (the built-in lab while none is saved).
    QList<Cluster::Profile> profiles;
    Settings::ProfileStore store;
    if (!options.urls.isEmpty()) {
        profiles.append(adHocProfile(options.urls));
    } else if (!options.profiles.isEmpty()) {
        for (const QString& name : options.profiles) {
            if (const auto p = store.load(name))
                profiles.append(*p);
            else if (name == Settings::ProfileStore::builtInName())
                profiles.append(Settings::ProfileStore::labProfile()); // the lab, whatever else is saved
        }
    } else {
        profiles = store.profiles();
    }
    const ProfileOverrides overrides { options.intervalMs, options.deadlineMs };
    for (const Cluster::Profile& p : std::as_const(profiles))
        m_fleet->add(applyOverrides(p, overrides));
}

CompositionRoot::~CompositionRoot()
{
    m_window.reset(); // views before the sessions they show
}

int CompositionRoot::runGui()
{
    const QList<Session::ClusterSession*> sessions = m_fleet->sessions();
    QString title = m_options.label;
    if (title.isEmpty())
        title = sessions.size() == 1 ? sessions.first()->name() : tr("%n cluster(s)", nullptr, int(sessions.size()));
    m_window = std::make_unique<Ui::MainWindow>(sessions, title);
    // The Cluster menu: add, edit and remove saved clusters; the fleet and the window follow.
    // Not while taking a screenshot or measuring: those hold the sessions they started with.
    auto* editor = new FleetEditor(m_fleet, m_http, QString(), this);
    if (m_options.screenshotPath.isEmpty() && qEnvironmentVariableIsEmpty("PATRONI_CONSOLE_BENCH_REPORT"))
        m_window->setEditor(editor);
    connect(editor, &FleetEditor::fleetChanged, this, [this](const QString& shown) {
        m_window->setSessions(m_fleet->sessions());
        for (Session::ClusterSession* s : m_fleet->sessions()) {
            if (s->name() == shown)
                m_window->showSession(s);
        }
    });
    if (m_options.screenshotPath.isEmpty())
        m_window->restoreWindowState(); // a screenshot shows the default layout
    m_window->show();
    // SIGTERM (a logout, `kill`, a service manager) and Ctrl-C end the window as its close button does: it
    // keeps its layout and shown cluster, and every event loop ends, an open dialog's too.
    const QuitOnSignals quitOnSignals([this](int signal) {
        QTextStream(stderr) << "patroni-console: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
                            << " received, closing the window\n";
        m_window->close();
        QCoreApplication::exit(0); // with --screenshot, none was taken: runGui says 1
    });
    // Said once, in the window and on standard error: a damaged settings file set aside; no keychain.
    const auto notice = [this](const QString& title, const QString& text) {
        QTextStream(stderr) << "patroni-console: " << text << '\n';
        if (m_options.screenshotPath.isEmpty())
            m_window->showNotice(title, text);
    };
    if (!m_options.settingsNotice.isEmpty())
        notice(tr("Settings set aside"), m_options.settingsNotice);
    Credentials::KeychainNotice* keychain = Credentials::KeychainNotice::instance();
    if (keychain->reported())
        notice(tr("No keychain"), keychain->message());
    else
        connect(keychain, &Credentials::KeychainNotice::unavailable, this,
            [notice](const QString& message) { notice(tr("No keychain"), message); });
    m_fleet->startAll();
    // A fleet makes hundreds of thousands of small allocations a second; glibc keeps what is freed
    // in its arenas, so the resident size creeps up by fragmentation alone. Hand it back now and then.
    auto* trim = new QTimer(this);
    connect(trim, &QTimer::timeout, this, [] { malloc_trim(0); });
    trim->start(30000);
    BenchProbe::createIfRequested(sessions, this); // tests/bench/fleet_bench.sh only
    if (m_options.screenshotPath.isEmpty())
        return QApplication::exec();

    // Wait for the first full round of the cluster shown (or the deadline), let the window paint,
    // then grab it.
    Session::ClusterSession* shown = m_window->currentSession();
    int exitCode = 1;
    auto shoot = [this, shown, &exitCode] {
        QTimer::singleShot(300 + m_options.screenshotWaitMs, this, [this, shown, &exitCode] {
            const QPixmap pixmap = m_window->grab();
            QTextStream err(stderr);
            if (!pixmap.save(m_options.screenshotPath, "PNG")) {
                err << "patroni-console: cannot write " << m_options.screenshotPath << '\n';
                exitCode = 3;
            } else if (!shown) {
                err << "patroni-console: no cluster to show (save one with `patroni-console profiles import`)\n";
            } else {
                const Cluster::ClusterStore* store = shown->store();
                exitCode = store->hasView() && !store->isStale() ? 0 : 1;
                if (exitCode != 0)
                    err << "patroni-console: screenshot taken without a current view: "
                        << Cluster::describe(store->lastError()) << '\n';
            }
            QApplication::quit();
        });
    };
    bool shooting = false;
    if (shown) {
        // Wait for the members' own answers too, so the findings are shown as they will stay.
        connect(shown, &Session::ClusterSession::roundFinished, this, [shown, &shooting, shoot] {
            if (!shooting && shown->store()->hasView() && !shown->store()->isStale()) {
                shooting = true;
                shoot();
            }
        });
    }
    QTimer::singleShot(m_options.screenshotTimeoutMs + m_options.screenshotWaitMs, this, [&shooting, shoot] {
        if (!shooting) {
            shooting = true;
            shoot();
        }
    });
    QApplication::exec();
    return exitCode;
}

} // namespace App
