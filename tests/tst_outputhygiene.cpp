// What a hostile or broken Patroni can put in front of a DBA: a /cluster answer (the lab's capture,
// bent by hand) with a kilobyte-long member name that carries terminal escape sequences and a
// right-to-left override, a byte that is not UTF-8 and a lone surrogate escape. It must come out of
// `status` escaped and cut (with a note), and out of `status --format json` whole and as valid UTF-8,
// with the parser's warnings said in both.
#include "app/cli/statusformat.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/statejson.h"
#include "models/patroni/clusterparser.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray longName = QByteArray("patroni2\x1b[2J\xe2\x80\xae") + QByteArray(1000, 'x');

QByteArray hostileCluster()
{
    QByteArray body = TestData::read(u"patroni/cluster-3.0.2-healthy.json"_s);
    body.replace("\"patroni2\"", QByteArray("\"patroni2\\u001b[2J\\u202e" + QByteArray(1000, 'x') + "\""));
    body.replace("\"patroni3\"", "\"patroni3\xff\xfe\""); // not UTF-8
    body.replace("\"running\", \"api_url\": \"http://127.0.0.1:8008",
        "\"run\\ud800ning\", \"api_url\": \"http://127.0.0.1:8008");
    return body;
}

} // namespace

class TestOutputHygiene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray body = hostileCluster();
        QVERIFY(body.contains("\\u202e") && body.contains("\xff\xfe") && body.contains("\\ud800"));
        const Patroni::ClusterParseResult parsed = Patroni::parseCluster(body);
        QVERIFY2(parsed.view, qPrintable(parsed.error.detail));
        QCOMPARE(parsed.view->members.size(), 3);
        m_warnings = parsed.warnings;
        m_store.applyClusterView(
            *parsed.view, u"http://127.0.0.1:8008"_s, QDateTime::currentDateTimeUtc(), parsed.warnings);
    }

    void theParserMendsAndSaysSo()
    {
        QCOMPARE(m_warnings.size(), 2);
        QVERIFY(m_warnings.at(0).contains(u"not valid UTF-8"_s));
        QVERIFY(m_warnings.at(1).contains(u"lone surrogate"_s));
        const Cluster::Member* third = nullptr;
        for (const Cluster::Member& m : m_store.view().members)
            if (m.name.startsWith(u"patroni3"_s))
                third = &m;
        QVERIFY(third);
        QCOMPARE(third->name, u"patroni3\uFFFD\uFFFD"_s);
        QCOMPARE(m_store.view().member(u"patroni1"_s)->state, u"run\uFFFDning"_s);
    }

    void theTableShowsEscapesAndCutsLongNames()
    {
        const QString table = Cli::formatStatusTable(m_store.state(), m_store.findings());
        for (const QChar c : table) {
            QVERIFY2(c == u'\n' || c.unicode() >= 0x20, "a control character reached the terminal");
            QVERIFY2(c.unicode() != 0x202E && !c.isSurrogate(), "an override or a surrogate");
        }
        QVERIFY(table.contains(u"patroni2\\x1b[2J\\u202exxx"_s));
        QVERIFY(!table.contains(QString(100, u'x')));
        QVERIFY2(table.contains(
                     u"(1 value(s) longer than 64 characters shortened with “…”; --format json prints them whole)"_s),
            qPrintable(table));
        for (const QString& line : table.split(u'\n'))
            QVERIFY2(line.size() < 400, qPrintable(line));
        QVERIFY(table.contains(u"Warning: GET /cluster: the answer is not valid UTF-8"_s));
        QVERIFY(table.contains(u"Warning: GET /cluster: the answer holds 1 lone surrogate(s)"_s));
    }

    void theJsonKeepsItWholeAndValid()
    {
        const QByteArray json
            = QJsonDocument(Cluster::stateToJson(m_store.state(), m_store.findings(), QDateTime::currentDateTimeUtc()))
                  .toJson();
        QVERIFY(QByteArrayView(json).isValidUtf8());
        QVERIFY(json.contains("\xef\xbf\xbd")); // U+FFFD where the bytes were
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value("warnings"_L1).toArray().size(), 2);
        bool whole = false;
        for (const QJsonValue& m : root.value("members"_L1).toArray())
            whole |= m.toObject().value("name"_L1).toString() == QString::fromUtf8(longName);
        QVERIFY2(whole, "the long name is not whole in the JSON");
    }

private:
    Cluster::ClusterStore m_store;
    QStringList m_warnings;
};

QTEST_GUILESS_MAIN(TestOutputHygiene)
#include "tst_outputhygiene.moc"
