// Actions: each candidate's checklist, the preflight's refusals in words, the consequences, the
// verification steps as the state moves, and the audit log.
#include "clusterstatebuilder.h"

#include "models/actions/action.h"
#include "models/actions/auditlog.h"
#include "models/cluster/findings.h"
#include "models/itemmodels/membertablemodel.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Actions::Preflight check(const Cluster::ClusterState& s, const Actions::Request& r)
{
    return Actions::preflight(s, Cluster::evaluateFindings(s, TestStates::t0()), r, TestStates::t0());
}

Actions::Request switchover(const QString& candidate = {})
{
    Actions::Request r;
    r.kind = Actions::Kind::Switchover;
    r.candidate = candidate;
    return r;
}

const Actions::Candidate* candidate(const Actions::Preflight& p, const QString& name)
{
    for (const Actions::Candidate& c : p.candidates) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kindNamesRoundTrip();
    void healthySwitchoverIsAllowed();
    void candidateRefusals_data();
    void candidateRefusals();
    void noLeaderNoSwitchover();
    void pausedAndScheduled();
    void failoverNamesTheLoss();
    void memberActions();
    void switchoverVerification();
    void reinitMustBeSeenRebuilding();
    void configPatches();
    void editedConfigText();
    void editConfigPreflight();
    void auditRoundTrip();
};

void TestActions::kindNamesRoundTrip()
{
    // The command line and the audit log find every action by its name.
    for (int k = 0; k <= int(Actions::Kind::EditConfig); ++k) {
        const QString name = Actions::kindName(Actions::Kind(k));
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(k)));
        QCOMPARE(Actions::kindFromName(name), std::optional<Actions::Kind>(Actions::Kind(k)));
    }
    QCOMPARE(Actions::kindName(Actions::Kind::EditConfig), u"edit-config"_s);
}

void TestActions::healthySwitchoverIsAllowed()
{
    const Cluster::ClusterState s = TestStates::healthy();
    const Actions::Preflight p = check(s, switchover(u"patroni2"_s));
    QVERIFY2(p.ok(), qPrintable(p.problems.join(u'\n')));
    QCOMPARE(p.leader, u"patroni1"_s);
    QCOMPARE(p.timeline, std::optional<int>(4));
    QCOMPARE(p.candidates.size(), 2);
    QVERIFY(candidate(p, u"patroni2"_s)->eligible());
    QCOMPARE(candidate(p, u"patroni2"_s)->criteria.size(), 5); // no sync criterion without synchronous mode
    QCOMPARE(Actions::consequences(s, {}, switchover(u"patroni2"_s), p),
        u"patroni2 becomes leader; patroni1 is demoted and rejoins as a replica; connections through port 5000 drop "
        "for a few seconds and clients must reconnect."_s);
    QCOMPARE(Actions::typedConfirmation(switchover(u"patroni2"_s)), QString()); // y/N is enough
}

void TestActions::candidateRefusals_data()
{
    QTest::addColumn<QString>("bend");
    QTest::addColumn<QString>("says");
    QTest::newRow("itself") << u"leader"_s << u"patroni1 is already the leader"_s;
    QTest::newRow("unknown") << u"unknown"_s
                             << u"no member named \"patroni9\"; the members are patroni1, patroni2, patroni3"_s;
    QTest::newRow("nofailover") << u"nofailover"_s << u"patroni2 cannot become leader: tagged nofailover"_s;
    QTest::newRow("nofailover as text") << u"nofailover-text"_s << u"tagged nofailover"_s;
    QTest::newRow("lagging") << u"lag"_s << u"20 971 520 B behind (limit 1 048 576 B, maximum_lag_on_failover)"_s;
    QTest::newRow("stopped") << u"stopped"_s << u"it is stopped, not running"_s;
    QTest::newRow("silent") << u"silent"_s << u"its REST API does not answer"_s;
    QTest::newRow("timeline") << u"timeline"_s << u"on timeline 3, the cluster on 4"_s;
    QTest::newRow("not sync") << u"sync"_s << u"not in the synchronous set"_s;
}

