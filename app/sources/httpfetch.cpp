#include "app/sources/httpfetch.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <QSocketNotifier>
#include <QSslError>
#include <QSslSocket>
#include <QUrl>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Cluster::SourceError;

namespace Sources {

namespace {

    // English, whatever the locale: these end up in messages next to our own words.
    QString errnoText(int e)
    {
        switch (e) {
        case ECONNREFUSED:
            return u"Connection refused"_s;
        case ECONNRESET:
            return u"Connection reset by peer"_s;
        case EHOSTUNREACH:
            return u"No route to host"_s;
        case ENETUNREACH:
            return u"Network is unreachable"_s;
        case ETIMEDOUT:
            return u"Connection timed out"_s;
        case EPIPE:
            return u"Broken pipe"_s;
        case EADDRNOTAVAIL:
            return u"Cannot assign requested address"_s;
        case EMFILE:
        case ENFILE:
            return u"Too many open files"_s;
        default:
            return u"socket error %1"_s.arg(e);
        }
    }

    SourceError::Code codeForErrno(int e)
    {
        switch (e) {
        case ECONNREFUSED:
            return SourceError::Code::ConnectionRefused;
        case ECONNRESET:
        case EPIPE:
            return SourceError::Code::ConnectionReset;
        case ETIMEDOUT:
            return SourceError::Code::Timeout;
        default:
            return SourceError::Code::NetworkError;
        }
    }

    // De-chunks a body sent with Transfer-Encoding: chunked (a server that answers an HTTP/1.0 request
    // that way breaks the rules, but the console should not break with it).
    std::optional<QByteArray> dechunk(const QByteArray& in)
    {
        QByteArray out;
        qsizetype pos = 0;
        while (pos < in.size()) {
            const qsizetype eol = in.indexOf("\r\n", pos);
            if (eol < 0)
                return std::nullopt;
            bool ok = false;
            const qint64 size = in.mid(pos, eol - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return std::nullopt;
            pos = eol + 2;
            if (size == 0)
                return out;
            if (size > in.size() - pos) // (never pos + size: a huge size must not overflow)
                return std::nullopt;
            out.append(in.mid(pos, size));
            pos += size + 2;
        }
        return std::nullopt;
    }

} // namespace

// One request: resolve, connect, send, read until the peer closes (or Content-Length is reached),
// parse, deliver once. Lives under the client; deletes itself when done.
class Exchange final : public QObject {
public:
    Exchange(HttpClient* client, const QUrl& url, const FetchOptions& options, QObject* context,
        std::function<void(const FetchResult&)> done)
        : QObject(client)
        , m_client(client)
        , m_url(url)
        , m_options(options)
        , m_context(context)
        , m_done(std::move(done))
    {
        m_clock.start();
        m_request = requestBytes();
        // A dying context takes its pending requests with it, without a callback.
        connect(context, &QObject::destroyed, this, [this] { finish({}, false); });
    }

    ~Exchange() override
    {
        if (m_lookupId >= 0)
            QHostInfo::abortHostLookup(m_lookupId);
        closeSocket();
    }

    void start()
    {
        const QString scheme = m_url.scheme();
        if (scheme != u"http"_s && scheme != u"https"_s) {
            failLater(SourceError::Code::NetworkError, u"not an http(s) URL"_s);
            return;
        }
        if (scheme == u"https"_s) {
            startTls();
            return;
        }
        QHostAddress literal;
        if (literal.setAddress(m_url.host())) {
            m_addresses = { literal };
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (!m_finished)
                        connectNext();
                },
                Qt::QueuedConnection);
            return;
        }
        m_lookupId = QHostInfo::lookupHost(m_url.host(), this, [this](const QHostInfo& info) {
            m_lookupId = -1;
            if (m_finished)
                return;
            m_addresses = info.addresses();
            if (info.error() != QHostInfo::NoError || m_addresses.isEmpty()) {
                fail(SourceError::Code::HostNotFound, info.errorString());
                return;
            }
            connectNext();
        });
    }

