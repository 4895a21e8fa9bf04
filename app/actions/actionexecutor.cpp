#include "app/actions/actionexecutor.h"

#include "app/session/livesession.h"
#include "app/sources/patronipoller.h"
#include "app/sources/tlsconfig.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/plaintext.h"
#include "models/snapshot/redactor.h"
#include "models/snapshot/snapshot.h"

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace App {

namespace {

    // Patroni's own messages are plain text labelled text/html; its HTTP layer's errors are whole HTML
    // pages. Show text, never markup.
    QString answerText(const QByteArray& body)
    {
        QString text = QString::fromUtf8(body).trimmed();
        if (text.startsWith(u'<')) {
            static const QRegularExpression tags(u"<[^>]*>"_s);
            static const QRegularExpression space(u"\\s+"_s);
            text.replace(tags, u" "_s).replace(space, u" "_s);
            text = text.trimmed();
        }
        return Cluster::displayText(text, 500);
    }

    // A sentence of the executor's (lupdate: QT_TR_NOOP in its members, context "App::ActionExecutor"):
    // English in the audit log, in the reader's language where it is shown.
    Cluster::Words spoken(const char* text)
    {
        return Cluster::Words::source(text, -1, "App::ActionExecutor");
    }

    QUrl endpoint(const QUrl& apiUrl, const QString& path)
    {
        QUrl u = apiUrl;
        u.setPath(path);
        u.setQuery(QString());
        return u;
    }

} // namespace

ActionExecutor::ActionExecutor(Sources::HttpClient* http, LiveSession* session, QString auditPath, QObject* parent)
    : Actions::Controller(parent)
    , m_http(http)
    , m_session(session)
    , m_audit(std::move(auditPath))
{
    m_verifyDeadline.setSingleShot(true);
    connect(&m_verifyDeadline, &QTimer::timeout, this, [this] {
        QList<Cluster::Words> missing;
        for (const Actions::Step& s : std::as_const(m_outcome.steps)) {
            if (!s.passed)
                missing.append(s.words);
        }
        m_outcome.verifyMs = m_verifyClock.elapsed();
        const bool unknown = m_outcome.result == Actions::Outcome::Result::Unknown;
        m_outcome.result = unknown ? Actions::Outcome::Result::Unknown : Actions::Outcome::Result::NotVerified;
        m_outcome.say((unknown ? spoken(QT_TR_NOOP("Patroni gave no clear answer, and within %1 s this was not seen: "
                                                   "%2. Look at the cluster before doing anything else."))
                               : spoken(QT_TR_NOOP("Patroni accepted it, but within %1 s this was not seen: %2. Look "
                                                   "at the cluster before doing anything else.")))
                          .arg(m_verifyTimeoutMs / 1000)
                          .arg(Cluster::Words::joined(missing, u"; "_s)));
        finish(m_outcome, unknown ? u"unknown"_s : u"not-verified"_s);
    });
}

std::optional<Sources::BasicAuth> ActionExecutor::credentials() const
{
    if (m_auth)
        return m_auth;
    const QString user = apiUser();
    const QString password = m_session->patroniApiPassword();
    if (user.isEmpty() && password.isEmpty())
        return std::nullopt;
    return Sources::BasicAuth { user, password };
}

QString ActionExecutor::apiUser() const
{
    if (m_auth)
        return m_auth->user;
    return m_givenUser.isEmpty() ? m_session->profile().patroniApiUser : m_givenUser;
}

bool ActionExecutor::passwordKnown() const
{
    const auto auth = credentials();
    return auth && !auth->password.isEmpty();
}

void ActionExecutor::providePassword(const QString& user, const QString& password, bool remember)
{
    m_givenUser = user;
    m_session->usePatroniApiPassword(password, user);
    // To the keychain only once the REST API has taken it: a mistyped password is never stored.
    m_rememberPending = remember;
    if (!remember)
        Q_EMIT passwordStored(false, tr("The password is kept for this session only and written nowhere."));
}

void ActionExecutor::passwordAnswered(int httpStatus)
{
    if (httpStatus == 401) {
        // Wrong: forgotten, so the window asks again rather than sending it once more.
        m_session->usePatroniApiPassword(QString());
        if (m_rememberPending)
            Q_EMIT passwordStored(false, tr("The REST API refused the password: it was not stored."));
        m_rememberPending = false;
        return;
    }
    if (!m_rememberPending || httpStatus == 0)
        return; // not asked to remember, or Patroni was not reached: it is still untried
    m_rememberPending = false;
    m_credentials.write(m_session->name(), Cluster::SecretKind::PatroniApi, m_session->patroniApiPassword(), this,
        [this](const Credentials::Result& r) {
            if (r.ok())
                Q_EMIT passwordStored(true, tr("The password is stored in the system keychain."));
            else
                Q_EMIT passwordStored(false,
                    tr("The keychain did not take the password (%1): it is kept for this session only and "
                       "written nowhere.")
                        .arg(r.message));
        });
}

QString ActionExecutor::defaultAuditPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/patroni-console/audit.jsonl"_s;
}

