// Parser tests over GET /metrics: the lab's Patroni 3.0.2 replica and leader, Patroni 4.1.4's documented
// example, and a hand-made body of oddities. See tests/data/patroni/README.md.
#include "models/patroni/metricsparser.h"
#include "testdata.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;
using Labels = QMap<QString, QString>;

static QByteArray readData(const QString& name)
{
    return TestData::read(u"patroni/"_s + name);
}

class TestMetricsParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void values_data();
    void values();
    void files_data();
    void files();
    void spaceBeforeLabels();
    void oddities();
    void errors_data();
    void errors();
    void garbage_data();
    void garbage();
    void huge();
};

void TestMetricsParser::values_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("value"); // NaN: the metric must be absent

    const QString replica = u"metrics-3.0.2.txt"_s;
    const QString leader = u"metrics-3.0.2-leader.txt"_s;
    const QString docs = u"metrics-4.1-docs.txt"_s;
    const double absent = std::numeric_limits<double>::quiet_NaN();
    // clang-format off
    QTest::newRow("3.0.2 replica: primary 0") << replica << u"patroni_primary"_s << 0.0;
    QTest::newRow("3.0.2 replica: master 0") << replica << u"patroni_master"_s << 0.0;
    QTest::newRow("3.0.2 replica: replica 1") << replica << u"patroni_replica"_s << 1.0;
    QTest::newRow("3.0.2 replica: timeline") << replica << u"patroni_postgres_timeline"_s << 4.0;
    QTest::newRow("3.0.2 replica: xlog received") << replica << u"patroni_xlog_received_location"_s << 100663680.0;
    QTest::newRow("3.0.2 replica: xlog replayed") << replica << u"patroni_xlog_replayed_location"_s << 100663680.0;
    QTest::newRow("3.0.2 replica: xlog location 0") << replica << u"patroni_xlog_location"_s << 0.0;
    QTest::newRow("3.0.2 replica: version 030002") << replica << u"patroni_version"_s << 30002.0;
    QTest::newRow("3.0.2 replica: start time, fractional") << replica << u"patroni_postmaster_start_time"_s << 1795631428.221974;
    QTest::newRow("3.0.2 replica: no quorum metric yet") << replica << u"patroni_quorum_standby"_s << absent;
    QTest::newRow("3.0.2 leader: primary 1") << leader << u"patroni_primary"_s << 1.0;
    QTest::newRow("3.0.2 leader: master 1") << leader << u"patroni_master"_s << 1.0;
    QTest::newRow("3.0.2 leader: timeline") << leader << u"patroni_postgres_timeline"_s << 5.0;
    QTest::newRow("3.0.2 leader: xlog location") << leader << u"patroni_xlog_location"_s << 100663736.0;
    QTest::newRow("3.0.2 leader: xlog received 0") << leader << u"patroni_xlog_received_location"_s << 0.0;
    QTest::newRow("4.1 docs: primary 1") << docs << u"patroni_primary"_s << 1.0;
    QTest::newRow("4.1 docs: master is gone") << docs << u"patroni_master"_s << absent;
    QTest::newRow("4.1 docs: timeline") << docs << u"patroni_postgres_timeline"_s << 24.0;
    QTest::newRow("4.1 docs: xlog location beyond 2^32") << docs << u"patroni_xlog_location"_s << 22320573386952.0;
    QTest::newRow("4.1 docs: server version") << docs << u"patroni_postgres_server_version"_s << 160004.0;
    QTest::newRow("4.1 docs: postgres state, after '# Values:'") << docs << u"patroni_postgres_state"_s << 5.0;
    QTest::newRow("4.1 docs: quorum standby") << docs << u"patroni_quorum_standby"_s << 0.0;
    QTest::newRow("4.1 docs: streaming") << docs << u"patroni_postgres_streaming"_s << 1.0;
    // clang-format on
}

void TestMetricsParser::values()
{
    QFETCH(QString, file);
    QFETCH(QString, metric);
    QFETCH(double, value);
    const auto result = Patroni::parseMetrics(readData(file));
    QVERIFY2(result.metrics, qPrintable(Cluster::describe(result.error)));
    const auto got = result.metrics->value(metric);
    if (std::isnan(value)) {
        QVERIFY(!got);
        return;
    }
    QVERIFY(got);
    QCOMPARE(*got, value);
}

