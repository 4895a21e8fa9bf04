// The window's actions against the real lab, as a DBA clicks them: a wrong REST API password is
// refused with 401 and nothing changes; the right one, asked for once, pauses and resumes the
// cluster; a switchover chosen in the member's context menu is confirmed, sent, and verified step by
// step in the dialog; each is in the audit log the window shows; then the guided rolling restart. Screenshots of the
// dialogs go under the build folder (screenshots/).
#include "labcluster.h"

#include "app/actions/actionexecutor.h"
#include "app/credentials/credentialstore.h"
#include "app/session/livesession.h"
#include "app/settings/profilestore.h"
#include "app/sources/httpfetch.h"
#include "models/actions/auditlog.h"
#include "models/actions/rolling.h"
#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "ui/actions/actiondialog.h"
#include "ui/actions/auditdialog.h"
#include "ui/actions/rollingdialog.h"
#include "ui/cluster/clusterpage.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestActionsWindowLab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void passwordPauseResumeAndSwitchoverFromTheWindow();

private:
    void shoot(QWidget* widget, const QString& name);
    LabCluster m_lab;
    QTemporaryDir m_data;
};

void TestActionsWindowLab::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.load(&why), qPrintable(why));
    QVERIFY(m_data.isValid());
    for (const QString& key : m_lab.keys())
        if (key.startsWith(u"LAB_"_s))
            qputenv(key.toUtf8().constData(), m_lab.value(key).toUtf8());
    qputenv("PATRONI_CONSOLE_POSTGRES_PASSWORD", m_lab.value(u"POSTGRES_SUPERUSER_PASSWORD"_s).toUtf8());
    // The REST API's password is typed into the window, as a DBA would the first time.
    for (const char* v : { "PATRONI_CONSOLE_PATRONI_API_PASSWORD", "PATRONI_API_PASSWORD", "PATRONI_API_USER" })
        qunsetenv(v);
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8()); // the audit log of this test alone
    QByteArray out;
    QVERIFY2(m_lab.run({ u"start"_s }, &out) == 0, out.constData());
    QVERIFY2(m_lab.run({ u"wait-healthy"_s, u"60"_s }, &out) == 0, out.constData());
}

void TestActionsWindowLab::cleanupTestCase()
{
    // The keychain entry this test stored (under the lab profile's name) goes again.
    QEventLoop loop;
    Credentials::CredentialStore().remove(Settings::ProfileStore::labProfile().name, Cluster::SecretKind::PatroniApi,
        &loop, [&loop](const Credentials::Result&) { loop.quit(); });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
}