Actions::AuditRecord ActionExecutor::record(const QString& phase) const
{
    const Snapshot::Origin origin = Snapshot::localOrigin();
    Actions::AuditRecord r;
    r.id = m_id;
    r.at = QDateTime::currentDateTimeUtc();
    r.phase = phase;
    r.osUser = origin.user;
    r.host = origin.host;
    r.cluster = m_session->name();
    r.request = m_request;
    r.problems = m_preflight.problems;
    r.warnings = m_preflight.warnings;
    r.httpStatus = m_outcome.httpStatus;
    r.httpBody = m_outcome.body;
    r.error = phase == u"sending"_s ? QString() : m_outcome.message;
    r.steps = m_outcome.steps;
    r.sendMs = m_outcome.sendMs;
    r.verifyMs = m_outcome.verifyMs;
    return r;
}

void ActionExecutor::finish(Actions::Outcome outcome, const QString& phase)
{
    m_outcome = std::move(outcome);
    disconnect(m_watch);
    m_verifyDeadline.stop();
    QString error;
    if (!m_audit.append(record(phase), &error))
        m_outcome.say(
            m_outcome.sentence() + spoken(QT_TR_NOOP(" (and the audit log could not be written: %1)")).arg(error));
    m_busy = false;
    Q_EMIT finished(m_outcome);
}

void ActionExecutor::recordRefusal(const Actions::Request& request, const QString& reason)
{
    Actions::AuditRecord r = record(u"refused"_s);
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.request = request;
    r.problems = { reason };
    r.warnings.clear();
    r.httpStatus = 0;
    r.httpBody.clear();
    r.error = reason;
    r.steps.clear();
    r.sendMs = r.verifyMs = -1;
    m_audit.append(r);
}

