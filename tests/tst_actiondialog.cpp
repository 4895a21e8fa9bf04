// The action dialogs, driven with QTest over a real session and its real executor: what the review
// says, what the confirm button allows, and what reaches the audit log. The members' REST APIs are
// a reserved closed port, so nothing here can touch a running cluster: the one request that is sent
// (confirmTheFailureIsShown) is refused by the kernel. The real switchover through the window is
// tst_actions_window_lab.
#include "clusterstatebuilder.h"
#include "reservedport.h"
#include "testdata.h"

#include "app/actions/actionexecutor.h"
#include "app/session/livesession.h"
#include "app/sources/httpfetch.h"
#include "models/actions/auditlog.h"
#include "models/cluster/clusterstore.h"
#include "models/itemmodels/auditmodel.h"
#include "models/patroni/dynamicconfig.h"
#include "ui/actions/actiondialog.h"
#include "ui/actions/auditdialog.h"
#include "ui/actions/rollingdialog.h"
#include "ui/cluster/clusterpage.h"
#include "ui/mainwindow.h"
#include "ui/translation.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

// The lab's cluster of three with patroni1 leading, its APIs at `port` (closed).
struct Fixture {
    ReservedClosedPort closed;
    Sources::HttpClient http;
    std::unique_ptr<App::LiveSession> session;

    explicit Fixture(const QString& apiUser = QString())
    {
        Cluster::Profile p;
        p.name = u"lab"_s;
        p.patroniUrls = { apiUrl() };
        p.patroniApiUser = apiUser;
        p.postgres.user.clear();
        session = std::make_unique<App::LiveSession>(&http, p, Session::SessionOptions {});
        session->executor()->setVerifyTimeoutMs(2000);
        feed(TestStates::healthy());
        const auto config = Patroni::parseDynamicConfig(TestData::read(u"patroni/config-3.0.2-lab.json"_s));
        session->store()->applyDynamicConfig(*config.config, QDateTime::currentDateTimeUtc());
    }
    QUrl apiUrl() const { return QUrl(u"http://127.0.0.1:%1/patroni"_s.arg(closed.port())); }

    void feed(Cluster::ClusterState s)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (Cluster::Member& m : s.view.members)
            m.apiUrl = apiUrl();
        Cluster::ClusterStore* store = session->store();
        store->applyClusterView(s.view, apiUrl().toString(), now);
        QList<Cluster::ClusterStore::MemberAnswer> answers;
        for (auto it = s.members.cbegin(); it != s.members.cend(); ++it)
            answers.append({ it.key(), apiUrl(), it->status, {}, now, {} });
        store->applyMemberAnswers(answers);
    }

    QList<Actions::AuditRecord> audit() const { return Actions::AuditLog(session->executor()->auditPath()).read(); }
};

QStringList itemTexts(const QTreeWidget* tree, int column)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out.append(tree->topLevelItem(i)->text(column));
    return out;
}

QTreeWidgetItem* candidateItem(const QTreeWidget* tree, const QString& name)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == name)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestActionDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void switchoverReviewNamesWhatHappens();
    void ineligibleCandidateCannotBeChosen();
    void failoverNeedsTheTypedName();
    void cancelIsAudited();
    void germanDialogEnglishRecord();
    void leaderMovingUnderTheDialogIsRefused();
    void confirmTheFailureIsShown();
    void passwordAskedOnceForTheSession();
    void editConfigPreviewAndMalformedJson();
    void windowMenusOpenTheDialogs();
    void auditViewFiltersAndExports();
    void rollingRestartPlanFollowsTheCluster();
    void rollingRestartStopsAtTheFirstFailure();

private:
    QTemporaryDir m_data;
};

void TestActionDialog::initTestCase()
{
    QVERIFY(m_data.isValid());
    // The audit log under a directory of this test's own (XDG_DATA_HOME is read on every call).
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (m_data.path() + u"/config"_s).toUtf8());
    for (const char* v : { "PATRONI_CONSOLE_PATRONI_API_PASSWORD", "PATRONI_API_PASSWORD", "PATRONI_API_USER" })
        qunsetenv(v);
}