void TestActions::candidateRefusals()
{
    QFETCH(QString, bend);
    QFETCH(QString, says);
    Cluster::ClusterState s = TestStates::healthy();
    QString who = u"patroni2"_s;
    Cluster::Member& m = TestStates::member(s, u"patroni2"_s);
    if (bend == u"leader"_s)
        who = u"patroni1"_s;
    else if (bend == u"unknown"_s)
        who = u"patroni9"_s;
    else if (bend == u"nofailover"_s)
        m.tags.insert(u"nofailover"_s, true);
    else if (bend == u"nofailover-text"_s)
        m.tags.insert(u"nofailover"_s, u"true"_s);
    else if (bend == u"lag"_s)
        m.lagBytes = 20 * 1024 * 1024;
    else if (bend == u"stopped"_s) {
        m.state = u"stopped"_s;
        s.members[u"patroni2"_s].status->state = u"stopped"_s;
    } else if (bend == u"silent"_s)
        TestStates::apiFails(s, u"patroni2"_s);
    else if (bend == u"timeline"_s) {
        m.timeline = 3;
        s.members[u"patroni2"_s].status->timeline = 3;
    } else if (bend == u"sync"_s) {
        Patroni::DynamicConfig c;
        c.synchronousMode = Patroni::SynchronousMode::On;
        s.config = c;
    }
    const Actions::Preflight p = check(s, switchover(who));
    QVERIFY(!p.ok());
    QVERIFY2(p.problems.join(u'\n').contains(says), qPrintable(p.problems.join(u'\n')));
    // Without a name, Patroni would pick another: still allowed while one is eligible.
    if (bend != u"leader"_s && bend != u"unknown"_s && bend != u"sync"_s)
        QVERIFY2(check(s, switchover()).ok(), qPrintable(check(s, switchover()).problems.join(u'\n')));
}

void TestActions::noLeaderNoSwitchover()
{
    Cluster::ClusterState s = TestStates::healthy();
    TestStates::apiFails(s, u"patroni1"_s); // the DCS still names it; its API is silent
    const Actions::Preflight p = check(s, switchover(u"patroni2"_s));
    QVERIFY(!p.ok());
    QVERIFY2(p.problems.first().contains(u"there is no leader to hand over from: use failover"_s),
        qPrintable(p.problems.first()));
    QCOMPARE(p.timeline, std::optional<int>(4)); // the highest a member is on: what a promotion continues
    Actions::Request failover;
    failover.kind = Actions::Kind::Failover;
    QVERIFY(check(s, failover).problems.join(u' ').contains(u"a failover needs --candidate NAME"_s));
    failover.candidate = u"patroni2"_s;
    QVERIFY2(check(s, failover).ok(), qPrintable(check(s, failover).problems.join(u'\n')));
    QCOMPARE(Actions::typedConfirmation(failover), u"patroni2"_s);
    // A cluster that cannot be read: nothing is sent.
    Cluster::ClusterState unread;
    unread.dcs.lastAttempt = TestStates::t0();
    unread.dcs.error.code = Cluster::SourceError::Code::Timeout;
    QVERIFY(check(unread, switchover()).problems.first().contains(u"nothing is sent while its state is unknown"_s));
}

void TestActions::pausedAndScheduled()
{
    Cluster::ClusterState s = TestStates::healthy();
    Actions::Request r = switchover(u"patroni2"_s);
    r.at = TestStates::t0().addSecs(-60);
    QVERIFY(check(s, r).problems.join(u' ').contains(u"is in the past"_s));
    r.at = TestStates::t0().addSecs(3600);
    QVERIFY(check(s, r).ok());
    QVERIFY(Actions::consequences(s, {}, r, check(s, r))
                .startsWith(u"At 2026-11-25 19:00:00 UTC: patroni2 becomes leader"_s));
    s.view.scheduledSwitchover
        = Cluster::ScheduledSwitchover { u"2026-11-25T18:30:00+00:00"_s, u"patroni1"_s, u"patroni3"_s };
    QVERIFY(check(s, r).warnings.join(u' ').contains(u"replaces the switchover already scheduled"_s));
    s.view.paused = true;
    QVERIFY(check(s, r).problems.join(u' ').contains(u"Patroni refuses a scheduled switchover"_s));
    QVERIFY(check(s, switchover()).problems.join(u' ').contains(u"name the candidate"_s));
    QVERIFY(check(s, switchover(u"patroni2"_s)).ok()); // named: allowed while paused
    Actions::Request pause;
    pause.kind = Actions::Kind::Pause;
    QVERIFY(check(s, pause).problems.join(u' ').contains(u"already paused"_s));
    Actions::Request cancel;
    cancel.kind = Actions::Kind::CancelSwitchover;
    QVERIFY(check(s, cancel).ok());
    s.view.scheduledSwitchover.reset();
    QVERIFY(check(s, cancel).problems.join(u' ').contains(u"no switchover is scheduled"_s));
}