void TestActionsWindowLab::shoot(QWidget* widget, const QString& name)
{
    const QString dir = QStringLiteral(CONSOLE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + u'/' + name;
    QVERIFY2(widget->grab().save(path, "PNG"), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

void TestActionsWindowLab::passwordPauseResumeAndSwitchoverFromTheWindow()
{
    Cluster::Profile profile = Settings::ProfileStore::labProfile();
    profile.postgres.dbname = m_lab.value(u"POSTGRES_DB"_s);
    profile.patroniUrls = m_lab.apiUrls();
    QVERIFY(!profile.patroniApiUser.isEmpty());
    Sources::HttpClient http;
    App::LiveSession session(&http, profile, {});
    // The keychain may hold the lab's password from an earlier run: this test types it.
    {
        QEventLoop loop;
        Credentials::CredentialStore().remove(
            profile.name, Cluster::SecretKind::PatroniApi, &loop, [&loop](const Credentials::Result&) { loop.quit(); });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Ui::MainWindow window({ &session }, u"lab"_s);
    window.show();
    session.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->findings().isEmpty() && !session.summary().leader.isEmpty(), 60000);
    const auto audit = [&session] { return Actions::AuditLog(session.actions()->auditPath()).read(); };
    QVERIFY(audit().isEmpty());

    // 1. Pause with a wrong password: 401 in words, nothing changed, the password asked again.
    Actions::Request pause;
    pause.kind = Actions::Kind::Pause;
    Ui::ActionDialog* dialog = window.openAction(pause);
    QVERIFY(dialog);
    QVERIFY(dialog->passwordEdit()->isVisible());
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QTest::keyClicks(dialog->passwordEdit(), u"not-the-password"_s);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Ui::ActionDialog::Stage::Finished, 40000);
    QCOMPARE(dialog->outcome()->httpStatus, 401);
    QCOMPARE(dialog->outcome()->result, Actions::Outcome::Result::Failed);
    QVERIFY2(dialog->resultText().contains(u"refused the user name or password"_s), qPrintable(dialog->resultText()));
    shoot(dialog, u"action-401.png"_s);
    QVERIFY(!session.actions()->passwordKnown()); // forgotten: never sent again
    QTest::qWait(3000); // two polls: the cluster is not paused
    QVERIFY(!session.summary().paused);

    // 2. Review again with the right password, remembered: paused, verified.
    QVERIFY(dialog->reviewAgainButton()->isVisible());
    QTest::mouseClick(dialog->reviewAgainButton(), Qt::LeftButton);
    QVERIFY(dialog->passwordEdit()->isVisible());
    QTest::keyClicks(dialog->passwordEdit(), m_lab.value(u"PATRONI_API_PASSWORD"_s));
    QSignalSpy stored(session.actions(), &Actions::Controller::passwordStored);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Ui::ActionDialog::Stage::Finished, 60000);
    QVERIFY2(dialog->outcome()->result == Actions::Outcome::Result::Done, qPrintable(dialog->resultText()));
    QVERIFY(session.summary().paused);
    // Stored in the keychain once the API took it (CI's session has an unlocked keyring).
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 15000);
    qInfo().noquote() << "password:" << stored.first().at(1).toString();
    QVERIFY(stored.first().at(0).toBool());
    dialog->close();
    QTRY_VERIFY(!window.findChild<Ui::ActionDialog*>());

    // 3. Resume: not asked again.
    QTRY_VERIFY(window.findChild<QAction*>(u"action-resume"_s)->isEnabled());
    window.findChild<QAction*>(u"action-resume"_s)->trigger();
    dialog = window.findChild<Ui::ActionDialog*>();
    QVERIFY(dialog);
    QVERIFY(!dialog->passwordEdit()->isVisibleTo(dialog));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Ui::ActionDialog::Stage::Finished, 60000);
    QVERIFY2(dialog->outcome()->result == Actions::Outcome::Result::Done, qPrintable(dialog->resultText()));
    QVERIFY(!session.summary().paused);
    dialog->close();
    QTRY_VERIFY(!window.findChild<Ui::ActionDialog*>());
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->findings().isEmpty(), 60000);

    // 4. A switchover from the member's context menu: the dialog names what happens, sends once,
    //    and shows every verification step passing, with its time.
    const QString before = session.summary().leader;
    QString target;
    for (const Cluster::MemberView& v : Cluster::memberViews(session.store()->state(), session.store()->findings()))
        if (v.name != before && target.isEmpty())
            target = v.name;
    std::unique_ptr<QMenu> menu(window.memberMenu(target, &window));
    QAction* switchTo = menu->findChild<QAction*>(u"member-switchover"_s);
    QVERIFY(switchTo && switchTo->isEnabled());
    switchTo->trigger();
    dialog = window.findChild<Ui::ActionDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->chosenCandidate(), target);
    QVERIFY2(dialog->consequencesText().contains(u"%1 becomes leader"_s.arg(target)),
        qPrintable(dialog->consequencesText()));
    QVERIFY(dialog->consequencesText().contains(before));
    QTest::qWait(300);
    shoot(dialog, u"action-switchover-review.png"_s);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QCOMPARE(dialog->stage(), Ui::ActionDialog::Stage::InFlight);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Ui::ActionDialog::Stage::Finished, 120000);
    shoot(dialog, u"action-switchover-verified.png"_s);
    QVERIFY2(dialog->outcome()->result == Actions::Outcome::Result::Done, qPrintable(dialog->resultText()));
    QVERIFY(dialog->outcome()->steps.size() >= 5);
    for (int i = 0; i < dialog->stepList()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = dialog->stepList()->topLevelItem(i);
        qInfo().noquote() << "  " << item->text(0) << item->text(1) << item->text(2);
        QCOMPARE(item->text(1), u"passed"_s);
        QVERIFY(item->text(2).endsWith(u" s"_s));
    }
    QCOMPARE(session.summary().leader, target);
    dialog->close();

    // 5. The audit log, in the window: the refused password, pause, resume, the switchover.
    Ui::AuditDialog* auditView = window.openAuditLog();
    QVERIFY(auditView);
    QCOMPARE(auditView->table()->model()->rowCount(), 4);
    QTest::qWait(300);
    shoot(auditView, u"action-audit.png"_s);
    const QList<Actions::AuditRecord> actions = Actions::lastLinePerAction(audit());
    QCOMPARE(actions.size(), 4);
    QCOMPARE(actions.at(0).phase, u"failed"_s);
    QCOMPARE(actions.at(0).httpStatus, 401);
    QCOMPARE(actions.at(1).phase, u"verified"_s);
    QCOMPARE(actions.at(1).request.kind, Actions::Kind::Pause);
    QCOMPARE(actions.at(2).request.kind, Actions::Kind::Resume);
    QCOMPARE(actions.at(3).request.kind, Actions::Kind::Switchover);
    QCOMPARE(actions.at(3).request.candidate, target);
    QCOMPARE(actions.at(3).phase, u"verified"_s);
    // Never the password.
    QFile log(session.actions()->auditPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY(!text.contains(m_lab.value(u"PATRONI_API_PASSWORD"_s).toUtf8()));
    QVERIFY(!text.contains("not-the-password"));
    auditView->close();

    // 6. The guided rolling restart of every member, from the Actions menu: replicas, a switchover,
    //    the old leader, each verified and the cluster healthy between steps.
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->findings().isEmpty(), 60000);
    QString notYet;
    QTRY_VERIFY_WITH_TIMEOUT(Actions::settled(*session.store(), &notYet), 60000);
    Ui::RollingRestartDialog* rolling = window.openRollingRestart(false);
    QVERIFY(rolling);
    QCOMPARE(rolling->plan().stepCount(), 4);
    QVERIFY2(rolling->startButton()->isEnabled(), qPrintable(rolling->statusText()));
    QTest::mouseClick(rolling->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rolling->stage() != Ui::RollingRestartDialog::Stage::Running, 300000);
    shoot(rolling, u"action-rolling-restart.png"_s);
    for (int i = 0; i < rolling->stepList()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = rolling->stepList()->topLevelItem(i);
        qInfo().noquote() << "  " << item->text(0) << item->text(1) << item->text(2);
    }
    QVERIFY2(rolling->stage() == Ui::RollingRestartDialog::Stage::Done, qPrintable(rolling->statusText()));
    QVERIFY(session.summary().leader != target); // the switchover step moved it
    session.stop();
}

QTEST_MAIN(TestActionsWindowLab)
#include "tst_actions_window_lab.moc"