void TestActionDialog::init()
{
    QFile::remove(App::ActionExecutor::defaultAuditPath());
}

void TestActionDialog::switchoverReviewNamesWhatHappens()
{
    Fixture f;
    Actions::Request r;
    r.kind = Actions::Kind::Switchover;
    r.candidate = u"patroni2"_s;
    Ui::ActionDialog dialog(f.session.get(), r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Every member but the leader, with its checklist; "any" first.
    QCOMPARE(
        itemTexts(dialog.candidateList(), 0), (QStringList { u"any eligible member"_s, u"patroni2"_s, u"patroni3"_s }));
    QCOMPARE(dialog.chosenCandidate(), u"patroni2"_s);
    QTreeWidgetItem* p2 = candidateItem(dialog.candidateList(), u"patroni2"_s);
    QCOMPARE(p2->text(1), u"eligible"_s);
    QVERIFY(p2->childCount() >= 5); // reachable, running, nofailover, lag, timeline
    QVERIFY2(dialog.consequencesText().contains(u"patroni2 becomes leader"_s), qPrintable(dialog.consequencesText()));
    QVERIFY(dialog.consequencesText().contains(u"patroni1"_s));
    QVERIFY2(dialog.problemsText().isEmpty(), qPrintable(dialog.problemsText()));
    QVERIFY(!dialog.typedNameEdit()->isVisible()); // a switchover is confirmed by the button
    QVERIFY(dialog.confirmButton()->isEnabled());
    QCOMPARE(dialog.confirmButton()->text(), u"Switch over"_s);
    // Choosing patroni3 in the list changes the sentence.
    dialog.chooseCandidate(u"patroni3"_s);
    QCOMPARE(dialog.chosenCandidate(), u"patroni3"_s);
    QVERIFY2(dialog.consequencesText().contains(u"patroni3 becomes leader"_s), qPrintable(dialog.consequencesText()));
    // A time in the past is caught before sending.
    auto* schedule = dialog.findChild<QCheckBox*>(u"schedule"_s);
    auto* at = dialog.findChild<QDateTimeEdit*>(u"scheduledAt"_s);
    QVERIFY(schedule && at);
    schedule->setChecked(true);
    at->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    QVERIFY2(dialog.problemsText().contains(u"past"_s), qPrintable(dialog.problemsText()));
    QVERIFY(!dialog.confirmButton()->isEnabled());
    schedule->setChecked(false);
    QVERIFY(dialog.confirmButton()->isEnabled());
}

void TestActionDialog::ineligibleCandidateCannotBeChosen()
{
    Fixture f;
    auto s = TestStates::healthy();
    TestStates::member(s, u"patroni3"_s).tags.insert(u"nofailover"_s, true);
    f.feed(s);
    Actions::Request r;
    r.kind = Actions::Kind::Switchover;
    Ui::ActionDialog dialog(f.session.get(), r);
    QTreeWidgetItem* p3 = candidateItem(dialog.candidateList(), u"patroni3"_s);
    QVERIFY(p3);
    QVERIFY2(
        p3->text(1).startsWith(u"not eligible: "_s) && p3->text(1).contains(u"nofailover"_s), qPrintable(p3->text(1)));
    QVERIFY(!(p3->flags() & Qt::ItemIsSelectable));
    dialog.chooseCandidate(u"patroni3"_s);
    QVERIFY(dialog.chosenCandidate() != u"patroni3"_s);
    // Asked for by name (a context menu on it): refused with the reason, the button off.
    r.candidate = u"patroni3"_s;
    Ui::ActionDialog named(f.session.get(), r);
    QVERIFY2(named.problemsText().contains(u"patroni3 cannot become leader"_s)
            && named.problemsText().contains(u"nofailover"_s),
        qPrintable(named.problemsText()));
    QVERIFY(!named.confirmButton()->isEnabled());
    QVERIFY(named.consequencesText().isEmpty());
    named.reject();
    // Nothing sent, the refusal written down with the reason.
    const auto audit = f.audit();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().phase, u"refused"_s);
    QCOMPARE(audit.first().request.candidate, u"patroni3"_s);
    QVERIFY2(audit.first().error.contains(u"nofailover"_s), qPrintable(audit.first().error));
}