    bool expiredAt(qint64 nowMs) const { return nowMs - m_startedAtMs >= m_options.deadlineMs; }
    void setStartedAt(qint64 ms) { m_startedAtMs = ms; }

    void expire() { fail(SourceError::Code::Timeout, u"no complete answer after %1 ms"_s.arg(m_options.deadlineMs)); }

private:
    QByteArray requestBytes() const
    {
        QByteArray path = m_url.path(QUrl::FullyEncoded).toUtf8();
        if (path.isEmpty())
            path = "/";
        if (m_url.hasQuery())
            path += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
        QByteArray host = m_url.host(QUrl::FullyEncoded).toUtf8();
        if (host.contains(':'))
            host = '[' + host + ']';
        const int defaultPort = m_url.scheme() == u"https"_s ? 443 : 80;
        if (m_url.port(defaultPort) != defaultPort)
            host += ':' + QByteArray::number(m_url.port());
        const QByteArray method = !m_options.method.isEmpty() ? m_options.method
            : m_options.postJson                              ? QByteArray("POST")
                                                              : QByteArray("GET");
        QByteArray r = method + ' ' + path + " HTTP/1.0\r\nHost: " + host
            + "\r\nAccept: application/json, text/plain;q=0.5\r\nUser-Agent: patroni-console/" PATRONI_CONSOLE_VERSION
              "\r\nConnection: close\r\n";
        if (m_options.basicAuth)
            r += "Authorization: Basic "
                + (m_options.basicAuth->user + u':' + m_options.basicAuth->password).toUtf8().toBase64() + "\r\n";
        if (m_options.postJson)
            r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(m_options.postJson->size())
                + "\r\n\r\n" + *m_options.postJson;
        else
            r += "\r\n";
        return r;
    }

    // --- plain http over a non-blocking socket of our own

