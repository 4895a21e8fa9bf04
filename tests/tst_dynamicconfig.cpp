// Tests of GET /config parsing and of diffConfig: the lab's Patroni 3.0.2 config, Patroni 4.1.4's documented
// example and a 4.x quorum config written from its source. See tests/data/patroni/README.md.
#include "models/patroni/dynamicconfig.h"
#include "testdata.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;
using Patroni::SynchronousMode;

static QByteArray readData(const QString& name)
{
    return TestData::read(u"patroni/"_s + name);
}

static QJsonObject object(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        qFatal("not a JSON object: %s", json.constData());
    return doc.object();
}

class TestDynamicConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void config_data();
    void config();
    void synchronousMode_data();
    void synchronousMode();
    void wrongTypesKeepTheRest();
    void errors_data();
    void errors();
    void diff_data();
    void diff();
    void diffOfParsedConfigs();
    void diffDeepAndHuge();
};

void TestDynamicConfig::config_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("ttl");
    QTest::addColumn<int>("loopWait");
    QTest::addColumn<int>("retryTimeout");
    QTest::addColumn<qint64>("maxLag");
    QTest::addColumn<int>("syncMode");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<bool>("failsafe");
    QTest::addColumn<bool>("paused");
    QTest::addColumn<QVariant>("maxConnections"); // as stored: 100 or "100"
    QTest::addColumn<int>("parameterCount");

    const int off = int(SynchronousMode::Off);
    // clang-format off
    QTest::newRow("3.0.2 lab") << u"config-3.0.2-lab.json"_s << 15 << 3 << 5 << qint64(1048576) << off << false << false << false << QVariant(100.0) << 7;
    QTest::newRow("3.0.2 lab, patched by hand") << u"config-3.0.2-lab-patched.json"_s << 20 << 3 << 5 << qint64(1048576) << off << false << false << true << QVariant(200.0) << 7;
    QTest::newRow("4.1 docs: max_connections a string") << u"config-4.1-docs.json"_s << 30 << 10 << 10 << qint64(1048576) << off << false << false << false << QVariant(u"100"_s) << 5;
    QTest::newRow("4.x quorum, failsafe, paused") << u"config-4.1-quorum.json"_s << 30 << 10 << 10 << qint64(1048576) << int(SynchronousMode::Quorum) << false << true << true << QVariant(200.0) << 5;
    // clang-format on
}

