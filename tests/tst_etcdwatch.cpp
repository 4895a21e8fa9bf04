// etcd's watch stream (POST /v3/watch on the v3 JSON gateway) as Etcd::WatchStream and parseWatchMessage
// read it: a stream captured from the lab during a switchover (tests/data/etcd/README.md), cut at every
// byte; the gateway's other answers; and what a hostile or broken peer can send, each bounded.
#include "models/etcd/watchstream.h"
#include "testdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;
using Type = Etcd::WatchEvent::Type;

namespace {

QByteArray chunked(const QList<QByteArray>& chunks, bool last = false)
{
    QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (const QByteArray& c : chunks)
        out += QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n";
    if (last)
        out += "0\r\n\r\n";
    return out;
}

QList<QByteArray> feedAll(Etcd::WatchStream* stream, const QByteArray& bytes)
{
    return stream->feed(bytes);
}

QByteArray created()
{
    return R"({"result":{"header":{"cluster_id":"9255690350513912798","member_id":"17267732601913557412","revision":"31","raft_term":"2"},"created":true}})"
           "\n";
}

} // namespace

class TestEtcdWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void leaderKeyFollowsPatroni()
    {
        QCOMPARE(
            Etcd::leaderKey(u"/service/"_s, u"enterprise-email"_s), QByteArray("/service/enterprise-email/leader"));
        QCOMPARE(Etcd::leaderKey(u"service"_s, u"batman"_s), QByteArray("/service/batman/leader"));
        QCOMPARE(Etcd::leaderKey(QString(), u"batman"_s), QByteArray("/service/batman/leader"));
        QCOMPARE(Etcd::leaderKey(u"//db//"_s, u"x"_s), QByteArray("/db/x/leader"));
        QCOMPARE(Etcd::watchRequestBody("/service/batman/leader"),
            QByteArray(R"({"create_request":{"key":"L3NlcnZpY2UvYmF0bWFuL2xlYWRlcg=="}})"));
    }

    // The lab's stream: created, then the old leader's key deleted and the new leader's written.
    void capturedSwitchover()
    {
        const QByteArray capture = TestData::read(u"etcd/watch-3.4.23-switchover.http"_s);
        Etcd::WatchStream stream;
        const QList<QByteArray> lines = stream.feed(capture);
        QVERIFY2(!stream.failed(), qPrintable(stream.error().detail));
        QCOMPARE(stream.httpStatus(), 200);
        QVERIFY(lines.size() >= 3);
        QList<Etcd::WatchEvent> events;
        bool sawCreated = false;
        for (const QByteArray& line : lines) {
            const auto parsed = Etcd::parseWatchMessage(line);
            QVERIFY2(parsed.message, qPrintable(parsed.error.detail));
            QVERIFY2(parsed.warnings.isEmpty(), qPrintable(parsed.warnings.join(u"; "_s)));
            sawCreated = sawCreated || parsed.message->created;
            events += parsed.message->events;
        }
        QVERIFY(sawCreated);
        QVERIFY(Etcd::parseWatchMessage(lines.first()).message->created);
        // Every event is on the leader key; a deletion comes before the new leader's name.
        QVERIFY(events.size() >= 2);
        for (const Etcd::WatchEvent& e : events)
            QCOMPARE(e.key, QByteArray("/service/enterprise-email/leader"));
        qsizetype deleted = -1;
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (events.at(i).type == Type::Delete && deleted < 0)
                deleted = i;
        }
        QVERIFY(deleted >= 0);
        QVERIFY(events.at(deleted).value.isEmpty());
        QVERIFY(deleted + 1 < events.size());
        const Etcd::WatchEvent& put = events.at(deleted + 1);
        QCOMPARE(put.type, Type::Put);
        QVERIFY(put.value.startsWith("patroni"));
        QVERIFY(
            put.modRevision && events.at(deleted).modRevision && *put.modRevision > *events.at(deleted).modRevision);
    }

    // TCP delivers the stream in pieces of any size: every cut gives the same lines.
    void capturedStreamCutAnywhere()
    {
        const QByteArray capture = TestData::read(u"etcd/watch-3.4.23-switchover.http"_s);
        Etcd::WatchStream whole;
        const QList<QByteArray> expected = whole.feed(capture);
        for (qsizetype cut = 1; cut < capture.size(); ++cut) {
            Etcd::WatchStream stream;
            QList<QByteArray> lines = stream.feed(QByteArrayView(capture).first(cut));
            lines += stream.feed(QByteArrayView(capture).sliced(cut));
            QCOMPARE(lines, expected);
            QVERIFY(!stream.failed());
        }
        Etcd::WatchStream bytewise;
        QList<QByteArray> lines;
        for (const char c : capture)
            lines += bytewise.feed(QByteArrayView(&c, 1));
        QCOMPARE(lines, expected);
    }

    void messagesSpanChunksAndChunksHoldSeveralMessages()
    {
        const QByteArray one = created();
        const QByteArray two
            = R"({"result":{"header":{"revision":"40"},"events":[{"type":"DELETE","kv":{"key":"L2E=","mod_revision":"40"}}]}})"
              "\n";
        Etcd::WatchStream stream;
        const QList<QByteArray> lines = feedAll(&stream, chunked({ one.first(10), one.sliced(10) + two }));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0) + '\n', one);
        const auto parsed = Etcd::parseWatchMessage(lines.at(1));
        QVERIFY(parsed.message);
        QCOMPARE(parsed.message->events.size(), 1);
        QCOMPARE(parsed.message->events.first().type, Type::Delete);
        QCOMPARE(parsed.message->events.first().key, QByteArray("/a"));
        QCOMPARE(parsed.message->events.first().modRevision, std::optional<qint64>(40));
        QVERIFY(!stream.ended());
    }

    // An HTTP/1.0 answer (or a proxy that unchunks): the body runs until the peer closes.
    void plainBody()
    {
        Etcd::WatchStream stream;
        const QList<QByteArray> lines = stream.feed(
            QByteArray("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + created() + created()));
        QCOMPARE(lines.size(), 2);
        QVERIFY(!stream.failed());
    }

    void theLastChunkEndsTheWatch()
    {
        Etcd::WatchStream stream;
        const QList<QByteArray> lines = stream.feed(chunked({ created() }, true));
        QCOMPARE(lines.size(), 1);
        QVERIFY(stream.ended());
        QVERIFY(!stream.failed());
        QVERIFY(stream.feed(chunked({ created() })).isEmpty()); // nothing after the end
    }

    void refusedWatchesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Code>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("404 (no gateway)")
            << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 19\r\n\r\n404 page not found\n")
            << Code::HttpStatus << 404;
        QTest::newRow("401") << QByteArray("HTTP/1.1 401 Unauthorized\r\n\r\n") << Code::AuthFailed << 401;
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << Code::UnexpectedShape << 0;
        QTest::newRow("bad chunk size") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n")
                                        << Code::UnexpectedShape << 200;
        QTest::newRow("chunk longer than said")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}}\r\n") << Code::UnexpectedShape
            << 200;
    }
    void refusedWatchesSayWhy()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Code, code);
        QFETCH(int, status);
        Etcd::WatchStream stream;
        QVERIFY(stream.feed(bytes).isEmpty());
        QVERIFY(stream.failed());
        QCOMPARE(stream.error().code, code);
        QCOMPARE(stream.httpStatus(), status);
        QVERIFY(!stream.error().detail.isEmpty());
        QVERIFY(stream.error().detail.size() < 300);
    }

    // Whatever a peer sends, the stream holds a bounded number of bytes.
    void endlessHeadersAreCut()
    {
        Etcd::WatchStream stream;
        const QByteArray line = "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
        QByteArray sent = "HTTP/1.1 200 OK\r\n";
        stream.feed(sent);
        int fed = 0;
        while (!stream.failed() && fed < 1000) {
            stream.feed(line);
            ++fed;
        }
        QVERIFY(stream.failed());
        QVERIFY(fed * line.size() <= Etcd::WatchStream::maxHeaderBytes + 2 * line.size());
        QCOMPARE(stream.error().code, Code::UnexpectedShape);
    }

    void endlessMessageIsCut()
    {
        Etcd::WatchStream stream;
        stream.feed(chunked({}));
        const QByteArray piece(64 * 1024, 'x');
        int fed = 0;
        while (!stream.failed() && fed < 100) {
            stream.feed(QByteArray(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n"));
            ++fed;
        }
        QVERIFY(stream.failed());
        QCOMPARE(stream.error().code, Code::BodyTooLarge);
        QVERIFY(qint64(fed) * piece.size() <= Etcd::WatchStream::maxLineBytes + piece.size());
    }

    void endlessChunkSizeLineIsCut()
    {
        Etcd::WatchStream stream;
        stream.feed(chunked({}));
        stream.feed(QByteArray(100000, '0'));
        QVERIFY(stream.failed());
    }

    void messagesOfTheGateway()
    {
        // A PUT: the gateway leaves out the enum's default.
        auto r = Etcd::parseWatchMessage(
            R"({"result":{"header":{"revision":"41"},"events":[{"kv":{"key":"L3NlcnZpY2UveC9sZWFkZXI=","mod_revision":"41","value":"cGF0cm9uaTI=","lease":"7587887"}}]}})");
        QVERIFY(r.message);
        QCOMPARE(r.message->events.size(), 1);
        QCOMPARE(r.message->events.first().type, Type::Put);
        QCOMPARE(r.message->events.first().key, QByteArray("/service/x/leader"));
        QCOMPARE(r.message->events.first().value, QByteArray("patroni2"));
        QCOMPARE(r.message->header.revision, std::optional<qint64>(41));

        r = Etcd::parseWatchMessage(
            R"({"result":{"header":{},"canceled":true,"cancel_reason":"mvcc: required revision has been compacted","compact_revision":"7"}})");
        QVERIFY(r.message);
        QVERIFY(r.message->canceled);
        QCOMPARE(r.message->compactRevision, std::optional<qint64>(7));
        QVERIFY(r.message->cancelReason.contains(u"compacted"_s));

        r = Etcd::parseWatchMessage(
            R"({"error":{"grpc_code":14,"http_code":503,"message":"etcdserver: no leader","http_status":"Service Unavailable"}})");
        QVERIFY(!r.message);
        QVERIFY(r.error.detail.contains(u"no leader"_s));

        r = Etcd::parseWatchMessage("<html>");
        QVERIFY(!r.message);
        QCOMPARE(r.error.code, Code::NotJson);

        r = Etcd::parseWatchMessage(R"({"events":[]})");
        QVERIFY(!r.message);
        QCOMPARE(r.error.code, Code::UnexpectedShape);
    }

    // Odd fields are noted and skipped; the rest of the message is kept.
    void oddEventsAreSkippedWithAWarning()
    {
        const auto r = Etcd::parseWatchMessage(
            R"({"result":{"events":[{"type":"COMPACT","kv":{"key":"L2E="}},{"kv":{"key":"not base64!"}},7,{"type":"DELETE"},{"type":"DELETE","kv":{"key":"L2I="}}]}})");
        QVERIFY(r.message);
        QCOMPARE(r.message->events.size(), 2);
        QVERIFY(r.message->events.at(0).key.isEmpty()); // the key that was not base64
        QCOMPARE(r.message->events.at(1).key, QByteArray("/b"));
        QCOMPARE(r.warnings.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestEtcdWatch)
#include "tst_etcdwatch.moc"
