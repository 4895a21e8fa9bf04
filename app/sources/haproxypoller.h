#pragma once

#include "app/sources/poller.h"

#include <QUrl>

namespace Cluster {
class ClusterStore;
}

namespace Sources {

// Polls HAProxy's stats CSV (`/;csv`), with the profile's stats user and keychain password when the
// page is behind `stats auth`, and feeds it to the store. One request a round.
class HaproxyPoller final : public Poller {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HaproxyPoller)
public:
    HaproxyPoller(
        Sources::HttpClient* http, Cluster::ClusterStore* store, const QUrl& csvUrl, QObject* parent = nullptr);

protected:
    void startRound() override;

private:
    Cluster::ClusterStore* m_store; // written, never read
    QUrl m_url;
    QString m_sourceName;
};

// "http://127.0.0.1:7000" or "…:7000/" → "…:7000/;csv"; a URL that already names the CSV is kept.
QUrl haproxyCsvUrl(const QUrl& statsUrl);

} // namespace Sources
