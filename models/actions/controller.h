#pragma once

#include "models/actions/action.h"

#include <QObject>
#include <QString>

// The window's handle on a cluster's one executor: it knows this interface only, app/ implements it
// (App::ActionExecutor) with the network, the keychain and the audit log.
namespace Actions {

// How an action ended.
struct Outcome {
    enum class Result {
        Refused, // the preflight found a problem: nothing was sent
        Failed, // Patroni said no (4xx, 5xx) or the request could not be delivered: nothing changed
        Unknown, // no clear answer (a timeout, "status unknown"): it may still happen; verification watched
        NotVerified, // Patroni said yes, but what it said would happen was not seen in time
        Done, // Patroni said yes and every verification step passed
    };
    Result result = Result::Refused;
    QString message; // one sentence: what happened and what to do (English: the audit log, tests)
    Cluster::Words words; // the same, to be shown (empty: message)
    void say(const Cluster::Words& sentence)
    {
        message = sentence.english();
        words = sentence;
    }
    Cluster::Words sentence() const { return words.isEmpty() ? Cluster::Words::verbatim(message) : words; }
    QString shownMessage() const { return sentence().text(); }
    int httpStatus = 0;
    QString body; // Patroni's answer as text, redacted
    QList<Step> steps;
    qint64 sendMs = -1;
    qint64 verifyMs = -1;
};
QString resultName(Outcome::Result result); // "refused", "failed", "unknown", "not-verified", "done"

// Sends a cluster's actions, one at a time, and says how each ended. Every call is answered by
// finished(), exactly once, after run() has returned or during it (a refusal).
class Controller : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Controller)
public:
    explicit Controller(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    virtual bool busy() const = 0;
    // Sends `request` unless the preflight (run again now) finds a problem, or the leader is no longer
    // `expectedLeader` (the cluster changed while the user confirmed).
    virtual void run(const Request& request, const QString& expectedLeader) = 0;
    // A refusal decided outside (the user cancelled, a typed name did not match): written down.
    virtual void recordRefusal(const Request& request, const QString& reason) = 0;
    virtual QString auditPath() const = 0;

    // The REST API's user (empty: the API asks for none) and whether its password is known (from the
    // keychain, the environment, or given this session).
    virtual QString apiUser() const = 0;
    virtual bool passwordKnown() const = 0;
    // A password typed in the window, used from now on. `remember`: also written to the keychain;
    // passwordStored() says whether it is there or kept for this session only.
    virtual void providePassword(const QString& user, const QString& password, bool remember) = 0;

Q_SIGNALS:
    void answered(int httpStatus, const QString& message);
    void stepsChanged(const QList<Actions::Step>& steps);
    void finished(const Actions::Outcome& outcome);
    void passwordStored(bool inKeychain, const QString& message);
};

} // namespace Actions
