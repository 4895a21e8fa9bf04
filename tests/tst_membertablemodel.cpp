#include "models/cluster/clusterstore.h"
#include "models/itemmodels/membersortmodel.h"
#include "models/itemmodels/membertablemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ItemModels::MemberTableModel;

namespace {

Cluster::Member member(const QString& name, Cluster::Role role, std::optional<qint64> lag = std::nullopt)
{
    Cluster::Member m;
    m.name = name;
    m.role = role;
    m.roleText = role == Cluster::Role::Leader ? u"leader"_s : u"replica"_s;
    m.state = u"running"_s;
    m.host = u"127.0.0.1"_s;
    m.port = 5441;
    m.timeline = 1;
    m.lagBytes = lag;
    return m;
}

Cluster::ClusterView threeMembers(qint64 lag2 = 0, qint64 lag3 = 0)
{
    Cluster::ClusterView v;
    v.members = { member(u"patroni1"_s, Cluster::Role::Leader), member(u"patroni2"_s, Cluster::Role::Replica, lag2),
        member(u"patroni3"_s, Cluster::Role::Replica, lag3) };
    return v;
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, 0).data(MemberTableModel::NameRole).toString());
    return out;
}

} // namespace

class TestMemberTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fillsFromStore();
    void lagChangeIsOneDataChanged();
    void momentsInTheReadersLocale();
    void identicalPollEmitsNothing();
    void membershipChanges_data();
    void membershipChanges();
    void staleMarksEveryRow();
    void roles();
    void findingsColourTheirMember();
    void sortsLagAsNumbers();

private:
    Cluster::ClusterStore* m_store = nullptr;
    MemberTableModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

void TestMemberTableModel::init()
{
    m_store = new Cluster::ClusterStore(this);
    m_model = new MemberTableModel(this);
    // Attached before any data arrives, so every insertion is checked too.
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setStore(m_store);
}

void TestMemberTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_store;
}

void TestMemberTableModel::fillsFromStore()
{
    QCOMPARE(m_model->rowCount(), 0);
    m_store->applyClusterView(threeMembers(), u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(names(*m_model), (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s }));
    QCOMPARE(m_model->index(0, MemberTableModel::RoleColumn).data().toString(), u"Leader"_s);
    QCOMPARE(m_model->index(1, MemberTableModel::LagColumn).data().toString(), ItemModels::displayBytes(0));
}

void TestMemberTableModel::lagChangeIsOneDataChanged()
{
    m_store->applyClusterView(threeMembers(), u"test"_s, QDateTime::currentDateTimeUtc());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);

    m_store->applyClusterView(threeMembers(0, 654321), u"test"_s, QDateTime::currentDateTimeUtc());

    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 2);
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count() + removed.count() + moved.count(), 0);
    QCOMPARE(m_model->index(2, MemberTableModel::LagColumn).data(MemberTableModel::LagBytesRole).toLongLong(), 654321);
    // Scaled in the reader's locale, the exact bytes in the tooltip (never hidden by the unit).
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(m_model->index(2, MemberTableModel::LagColumn).data().toString(), u"639.0 KiB"_s);
    QCOMPARE(m_model->index(2, MemberTableModel::LagColumn).data(Qt::ToolTipRole).toString(), u"654\u2009321 B"_s);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(m_model->index(2, MemberTableModel::LagColumn).data().toString(), u"639,0 KiB"_s);
    QCOMPARE(ItemModels::displayBytes(1572864), u"1,5 MiB"_s);
    QLocale::setDefault(before);
}

// Moments in the window: the reader's order and clock, with seconds and a four-digit year; C keeps ISO.
void TestMemberTableModel::momentsInTheReadersLocale()
{
    const QLocale before;
    const QDateTime at = QDateTime(QDate(2026, 12, 1), QTime(21, 8, 5), Qt::LocalTime);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(ItemModels::displayDateTime(at), u"01.12.2026 21:08:05"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString american = ItemModels::displayDateTime(at);
    QVERIFY2(american.startsWith(u"12/1/2026 9:08:05"_s) && american.endsWith(u"PM"_s), qPrintable(american));
    QLocale::setDefault(QLocale::c());
    QCOMPARE(ItemModels::displayDateTime(at), u"2026-12-01 21:08:05"_s);
    QLocale::setDefault(before);
}

void TestMemberTableModel::identicalPollEmitsNothing()
{
    m_store->applyClusterView(threeMembers(5, 6), u"test"_s, QDateTime::currentDateTimeUtc());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_store->applyClusterView(threeMembers(5, 6), u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 0);
}

void TestMemberTableModel::membershipChanges_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("inserts");
    QTest::addColumn<int>("removes");

    QTest::newRow("member appears in the middle")
        << QStringList { u"a"_s, u"c"_s } << QStringList { u"a"_s, u"b"_s, u"c"_s } << 1 << 0;
    QTest::newRow("member disappears") << QStringList { u"a"_s, u"b"_s, u"c"_s } << QStringList { u"a"_s, u"c"_s } << 0
                                       << 1;
    QTest::newRow("all replaced") << QStringList { u"a"_s, u"b"_s } << QStringList { u"x"_s, u"y"_s, u"z"_s } << 3 << 2;
    QTest::newRow("to empty") << QStringList { u"a"_s, u"b"_s } << QStringList {} << 0 << 2;
    QTest::newRow("reordered") << QStringList { u"a"_s, u"b"_s, u"c"_s } << QStringList { u"c"_s, u"a"_s, u"b"_s } << 0
                               << 0;
}

