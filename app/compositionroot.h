#pragma once

#include "app/options.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Cluster {
class ClusterStore;
}
namespace ItemModels {
class MemberTableModel;
}
namespace Sources {
class PatroniPoller;
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
    Cluster::ClusterStore* m_store;
    Sources::PatroniPoller* m_poller;
    ItemModels::MemberTableModel* m_members;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace App