void TestDynamicConfig::config()
{
    QFETCH(QString, file);
    QFETCH(int, ttl);
    QFETCH(int, loopWait);
    QFETCH(int, retryTimeout);
    QFETCH(qint64, maxLag);
    QFETCH(int, syncMode);
    QFETCH(bool, strict);
    QFETCH(bool, failsafe);
    QFETCH(bool, paused);
    QFETCH(QVariant, maxConnections);
    QFETCH(int, parameterCount);

    const QByteArray body = readData(file);
    const auto result = Patroni::parseDynamicConfig(body);
    QVERIFY2(result.config, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const Patroni::DynamicConfig& c = *result.config;
    QCOMPARE(c.ttl.value_or(-1), ttl);
    QCOMPARE(c.loopWait.value_or(-1), loopWait);
    QCOMPARE(c.retryTimeout.value_or(-1), retryTimeout);
    QCOMPARE(c.maximumLagOnFailover.value_or(-1), maxLag);
    QCOMPARE(int(c.synchronousMode), syncMode);
    QCOMPARE(c.synchronousModeStrict, strict);
    QCOMPARE(c.failsafeMode, failsafe);
    QCOMPARE(c.paused, paused);
    QCOMPARE(c.postgresqlParameters.size(), parameterCount);
    QCOMPARE(c.postgresqlParameters.value(u"max_connections"_s), maxConnections);
    QCOMPARE(c.postgresqlParameters.value(u"wal_level"_s).typeId(), QMetaType::QString);
    // The whole object is kept: unmodelled keys too, and it diffs clean against its own body.
    QCOMPARE(c.raw, object(body));
    QVERIFY(Patroni::diffConfig(c.raw, object(body)).isEmpty());
    // LAB-FACTS: loop_wait + 2 * retry_timeout <= ttl must hold for a sane config.
    QVERIFY(loopWait + 2 * retryTimeout <= ttl);
}

void TestDynamicConfig::synchronousMode_data()
{
    QTest::addColumn<QByteArray>("value"); // JSON; empty: key absent
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("warned");

    const int off = int(SynchronousMode::Off), on = int(SynchronousMode::On), quorum = int(SynchronousMode::Quorum);
    QTest::newRow("absent") << QByteArray() << off << false;
    QTest::newRow("null") << QByteArray("null") << off << false;
    QTest::newRow("true") << QByteArray("true") << on << false;
    QTest::newRow("false") << QByteArray("false") << off << false;
    QTest::newRow("\"quorum\" (4.x)") << QByteArray("\"quorum\"") << quorum << false;
    QTest::newRow("\"Quorum\"") << QByteArray("\"Quorum\"") << quorum << false;
    // Patroni's parse_bool spellings.
    QTest::newRow("\"on\"") << QByteArray("\"on\"") << on << false;
    QTest::newRow("\"OFF\"") << QByteArray("\"OFF\"") << off << false;
    QTest::newRow("\"yes\"") << QByteArray("\"yes\"") << on << false;
    QTest::newRow("\"0\"") << QByteArray("\"0\"") << off << false;
    QTest::newRow("1") << QByteArray("1") << on << false;
    QTest::newRow("0") << QByteArray("0") << off << false;
    QTest::newRow("2") << QByteArray("2") << off << true;
    QTest::newRow("\"maybe\"") << QByteArray("\"maybe\"") << off << true;
    QTest::newRow("object") << QByteArray("{\"quorum\": true}") << off << true;
    QTest::newRow("array") << QByteArray("[\"quorum\"]") << off << true;
}

void TestDynamicConfig::synchronousMode()
{
    QFETCH(QByteArray, value);
    QFETCH(int, mode);
    QFETCH(bool, warned);
    const QByteArray body = value.isEmpty() ? QByteArray("{\"ttl\": 30}")
                                            : QByteArray("{\"ttl\": 30, \"synchronous_mode\": " + value + "}");
    const auto result = Patroni::parseDynamicConfig(body);
    QVERIFY(result.config);
    QCOMPARE(int(result.config->synchronousMode), mode);
    QCOMPARE(!result.warnings.isEmpty(), warned);
    if (warned)
        QVERIFY(result.warnings.first().startsWith(u"config.synchronous_mode "_s));
}

void TestDynamicConfig::wrongTypesKeepTheRest()
{
    const auto result = Patroni::parseDynamicConfig(readData(u"config-bad-wrongtypes.json"_s));
    QVERIFY(result.config);
    const Patroni::DynamicConfig& c = *result.config;
    QCOMPARE(c.ttl.value_or(-1), 15); // "15": a numeric string, as Patroni's parse_int reads it
    QVERIFY(!c.loopWait);
    QVERIFY(!c.retryTimeout);
    QVERIFY(!c.maximumLagOnFailover); // "1MB": Patroni reads no unit for this key either
    QCOMPARE(c.synchronousMode, SynchronousMode::Off);
    QVERIFY(c.synchronousModeStrict); // "on"
    QVERIFY(c.failsafeMode); // 1
    QVERIFY(!c.paused); // "maybe"
    QVERIFY(c.postgresqlParameters.isEmpty());
    QCOMPARE(c.raw.value("postgresql"_L1).toObject().value("use_slots"_L1).toString(), u"yes"_s);

    const QString all = result.warnings.join(u'\n');
    for (const auto& expected : { u"config.loop_wait is not an integer"_s, u"config.retry_timeout is out of range"_s,
             u"config.maximum_lag_on_failover is not an integer"_s,
             u"config.synchronous_mode is neither a boolean nor \"quorum\""_s, u"config.pause is not a boolean"_s,
             u"config.postgresql.parameters is not an object"_s })
        QVERIFY2(all.contains(expected), qPrintable(u"missing warning: "_s + expected + u"\nhave:\n"_s + all));
    QCOMPARE(result.warnings.size(), 6);
}

void TestDynamicConfig::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detailContains");

    // GET /config answers 502 with no body when the DCS holds no config.
    QTest::newRow("empty (the 502)") << QByteArray() << int(Code::NotJson) << u"at byte 0"_s;
    QTest::newRow("HTML error page") << QByteArray("<!DOCTYPE HTML>\n<html><body>Bad Gateway</body></html>")
                                     << int(Code::NotJson) << u"body starts: <!DOCTYPE HTML>"_s;
    QTest::newRow("array") << readData(u"history-3.0.2.json"_s) << int(Code::UnexpectedShape) << u"object"_s;
    QTest::newRow("cut off") << readData(u"config-3.0.2-lab.json"_s).left(100) << int(Code::NotJson) << u"at byte"_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << int(Code::NotJson) << QString();
    QTest::newRow("deep nesting") << QByteArray(
        QByteArray("{\"postgresql\": ") + QByteArray(100000, '[') + QByteArray(100000, ']') + "}")
                                  << int(Code::NotJson) << QString();
}

