#include "app/compositionroot.h"

#include "app/sources/patronipoller.h"
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/membertablemodel.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace App {

CompositionRoot::CompositionRoot(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
    , m_store(new Cluster::ClusterStore(this))
    , m_poller(new Sources::PatroniPoller(m_nam, m_store, options.urls, this))
    , m_members(new ItemModels::MemberTableModel(this))
{
    m_poller->setInterval(options.intervalMs);
    m_poller->setDeadline(options.deadlineMs);
    m_members->setStore(m_store);
}

CompositionRoot::~CompositionRoot() = default;

int CompositionRoot::runGui()
{
    m_window = std::make_unique<Ui::MainWindow>(m_store, m_members, m_options.label);
    m_window->show();
    m_poller->start();
    if (m_options.screenshotPath.isEmpty())
        return QApplication::exec();

    // Wait for the first good view (or the deadline), let the window paint, then grab it.
    int exitCode = 1;
    auto shoot = [this, &exitCode] {
        QTimer::singleShot(300, this, [this, &exitCode] {
            const QPixmap pixmap = m_window->grab();
            QTextStream err(stderr);
            if (!pixmap.save(m_options.screenshotPath, "PNG")) {
                err << "patroni-console: cannot write " << m_options.screenshotPath << '\n';
                exitCode = 3;
            } else {
                exitCode = m_store->hasView() && !m_store->isStale() ? 0 : 1;
                if (exitCode != 0)
                    err << "patroni-console: screenshot taken without a current view: "
                        << Cluster::describe(m_store->lastError()) << '\n';
            }
            QApplication::quit();
        });
    };
    bool shooting = false;
    connect(m_store, &Cluster::ClusterStore::pollRecorded, this, [this, &shooting, shoot] {
        if (!shooting && m_store->hasView() && !m_store->isStale()) {
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
