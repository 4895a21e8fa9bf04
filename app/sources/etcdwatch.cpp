#include "app/sources/etcdwatch.h"

#include <QNetworkProxy>
#include <QSslSocket>

using namespace Qt::StringLiterals;
using Cluster::SourceError;

namespace Sources {

EtcdWatch::EtcdWatch(const QList<QUrl>& clientUrls, QObject* parent)
    : QObject(parent)
    , m_urls(clientUrls)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EtcdWatch::connectNow);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        failed(SourceError { SourceError::Code::Timeout, QString(),
            u"etcd did not confirm the watch within %1 ms"_s.arg(m_deadlineMs), 0 });
    });
}

EtcdWatch::~EtcdWatch()
{
    closeSocket();
}

QUrl EtcdWatch::endpoint() const
{
    return m_urls.isEmpty() ? QUrl() : m_urls.at(m_urlIndex % m_urls.size());
}

void EtcdWatch::watch(const QByteArray& key)
{
    if (m_urls.isEmpty() || key.isEmpty())
        return;
    if (!m_stopped && key == m_key)
        return;
    m_key = key;
    m_stopped = false;
    m_retryMs = firstRetryMs;
    m_retry.stop();
    connectNow();
}

void EtcdWatch::stop()
{
    m_stopped = true;
    m_retry.stop();
    closeSocket();
}

void EtcdWatch::endpointFailed(const QUrl& url)
{
    if (m_stopped || !m_socket
        || url.adjusted(QUrl::StripTrailingSlash) != endpoint().adjusted(QUrl::StripTrailingSlash))
        return;
    failed(SourceError { SourceError::Code::NetworkError, QString(),
        u"etcd reports %1 unhealthy or unreachable: watching through another member"_s.arg(url.toDisplayString()), 0 });
}

void EtcdWatch::closeSocket()
{
    m_deadline.stop();
    const bool was = m_created;
    m_created = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (was)
        Q_EMIT watchingChanged(false);
}

void EtcdWatch::connectNow()
{
    closeSocket();
    if (m_stopped)
        return;
    const QUrl url = endpoint();
    const bool https = url.scheme() == u"https"_s;
    m_stream = Etcd::WatchStream();
    ++m_connections;
    m_socket = new QSslSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    const QByteArray body = Etcd::watchRequestBody(m_key);
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    QByteArray base = url.path(QUrl::FullyEncoded).toUtf8();
    while (base.endsWith('/'))
        base.chop(1);
    const QByteArray request = "POST " + base + "/v3/watch HTTP/1.1\r\nHost: " + host + ':'
        + QByteArray::number(url.port(https ? 443 : 80))
        + "\r\nUser-Agent: patroni-console/" PATRONI_CONSOLE_VERSION
          "\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QSslSocket* socket = m_socket;
    connect(socket, &QSslSocket::readyRead, this, &EtcdWatch::readAvailable);
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
        if (socket != m_socket)
            return;
        const SourceError::Code code = e == QAbstractSocket::ConnectionRefusedError
            ? SourceError::Code::ConnectionRefused
            : e == QAbstractSocket::HostNotFoundError       ? SourceError::Code::HostNotFound
            : e == QAbstractSocket::RemoteHostClosedError   ? SourceError::Code::ConnectionReset
            : e == QAbstractSocket::SslHandshakeFailedError ? SourceError::Code::TlsError
                                                            : SourceError::Code::NetworkError;
        failed(SourceError { code, QString(), socket->errorString(), 0 });
    });
    if (https) {
        m_socket->setSslConfiguration(m_ssl.value_or(QSslConfiguration::defaultConfiguration()));
        m_socket->setPeerVerifyName(url.host());
        connect(socket, &QSslSocket::encrypted, this, [socket, request] { socket->write(request); });
        m_socket->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    } else {
        connect(socket, &QAbstractSocket::connected, this, [socket, request] { socket->write(request); });
        m_socket->connectToHost(url.host(), quint16(url.port(80)));
    }
    m_deadline.start(m_deadlineMs);
}

void EtcdWatch::readAvailable()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const QList<QByteArray> lines = m_stream.feed(bytes);
    for (const QByteArray& line : lines) {
        const Etcd::WatchMessageParseResult parsed = Etcd::parseWatchMessage(line);
        if (!parsed.message) {
            failed(parsed.error);
            return;
        }
        const Etcd::WatchMessage& message = *parsed.message;
        if (message.canceled) {
            failed(SourceError { SourceError::Code::UnexpectedShape, QString(),
                u"etcd cancelled the watch"_s
                    + (message.cancelReason.isEmpty() ? QString() : u": "_s + message.cancelReason.left(200)),
                0 });
            return;
        }
        if (message.created && !m_created) {
            m_created = true;
            m_deadline.stop();
            m_retryMs = firstRetryMs;
            m_lastError = {};
            Q_EMIT watchingChanged(true);
        }
        for (const Etcd::WatchEvent& event : message.events) {
            if (event.key != m_key)
                continue;
            ++m_events;
            Q_EMIT keyChanged(event.value, event.type == Etcd::WatchEvent::Type::Delete, at);
            if (!m_socket)
                return; // a receiver stopped the watch
        }
    }
    if (m_stream.failed()) {
        failed(m_stream.error());
    } else if (m_stream.ended()) {
        failed(SourceError { SourceError::Code::ConnectionReset, QString(), u"etcd ended the watch's stream"_s, 0 });
    }
}

void EtcdWatch::failed(const SourceError& error)
{
    m_lastError = error;
    m_lastError.source = u"etcd watch "_s + endpoint().toDisplayString();
    closeSocket();
    ++m_urlIndex; // the next member: this one may be the problem
    scheduleRetry();
}

void EtcdWatch::scheduleRetry()
{
    if (m_stopped)
        return;
    m_retry.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, maxRetryMs);
}

} // namespace Sources