void TestActions::failoverNamesTheLoss()
{
    Cluster::ClusterState s = TestStates::healthy();
    TestStates::member(s, u"patroni2"_s).lagBytes = 20 * 1024 * 1024;
    Actions::Request r;
    r.kind = Actions::Kind::Failover;
    r.candidate = u"patroni2"_s;
    const Actions::Preflight p = check(s, r);
    QVERIFY2(p.ok(), qPrintable(p.problems.join(u'\n'))); // the emergency tool: lag is a cost, not a refusal
    QVERIFY(p.warnings.join(u' ').contains(u"20 971 520 B behind"_s));
    QVERIFY(p.warnings.join(u' ').contains(u"the leader patroni1 is healthy: a switchover is the gentler way"_s));
    // The consequences are only ever shown: the size in the reader's locale; the records keep exact bytes.
    const QString said = Actions::consequences(s, {}, r, p);
    QVERIFY2(said.contains(u"It is %1 behind: writes the old leader had not sent it are lost"_s.arg(
                 ItemModels::displayBytes(20971520))),
        qPrintable(said));
    QVERIFY2(p.shownWarnings().join(u' ').contains(ItemModels::displayBytes(20971520) + u" behind"_s),
        qPrintable(p.shownWarnings().join(u' ')));
    TestStates::member(s, u"patroni2"_s).tags.insert(u"nofailover"_s, true);
    QVERIFY(!check(s, r).ok()); // but nofailover is a refusal even here
}

void TestActions::memberActions()
{
    Cluster::ClusterState s = TestStates::healthy();
    Actions::Request reinit;
    reinit.kind = Actions::Kind::Reinit;
    reinit.member = u"patroni1"_s;
    QVERIFY(check(s, reinit).problems.join(u' ').contains(u"patroni1 is the leader"_s));
    reinit.member = u"patroni2"_s;
    QVERIFY(check(s, reinit).ok());
    QVERIFY(check(s, reinit).warnings.join(u' ').contains(u"its data directory is thrown away"_s));
    QCOMPARE(Actions::typedConfirmation(reinit), u"patroni2"_s);
    TestStates::apiFails(s, u"patroni2"_s);
    QVERIFY(check(s, reinit).problems.join(u' ').contains(u"does not answer"_s));
    Actions::Request restart;
    restart.kind = Actions::Kind::Restart;
    restart.member = u"patroni3"_s;
    restart.pendingOnly = true;
    QVERIFY(check(s, restart).problems.join(u' ').contains(u"needs no restart"_s));
    TestStates::member(s, u"patroni3"_s).pendingRestart = true;
    QVERIFY(check(s, restart).ok());
    // --role as Patroni filters it: refused before sending where Patroni would answer 503.
    restart.pendingOnly = false;
    restart.role = u"primary"_s;
    QVERIFY(check(s, restart).problems.join(u' ').contains(u"patroni3 is a replica, not primary (--role)"_s));
    restart.role = u"replica"_s;
    QVERIFY(check(s, restart).ok());
    restart.role = u"boss"_s;
    QVERIFY(check(s, restart).problems.join(u' ').contains(u"--role must be"_s));
    Actions::Request cancel;
    cancel.kind = Actions::Kind::CancelRestart;
    cancel.member = u"patroni3"_s;
    QVERIFY(check(s, cancel).problems.join(u' ').contains(u"no restart of patroni3 is scheduled"_s));
}

void TestActions::switchoverVerification()
{
    const Cluster::ClusterState before = TestStates::healthy(u"patroni1"_s, 4);
    const Actions::Request r = switchover(u"patroni2"_s);
    const Actions::Preflight p = check(before, r);
    QList<Actions::Step> steps = Actions::verification(r, p, before, {}, 100, {});
    QCOMPARE(steps.size(), 3); // leader, timeline, old leader back; no HAProxy or PostgreSQL configured
    QVERIFY(!Actions::allPassed(steps));
    // patroni2 leads on timeline 5, patroni1 not back yet.
    Cluster::ClusterState during = TestStates::healthy(u"patroni2"_s, 5);
    TestStates::apiFails(during, u"patroni1"_s);
    steps = Actions::verification(r, p, during, {}, 2100, steps);
    QVERIFY(steps[0].passed && steps[0].passedAfterMs == 2100);
    QVERIFY(steps[1].passed);
    QVERIFY(!steps[2].passed);
    QCOMPARE(steps[2].text(), u"patroni1 rejoined as a streaming replica"_s);
    const Cluster::ClusterState after = TestStates::healthy(u"patroni2"_s, 5);
    steps = Actions::verification(r, p, after, {}, 6000, steps);
    QVERIFY(Actions::allPassed(steps));
    QCOMPARE(steps[0].passedAfterMs, 2100); // when it first held
    QCOMPARE(steps[2].passedAfterMs, 6000);
    // A leader that moved elsewhere is not what was asked.
    const QList<Actions::Step> wrong = Actions::verification(r, p, TestStates::healthy(u"patroni3"_s, 5), {}, 3000, {});
    QVERIFY(!wrong[0].passed);
}