void TestMetricsParser::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QStringList>("labelNames");
    QTest::addColumn<QString>("scope");

    // One sample per "# TYPE" line: every sample line reads, no comment reads as a sample.
    // clang-format off
    QTest::newRow("3.0.2 replica") << u"metrics-3.0.2.txt"_s << 20 << QStringList { u"scope"_s } << u"enterprise-email"_s;
    QTest::newRow("3.0.2 leader") << u"metrics-3.0.2-leader.txt"_s << 20 << QStringList { u"scope"_s } << u"enterprise-email"_s;
    QTest::newRow("4.1 docs") << u"metrics-4.1-docs.txt"_s << 26 << QStringList { u"name"_s, u"scope"_s } << u"batman"_s;
    // clang-format on
}

void TestMetricsParser::files()
{
    QFETCH(QString, file);
    QFETCH(int, samples);
    QFETCH(QStringList, labelNames);
    QFETCH(QString, scope);
    const QByteArray body = readData(file);
    const auto result = Patroni::parseMetrics(body);
    QVERIFY2(result.metrics, qPrintable(Cluster::describe(result.error)));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    QCOMPARE(result.metrics->samples.size(), samples);
    QCOMPARE(result.metrics->samples.size(), body.count("# TYPE "));
    for (const Patroni::MetricSample& s : result.metrics->samples) {
        QVERIFY(s.name.startsWith(u"patroni_"_s));
        QCOMPARE(s.labels.keys(), labelNames);
        QCOMPARE(s.labels.value(u"scope"_s), scope);
        QVERIFY(!s.timestampMs);
        QVERIFY(std::isfinite(s.value));
    }
}

void TestMetricsParser::spaceBeforeLabels()
{
    // LAB-FACTS: 3.0.2 writes one line as "patroni_postgres_server_version {scope=...} 150018".
    for (const auto* file : { "metrics-3.0.2.txt", "metrics-3.0.2-leader.txt" }) {
        const QByteArray body = readData(QString::fromLatin1(file));
        QVERIFY(body.contains("patroni_postgres_server_version {scope="));
        const auto result = Patroni::parseMetrics(body);
        QVERIFY(result.metrics);
        const Patroni::MetricSample* s = result.metrics->sample(u"patroni_postgres_server_version");
        QVERIFY(s);
        QCOMPARE(s->name, u"patroni_postgres_server_version"_s);
        QCOMPARE(s->labels, (Labels { { u"scope"_s, u"enterprise-email"_s } }));
        QCOMPARE(s->value, 150018.0);
    }
}

void TestMetricsParser::oddities()
{
    const auto result = Patroni::parseMetrics(readData(u"metrics-odd.txt"_s));
    QVERIFY2(result.metrics, qPrintable(Cluster::describe(result.error)));
    const Patroni::Metrics& m = *result.metrics;
    QCOMPARE(m.samples.size(), 13);

    const Patroni::MetricSample* escapes = m.sample(u"odd_escapes");
    QVERIFY(escapes);
    QCOMPARE(escapes->labels.value(u"path"_s), u"C:\\pg\\data"_s);
    QCOMPARE(escapes->labels.value(u"quote"_s), u"say \"hi\""_s);
    QCOMPARE(escapes->labels.value(u"nl"_s), u"a\nb"_s);
    QCOMPARE(escapes->labels.value(u"other"_s), u"\\t"_s); // not an escape of the format: kept as written

    QVERIFY(std::isnan(*m.value(u"odd_special", { { u"kind"_s, u"nan"_s } })));
    QCOMPARE(*m.value(u"odd_special", { { u"kind"_s, u"pinf"_s } }), std::numeric_limits<double>::infinity());
    QCOMPARE(*m.value(u"odd_special", { { u"kind"_s, u"ninf"_s } }), -std::numeric_limits<double>::infinity());
    QVERIFY(!m.value(u"odd_special", { { u"kind"_s, u"other"_s } }));
    QVERIFY(!m.value(u"odd_special", { { u"missing"_s, QString() } })); // an empty value is not an absent label

    const Patroni::MetricSample* ts = m.sample(u"odd_timestamp");
    QVERIFY(ts);
    QCOMPARE(ts->value, 12.5);
    QCOMPARE(ts->timestampMs.value_or(-1), Q_INT64_C(1795632395000));
    QCOMPARE(m.sample(u"odd_spaces")->labels, (Labels { { u"name"_s, u"y"_s }, { u"scope"_s, u"x"_s } }));
    QCOMPARE(*m.value(u"odd_spaces"), 300.0);
    QCOMPARE(*m.value(u"odd_no_labels"), 42.0);
    QVERIFY(m.sample(u"odd_empty_labels")->labels.isEmpty());
    QCOMPARE(m.sample(u"odd_utf8")->labels.value(u"name"_s), u"nœud-é✓"_s);
    QCOMPARE(*m.value(u"odd_tab_indented"), 5.0);
    QCOMPARE(*m.value(u"odd_crlf"), 8.0);
    QCOMPARE(*m.value(u"odd_bad_timestamp"), 1.0);
    QVERIFY(!m.sample(u"odd_bad_timestamp")->timestampMs);
    QCOMPARE(*m.value(u"odd_last_line_without_newline"), 9.0);
    for (const auto* dropped : { u"this", u"odd_bad_value", u"odd_unclosed", u"odd_dup", u"odd_missing_value" })
        QVERIFY2(!m.sample(dropped), qPrintable(QStringView(dropped).toString()));

    const QString all = result.warnings.join(u'\n');
    for (const auto& expected : { u"line 15: value \"line\" is not a number"_s,
             u"line 16: value \"twelve\" is not a number"_s, u"line 17: label scope value not closed"_s,
             u"line 18: label a appears twice"_s, u"line 19: no metric name"_s, u"line 20: no value"_s,
             u"line 22: odd_bad_timestamp timestamp is not an integer"_s })
        QVERIFY2(all.contains(expected), qPrintable(u"missing warning: "_s + expected + u"\nhave:\n"_s + all));
    QCOMPARE(result.warnings.size(), 7);
}