void TestDynamicConfig::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, detailContains);
    const auto result = Patroni::parseDynamicConfig(body);
    QVERIFY(!result.config);
    QCOMPARE(int(result.error.code), code);
    QVERIFY2(result.error.detail.contains(detailContains), qPrintable(result.error.detail));
}

void TestDynamicConfig::diff_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QStringList>("changes");

    const QByteArray lab = readData(u"config-3.0.2-lab.json"_s);
    QTest::newRow("equal") << lab << lab << QStringList();
    QTest::newRow("empty to empty") << QByteArray("{}") << QByteArray("{}") << QStringList();
    // A PATCH of ttl, pause, max_connections, wal_keep_size: null and work_mem, as the merged answer shows it.
    QTest::newRow("lab, patched") << lab << readData(u"config-3.0.2-lab-patched.json"_s)
                                  << QStringList { u"+ pause: true"_s,
                                         u"postgresql.parameters.max_connections: 100 → 200"_s,
                                         u"- postgresql.parameters.wal_keep_size: \"128MB\""_s,
                                         u"+ postgresql.parameters.work_mem: \"8MB\""_s, u"ttl: 15 → 20"_s };
    QTest::newRow("string to number is a change")
        << QByteArray("{\"p\": {\"max_connections\": \"100\"}}") << QByteArray("{\"p\": {\"max_connections\": 100}}")
        << QStringList { u"p.max_connections: \"100\" → 100"_s };
    QTest::newRow("object replaced by a value")
        << QByteArray("{\"a\": {\"b\": 1}}") << QByteArray("{\"a\": 2}") << QStringList { u"a: {\"b\":1} → 2"_s };
    QTest::newRow("array changed") << QByteArray("{\"pg_hba\": [\"a\", \"b\"]}") << QByteArray("{\"pg_hba\": [\"a\"]}")
                                   << QStringList { u"pg_hba: [\"a\",\"b\"] → [\"a\"]"_s };
    QTest::newRow("section added") << QByteArray("{}") << QByteArray("{\"standby_cluster\": {\"host\": \"h\"}}")
                                   << QStringList { u"+ standby_cluster: {\"host\":\"h\"}"_s };
    QTest::newRow("null removed") << QByteArray("{\"a\": null}") << QByteArray("{}") << QStringList { u"- a: null"_s };
    QTest::newRow("bool, fraction, escapes")
        << QByteArray("{\"x\": false, \"y\": 0.5, \"z\": \"q\\\"\\n\"}")
        << QByteArray("{\"x\": true, \"y\": 1.5, \"z\": \"é\"}")
        << QStringList { u"x: false → true"_s, u"y: 0.5 → 1.5"_s, u"z: \"q\\\"\\n\" → \"é\""_s };
}