void TestActionDialog::failoverNeedsTheTypedName()
{
    Fixture f;
    Actions::Request r;
    r.kind = Actions::Kind::Failover;
    r.candidate = u"patroni2"_s;
    Ui::ActionDialog dialog(f.session.get(), r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.typedNameEdit()->isVisible());
    QVERIFY(!dialog.confirmButton()->isEnabled());
    QVERIFY2(dialog.consequencesText().contains(u"patroni2"_s), qPrintable(dialog.consequencesText()));
    QTest::keyClicks(dialog.typedNameEdit(), u"patroni3"_s);
    QVERIFY(!dialog.confirmButton()->isEnabled());
    QVERIFY(dialog.confirmButton()->toolTip().contains(u"patroni2"_s));
    dialog.typedNameEdit()->clear();
    QTest::keyClicks(dialog.typedNameEdit(), u"Patroni2"_s); // exactly, case included
    QVERIFY(!dialog.confirmButton()->isEnabled());
    dialog.typedNameEdit()->clear();
    QTest::keyClicks(dialog.typedNameEdit(), u"patroni2"_s);
    QVERIFY(dialog.confirmButton()->isEnabled());
    // Enter in the field never sends.
    QTest::keyClick(dialog.typedNameEdit(), Qt::Key_Return);
    QCOMPARE(dialog.stage(), Ui::ActionDialog::Stage::Review);
    QVERIFY(f.audit().isEmpty());
}

void TestActionDialog::cancelIsAudited()
{
    Fixture f;
    Actions::Request r;
    r.kind = Actions::Kind::Reinit;
    r.member = u"patroni3"_s;
    Ui::ActionDialog dialog(f.session.get(), r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.consequencesText().contains(u"patroni3"_s), qPrintable(dialog.consequencesText()));
    QTest::keyClicks(dialog.typedNameEdit(), u"patroni3"_s);
    QVERIFY(dialog.confirmButton()->isEnabled());
    QTest::mouseClick(dialog.findChild<QPushButton*>(u"cancel"_s), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    const auto audit = f.audit();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().phase, u"refused"_s);
    QCOMPARE(audit.first().request.kind, Actions::Kind::Reinit);
    QCOMPARE(audit.first().request.member, u"patroni3"_s);
    QCOMPARE(audit.first().error, u"cancelled in the window"_s);
    QCOMPARE(audit.first().cluster, u"lab"_s);
}

