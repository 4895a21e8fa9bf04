#pragma once

// A cluster session without sources: the test feeds its store directly, as the pollers would.
#include "models/session/clustersession.h"

class FeedSession final : public Session::ClusterSession {
public:
    explicit FeedSession(const QString& name, const Session::SessionOptions& options = {}, QObject* parent = nullptr)
        : Session::ClusterSession(profileNamed(name), options, parent)
    {
    }
    void start() override { }
    void stop() override { }
    void pollOnce() override { Q_EMIT roundFinished(); }

private:
    static Cluster::Profile profileNamed(const QString& name)
    {
        Cluster::Profile p;
        p.name = name;
        p.patroniUrls = { QUrl(QStringLiteral("http://127.0.0.1:8008")) };
        return p;
    }
};