void ActionExecutor::run(const Actions::Request& request, const QString& expectedLeader)
{
    if (m_busy) {
        // Not this action's record: the one in flight keeps its own. Said, and written down.
        Actions::Outcome refused;
        refused.say(spoken(QT_TR_NOOP("another action is in flight for this cluster; wait for it to finish")));
        recordRefusal(request, refused.message);
        Q_EMIT finished(refused);
        return;
    }
    m_busy = true;
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_request = request;
    m_outcome = {};
    const Cluster::ClusterStore* store = m_session->store();
    const Cluster::ClusterState& state = store->state();
    m_preflight = Actions::preflight(state, store->findings(), request, QDateTime::currentDateTimeUtc());
    if (m_preflight.ok() && m_preflight.leader != expectedLeader)
        m_preflight.addProblem(
            spoken(QT_TR_NOOP("the leader changed from %1 to %2 since it was confirmed: nothing was "
                              "sent; look again and confirm anew"))
                .arg(expectedLeader.isEmpty() ? spoken(QT_TR_NOOP("none")) : Cluster::Words::verbatim(expectedLeader),
                    m_preflight.leader.isEmpty() ? spoken(QT_TR_NOOP("none"))
                                                 : Cluster::Words::verbatim(m_preflight.leader)));
    // Where it goes: the member's own API for member actions; the leader's (else the candidate's) for
    // the cluster's.
    QString target = request.member;
    if (target.isEmpty())
        target = !m_preflight.leader.isEmpty() ? m_preflight.leader : request.candidate;
    QUrl api;
    for (const Cluster::Member& m : state.view.members) {
        if (m.name == target)
            api = m.apiUrl;
    }
    if (api.isEmpty() && state.members.contains(target))
        api = state.members.value(target).apiUrl;
    if (m_preflight.ok() && !api.isValid())
        m_preflight.addProblem(spoken(QT_TR_NOOP("the DCS gives no REST API address for %1")).arg(target));
    bool configuredHttps = false;
    for (const QUrl& u : m_session->profile().patroniUrls)
        configuredHttps |= u.scheme() == u"https"_s;
    const std::optional<Sources::BasicAuth> auth = credentials();
    if (m_preflight.ok() && configuredHttps && api.scheme() != u"https"_s && auth)
        m_preflight.addProblem(
            spoken(QT_TR_NOOP("%1's API is plain http while the cluster is configured for https: the "
                              "password would travel in clear, so nothing was sent"))
                .arg(target));
    if (m_preflight.ok() && (request.kind == Actions::Kind::Restart || request.kind == Actions::Kind::Reload)
        && request.member.isEmpty())
        m_preflight.addProblem(spoken(QT_TR_NOOP("name the member: one request goes to one member's API")));
    if (!m_preflight.ok()) {
        Actions::Outcome refused;
        refused.say(
            spoken(QT_TR_NOOP("nothing was sent: %1")).arg(Cluster::Words::joined(m_preflight.problemWords, u"; "_s)));
        finish(refused, u"refused"_s);
        return;
    }

    Sources::FetchOptions options;
    options.deadlineMs = 30000; // a switchover blocks ~2 s, a restart until PostgreSQL is back
    options.sourceName = u"Patroni API %1"_s.arg(api.toString(QUrl::RemoveUserInfo | QUrl::RemovePath));
    options.basicAuth = auth;
    options.maxBodyBytes = 1024 * 1024;
    QString tlsError;
    if (api.scheme() == u"https"_s)
        options.ssl = Sources::sslConfigurationFor(m_session->profile().tls, &tlsError);
    QJsonObject body;
    QString path;
    switch (request.kind) {
    case Actions::Kind::Switchover:
        path = u"/switchover"_s;
        body.insert("leader"_L1, m_preflight.leader);
        if (!request.candidate.isEmpty())
            body.insert("candidate"_L1, request.candidate);
        if (request.at.isValid())
            body.insert("scheduled_at"_L1, request.at.toUTC().toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s));
        options.method = "POST";
        break;
    case Actions::Kind::CancelSwitchover:
        path = u"/switchover"_s;
        options.method = "DELETE";
        break;
    case Actions::Kind::Failover:
        path = u"/failover"_s;
        body.insert("candidate"_L1, request.candidate);
        options.method = "POST";
        break;
    case Actions::Kind::Restart:
        path = u"/restart"_s;
        if (request.at.isValid())
            body.insert("schedule"_L1, request.at.toUTC().toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s));
        if (request.pendingOnly)
            body.insert("restart_pending"_L1, true);
        if (!request.role.isEmpty()) {
            // Patroni before 4.0 calls the primary "master" inside and compares the role with that
            // (3.0.2 answers 503 to "primary", LAB-FACTS).
            QString role = request.role;
            const auto own = state.members.constFind(target);
            if (role == u"primary"_s && own != state.members.constEnd() && own->status
                && own->status->patroniVersion.section(u'.', 0, 0).toInt() < 4)
                role = u"master"_s;
            body.insert("role"_L1, role);
        }
        options.method = "POST";
        break;
    case Actions::Kind::CancelRestart:
        path = u"/restart"_s;
        options.method = "DELETE";
        break;
    case Actions::Kind::Reload:
        path = u"/reload"_s;
        options.method = "POST";
        break;
    case Actions::Kind::Reinit:
        path = u"/reinitialize"_s;
        body.insert("force"_L1, request.force);
        options.method = "POST";
        break;
    case Actions::Kind::Pause:
    case Actions::Kind::Resume:
        path = u"/config"_s;
        body.insert("pause"_L1, request.kind == Actions::Kind::Pause);
        options.method = "PATCH";
        break;
    case Actions::Kind::EditConfig:
        path = u"/config"_s;
        body = request.configPatch;
        options.method = "PATCH";
        break;
    }
    if (options.method != "DELETE")
        options.postJson = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_audit.append(record(u"sending"_s));
    m_clock.start();
    Sources::fetch(m_http, endpoint(api, path), options, this,
        [this](const Sources::FetchResult& result) { handleAnswer(result); });
}