// Under a German translator the dialog speaks German — its own words and the core's (the checklist,
// the problems, what will happen, sizes "1,0 MiB") — and the audit log still records English.
void TestActionDialog::germanDialogEnglishRecord()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(Ui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
    const auto restore = qScopeGuard([&] {
        for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(before);
    });
    Fixture f;
    auto s = TestStates::healthy();
    TestStates::member(s, u"patroni3"_s).tags.insert(u"nofailover"_s, true);
    f.feed(s);
    Actions::Request r;
    r.kind = Actions::Kind::Switchover;
    r.candidate = u"patroni3"_s;
    Ui::ActionDialog dialog(f.session.get(), r);
    QTreeWidgetItem* p2 = candidateItem(dialog.candidateList(), u"patroni2"_s);
    QVERIFY(p2 && p2->childCount() >= 5);
    QStringList checklist;
    for (int i = 0; i < p2->childCount(); ++i)
        checklist << p2->child(i)->text(1);
    const QString lines = checklist.join(u'\n');
    QVERIFY2(lines.contains(u"seine REST API antwortet"_s), qPrintable(lines));
    QVERIFY2(lines.contains(u"Rückstand"_s) && lines.contains(u"MiB"_s),
        qPrintable(lines)); // "0 Bytes Rückstand (Grenze 1,0 MiB, …)"
    QVERIFY2(lines.contains(u"1,0 MiB"_s), qPrintable(lines));
    QVERIFY2(dialog.problemsText().contains(u"patroni3 kann nicht Leader werden"_s), qPrintable(dialog.problemsText()));
    // For a person to look at: build/…/screenshots/action-german.png.
    dialog.resize(900, 700);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QDir().mkpath(QCoreApplication::applicationDirPath() + u"/../screenshots"_s);
    dialog.grab().save(QCoreApplication::applicationDirPath() + u"/../screenshots/action-german.png"_s);
    dialog.reject();
    const auto audit = f.audit();
    QCOMPARE(audit.size(), 1);
    QVERIFY2(audit.first().error.startsWith(u"cancelled in the window (patroni3 cannot become leader: "_s),
        qPrintable(audit.first().error));
    // What will happen, in German, for an eligible candidate.
    r.candidate = u"patroni2"_s;
    Ui::ActionDialog eligible(f.session.get(), r);
    QVERIFY2(eligible.consequencesText().contains(u"patroni2 wird Leader"_s), qPrintable(eligible.consequencesText()));
}

void TestActionDialog::leaderMovingUnderTheDialogIsRefused()
{
    Fixture f;
    Actions::Request r;
    r.kind = Actions::Kind::Switchover;
    r.candidate = u"patroni3"_s;
    Ui::ActionDialog dialog(f.session.get(), r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.leaderMovedText().isEmpty());
    // While the user reads, patroni2 takes over (a failover elsewhere).
    f.feed(TestStates::healthy(u"patroni2"_s, 5));
    QVERIFY2(dialog.leaderMovedText().contains(u"from patroni1 to patroni2"_s), qPrintable(dialog.leaderMovedText()));
    QVERIFY(dialog.reviewAgainButton()->isVisible());
    // What was confirmed for patroni1 is refused by the executor, nothing sent, and written down.
    QVERIFY(dialog.confirmButton()->isEnabled());
    QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
    QCOMPARE(dialog.stage(), Ui::ActionDialog::Stage::Finished);
    QVERIFY(dialog.outcome());
    QCOMPARE(dialog.outcome()->result, Actions::Outcome::Result::Refused);
    QVERIFY2(
        dialog.resultText().contains(u"leader changed from patroni1 to patroni2"_s), qPrintable(dialog.resultText()));
    auto audit = f.audit();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().phase, u"refused"_s);
    QVERIFY(audit.first().error.contains(u"leader changed"_s));
    // Review again: the cluster as it is now, confirmable anew.
    QVERIFY(dialog.reviewAgainButton()->isVisible());
    QTest::mouseClick(dialog.reviewAgainButton(), Qt::LeftButton);
    QCOMPARE(dialog.stage(), Ui::ActionDialog::Stage::Review);
    QVERIFY(dialog.leaderMovedText().isEmpty());
    QVERIFY2(dialog.consequencesText().contains(u"patroni2 is demoted"_s)
            || dialog.consequencesText().contains(u"patroni2"_s),
        qPrintable(dialog.consequencesText()));
    QCOMPARE(
        itemTexts(dialog.candidateList(), 0), (QStringList { u"any eligible member"_s, u"patroni1"_s, u"patroni3"_s }));
}

