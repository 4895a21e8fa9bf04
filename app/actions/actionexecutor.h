#pragma once

#include "app/sources/httpfetch.h"
#include "models/actions/action.h"
#include "models/actions/auditlog.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace App {

class LiveSession;

// How an action ended.
struct ActionOutcome {
    enum class Result {
        Refused, // the preflight found a problem: nothing was sent
        Failed, // Patroni said no (4xx, 5xx) or the request could not be delivered: nothing changed
        Unknown, // no clear answer (a timeout, "status unknown"): it may still happen; verification watched
        NotVerified, // Patroni said yes, but what it said would happen was not seen in time
        Done, // Patroni said yes and every verification step passed
    };
    Result result = Result::Refused;
    QString message; // one sentence: what happened and what to do
    int httpStatus = 0;
    QString body; // Patroni's answer as text, redacted
    QList<Actions::Step> steps;
    qint64 sendMs = -1;
    qint64 verifyMs = -1;
};
QString resultName(ActionOutcome::Result result); // "refused", "failed", "unknown", "not-verified", "done"

// The one place a cluster's actions go out: the preflight once more just before sending, the REST
// API's basic auth (to the member's own API, never on a redirect, never downgraded from https), one
// action in flight, each answer phrased on its own, the audit record, and the verification
// afterwards by watching the session's store. Nothing is retried.
class ActionExecutor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionExecutor)
public:
    ActionExecutor(Sources::HttpClient* http, LiveSession* session, QString auditPath, QObject* parent = nullptr);

    void setCredentials(const std::optional<Sources::BasicAuth>& auth) { m_auth = auth; }
    void setVerifyTimeoutMs(int ms) { m_verifyTimeoutMs = ms; }
    bool busy() const { return m_busy; }

    // Sends `request` unless the preflight (run again now) finds a problem, or the leader is no longer
    // `expectedLeader` (the cluster changed while the user confirmed). finished() follows, always.
    void run(const Actions::Request& request, const QString& expectedLeader);

    // A refusal decided outside (the user declined at the prompt): written down like any other.
    void recordRefusal(const Actions::Request& request, const QString& reason);

    // Where the audit log lives: ~/.local/share/patroni-console/audit.jsonl.
    static QString defaultAuditPath();

Q_SIGNALS:
    void answered(int httpStatus, const QString& message);
    void stepsChanged(const QList<Actions::Step>& steps);
    void finished(const App::ActionOutcome& outcome);

private:
    void finish(ActionOutcome outcome, const QString& phase);
    void handleAnswer(const Sources::FetchResult& result);
    void verifyNow();
    Actions::AuditRecord record(const QString& phase) const;

    Sources::HttpClient* m_http;
    LiveSession* m_session;
    Actions::AuditLog m_audit;
    std::optional<Sources::BasicAuth> m_auth;
    int m_verifyTimeoutMs = 90000;
    bool m_busy = false;
    QString m_id;
    Actions::Request m_request;
    Actions::Preflight m_preflight;
    ActionOutcome m_outcome;
    QElapsedTimer m_clock;
    QElapsedTimer m_verifyClock;
    QTimer m_verifyDeadline;
    QMetaObject::Connection m_watch;
};

} // namespace App
