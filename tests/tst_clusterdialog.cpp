// The cluster dialog: a wrong field is named and nothing is saved; "Test connection" says per source
// what happened, in words; a saved cluster joins the fleet and the window. The network part uses a
// port that refuses (ReservedClosedPort); a real cluster is added through the dialog in tst_window_lab.
#include "reservedport.h"

#include "app/session/fleet.h"
#include "app/session/fleeteditor.h"
#include "app/settings/profilestore.h"
#include "app/sources/httpfetch.h"
#include "ui/cluster/clusterdialog.h"
#include "ui/mainwindow.h"

#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestClusterDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void invalidFieldsAreNamedAndNothingIsSaved();
    void testConnectionSaysWhatFailed();
    void savedClusterJoinsTheFleet();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString settingsFile() const { return m_dir->filePath(u"console.conf"_s); }
};

void TestClusterDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestClusterDialog::invalidFieldsAreNamedAndNothingIsSaved()
{
    Sources::HttpClient http;
    App::Fleet fleet(&http, {});
    App::FleetEditor editor(&fleet, &http, settingsFile());
    Ui::ClusterDialog dialog(&editor, std::nullopt);
    QSignalSpy saved(&editor, &Session::ClusterEditor::saved);

    dialog.nameField()->setText(u"prod"_s);
    dialog.patroniField()->setText(u"patroni1:8008 ftp://x"_s);
    dialog.haproxyField()->setText(u"http://"_s);
    dialog.saveButton()->click();
    const QString said = dialog.resultText();
    QVERIFY2(said.contains(u"Patroni REST API: \"patroni1:8008\" is not an http:// or https:// URL with a host"_s),
        qPrintable(said));
    QVERIFY2(said.contains(u"Patroni REST API: \"ftp://x\""_s), qPrintable(said));
    QVERIFY2(said.contains(u"HAProxy stats URL: \"http://\""_s), qPrintable(said));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(saved.count(), 0);
    QVERIFY(!QFile::exists(settingsFile()) || Settings::ProfileStore(settingsFile()).isShowingBuiltIn());

    // No Patroni URL at all, and a stats user without a stats URL.
    dialog.patroniField()->clear();
    dialog.haproxyField()->clear();
    dialog.saveButton()->click();
    QVERIFY2(dialog.resultText().contains(u"Patroni REST API: give the URL"_s), qPrintable(dialog.resultText()));
    QVERIFY(fleet.sessions().isEmpty());
}

void TestClusterDialog::testConnectionSaysWhatFailed()
{
    Sources::HttpClient http;
    App::Fleet fleet(&http, {});
    App::FleetEditor editor(&fleet, &http, settingsFile());
    Ui::ClusterDialog dialog(&editor, std::nullopt);
    ReservedClosedPort refused;
    ReservedClosedPort refusedStats;
    dialog.nameField()->setText(u"nowhere"_s);
    dialog.patroniField()->setText(u"http://127.0.0.1:%1"_s.arg(refused.port()));
    dialog.haproxyField()->setText(u"http://127.0.0.1:%1/;csv"_s.arg(refusedStats.port()));
    QSignalSpy tested(&editor, &Session::ClusterEditor::tested);
    dialog.testButton()->click();
    QVERIFY(!dialog.testButton()->isEnabled()); // one test at a time
    QVERIFY(tested.wait(30000));
    const auto results = tested.first().first().value<QList<Session::SourceCheck>>();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).source, u"Patroni"_s);
    QVERIFY(!results.at(0).ok);
    QVERIFY2(results.at(0).message.contains(u"connection refused"_s), qPrintable(results.at(0).message));
    QCOMPARE(results.at(1).source, u"HAProxy"_s);
    QVERIFY(!results.at(1).ok);
    QVERIFY(dialog.testButton()->isEnabled());
    QVERIFY2(dialog.resultText().startsWith(u"FAILED  Patroni: "_s), qPrintable(dialog.resultText()));
    QVERIFY2(dialog.resultText().contains(u"\nFAILED  HAProxy: "_s), qPrintable(dialog.resultText()));
    // A test saves nothing.
    QVERIFY(Settings::ProfileStore(settingsFile()).isShowingBuiltIn());
    QVERIFY(fleet.sessions().isEmpty());
}

void TestClusterDialog::savedClusterJoinsTheFleet()
{
    Sources::HttpClient http;
    App::Fleet fleet(&http, {});
    App::FleetEditor editor(&fleet, &http, settingsFile());
    Ui::MainWindow window({}, u"fleet"_s);
    window.setEditor(&editor);
    connect(&editor, &App::FleetEditor::fleetChanged, &window, [&] { window.setSessions(fleet.sessions()); });
    ReservedClosedPort refused;
    const auto add = [&](const QString& name) {
        Ui::ClusterDialog dialog(&editor, std::nullopt);
        dialog.nameField()->setText(name);
        dialog.patroniField()->setText(u"http://127.0.0.1:%1"_s.arg(refused.port()));
        QSignalSpy saved(&editor, &Session::ClusterEditor::saved);
        dialog.saveButton()->click();
        if (!saved.wait(10000))
            return QStringList { u"no answer"_s };
        return saved.first().at(1).toStringList();
    };
    QCOMPARE(add(u"alpha"_s), QStringList());
    QCOMPARE(add(u"beta"_s), QStringList());
    QCOMPARE(Settings::ProfileStore(settingsFile()).names(), (QStringList { u"alpha"_s, u"beta"_s }));
    QCOMPARE(fleet.sessions().size(), 2);
    QCOMPARE(window.fleetView()->model()->rowCount(), 2);
    // The same name again is refused, naming the field; nothing changes.
    Ui::ClusterDialog dup(&editor, std::nullopt);
    dup.nameField()->setText(u"alpha"_s);
    dup.patroniField()->setText(u"http://127.0.0.1:%1"_s.arg(refused.port()));
    dup.saveButton()->click();
    QVERIFY2(dup.resultText().contains(u"Name: a cluster called \"alpha\" is saved already"_s),
        qPrintable(dup.resultText()));
    QCOMPARE(fleet.sessions().size(), 2);
    // An edit keeps the name and replaces the session in place.
    const auto alpha = editor.profile(u"alpha"_s);
    QVERIFY(alpha);
    Ui::ClusterDialog edit(&editor, alpha);
    QVERIFY(edit.nameField()->isReadOnly());
    edit.etcdField()->setText(u"http://127.0.0.1:%1"_s.arg(refused.port()));
    QSignalSpy saved(&editor, &Session::ClusterEditor::saved);
    edit.saveButton()->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(1).toStringList(), QStringList());
    QCOMPARE(editor.profile(u"alpha"_s)->etcdUrls.size(), 1);
    QCOMPARE(fleet.sessions().size(), 2);
    QCOMPARE(fleet.sessions().first()->name(), u"alpha"_s);
    QCOMPARE(fleet.sessions().first()->profile().etcdUrls.size(), 1);
    // Removed: gone from the settings, the fleet and the list.
    QSignalSpy removed(&editor, &Session::ClusterEditor::removed);
    editor.remove(u"beta"_s);
    QVERIFY(removed.wait(15000));
    QCOMPARE(removed.first().at(1).toStringList(), QStringList());
    QCOMPARE(Settings::ProfileStore(settingsFile()).names(), QStringList { u"alpha"_s });
    QCOMPARE(fleet.sessions().size(), 1);
    QCOMPARE(window.fleetView()->model()->rowCount(), 1);
}

QTEST_MAIN(TestClusterDialog)
#include "tst_clusterdialog.moc"