    void connectNext()
    {
        closeSocket();
        if (m_next >= m_addresses.size()) {
            fail(codeForErrno(m_lastErrno), errnoText(m_lastErrno));
            return;
        }
        const QHostAddress address = m_addresses.at(m_next++);
        sockaddr_storage sa {};
        socklen_t len = 0;
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto* in6 = reinterpret_cast<sockaddr_in6*>(&sa);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(quint16(m_url.port(80)));
            const Q_IPV6ADDR a = address.toIPv6Address();
            memcpy(&in6->sin6_addr, &a, sizeof a);
            in6->sin6_scope_id = address.scopeId().toUInt();
            len = sizeof(sockaddr_in6);
        } else {
            auto* in4 = reinterpret_cast<sockaddr_in*>(&sa);
            in4->sin_family = AF_INET;
            in4->sin_port = htons(quint16(m_url.port(80)));
            in4->sin_addr.s_addr = htonl(address.toIPv4Address());
            len = sizeof(sockaddr_in);
        }
        m_fd = ::socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            fail(SourceError::Code::NetworkError, errnoText(errno));
            return;
        }
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&sa), len) != 0 && errno != EINPROGRESS) {
            m_lastErrno = errno;
            connectNext(); // the next address, or the failure
            return;
        }
        m_connecting = true;
        // On loopback (and often on a LAN) the handshake is over when connect() returns: send at once
        // and watch only for the answer. Otherwise wait until the socket is writable.
        if (trySendNow())
            return;
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, [this] { writable(); });
    }

    // true when the whole request went out and the answer is being awaited.
    bool trySendNow()
    {
        const ssize_t n = ::send(m_fd, m_request.constData(), size_t(m_request.size()), MSG_NOSIGNAL);
        if (n < 0) {
            const int e = errno;
            if (e == EAGAIN || e == EWOULDBLOCK || e == ENOTCONN || e == EINPROGRESS)
                return false; // still connecting: the write notifier says when
            // The connection failed (the error is reported once: SO_ERROR would now say nothing).
            m_lastErrno = e;
            connectNext();
            return true;
        }
        if (n != m_request.size()) {
            m_written = n;
            return false; // a partial write: the write notifier sends the rest
        }
        m_connecting = false;
        m_written = n;
        watchForAnswer();
        return true;
    }

    void watchForAnswer()
    {
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, [this] { readable(); });
    }

    void writable()
    {
        if (m_connecting) {
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0) {
                m_lastErrno = err;
                connectNext();
                return;
            }
            m_connecting = false;
        }
        while (m_written < m_request.size()) {
            const ssize_t n
                = ::send(m_fd, m_request.constData() + m_written, size_t(m_request.size() - m_written), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    return; // the notifier calls again
                fail(codeForErrno(errno), errnoText(errno));
                return;
            }
            m_written += n;
        }
        m_writeNotifier->setEnabled(false);
        m_writeNotifier->deleteLater();
        m_writeNotifier = nullptr;
        watchForAnswer();
    }

    void readable()
    {
        char chunk[16384];
        while (true) {
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n > 0) {
                if (!append(QByteArrayView(chunk, n)))
                    return;
                continue;
            }
            if (n == 0) {
                complete();
                return;
            }
            const int e = errno; // before anything else can change it
            if (e == EAGAIN || e == EWOULDBLOCK)
                return;
            if (e == EINTR)
                continue;
            // A reset after a whole answer is still an answer (some servers reset instead of closing).
            if (e == ECONNRESET && answerComplete()) {
                complete();
                return;
            }
            fail(codeForErrno(e), errnoText(e));
            return;
        }
    }

    void closeSocket()
    {
        if (m_readNotifier) {
            m_readNotifier->setEnabled(false);
            delete m_readNotifier;
            m_readNotifier = nullptr;
        }
        if (m_writeNotifier) {
            m_writeNotifier->setEnabled(false);
            delete m_writeNotifier;
            m_writeNotifier = nullptr;
        }
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        if (m_ssl) {
            m_ssl->disconnect(this);
            m_ssl->abort();
            m_ssl->deleteLater();
            m_ssl = nullptr;
        }
    }

    // --- https through QSslSocket, with the profile's CAs and client certificate

    void startTls()
    {
        m_ssl = new QSslSocket(this);
        m_ssl->setSslConfiguration(m_options.ssl.value_or(QSslConfiguration::defaultConfiguration()));
        m_ssl->setPeerVerifyName(m_url.host());
        connect(m_ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& e : errors)
                m_sslErrors.append(e.errorString());
        });
        connect(m_ssl, &QSslSocket::encrypted, this, [this] { m_ssl->write(m_request); });
        connect(m_ssl, &QSslSocket::readyRead, this, [this] { append(m_ssl->readAll()); });
        connect(m_ssl, &QSslSocket::disconnected, this, [this] { complete(); });
        connect(m_ssl, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            switch (e) {
            case QAbstractSocket::RemoteHostClosedError:
                complete(); // an HTTP/1.0 server closes after its answer
                return;
            case QAbstractSocket::ConnectionRefusedError:
                fail(SourceError::Code::ConnectionRefused, m_ssl->errorString());
                return;
            case QAbstractSocket::HostNotFoundError:
                fail(SourceError::Code::HostNotFound, m_ssl->errorString());
                return;
            case QAbstractSocket::SslHandshakeFailedError:
            case QAbstractSocket::SslInvalidUserDataError:
            case QAbstractSocket::SslInternalError:
                fail(SourceError::Code::TlsError,
                    m_sslErrors.isEmpty() ? m_ssl->errorString() : m_sslErrors.join(u"; "_s));
                return;
            default:
                fail(SourceError::Code::NetworkError, m_ssl->errorString());
                return;
            }
        });
        m_ssl->connectToHostEncrypted(m_url.host(), quint16(m_url.port(443)));
    }

    // --- the answer

    // false when the exchange ended (too large).
    bool append(QByteArrayView data)
    {
        m_buffer.append(data);
        // Headers are small; the cap is on the body (with room for the headers).
        if (m_buffer.size() > m_options.maxBodyBytes + 65536) {
            fail(SourceError::Code::BodyTooLarge, u"over %1 bytes"_s.arg(m_options.maxBodyBytes));
            return false;
        }
        if (answerComplete()) {
            complete();
            return false;
        }
        return true;
    }

    // Headers in, and as many body bytes as Content-Length says (without it: until the peer closes).
    bool answerComplete()
    {
        if (m_headerEnd < 0) {
            m_headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (m_headerEnd < 0)
                return false;
            m_headerEnd += 4;
            for (const QByteArray& line : m_buffer.left(m_headerEnd).split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length") {
                    bool ok = false;
                    m_contentLength = value.toLongLong(&ok);
                    if (!ok)
                        m_contentLength = -1;
                } else if (name == "location") {
                    m_location = QString::fromUtf8(value);
                } else if (name == "transfer-encoding") {
                    m_chunked = value.toLower().contains("chunked");
                }
            }
        }
        return !m_chunked && m_contentLength >= 0 && m_buffer.size() - m_headerEnd >= m_contentLength;
    }

    void complete()
    {
        if (m_finished)
            return;
        if (m_buffer.isEmpty()) {
            fail(SourceError::Code::ConnectionReset, u"the server closed the connection without answering"_s);
            return;
        }
        if (!m_buffer.startsWith("HTTP/")) {
            fail(SourceError::Code::NetworkError, u"not an HTTP answer ("_s + Cluster::bodyHead(m_buffer) + u')');
            return;
        }
        answerComplete();
        if (m_headerEnd < 0) {
            fail(SourceError::Code::ConnectionReset, u"the answer ended inside its headers"_s);
            return;
        }
        FetchResult r;
        const QList<QByteArray> status = m_buffer.left(m_buffer.indexOf('\n')).trimmed().split(' ');
        r.httpStatus = status.value(1).toInt();
        QByteArray body = m_buffer.mid(m_headerEnd);
        if (m_chunked) {
            const auto plain = dechunk(body);
            if (!plain) {
                fail(SourceError::Code::NetworkError, u"a chunked answer that does not decode"_s);
                return;
            }
            body = *plain;
        } else if (m_contentLength >= 0) {
            if (body.size() < m_contentLength) {
                fail(SourceError::Code::ConnectionReset,
                    u"the answer ended after %1 of %2 bytes"_s.arg(body.size()).arg(m_contentLength));
                return;
            }
            body.truncate(m_contentLength);
        }
        r.error.source = m_options.sourceName;
        if (r.httpStatus >= 300 && r.httpStatus < 400) {
            r.error.code = SourceError::Code::Redirected;
            r.error.httpStatus = r.httpStatus;
            r.error.detail = u"to "_s + m_location;
        } else if (r.httpStatus == 401 || r.httpStatus == 403) {
            r.error.code = SourceError::Code::AuthFailed;
            r.error.httpStatus = r.httpStatus;
            r.body = body; // the server's reason ("not authenticated", "Access is denied")
        } else if (r.httpStatus >= 400 || r.httpStatus < 100) {
            r.error.code = SourceError::Code::HttpStatus;
            r.error.httpStatus = r.httpStatus;
            r.body = body;
        } else {
            r.body = body;
        }
        finish(r, true);
    }

    void fail(SourceError::Code code, const QString& detail)
    {
        FetchResult r;
        r.error.code = code;
        r.error.source = m_options.sourceName;
        r.error.detail = detail;
        finish(r, true);
    }

    // Failing before anything is under way: still never from inside fetch().
    void failLater(SourceError::Code code, const QString& detail)
    {
        QMetaObject::invokeMethod(
            this, [this, code, detail] { fail(code, detail); }, Qt::QueuedConnection);
    }

    void finish(FetchResult r, bool deliver)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_lookupId >= 0) {
            QHostInfo::abortHostLookup(m_lookupId);
            m_lookupId = -1;
        }
        closeSocket();
        m_client->remove(this);
        deleteLater();
        r.elapsedMs = m_clock.elapsed();
        if (deliver && m_context && m_done)
            m_client->deliver({ m_context, std::move(m_done), r });
    }

    HttpClient* m_client;
    QUrl m_url;
    FetchOptions m_options;
    QPointer<QObject> m_context;
    std::function<void(const FetchResult&)> m_done;
    QElapsedTimer m_clock;
    qint64 m_startedAtMs = 0;
    QByteArray m_request;
    qint64 m_written = 0;
    QByteArray m_buffer;
    qsizetype m_headerEnd = -1;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    QString m_location;
    QList<QHostAddress> m_addresses;
    qsizetype m_next = 0;
    int m_lastErrno = ECONNREFUSED;
    int m_lookupId = -1;
    int m_fd = -1;
    bool m_connecting = false;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QSslSocket* m_ssl = nullptr;
    QStringList m_sslErrors;
    bool m_finished = false;
};