void TestActions::reinitMustBeSeenRebuilding()
{
    Actions::Request r;
    r.kind = Actions::Kind::Reinit;
    r.member = u"patroni2"_s;
    const Cluster::ClusterState healthy = TestStates::healthy();
    const Actions::Preflight p = check(healthy, r);
    // Still running as before: not yet done.
    QList<Actions::Step> steps = Actions::verification(r, p, healthy, {}, 100, {});
    QVERIFY(!Actions::allPassed(steps));
    Cluster::ClusterState rebuilding = healthy;
    TestStates::member(rebuilding, u"patroni2"_s).state = u"creating replica"_s;
    rebuilding.members[u"patroni2"_s].status->state = u"creating replica"_s;
    steps = Actions::verification(r, p, rebuilding, {}, 1500, steps);
    QVERIFY(steps[0].passed && !steps[1].passed);
    steps = Actions::verification(r, p, healthy, {}, 4000, steps);
    QVERIFY(Actions::allPassed(steps));
}

// The configuration as edited by hand: a patch from the current one, or where the text breaks.
void TestActions::editedConfigText()
{
    const QJsonObject current { { u"loop_wait"_s, 3 }, { u"ttl"_s, 15 } };
    const Actions::EditedConfig changed = Actions::editedConfig(current, "{\n  \"loop_wait\": 5,\n  \"ttl\": 15\n}\n");
    QVERIFY(changed.ok());
    QCOMPARE(changed.patch, (QJsonObject { { u"loop_wait"_s, 5 } }));
    const Actions::EditedConfig broken = Actions::editedConfig(current, "{\n  \"loop_wait\": 5,,\n  \"ttl\": 15\n}\n");
    QVERIFY(!broken.ok());
    QVERIFY(!broken.parseError.isEmpty());
    QCOMPARE(broken.line, 2);
    const Actions::EditedConfig array = Actions::editedConfig(current, "[1, 2]");
    QVERIFY(!array.ok());
    QVERIFY(array.parseError.isEmpty() && !array.isObject);
}

void TestActions::configPatches()
{
    const QJsonObject base = QJsonDocument::fromJson(
        R"({"ttl": 30, "loop_wait": 10, "postgresql": {"parameters": {"max_connections": 100, "work_mem": "4MB"}}})")
                                 .object();
    QJsonObject patch;
    QString why;
    QVERIFY(Actions::addSetting(&patch, u"loop_wait=5"_s, &why));
    QVERIFY(Actions::addSetting(&patch, u"postgresql.parameters.work_mem=8MB"_s, &why)); // not JSON: text
    QVERIFY(Actions::addSetting(&patch, u"postgresql.parameters.max_connections=null"_s, &why));
    QVERIFY(Actions::addSetting(&patch, u"synchronous_mode=true"_s, &why));
    QCOMPARE(QJsonDocument(patch).toJson(QJsonDocument::Compact),
        QByteArray(
            R"({"loop_wait":5,"postgresql":{"parameters":{"max_connections":null,"work_mem":"8MB"}},"synchronous_mode":true})"));
    for (const QString& bad : { u"loop_wait"_s, u"=5"_s, u".a=1"_s, u"a..b=1"_s }) {
        QJsonObject p;
        QVERIFY2(!Actions::addSetting(&p, bad, &why), qPrintable(bad));
        QVERIFY(why.contains(u"KEY=VALUE"_s));
    }
    const QJsonObject merged = Actions::mergePatch(base, patch);
    QCOMPARE(merged.value("loop_wait"_L1).toInt(), 5);
    QCOMPARE(merged.value("ttl"_L1).toInt(), 30);
    const QJsonObject params = merged.value("postgresql"_L1).toObject().value("parameters"_L1).toObject();
    QVERIFY(!params.contains("max_connections"_L1)); // null deletes
    QCOMPARE(params.value("work_mem"_L1).toString(), u"8MB"_s);
    // patchBetween is mergePatch's inverse.
    QCOMPARE(Actions::mergePatch(base, Actions::patchBetween(base, merged)), merged);
    QCOMPARE(Actions::patchBetween(base, base), QJsonObject {});
    QCOMPARE(Actions::restartNeeded(patch), QStringList { u"max_connections"_s });
}

