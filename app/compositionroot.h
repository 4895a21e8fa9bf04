#pragma once

#include "app/options.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Cluster {
class Journal;
}
namespace ItemModels {
class EventLogModel;
class FindingsModel;
class MemberTableModel;
} // namespace ItemModels
namespace Monitor {
class ClusterMonitor;
}
namespace Ui {
class MainWindow;
}

namespace App {

// The one place that knows every layer: it creates the network access manager, the store, the
// pollers, the models and the window, and wires them poll → parse → store → models → views.
class CompositionRoot final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompositionRoot)
public:
    explicit CompositionRoot(const Options& options, QObject* parent = nullptr);
    ~CompositionRoot() override;

    // Opens the window and starts polling; with --screenshot, saves it and quits. Returns the exit code.
    int runGui();

private:
    Options m_options;
    QNetworkAccessManager* m_nam;
    Monitor::ClusterMonitor* m_monitor;
    ItemModels::MemberTableModel* m_members;
    ItemModels::FindingsModel* m_findings;
    ItemModels::EventLogModel* m_events;
    std::unique_ptr<Cluster::Journal> m_journal;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace App