namespace {
    QElapsedTimer& monotonic()
    {
        static QElapsedTimer clock = [] {
            QElapsedTimer t;
            t.start();
            return t;
        }();
        return clock;
    }
} // namespace

HttpClient::HttpClient(QObject* parent)
    : QObject(parent)
{
    // One timer for every deadline: a per-request timer would register and unregister with the event
    // dispatcher a thousand times a second, and Qt's timer list is linear.
    m_sweeper.setInterval(25);
    connect(&m_sweeper, &QTimer::timeout, this, &HttpClient::sweep);
}

HttpClient::~HttpClient()
{
    // Requests still running end silently with their client.
    const QList<Exchange*> active = m_active;
    for (Exchange* e : active)
        delete e;
}

void HttpClient::add(Exchange* exchange)
{
    exchange->setStartedAt(monotonic().elapsed());
    m_active.append(exchange);
    ++m_started;
    if (!m_sweeper.isActive())
        m_sweeper.start();
}

void HttpClient::remove(Exchange* exchange)
{
    m_active.removeOne(exchange);
}

void HttpClient::deliver(Delivery delivery)
{
    m_deliveries.push_back(std::move(delivery));
    if (!m_drainPosted) {
        m_drainPosted = true;
        QMetaObject::invokeMethod(this, &HttpClient::drain, Qt::QueuedConnection);
    }
}

void HttpClient::drain()
{
    m_drainPosted = false;
    QElapsedTimer slice;
    slice.start();
    while (!m_deliveries.empty()) {
        // Taken off first: a callback may start requests, and so queue deliveries.
        Delivery d = std::move(m_deliveries.front());
        m_deliveries.pop_front();
        if (d.context)
            d.done(d.result);
        if (slice.elapsed() >= sliceMs && !m_deliveries.empty()) {
            m_drainPosted = true;
            QMetaObject::invokeMethod(this, &HttpClient::drain, Qt::QueuedConnection);
            return;
        }
    }
}

void HttpClient::sweep()
{
    if (m_active.isEmpty()) {
        m_sweeper.stop();
        return;
    }
    const qint64 now = monotonic().elapsed();
    const QList<Exchange*> active = m_active; // expire() removes from m_active
    for (Exchange* e : active) {
        if (e->expiredAt(now))
            e->expire();
    }
}

void fetch(HttpClient* client, const QUrl& url, const FetchOptions& options, QObject* context,
    std::function<void(const FetchResult&)> done)
{
    auto* e = new Exchange(client, url, options, context, std::move(done));
    client->add(e);
    e->start();
}

} // namespace Sources
