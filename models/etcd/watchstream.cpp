#include "models/etcd/watchstream.h"

#include "models/patroni/jsonreader.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using Patroni::JsonReader;

namespace Etcd {

namespace {

    QByteArray decodeBase64(const JsonReader& r, QLatin1StringView key)
    {
        const std::optional<QString> text = r.string(key);
        if (!text)
            return {};
        const auto decoded = QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            r.warn(key, u"is not base64"_s);
            return {};
        }
        return *decoded;
    }

} // namespace

WatchMessageParseResult parseWatchMessage(QByteArrayView line)
{
    WatchMessageParseResult result;
    const auto root = Patroni::parseObject(line, &result.error, &result.warnings);
    if (!root)
        return result;
    if (root->value("error"_L1).isObject()) {
        // The gateway's failure: {"error":{"grpc_code":14,"http_code":503,"message":"…"}}.
        const QJsonObject e = root->value("error"_L1).toObject();
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        result.error.detail = u"etcd ended the watch: "_s + e.value("message"_L1).toString().left(200);
        return result;
    }
    const auto object = JsonReader(*root, u"watch"_s, &result.warnings).object("result"_L1);
    if (!object) {
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        result.error.detail = u"no \"result\" object in a watch message"_s;
        return result;
    }
    const JsonReader r(*object, u"result"_s, &result.warnings);
    WatchMessage message;
    if (const auto header = r.object("header"_L1)) {
        const JsonReader h(*header, u"header"_s, &result.warnings);
        message.header.revision = h.integer("revision"_L1);
        message.header.raftTerm = h.integer("raft_term"_L1);
    }
    message.created = r.boolean("created"_L1).value_or(false);
    message.canceled = r.boolean("canceled"_L1).value_or(false);
    message.cancelReason = r.string("cancel_reason"_L1).value_or(QString());
    message.compactRevision = r.integer("compact_revision"_L1);
    const QJsonValue events = object->value("events"_L1);
    if (!events.isUndefined() && !events.isNull() && !events.isArray())
        r.warn("events"_L1, u"is not an array"_s);
    const QJsonArray array = events.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString context = u"events["_s + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            result.warnings.append(context + u" is not an object: ignored"_s);
            continue;
        }
        const JsonReader e(array.at(i).toObject(), context, &result.warnings);
        WatchEvent event;
        // The gateway leaves out an enum's default: no "type" is a PUT.
        const QString type = e.string("type"_L1).value_or(u"PUT"_s);
        if (type == u"DELETE"_s) {
            event.type = WatchEvent::Type::Delete;
        } else if (type != u"PUT"_s) {
            e.warn("type"_L1, u"is neither PUT nor DELETE: ignored"_s);
            continue;
        }
        const auto kv = e.object("kv"_L1);
        if (!kv) {
            result.warnings.append(context + u" has no \"kv\": ignored"_s);
            continue;
        }
        const JsonReader k(*kv, context + u".kv"_s, &result.warnings);
        event.key = decodeBase64(k, "key"_L1);
        if (event.type == WatchEvent::Type::Put)
            event.value = decodeBase64(k, "value"_L1);
        event.modRevision = k.integer("mod_revision"_L1);
        message.events.append(std::move(event));
    }
    result.message = std::move(message);
    return result;
}

QByteArray leaderKey(const QString& dcsNamespace, const QString& scope)
{
    QString path = u"/"_s + (dcsNamespace.isEmpty() ? u"service"_s : dcsNamespace) + u'/' + scope + u"/leader"_s;
    static const QRegularExpression slashes(u"/+"_s);
    path.replace(slashes, u"/"_s);
    return path.toUtf8();
}

QByteArray watchRequestBody(const QByteArray& key)
{
    return "{\"create_request\":{\"key\":\"" + key.toBase64() + "\"}}";
}

void WatchStream::fail(Cluster::SourceError::Code code, const QString& detail)
{
    m_state = State::Failed;
    m_error.code = code;
    m_error.detail = detail;
    m_error.httpStatus = m_status;
    m_pending.clear();
    m_line.clear();
}

