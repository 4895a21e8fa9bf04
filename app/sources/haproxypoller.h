#pragma once

#include "app/sources/httpfetch.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Polls HAProxy's stats CSV (`/;csv`) and feeds it to the store. One request in flight.
class HaproxyPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HaproxyPoller)
public:
    HaproxyPoller(
        QNetworkAccessManager* nam, Cluster::ClusterStore* store, const QUrl& csvUrl, QObject* parent = nullptr);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void setDeadline(int ms) { m_options.deadlineMs = ms; }
    void setSslConfiguration(const QSslConfiguration& ssl) { m_options.ssl = ssl; }
    void start();
    void stop() { m_timer.stop(); }
    void pollNow();

Q_SIGNALS:
    void roundFinished();

private:
    QNetworkAccessManager* m_nam;
    Cluster::ClusterStore* m_store;
    QUrl m_url;
    FetchOptions m_options;
    QTimer m_timer;
    bool m_inFlight = false;
};

// "http://127.0.0.1:7000" or "…:7000/" → "…:7000/;csv"; a URL that already names the CSV is kept.
QUrl haproxyCsvUrl(const QUrl& statsUrl);

} // namespace Sources