void TestActionDialog::confirmTheFailureIsShown()
{
    Fixture f;
    Actions::Request r;
    r.kind = Actions::Kind::Reload;
    r.member = u"patroni2"_s;
    Ui::ActionDialog dialog(f.session.get(), r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.confirmButton()->isEnabled());
    Ui::ActionDialog third(f.session.get(), r);
    QVERIFY(third.confirmButton()->isEnabled());
    QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
    QCOMPARE(dialog.stage(), Ui::ActionDialog::Stage::InFlight);
    QVERIFY(!dialog.confirmButton()->isVisible());
    QVERIFY(f.session->actions()->busy());
    // A second dialog for the same cluster cannot send while one is in flight.
    Ui::ActionDialog second(f.session.get(), r);
    QVERIFY(!second.confirmButton()->isEnabled());
    QVERIFY(second.problemsText().contains(u"in flight"_s));
    // A third, reviewed before the first was sent, is refused at its own confirm without sending,
    // and the first dialog does not take that refusal for its own answer.
    QTest::mouseClick(third.confirmButton(), Qt::LeftButton);
    QCOMPARE(third.stage(), Ui::ActionDialog::Stage::Finished);
    QCOMPARE(third.outcome()->result, Actions::Outcome::Result::Refused);
    QVERIFY(third.resultText().contains(u"in flight"_s));
    QVERIFY(third.confirmButton()->isHidden()); // no dead button beside Review again
    QVERIFY(!third.findChild<QPushButton*>(u"reviewAgain"_s)->isHidden());
    QCOMPARE(dialog.stage(), Ui::ActionDialog::Stage::InFlight);
    QTRY_COMPARE(dialog.stage(), Ui::ActionDialog::Stage::Finished);
    QCOMPARE(dialog.outcome()->result, Actions::Outcome::Result::Failed);
    QVERIFY2(dialog.resultText().startsWith(u"Failed: the request did not reach Patroni"_s),
        qPrintable(dialog.resultText()));
    QVERIFY(dialog.resultText().contains(u"nothing was changed"_s));
    const auto audit = f.audit();
    QCOMPARE(audit.size(), 3); // "sending", the third's refusal, then how the first ended
    QCOMPARE(audit.at(0).phase, u"sending"_s);
    QCOMPARE(audit.at(1).phase, u"refused"_s);
    QCOMPARE(audit.at(2).phase, u"failed"_s);
    QCOMPARE(audit.at(0).id, audit.at(2).id);
}

void TestActionDialog::passwordAskedOnceForTheSession()
{
    Fixture f(u"patroni"_s);
    Actions::Request r;
    r.kind = Actions::Kind::Pause;
    Ui::ActionDialog dialog(f.session.get(), r);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.passwordEdit()->isVisible());
    QCOMPARE(dialog.findChild<QLineEdit*>(u"apiUser"_s)->text(), u"patroni"_s);
    QVERIFY(!dialog.confirmButton()->isEnabled());
    QVERIFY(dialog.confirmButton()->toolTip().contains(u"password"_s));
    QTest::keyClicks(dialog.passwordEdit(), u"s3cret-typed"_s);
    QVERIFY(dialog.confirmButton()->isEnabled());
    // Not to the keychain: this session only.
    for (QCheckBox* c : dialog.findChildren<QCheckBox*>()) {
        if (c->text().contains(u"keychain"_s))
            c->setChecked(false);
    }
    QSignalSpy stored(f.session->actions(), &Actions::Controller::passwordStored);
    QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().at(0).toBool(), false);
    QVERIFY(stored.first().at(1).toString().contains(u"this session only"_s));
    QTRY_COMPARE(dialog.stage(), Ui::ActionDialog::Stage::Finished);
    // Known from now on: the next dialog does not ask; the password is redacted wherever the console
    // writes for people, and the audit log does not hold it.
    QVERIFY(f.session->actions()->passwordKnown());
    Ui::ActionDialog next(f.session.get(), r);
    QVERIFY(!next.passwordEdit()->isVisibleTo(&next));
    QVERIFY(f.session->secretsInUse().contains(u"s3cret-typed"_s));
    QFile log(App::ActionExecutor::defaultAuditPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(!log.readAll().contains("s3cret-typed"));
}