bool WatchStream::readHeaders(QList<QByteArray>* lines)
{
    const qsizetype end = m_pending.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_pending.size() > maxHeaderBytes)
            fail(Cluster::SourceError::Code::UnexpectedShape,
                u"the watch's response headers are longer than %1 bytes"_s.arg(maxHeaderBytes));
        return false;
    }
    if (end > maxHeaderBytes) {
        fail(Cluster::SourceError::Code::UnexpectedShape,
            u"the watch's response headers are longer than %1 bytes"_s.arg(maxHeaderBytes));
        return false;
    }
    const QList<QByteArray> headerLines = m_pending.first(end).split('\n');
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> status = headerLines.first().trimmed().split(' ');
    bool ok = false;
    m_status = status.size() >= 2 && status.first().startsWith("HTTP/1.") ? status.at(1).toInt(&ok) : 0;
    if (!ok || m_status < 100 || m_status > 999) {
        m_status = 0;
        fail(Cluster::SourceError::Code::UnexpectedShape,
            u"the answer to a watch is not HTTP: "_s + Cluster::bodyHead(m_pending.first(end)));
        return false;
    }
    if (m_status != 200) {
        fail(m_status == 401 || m_status == 403 ? Cluster::SourceError::Code::AuthFailed
                                                : Cluster::SourceError::Code::HttpStatus,
            u"the watch was answered with HTTP %1"_s.arg(m_status));
        return false;
    }
    bool chunked = false;
    for (qsizetype i = 1; i < headerLines.size(); ++i) {
        const QByteArray line = headerLines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            chunked = line.sliced(colon + 1).trimmed().toLower().contains("chunked");
    }
    const QByteArray rest = m_pending.sliced(end + 4);
    m_pending.clear();
    m_state = chunked ? State::ChunkSize : State::Plain;
    addBodyBytes(rest, lines);
    return true;
}

void WatchStream::addBodyBytes(QByteArrayView bytes, QList<QByteArray>* lines)
{
    // The chunked framing first: what is left is the body, cut into lines.
    while (!bytes.isEmpty() && m_state != State::Failed && m_state != State::Ended) {
        QByteArrayView data;
        switch (m_state) {
        case State::ChunkSize: {
            const qsizetype newline = bytes.indexOf('\n');
            const QByteArrayView piece = newline < 0 ? bytes : bytes.first(newline);
            if (m_pending.size() + piece.size() > 256) {
                fail(Cluster::SourceError::Code::UnexpectedShape, u"a chunk size line of the watch is too long"_s);
                return;
            }
            m_pending.append(piece);
            if (newline < 0)
                return;
            bytes = bytes.sliced(newline + 1);
            QByteArray sizeText = m_pending.trimmed();
            m_pending.clear();
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon); // chunk extensions
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || sizeText.trimmed().size() > 15) {
                fail(Cluster::SourceError::Code::UnexpectedShape,
                    u"a chunk size of the watch is not hexadecimal: "_s + Cluster::bodyHead(sizeText));
                return;
            }
            if (size == 0) {
                m_state = State::Ended;
                return;
            }
            m_chunkLeft = size;
            m_state = State::ChunkData;
            continue;
        }
        case State::ChunkData: {
            const qsizetype take = qsizetype(std::min<qint64>(m_chunkLeft, bytes.size()));
            data = bytes.first(take);
            bytes = bytes.sliced(take);
            m_chunkLeft -= take;
            if (m_chunkLeft == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            // The CRLF after a chunk's data.
            const qsizetype newline = bytes.indexOf('\n');
            if (newline < 0) {
                if (!bytes.trimmed().isEmpty()) {
                    fail(Cluster::SourceError::Code::UnexpectedShape, u"a chunk of the watch does not end its line"_s);
                    return;
                }
                return;
            }
            if (!bytes.first(newline).trimmed().isEmpty()) {
                fail(Cluster::SourceError::Code::UnexpectedShape, u"a chunk of the watch is longer than it said"_s);
                return;
            }
            bytes = bytes.sliced(newline + 1);
            m_state = State::ChunkSize;
            continue;
        }
        case State::Plain:
            data = bytes;
            bytes = {};
            break;
        case State::Headers:
        case State::Ended:
        case State::Failed:
            return;
        }
        // Lines of the body.
        while (!data.isEmpty()) {
            const qsizetype newline = data.indexOf('\n');
            const QByteArrayView piece = newline < 0 ? data : data.first(newline);
            if (m_line.size() + piece.size() > maxLineBytes) {
                fail(Cluster::SourceError::Code::BodyTooLarge,
                    u"a message of the watch is longer than %1 bytes"_s.arg(maxLineBytes));
                return;
            }
            m_line.append(piece);
            if (newline < 0)
                break;
            data = data.sliced(newline + 1);
            if (!m_line.trimmed().isEmpty())
                lines->append(m_line);
            m_line.clear();
        }
    }
}

QList<QByteArray> WatchStream::feed(QByteArrayView bytes)
{
    QList<QByteArray> lines;
    if (m_state == State::Failed || m_state == State::Ended || bytes.isEmpty())
        return lines;
    if (m_state == State::Headers) {
        m_pending.append(bytes);
        readHeaders(&lines);
        return lines;
    }
    addBodyBytes(bytes, &lines);
    return lines;
}

} // namespace Etcd
