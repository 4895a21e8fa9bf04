// One question, one answer, everywhere: over the captured states, the member table, the fleet list,
// the banner, `status --format json` and `--format tsv` say the same health and the same leader that
// Cluster::memberViews()/summarize() decide.
#include "app/cli/statusformat.h"
#include "assessmentcases.h"
#include "feedsession.h"
#include "models/cluster/statejson.h"
#include "models/itemmodels/fleetmodel.h"
#include "models/itemmodels/membertablemodel.h"
#include "ui/mainwindow.h"

#include <QJsonArray>
#include <QListView>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AssessmentCases::Case)

class TestAgreement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyViewSaysTheSame_data();
    void everyViewSaysTheSame();
};

void TestAgreement::everyViewSaysTheSame_data()
{
    QTest::addColumn<AssessmentCases::Case>("c");
    const QMap<QString, QString> all { { u"patroni1"_s, u"replica"_s }, { u"patroni2"_s, u"replica"_s },
        { u"patroni3"_s, u"leader"_s } };
    auto stopped = all;
    stopped[u"patroni1"_s] = u"silent"_s;
    auto killed = all;
    killed[u"patroni3"_s] = u"silent"_s;
    auto demoted = all;
    demoted[u"patroni3"_s] = u"replica"_s;
    QTest::newRow("healthy") << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, all };
    QTest::newRow("stopped") << AssessmentCases::Case { u"cluster-3.0.2-replica-stopped.json"_s, stopped };
    QTest::newRow("killed leader still listed")
        << AssessmentCases::Case { u"cluster-3.0.2-leader-killed-still-listed.json"_s, killed };
    QTest::newRow("paused") << AssessmentCases::Case { u"cluster-3.0.2-paused.json"_s, all };
    QTest::newRow("two leaders") << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, all, u"patroni1"_s };
    QTest::newRow("demoted leader") << AssessmentCases::Case { u"cluster-3.0.2-healthy.json"_s, demoted };
}

void TestAgreement::everyViewSaysTheSame()
{
    QFETCH(AssessmentCases::Case, c);
    FeedSession session(u"lab"_s);
    FeedSession other(u"other"_s); // a second cluster, so the fleet list shows
    Ui::MainWindow window({ &session, &other }, u"test"_s);
    window.showSession(&session);
    AssessmentCases::feed(c, session.store());
    const Cluster::ClusterState& state = session.store()->state();
    const QList<Cluster::Finding>& findings = session.store()->findings();

    // The one answer.
    const QList<Cluster::MemberView> views = Cluster::memberViews(state, findings);
    const Cluster::ClusterSummary summary = Cluster::summarize(state, findings);
    QCOMPARE(summary.leader, Cluster::effectiveLeader(state));

    // The member table (through the window, as it is shown).
    const QAbstractItemModel* table = window.memberView()->model();
    QCOMPARE(table->rowCount(), int(views.size()));
    for (int r = 0; r < table->rowCount(); ++r) {
        const Cluster::MemberView& v = views.at(r);
        QCOMPARE(table->index(r, 0).data(ItemModels::MemberTableModel::NameRole).toString(), v.name);
        QCOMPARE(table->index(r, 0).data(ItemModels::MemberTableModel::HealthRole).toInt(), int(v.health));
        QCOMPARE(table->index(r, ItemModels::MemberTableModel::StateColumn).data().toString(), v.state);
        // The role as people read it: "Leader per DCS only" for a killed leader the DCS still lists.
        QCOMPARE(table->index(r, ItemModels::MemberTableModel::RoleColumn).data().toString(), Cluster::shownRole(v));
    }

    // The banner and the fleet list.
    QCOMPARE(window.bannerHealth(), summary.health);
    QVERIFY2(window.bannerText().contains(summary.headline), qPrintable(window.bannerText()));
    const QAbstractItemModel* fleet = window.fleetView()->model();
    // The list repaints a changed row within its refresh interval.
    QTRY_VERIFY([&] {
        for (int r = 0; r < fleet->rowCount(); ++r)
            if (fleet->index(r, 0).data(ItemModels::FleetModel::NameRole).toString() == session.name())
                return fleet->index(r, 0).data(ItemModels::FleetModel::HeadlineRole).toString() == summary.headline;
        return false;
    }());
    bool found = false;
    for (int r = 0; r < fleet->rowCount(); ++r) {
        const QModelIndex i = fleet->index(r, 0);
        if (i.data(ItemModels::FleetModel::NameRole).toString() != session.name())
            continue;
        found = true;
        QCOMPARE(i.data(ItemModels::FleetModel::HealthRole).toInt(), int(summary.health));
        QCOMPARE(i.data(ItemModels::FleetModel::LeaderRole).toString(), summary.leader);
        QCOMPARE(i.data(ItemModels::FleetModel::HeadlineRole).toString(), summary.headline);
    }
    QVERIFY(found);

    // `status --format json`.
    const QJsonObject json = Cluster::stateToJson(state, findings, AssessmentCases::captured());
    const QJsonObject cluster = json.value("cluster"_L1).toObject();
    QCOMPARE(cluster.value("leader"_L1).toString(), summary.leader);
    QCOMPARE(cluster.value("health"_L1).toString(), Cluster::healthKey(summary.health));
    QCOMPARE(cluster.value("summary"_L1).toString(), summary.headline);
    const QJsonArray members = json.value("members"_L1).toArray();
    QCOMPARE(members.size(), views.size());
    for (int i = 0; i < members.size(); ++i) {
        const QJsonObject m = members.at(i).toObject();
        QCOMPARE(m.value("name"_L1).toString(), views.at(i).name);
        QCOMPARE(m.value("health"_L1).toString(), Cluster::healthKey(views.at(i).health));
        QCOMPARE(m.value("state"_L1).toString(), views.at(i).state);
        QCOMPARE(m.value("role"_L1).toString(), Cluster::roleKey(views.at(i).role));
        QCOMPARE(m.value("dcs"_L1).toObject().value("state"_L1).toString(), views.at(i).dcs.state);
    }

    // `status --format tsv`: the health column.
    const QStringList lines = Cli::formatStatusTsv(state, findings).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + views.size());
    for (int i = 0; i < views.size(); ++i) {
        const QStringList cells = lines.at(i + 1).split(u'\t');
        QCOMPARE(cells.value(0), views.at(i).name);
        QCOMPARE(cells.value(4), views.at(i).state);
        QCOMPARE(cells.value(7), Cluster::healthKey(views.at(i).health));
    }
}

QTEST_MAIN(TestAgreement)
#include "tst_agreement.moc"
