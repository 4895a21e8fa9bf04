#pragma once

#include "app/credentials/credentialstore.h"
#include "app/sources/httpfetch.h"
#include "models/actions/action.h"
#include "models/actions/auditlog.h"
#include "models/actions/controller.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace App {

class LiveSession;

// The one place a cluster's actions go out: the preflight once more just before sending, the REST
// API's basic auth (to the member's own API, never on a redirect, never downgraded from https), one
// action in flight, each answer phrased on its own, the audit record, and the verification
// afterwards by watching the session's store. Nothing is retried.
//
// Credentials: those set with setCredentials() (the CLI: --user, PATRONI_API_PASSWORD, standard
// input); else the profile's user with the password the session read from the keychain, or one
// given with providePassword() (the window's prompt).
class ActionExecutor final : public Actions::Controller {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionExecutor)
public:
    ActionExecutor(Sources::HttpClient* http, LiveSession* session, QString auditPath, QObject* parent = nullptr);

    void setCredentials(const std::optional<Sources::BasicAuth>& auth) { m_auth = auth; }
    void setVerifyTimeoutMs(int ms) { m_verifyTimeoutMs = ms; }
    bool busy() const override { return m_busy; }

    void run(const Actions::Request& request, const QString& expectedLeader) override;
    void recordRefusal(const Actions::Request& request, const QString& reason) override;
    QString auditPath() const override { return m_audit.path(); }
    QString apiUser() const override;
    bool passwordKnown() const override;
    void providePassword(const QString& user, const QString& password, bool remember) override;

    // Where the audit log lives: ~/.local/share/patroni-console/audit.jsonl.
    static QString defaultAuditPath();

private:
    std::optional<Sources::BasicAuth> credentials() const;
    void passwordAnswered(int httpStatus);
    void finish(Actions::Outcome outcome, const QString& phase);
    void handleAnswer(const Sources::FetchResult& result);
    void verifyNow();
    Actions::AuditRecord record(const QString& phase) const;

    Sources::HttpClient* m_http;
    LiveSession* m_session;
    Actions::AuditLog m_audit;
    std::optional<Sources::BasicAuth> m_auth;
    QString m_givenUser;
    bool m_rememberPending = false;
    int m_verifyTimeoutMs = 90000;
    bool m_busy = false;
    QString m_id;
    Actions::Request m_request;
    Actions::Preflight m_preflight;
    Actions::Outcome m_outcome;
    Credentials::CredentialStore m_credentials;
    QElapsedTimer m_clock;
    QElapsedTimer m_verifyClock;
    QTimer m_verifyDeadline;
    QMetaObject::Connection m_watch;
};

} // namespace App