void TestMemberTableModel::membershipChanges()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(int, inserts);
    QFETCH(int, removes);
    const auto view = [](const QStringList& list) {
        Cluster::ClusterView v;
        for (const QString& n : list)
            v.members.append(member(n, n == list.first() ? Cluster::Role::Leader : Cluster::Role::Replica, 0));
        return v;
    };
    m_store->applyClusterView(view(before), u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(names(*m_model), before);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_store->applyClusterView(view(after), u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(names(*m_model), after);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), inserts);
    QCOMPARE(removed.count(), removes);
}

void TestMemberTableModel::staleMarksEveryRow()
{
    m_store->applyClusterView(threeMembers(), u"test"_s, QDateTime::currentDateTimeUtc());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    Cluster::SourceError error;
    error.code = Cluster::SourceError::Code::ConnectionRefused;
    m_store->recordFailure(error, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> { MemberTableModel::StaleRole });
    QCOMPARE(m_model->rowCount(), 3); // the last good state stays visible
    for (int r = 0; r < 3; ++r)
        QVERIFY(m_model->index(r, 0).data(MemberTableModel::StaleRole).toBool());
    // A second failure does not repaint; a good poll clears it.
    m_store->recordFailure(error, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 1);
    m_store->applyClusterView(threeMembers(), u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 2);
    QVERIFY(!m_model->index(0, 0).data(MemberTableModel::StaleRole).toBool());
}

void TestMemberTableModel::roles()
{
    auto v = threeMembers();
    v.members[2].state = u"stopped"_s;
    v.members[2].lagUnknown = true;
    v.members[2].lagBytes.reset();
    m_store->applyClusterView(v, u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(m_model->index(0, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Healthy));
    QVERIFY(m_model->index(0, 0).data(MemberTableModel::IsLeaderRole).toBool());
    QVERIFY(!m_model->index(0, 0).data(MemberTableModel::LagBytesRole).isValid());
    QCOMPARE(m_model->index(2, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Critical));
    QCOMPARE(m_model->index(2, MemberTableModel::LagColumn).data().toString(), u"unknown"_s);
    QVERIFY(m_model->index(2, 0).data(MemberTableModel::LagUnknownRole).toBool());
}

void TestMemberTableModel::findingsColourTheirMember()
{
    m_store->applyClusterView(threeMembers(), u"test"_s, QDateTime::currentDateTimeUtc());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    // The DCS says patroni3 is running, but on an older timeline than the leader: a finding, and its
    // row takes the finding's colour.
    auto older = threeMembers();
    older.members[2].timeline = 0;
    m_store->applyClusterView(older, u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(m_model->index(2, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Warning));
    QCOMPARE(m_model->index(1, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Healthy));

    // Its own API stops answering: shown as unreachable, critical, the DCS's word in the tooltip.
    changed.clear();
    Cluster::SourceError refused;
    refused.code = Cluster::SourceError::Code::ConnectionRefused;
    m_store->recordMemberFailure(
        u"patroni3"_s, QUrl(u"http://127.0.0.1:8010/patroni"_s), refused, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(2, MemberTableModel::StateColumn).data().toString(), u"unreachable"_s);
    QCOMPARE(m_model->index(2, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Critical));
    QCOMPARE(m_model->index(2, 0).data(MemberTableModel::ReachRole).toInt(), int(Cluster::Reach::Silent));
    QVERIFY(m_model->index(2, 0).data(MemberTableModel::DcsDisagreesRole).toBool());
    QVERIFY2(m_model->index(2, MemberTableModel::StateColumn).data(Qt::ToolTipRole).toString().contains(u"running"_s),
        qPrintable(m_model->index(2, MemberTableModel::StateColumn).data(Qt::ToolTipRole).toString()));
    QCOMPARE(m_model->index(1, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Healthy));

    // It answers again and catches up: healthy, one more repaint of its row only.
    Patroni::MemberStatus own;
    own.state = u"running"_s;
    own.role = Cluster::Role::Replica;
    own.roleText = u"replica"_s;
    own.timeline = 1;
    changed.clear();
    m_store->applyClusterView(threeMembers(), u"test"_s, QDateTime::currentDateTimeUtc());
    m_store->applyMemberStatus(
        u"patroni3"_s, QUrl(u"http://127.0.0.1:8010/patroni"_s), own, QDateTime::currentDateTimeUtc());
    QCOMPARE(m_model->index(2, 0).data(MemberTableModel::HealthRole).toInt(), int(Cluster::Health::Healthy));
    for (const auto& args : changed)
        QCOMPARE(args.at(0).value<QModelIndex>().row(), 2);
}

void TestMemberTableModel::sortsLagAsNumbers()
{
    ItemModels::MemberSortModel sorted;
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sorted.setSourceModel(m_model);
    // patroni2 9 000 B behind, patroni3 10 B ("9 000" < "10" as text): numbers decide.
    m_store->applyClusterView(threeMembers(9000, 10), u"test"_s, QDateTime::currentDateTimeUtc());
    const auto order = [&sorted] {
        QStringList out;
        for (int r = 0; r < sorted.rowCount(); ++r)
            out.append(sorted.index(r, 0).data().toString());
        return out;
    };
    QCOMPARE(order(), (QStringList { u"patroni1"_s, u"patroni2"_s, u"patroni3"_s })); // unsorted: the DCS's
    sorted.sort(MemberTableModel::LagColumn, Qt::AscendingOrder);
    QCOMPARE(order(), (QStringList { u"patroni1"_s, u"patroni3"_s, u"patroni2"_s })); // the leader has none
    sorted.sort(MemberTableModel::LagColumn, Qt::DescendingOrder);
    QCOMPARE(order().first(), u"patroni2"_s);
    // Lag changes re-sort on the fly.
    m_store->applyClusterView(threeMembers(5, 20000), u"test"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(order().first(), u"patroni3"_s);
}

QTEST_GUILESS_MAIN(TestMemberTableModel)
#include "tst_membertablemodel.moc"