void TestActionDialog::editConfigPreviewAndMalformedJson()
{
    Fixture f;
    Actions::Request r;
    r.kind = Actions::Kind::EditConfig;
    Ui::ActionDialog dialog(f.session.get(), r);
    QPlainTextEdit* edit = dialog.configEdit();
    QVERIFY(edit);
    const QString original = edit->toPlainText();
    QVERIFY2(original.contains(u"\"loop_wait\": 3"_s), qPrintable(original));
    // Unchanged: nothing to send.
    QVERIFY2(dialog.problemsText().contains(u"nothing would change"_s), qPrintable(dialog.problemsText()));
    QVERIFY(!dialog.confirmButton()->isEnabled());
    // loop_wait 3 → 4: the change previewed, sendable.
    edit->setPlainText(QString(original).replace(u"\"loop_wait\": 3"_s, u"\"loop_wait\": 4"_s));
    QVERIFY2(dialog.warningsText().contains(u"loop_wait"_s) && dialog.warningsText().contains(u"4"_s),
        qPrintable(dialog.warningsText()));
    QVERIFY2(dialog.problemsText().isEmpty(), qPrintable(dialog.problemsText()));
    QVERIFY(dialog.confirmButton()->isEnabled());
    // Malformed JSON: said with its line, nothing sendable.
    edit->setPlainText(QString(original).replace(u"\"loop_wait\": 3,"_s, u"\"loop_wait\": 3,,"_s));
    QVERIFY2(dialog.problemsText().contains(u"not JSON"_s) && dialog.problemsText().contains(u"line"_s),
        qPrintable(dialog.problemsText()));
    QVERIFY(!dialog.confirmButton()->isEnabled());
    // A setting that needs a restart says so before it is applied.
    QJsonObject config = QJsonDocument::fromJson(original.toUtf8()).object();
    QJsonObject pg = config.value(u"postgresql"_s).toObject();
    QJsonObject params = pg.value(u"parameters"_s).toObject();
    params.insert(u"max_connections"_s, 250);
    pg.insert(u"parameters"_s, params);
    config.insert(u"postgresql"_s, pg);
    edit->setPlainText(QString::fromUtf8(QJsonDocument(config).toJson()));
    QVERIFY2(dialog.warningsText().contains(u"max_connections"_s) && dialog.warningsText().contains(u"restart"_s),
        qPrintable(dialog.warningsText()));
}

void TestActionDialog::windowMenusOpenTheDialogs()
{
    Fixture f;
    Ui::MainWindow window({ f.session.get() }, u"lab"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.memberView()->model()->rowCount() == 3);
    // The toolbar carries the cluster's actions; member actions wait for a member.
    const auto action = [&window](const QString& name) { return window.findChild<QAction*>(name); };
    QVERIFY(action(u"action-switchover"_s)->isEnabled());
    QVERIFY(window.actionsToolBar()->actions().contains(action(u"action-switchover"_s)));
    QVERIFY(!action(u"action-restart"_s)->isEnabled());
    QVERIFY(action(u"action-pause"_s)->isEnabled());
    QVERIFY(!action(u"action-resume"_s)->isEnabled()); // not paused
    // Select patroni2 in the table: the member's actions and buttons wake up.
    window.memberView()->selectRow(1);
    const QString selected = window.page()->selectedMember();
    QVERIFY(!selected.isEmpty());
    QTRY_VERIFY(action(u"action-restart"_s)->isEnabled());
    QPushButton* restartButton = window.page()->memberActionButton(Actions::Kind::Restart);
    QVERIFY(restartButton && restartButton->isEnabled());
    // The details pane's button opens the dialog for that member.
    QTest::mouseClick(restartButton, Qt::LeftButton);
    auto* dialog = window.findChild<Ui::ActionDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->request().kind, Actions::Kind::Restart);
    QCOMPARE(dialog->request().member, selected);
    dialog->reject();
    QTRY_VERIFY(!window.findChild<Ui::ActionDialog*>());
    // The member's context menu: the leader cannot be switched over to or reinitialized.
    const QString leader = u"patroni1"_s;
    std::unique_ptr<QMenu> menu(window.memberMenu(leader, &window));
    QAction* toLeader = menu->findChild<QAction*>(u"member-switchover"_s);
    QVERIFY(toLeader);
    QVERIFY(!toLeader->isEnabled());
    QVERIFY(!menu->findChild<QAction*>(u"member-reinit"_s)->isEnabled());
    std::unique_ptr<QMenu> replicaMenu(window.memberMenu(u"patroni3"_s, &window));
    QAction* toReplica = replicaMenu->findChild<QAction*>(u"member-switchover"_s);
    QVERIFY(toReplica->isEnabled());
    QVERIFY(toReplica->text().contains(u"patroni3"_s));
    toReplica->trigger();
    dialog = window.findChild<Ui::ActionDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->chosenCandidate(), u"patroni3"_s);
    dialog->reject();
    // Both cancels are in the audit log, which the window shows.
    Ui::AuditDialog* audit = window.openAuditLog();
    QVERIFY(audit);
    QCOMPARE(audit->table()->model()->rowCount(), 2);
}

