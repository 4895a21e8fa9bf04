#pragma once

#include "models/cluster/sourceerror.h"
#include "models/etcd/etcdparser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

// etcd's watch through its v3 JSON gateway: `POST /v3/watch` with {"create_request": {...}} answers
// with one HTTP response that never ends, a chunked body of JSON messages, one per line:
//   {"result":{"header":{…,"revision":"31"},"created":true}}
//   {"result":{"header":{…},"events":[{"kv":{"key":"<base64>","value":"<base64>",…}}]}}   (a PUT)
//   {"result":{"header":{…},"events":[{"type":"DELETE","kv":{"key":"<base64>",…}}]}}
//   {"error":{"grpc_code":…,"http_code":…,"message":"…","http_status":"…"}}
// Pure: no I/O, no clock; the socket side is Sources::EtcdWatch.
namespace Etcd {

struct WatchEvent {
    enum class Type { Put, Delete };
    Type type = Type::Put;
    QByteArray key;
    QByteArray value; // empty for a deletion
    std::optional<qint64> modRevision;
    friend bool operator==(const WatchEvent&, const WatchEvent&) = default;
};

struct WatchMessage {
    ResponseHeader header;
    bool created = false; // the watch is in place: events from here on
    bool canceled = false; // etcd ended the watch (cancelReason says why; compaction, …)
    QString cancelReason;
    std::optional<qint64> compactRevision;
    QList<WatchEvent> events;
    friend bool operator==(const WatchMessage&, const WatchMessage&) = default;
};

struct WatchMessageParseResult {
    std::optional<WatchMessage> message;
    Cluster::SourceError error; // NotJson, UnexpectedShape, or the gateway's {"error": …} in detail
    QStringList warnings;
};

// One line of the stream.
WatchMessageParseResult parseWatchMessage(QByteArrayView line);

// The leader key of a Patroni cluster: Patroni joins its `namespace` (default "/service") and `scope`
// with '/' and collapses repeated slashes ("/service/", "batman" → "/service/batman/leader").
QByteArray leaderKey(const QString& dcsNamespace, const QString& scope);

// The body of a watch request: {"create_request":{"key":"<base64 of key>"}}.
QByteArray watchRequestBody(const QByteArray& key);

// The response of a watch request as its bytes arrive, in pieces of any size: the status line and
// headers, then the body (chunked, or plain until the peer closes), cut into lines. Bounded: headers
// over maxHeaderBytes, a line over maxLineBytes, a malformed chunk size or a status other than 200 end
// the stream with an error; nothing grows without limit whatever the peer sends.
class WatchStream {
public:
    static constexpr qsizetype maxHeaderBytes = 16 * 1024;
    static constexpr qsizetype maxLineBytes = 1024 * 1024;

    // The complete lines (messages) these bytes finished, in order. After an error, nothing more.
    QList<QByteArray> feed(QByteArrayView bytes);

    bool headersDone() const { return m_state != State::Headers; }
    bool failed() const { return m_state == State::Failed; }
    // The peer's last chunk (size 0) arrived: the watch is over (a proxy's timeout, a restart).
    bool ended() const { return m_state == State::Ended; }
    int httpStatus() const { return m_status; }
    const Cluster::SourceError& error() const { return m_error; }

private:
    enum class State { Headers, ChunkSize, ChunkData, ChunkDataEnd, Plain, Ended, Failed };
    void fail(Cluster::SourceError::Code code, const QString& detail);
    bool readHeaders(QList<QByteArray>* lines);
    void addBodyBytes(QByteArrayView bytes, QList<QByteArray>* lines);

    State m_state = State::Headers;
    QByteArray m_pending; // bytes not yet consumed: a partial header block or chunk-size line
    QByteArray m_line; // the body's current line, not yet ended by '\n'
    qint64 m_chunkLeft = 0;
    int m_status = 0;
    Cluster::SourceError m_error;
};

} // namespace Etcd
