#include "app/compositionroot.h"

#include "app/monitor/clustermonitor.h"
#include "app/settings/profilestore.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/journal.h"
#include "models/itemmodels/eventlogmodel.h"
#include "models/itemmodels/findingsmodel.h"
#include "models/itemmodels/membertablemodel.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace App {

namespace {
    // --profile NAME: that profile; --url: Patroni there and nothing else (no lab HAProxy or etcd
    // to misreport); neither: the built-in lab profile.
    Cluster::Profile profileFor(const Options& options)
    {
        Cluster::Profile p;
        if (!options.profile.isEmpty()) {
            p = Settings::ProfileStore().load(options.profile).value_or(Cluster::Profile {}); // main() checked it
        }
        if (p.patroniUrls.isEmpty() && !options.urlsGiven)
            p = Settings::ProfileStore::labProfile();
        if (options.urlsGiven) {
            p.patroniUrls = options.urls;
            p.postgres.user.clear();
        }
        p.name = options.label;
        p.intervals.patroniMs = options.intervalMs;
        p.requestDeadlineMs = options.deadlineMs;
        return p;
    }

    // One journal per cluster, in the user's data directory: ~/.local/share/patroni-console/journal/.
    QString journalPath(const QString& label)
    {
        QString safe = label;
        for (QChar& c : safe) {
            if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
                c = u'_';
        }
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/patroni-console/journal/"_s
            + safe + u".jsonl"_s;
    }
} // namespace

CompositionRoot::CompositionRoot(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
    , m_monitor(new Monitor::ClusterMonitor(m_nam, profileFor(options), this))
    , m_members(new ItemModels::MemberTableModel(this))
    , m_findings(new ItemModels::FindingsModel(this))
    , m_events(new ItemModels::EventLogModel(500, this))
    , m_journal(std::make_unique<Cluster::Journal>(journalPath(options.label)))
{
    m_members->setStore(m_monitor->store());
    m_findings->setStore(m_monitor->store());
    m_events->append(m_journal->read(200)); // what happened while the console was closed
    connect(
        m_monitor->store(), &Cluster::ClusterStore::eventsDetected, this, [this](const QList<Cluster::Event>& events) {
            m_events->append(events);
            QString error;
            if (!m_journal->append(events, &error))
                qWarning().noquote() << "patroni-console:" << error;
        });
}

CompositionRoot::~CompositionRoot() = default;

int CompositionRoot::runGui()
{
    Cluster::ClusterStore* store = m_monitor->store();
    m_window = std::make_unique<Ui::MainWindow>(store, m_members, m_findings, m_events, m_options.label);
    m_window->show();
    m_monitor->start();
    if (m_options.screenshotPath.isEmpty())
        return QApplication::exec();

    // Wait for the first good view (or the deadline), let the window paint, then grab it.
    int exitCode = 1;
    auto shoot = [this, store, &exitCode] {
        QTimer::singleShot(300, this, [this, store, &exitCode] {
            const QPixmap pixmap = m_window->grab();
            QTextStream err(stderr);
            if (!pixmap.save(m_options.screenshotPath, "PNG")) {
                err << "patroni-console: cannot write " << m_options.screenshotPath << '\n';
                exitCode = 3;
            } else {
                exitCode = store->hasView() && !store->isStale() ? 0 : 1;
                if (exitCode != 0)
                    err << "patroni-console: screenshot taken without a current view: "
                        << Cluster::describe(store->lastError()) << '\n';
            }
            QApplication::quit();
        });
    };
    bool shooting = false;
    // Wait for the members' own answers too, so the findings are shown as they will stay.
    connect(m_monitor, &Monitor::ClusterMonitor::roundFinished, this, [store, &shooting, shoot] {
        if (!shooting && store->hasView() && !store->isStale()) {
            shooting = true;
            shoot();
        }
    });
    QTimer::singleShot(m_options.screenshotTimeoutMs, this, [&shooting, shoot] {
        if (!shooting) {
            shooting = true;
            shoot();
        }
    });
    QApplication::exec();
    return exitCode;
}

} // namespace App