void TestMetricsParser::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detailContains");

    QTest::newRow("empty") << QByteArray() << u"empty body"_s;
    QTest::newRow("blank") << QByteArray("\n \r\n\t") << u"empty body"_s;
    QTest::newRow("comments only") << QByteArray("# HELP x y\n# TYPE x gauge\n")
                                   << u"no Prometheus sample in 2 lines (0"_s;
    QTest::newRow("HTML error page") << QByteArray(
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html><head>\n<title>Error response</title>")
                                     << u"body starts: <!DOCTYPE HTML"_s;
    QTest::newRow("JSON (GET /patroni by mistake)")
        << readData(u"patroni-3.0.2-leader.json"_s) << u"body starts: {\"state\""_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01\n\x02", 6) << u"unreadable"_s;
}

void TestMetricsParser::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detailContains);
    const auto result = Patroni::parseMetrics(body);
    QVERIFY(!result.metrics);
    QCOMPARE(result.error.code, Code::UnexpectedShape);
    QVERIFY2(result.error.detail.contains(detailContains), qPrintable(result.error.detail));
    QVERIFY(!Cluster::describe(result.error).isEmpty());
}

void TestMetricsParser::garbage_data()
{
    QTest::addColumn<QByteArray>("body");

    QByteArray random(200000, Qt::Uninitialized);
    QRandomGenerator gen(3);
    for (char& c : random)
        c = char(gen.bounded(256));
    QTest::newRow("random bytes") << random;
    QTest::newRow("deep braces") << QByteArray(QByteArray("m") + QByteArray(100000, '{') + " 1\nok 1\n");
    QTest::newRow("endless label value") << QByteArray(QByteArray("m{a=\"") + QByteArray(100000, '\\') + "\nok 1\n");
    QTest::newRow("many labels") << QByteArray(
        QByteArray("m{") + QByteArray(50000, 'x').replace("x", "a_b=\"c\",") + "} 1\nok 1\n");
    QTest::newRow("NULs") << QByteArray("m{a=\"\x00\"} 1\n\x00 2\nok 1\n", 21);
    QTest::newRow("numbers") << QByteArray("a 1e999\nb 0x10\nc --1\nd 1.7976931348623157e308\ne -0\nf .5\nok 1\n");
}

void TestMetricsParser::garbage()
{
    QFETCH(QByteArray, body);
    const auto result = Patroni::parseMetrics(body);
    // Never a crash; a usable result or a structured error; warnings stay readable.
    QCOMPARE(result.metrics.has_value(), !result.error.isError());
    QVERIFY(result.warnings.size() <= 101);
    if (body.contains("\nok 1\n")) {
        QVERIFY(result.metrics);
        QCOMPARE(*result.metrics->value(u"ok"), 1.0);
    }
}

void TestMetricsParser::huge()
{
    QByteArray body;
    for (int i = 0; i < 50000; ++i)
        body += "patroni_x{scope=\"s" + QByteArray::number(i) + "\",name=\"" + QByteArray(200, 'n') + "\"} "
            + QByteArray::number(i) + "\n";
    const auto result = Patroni::parseMetrics(body);
    QVERIFY(result.metrics);
    QCOMPARE(result.metrics->samples.size(), 50000);
    QCOMPARE(*result.metrics->value(u"patroni_x", { { u"scope"_s, u"s49999"_s } }), 49999.0);
    QVERIFY(result.warnings.isEmpty());
}

QTEST_GUILESS_MAIN(TestMetricsParser)
#include "tst_metricsparser.moc"
