#pragma once

#include "app/options.h"

#include <QObject>

#include <memory>

namespace Sources {
class HttpClient;
}

namespace Ui {
class MainWindow;
}

namespace App {

class Fleet;

// The one place that knows every layer: it creates the network access manager, one session per
// cluster (sources, store, models, journal, history, credentials) and the window, and starts them.
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
    Sources::HttpClient* m_http;
    Fleet* m_fleet;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace App