void TestActionDialog::auditViewFiltersAndExports()
{
    Fixture f;
    App::ActionExecutor* executor = f.session->executor();
    Actions::Request restart;
    restart.kind = Actions::Kind::Restart;
    restart.member = u"patroni2"_s;
    executor->recordRefusal(restart, u"declined at the prompt"_s);
    Actions::Request failover;
    failover.kind = Actions::Kind::Failover;
    failover.candidate = u"patroni3"_s;
    executor->recordRefusal(failover, u"cancelled in the window"_s);
    // A line from another cluster and one that is not JSON.
    {
        QFile log(executor->auditPath());
        QVERIFY(log.open(QIODevice::Append));
        Actions::AuditRecord other;
        other.id = u"x"_s;
        other.at = QDateTime::currentDateTimeUtc();
        other.phase = u"refused"_s;
        other.cluster = u"billing"_s;
        other.request.kind = Actions::Kind::Pause;
        log.write(QJsonDocument(Actions::toJson(other)).toJson(QJsonDocument::Compact) + "\n{not json\n");
    }
    Ui::AuditDialog dialog(executor->auditPath(), u"lab"_s);
    // Opened on the cluster shown: lab's two, newest first.
    QCOMPARE(dialog.table()->model()->rowCount(), 2);
    QCOMPARE(dialog.table()->model()->index(0, ItemModels::AuditModel::Action).data().toString(), u"failover"_s);
    QVERIFY(dialog.findChild<QLabel*>(u"auditStatus"_s)->text().contains(u"could not be read"_s));
    dialog.clusterBox()->setCurrentIndex(0); // every cluster
    QCOMPARE(dialog.table()->model()->rowCount(), 3);
    QTest::keyClicks(dialog.filterEdit(), u"patroni2"_s);
    QCOMPARE(dialog.table()->model()->rowCount(), 1);
    QCOMPARE(
        dialog.table()->model()->index(0, ItemModels::AuditModel::Parameters).data().toString(), u"member=patroni2"_s);
    dialog.table()->selectRow(0);
    QVERIFY(dialog.detailText().contains(u"declined at the prompt"_s));
    // Exported as shown: CSV and JSON.
    QTemporaryDir out;
    QVERIFY(dialog.exportTo(out.filePath(u"audit.csv"_s)).isEmpty());
    QFile csv(out.filePath(u"audit.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // header, one row, the empty rest after the last CRLF
    QVERIFY(lines.at(0).startsWith("Time,Result,Cluster,Action"));
    QVERIFY(lines.at(1).contains("restart") && lines.at(1).contains("declined at the prompt"));
    dialog.filterEdit()->clear();
    QVERIFY(dialog.exportTo(out.filePath(u"audit.json"_s)).isEmpty());
    QFile json(out.filePath(u"audit.json"_s));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(doc.value(u"schema"_s).toString(), u"patroni-console/audit/1"_s);
    QCOMPARE(doc.value(u"records"_s).toArray().size(), 3);
    // An unwritable place is said, not thrown.
    QVERIFY(!dialog.exportTo(out.filePath(u"missing/audit.csv"_s)).isEmpty());
    // A line appended meanwhile (the CLI, another window) shows up.
    executor->recordRefusal(restart, u"declined again"_s);
    QTRY_COMPARE(dialog.table()->model()->rowCount(), 4);
}

void TestActionDialog::rollingRestartPlanFollowsTheCluster()
{
    Fixture f;
    const auto steps = [](const Ui::RollingRestartDialog& d) { return itemTexts(d.stepList(), 0); };
    Ui::RollingRestartDialog dialog(f.session.get(), true);
    // Nobody needs a restart: nothing to start.
    QVERIFY2(dialog.statusText().contains(u"no member needs a restart"_s), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.startButton()->isEnabled());
    QVERIFY(steps(dialog).isEmpty());
    // patroni3 and the leader need one: patroni3, then a switchover to it, then patroni1.
    auto s = TestStates::healthy();
    TestStates::member(s, u"patroni3"_s).pendingRestart = true;
    s.members[u"patroni3"_s].status->pendingRestart = true;
    TestStates::member(s, u"patroni1"_s).pendingRestart = true;
    s.members[u"patroni1"_s].status->pendingRestart = true;
    f.feed(s);
    QCOMPARE(steps(dialog),
        (QStringList {
            u"1. Restart patroni3"_s, u"2. Switchover from patroni1 to patroni3"_s, u"3. Restart patroni1"_s }));
    QVERIFY(dialog.startButton()->isEnabled());
    // Every member: both replicas first.
    dialog.findChild<QCheckBox*>()->setChecked(false);
    QCOMPARE(steps(dialog).size(), 4);
    QCOMPARE(steps(dialog).first(), u"1. Restart patroni2"_s);
    // A member down: a rolling restart starts only from a healthy cluster.
    auto down = TestStates::healthy();
    TestStates::member(down, u"patroni2"_s).state = u"stopped"_s;
    down.members[u"patroni2"_s].status->state = u"stopped"_s;
    f.feed(down);
    QVERIFY2(dialog.statusText().contains(u"healthy cluster"_s) && dialog.statusText().contains(u"patroni2"_s),
        qPrintable(dialog.statusText()));
    QVERIFY(!dialog.startButton()->isEnabled());
    dialog.reject();
    const auto audit = f.audit();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().phase, u"refused"_s);
    QCOMPARE(audit.first().error, u"rolling restart cancelled in the window"_s);
}

void TestActionDialog::rollingRestartStopsAtTheFirstFailure()
{
    Fixture f;
    Ui::RollingRestartDialog dialog(f.session.get(), false);
    QVERIFY(dialog.startButton()->isEnabled());
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QCOMPARE(dialog.stage(), Ui::RollingRestartDialog::Stage::Running);
    // The first restart cannot reach the (closed) API: stopped there, nothing more sent.
    QTRY_COMPARE(dialog.stage(), Ui::RollingRestartDialog::Stage::Stopped);
    QVERIFY2(dialog.statusText().contains(u"stopped at step 1"_s) && dialog.statusText().contains(u"did not reach"_s),
        qPrintable(dialog.statusText()));
    QCOMPARE(dialog.stepList()->topLevelItem(0)->text(1), u"FAILED"_s);
    QCOMPARE(dialog.stepList()->topLevelItem(1)->text(1), u"waiting"_s);
    const auto audit = Actions::lastLinePerAction(f.audit());
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().request.member, u"patroni2"_s);
    QCOMPARE(audit.first().phase, u"failed"_s);
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    app.setOrganizationName(u"patroni-console-tests"_s);
    TestActionDialog t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_actiondialog.moc"
