#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Sources {

// HTTP basic authentication (HAProxy's `stats auth`, a proxy in front of Patroni). The password comes
// from the keychain; it is never part of a message.
struct BasicAuth {
    QString user;
    QString password;
};

struct FetchOptions {
    int deadlineMs = 2000; // total: a peer that trickles bytes forever is cut here
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    QString sourceName; // "patroni API http://127.0.0.1:8008", used in errors
    std::optional<QByteArray> postJson; // POST this JSON body instead of a GET (etcd's v3 gateway)
    std::optional<QSslConfiguration> ssl; // the profile's CAs and client certificate, for https URLs
    std::optional<BasicAuth> basicAuth;
};

struct FetchResult {
    QByteArray body;
    int httpStatus = 0;
    Cluster::SourceError error;
    qint64 elapsedMs = 0;
};

// GET `url` with a total deadline, a body cap and no redirects (credentials must never follow a
// redirect to another host). `done` runs exactly once, in `context`'s thread, unless `context` dies first.
void fetch(QNetworkAccessManager* nam, const QUrl& url, const FetchOptions& options, QObject* context,
    std::function<void(const FetchResult&)> done);

} // namespace Sources