void TestDynamicConfig::diff()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QStringList, changes);
    QCOMPARE(Patroni::diffConfig(object(before), object(after)), changes);
    // Backwards, every + becomes a - and every arrow turns round.
    const QStringList back = Patroni::diffConfig(object(after), object(before));
    QCOMPARE(back.size(), changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes.at(i).startsWith(u"+ "_s))
            QCOMPARE(back.at(i), u"- "_s + changes.at(i).sliced(2));
        else if (changes.at(i).startsWith(u"- "_s))
            QCOMPARE(back.at(i), u"+ "_s + changes.at(i).sliced(2));
    }
}

void TestDynamicConfig::diffOfParsedConfigs()
{
    // 3.x to 4.x: what changes when a lab config meets the 4.x quorum one.
    const auto before = Patroni::parseDynamicConfig(readData(u"config-3.0.2-lab.json"_s));
    const auto after = Patroni::parseDynamicConfig(readData(u"config-4.1-quorum.json"_s));
    QVERIFY(before.config && after.config);
    const QStringList changes = Patroni::diffConfig(before.config->raw, after.config->raw);
    QVERIFY(changes.contains(u"+ synchronous_mode: \"quorum\""_s));
    QVERIFY(changes.contains(u"+ failsafe_mode: true"_s));
    QVERIFY(changes.contains(u"ttl: 15 → 30"_s));
    QVERIFY(changes.contains(
        u"+ slots: {\"logical_a\":{\"database\":\"app\",\"plugin\":\"pgoutput\",\"type\":\"logical\"}}"_s));
    QVERIFY(changes.contains(u"postgresql.parameters.wal_keep_size: \"128MB\" → \"1GB\""_s));
    QVERIFY(!changes.contains(u"postgresql.use_slots"_s));
    QVERIFY(std::is_sorted(changes.cbegin(), changes.cend(), [](const QString& a, const QString& b) {
        auto path = [](const QString& s) { return s.startsWith(u"+ "_s) || s.startsWith(u"- "_s) ? s.sliced(2) : s; };
        return path(a) < path(b);
    }));
}

void TestDynamicConfig::diffDeepAndHuge()
{
    // Deeply nested sections differing at the bottom: one line with the whole path.
    QJsonObject a { { u"leaf"_s, 1 } };
    QJsonObject b { { u"leaf"_s, 2 } };
    for (int i = 0; i < 300; ++i) {
        a = QJsonObject { { u"k"_s, a } };
        b = QJsonObject { { u"k"_s, b } };
    }
    const QStringList deep = Patroni::diffConfig(a, b);
    QCOMPARE(deep.size(), 1);
    QVERIFY(deep.first().startsWith(QStringList(300, u"k"_s).join(u'.') + u".leaf: 1 → 2"_s));

    // Thousands of parameters, every other changed; a huge value shortened.
    QJsonObject before;
    QJsonObject after;
    for (int i = 0; i < 5000; ++i) {
        const QString key = u"p%1"_s.arg(i, 5, 10, QChar(u'0'));
        before.insert(key, i);
        after.insert(key, i % 2 ? i + 1 : i);
    }
    after.insert(u"blob"_s, QString(100000, u'x'));
    const QStringList changes = Patroni::diffConfig(before, after);
    QCOMPARE(changes.size(), 2501);
    QVERIFY(changes.first().startsWith(u"+ blob: \"xxx"_s));
    QVERIFY(changes.first().size() < 300);
    QCOMPARE(changes.at(1), u"p00001: 1 → 2"_s);

    // Random bytes as config values survive a round trip through the diff.
    QRandomGenerator gen(11);
    QByteArray bytes(1000, Qt::Uninitialized);
    for (char& c : bytes)
        c = char(gen.bounded(256));
    const QStringList odd = Patroni::diffConfig(QJsonObject { { u"v"_s, QString::fromLatin1(bytes) } }, QJsonObject {});
    QCOMPARE(odd.size(), 1);
    QVERIFY(odd.first().startsWith(u"- v: \""_s));
}

QTEST_GUILESS_MAIN(TestDynamicConfig)
#include "tst_dynamicconfig.moc"