void TestActions::editConfigPreflight()
{
    Cluster::ClusterState s = TestStates::healthy();
    Actions::Request r;
    r.kind = Actions::Kind::EditConfig;
    QString why;
    QVERIFY(Actions::addSetting(&r.configPatch, u"loop_wait=5"_s, &why));
    QVERIFY(check(s, r).problems.first().contains(u"could not be read"_s)); // not read yet: nothing blind
    const auto parsed = Patroni::parseDynamicConfig(
        R"({"ttl": 30, "loop_wait": 10, "retry_timeout": 10, "postgresql": {"parameters": {"max_connections": 100}}})");
    s.config = parsed.config;
    s.configSource.lastAttempt = s.configSource.lastSuccess = TestStates::t0();
    Actions::Preflight p = check(s, r);
    QVERIFY2(p.ok(), qPrintable(p.problems.join(u'\n')));
    QCOMPARE(p.diff, QStringList { u"loop_wait: 10 → 5"_s });
    QVERIFY(Actions::consequences(s, {}, r, p).endsWith(u"\n  loop_wait: 10 → 5"_s));
    QVERIFY(p.warnings.isEmpty());
    // The same again: nothing would change.
    Actions::Request same = r;
    same.configPatch = QJsonObject { { u"loop_wait"_s, 10 } };
    QVERIFY(check(s, same).problems.first().contains(u"nothing would change"_s));
    // A wrong type, a timing Patroni warns about, a setting that needs a restart.
    Actions::Request wrong = r;
    wrong.configPatch = QJsonObject { { u"loop_wait"_s, u"soon"_s } };
    QVERIFY2(check(s, wrong).problems.join(u' ').contains(u"not a configuration Patroni accepts"_s),
        qPrintable(check(s, wrong).problems.join(u' ')));
    Actions::Request slow = r;
    slow.configPatch = QJsonObject { { u"retry_timeout"_s, 20 } };
    QVERIFY(check(s, slow).warnings.join(u' ').contains(u"exceeds ttl"_s));
    Actions::Request restart = r;
    QVERIFY(Actions::addSetting(&restart.configPatch, u"postgresql.parameters.max_connections=200"_s, &why));
    QVERIFY(check(s, restart)
                .warnings.join(u' ')
                .contains(u"max_connections take(s) effect only after PostgreSQL restarts"_s));
    // Verified once the configuration reads as edited.
    QVERIFY(!Actions::allPassed(Actions::verification(r, p, s, {}, 100, {})));
    Cluster::ClusterState after = s;
    after.config->raw.insert("loop_wait"_L1, 5);
    QVERIFY(Actions::allPassed(Actions::verification(r, p, after, {}, 900, {})));
}

void TestActions::auditRoundTrip()
{
    QTemporaryDir dir;
    Actions::AuditLog log(dir.filePath(u"sub/audit.jsonl"_s));
    Actions::AuditRecord r;
    r.id = u"abc"_s;
    r.at = TestStates::t0();
    r.phase = u"verified"_s;
    r.osUser = u"dba"_s;
    r.host = u"console1"_s;
    r.cluster = u"prod"_s;
    r.request = switchover(u"patroni2"_s);
    r.request.at = TestStates::t0().addSecs(60);
    r.warnings = { u"w"_s };
    r.httpStatus = 200;
    r.httpBody = u"Successfully switched over to \"patroni2\""_s;
    r.steps = { { u"leader"_s, Cluster::Words::verbatim(u"patroni2 is the leader"_s), true, 2100 } };
    r.sendMs = 2000;
    r.verifyMs = 6000;
    QVERIFY(log.append(r));
    QFile f(log.path());
    QVERIFY(f.open(QIODevice::Append));
    f.write("not json\n{\"id\": \"x\"}\n");
    f.close();
    r.id = u"def"_s;
    r.phase = u"refused"_s;
    QVERIFY(log.append(r));
    int skipped = 0;
    const QList<Actions::AuditRecord> back = log.read(&skipped);
    QCOMPARE(skipped, 2);
    QCOMPARE(back.size(), 2);
    QCOMPARE(back[0].id, u"abc"_s);
    QCOMPARE(back[0].request.kind, Actions::Kind::Switchover);
    QCOMPARE(back[0].request.candidate, u"patroni2"_s);
    QCOMPARE(back[0].request.at, TestStates::t0().addSecs(60));
    QCOMPARE(back[0].steps.first().passedAfterMs, 2100);
    QCOMPARE(back[0].httpBody, r.httpBody);
    QCOMPARE(back[1].phase, u"refused"_s);
}

QTEST_GUILESS_MAIN(TestActions)
#include "tst_actions.moc"