void ActionExecutor::handleAnswer(const Sources::FetchResult& result)
{
    m_outcome.sendMs = m_clock.elapsed();
    m_outcome.httpStatus = result.httpStatus;
    Snapshot::Redactor redactor;
    if (const auto auth = credentials())
        redactor.addSecret(auth->password);
    redactor.addSecretsFromEnvironment(QProcessEnvironment::systemEnvironment());
    const QString said = redactor.redactText(answerText(result.body));
    m_outcome.body = said;
    const int status = result.httpStatus;
    // "412: no good candidates have been found"; a JSON answer (PATCH /config returns the whole
    // configuration) goes to the audit log, not into the sentence.
    const QString code
        = said.isEmpty() || said.startsWith(u'{') ? QString::number(status) : u"%1: %2"_s.arg(status).arg(said);
    using Result = Actions::Outcome::Result;
    bool verify = false;
    if (result.error.isError() && status == 0) {
        if (result.error.code == Cluster::SourceError::Code::Timeout) {
            m_outcome.result = Result::Unknown;
            m_outcome.say(spoken(
                QT_TR_NOOP("no answer within 30 s: the action may still be in progress; watching what happens")));
            verify = true;
        } else {
            m_outcome.result = Result::Failed;
            m_outcome.say(spoken(QT_TR_NOOP("the request did not reach Patroni: %1; nothing was changed"))
                              .arg(Cluster::describeWords(result.error)));
        }
    } else if (status == 200 || status == 202) {
        m_outcome.result = Result::Done; // until verification says otherwise
        m_outcome.say(status == 202 ? spoken(QT_TR_NOOP("Patroni accepted it (%1)")).arg(code)
                                    : spoken(QT_TR_NOOP("Patroni did it (%1)")).arg(code));
        verify = true;
    } else if (status == 503 && said.contains(u"unknown"_s, Qt::CaseInsensitive)) {
        m_outcome.result = Result::Unknown;
        m_outcome.say(
            spoken(QT_TR_NOOP("Patroni does not know whether it worked (%1); watching what happens")).arg(code));
        verify = true;
    } else {
        m_outcome.result = Result::Failed;
        switch (status) {
        case 401:
            m_outcome.say(
                (m_auth ? spoken(QT_TR_NOOP("the REST API refused the user name or password (%1); check the API "
                                            "user (--user, PATRONI_API_USER) and its password; nothing was "
                                            "changed"))
                        : spoken(QT_TR_NOOP("the REST API refused the user name or password (%1); nothing was "
                                            "changed; give them again")))
                    .arg(code));
            break;
        case 403:
            m_outcome.say(spoken(QT_TR_NOOP("the REST API forbids this (%1); nothing was changed")).arg(code));
            break;
        case 400:
            m_outcome.say(spoken(QT_TR_NOOP("Patroni refused the request (%1); nothing was changed")).arg(code));
            break;
        case 404:
            m_outcome.say(spoken(QT_TR_NOOP("there was nothing to cancel (%1)")).arg(code));
            break;
        case 412:
            m_outcome.say(spoken(QT_TR_NOOP("Patroni refused: its preconditions are not met (%1); nothing was changed"))
                              .arg(code));
            break;
        case 422:
            m_outcome.say(spoken(QT_TR_NOOP("Patroni refused the time (%1); nothing was changed")).arg(code));
            break;
        case 500:
            m_outcome.say(
                spoken(QT_TR_NOOP("Patroni failed inside (%1); look at its log before trying again")).arg(code));
            break;
        case 503:
            m_outcome.say(spoken(QT_TR_NOOP("Patroni could not do it (%1); nothing was changed")).arg(code));
            break;
        default:
            m_outcome.say(spoken(QT_TR_NOOP("Patroni answered HTTP %1")).arg(code));
        }
    }
    if (!m_auth)
        passwordAnswered(status);
    Q_EMIT answered(status, m_outcome.shownMessage());
    if (!verify) {
        finish(m_outcome, u"failed"_s);
        return;
    }
    // What an action changes shows in /config (an edit, a pause) and /history (a new leader) too, which
    // the poller otherwise reads every tenth round: read them with the next one.
    if (Sources::PatroniPoller* patroni = m_session->patroni())
        patroni->requestSlowReads();
    m_verifyClock.start();
    m_watch = connect(m_session->store(), &Cluster::ClusterStore::stateChanged, this, &ActionExecutor::verifyNow);
    m_verifyDeadline.start(m_verifyTimeoutMs);
    verifyNow();
}

void ActionExecutor::verifyNow()
{
    const Cluster::ClusterStore* store = m_session->store();
    const QList<Actions::Step> steps = Actions::verification(
        m_request, m_preflight, store->state(), store->findings(), m_clock.elapsed(), m_outcome.steps);
    const bool changed = [&] {
        if (steps.size() != m_outcome.steps.size())
            return true;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            if (steps[i].passed != m_outcome.steps[i].passed)
                return true;
        }
        return false;
    }();
    m_outcome.steps = steps;
    if (changed)
        Q_EMIT stepsChanged(steps);
    if (!Actions::allPassed(steps))
        return;
    m_outcome.verifyMs = m_verifyClock.elapsed();
    if (m_outcome.result == Actions::Outcome::Result::Unknown)
        m_outcome.say(spoken(QT_TR_NOOP("Patroni gave no clear answer, but every check passed")));
    m_outcome.result = Actions::Outcome::Result::Done;
    finish(m_outcome, u"verified"_s);
}

} // namespace App
