#include "app/postgres/asyncconnection.h"

#include "models/postgres/libpqerror.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <QSocketNotifier>

#include <libpq-fe.h>

#include <clocale>
#include <locale.h>
#include <vector>

using namespace Qt::StringLiterals;
using Code = Cluster::SourceError::Code;

namespace Postgres {

namespace {

    // Server notices would otherwise go to stderr, libpq's default.
    void ignoreNotice(void*, const char*)
    {
    }

    // libpq's and the C library's messages in English while libpq runs, whatever the user's locale:
    // models/postgres/libpqerror.cpp classifies them by their English text ("Connection refused",
    // "server closed the connection unexpectedly"), and Debian ships German, French… catalogues of
    // both. Thread-local (uselocale), so nothing else in the process sees the change. The sentence
    // the DBA reads is ours (describe()), translated on its own.
    class EnglishMessages final {
    public:
        EnglishMessages()
            : m_previous(uselocale(cLocale()))
        {
        }
        ~EnglishMessages() { uselocale(m_previous); }
        EnglishMessages(const EnglishMessages&) = delete;
        EnglishMessages& operator=(const EnglishMessages&) = delete;

    private:
        static locale_t cLocale()
        {
            static const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
            return c ? c : LC_GLOBAL_LOCALE;
        }
        locale_t m_previous;
    };

} // namespace

AsyncConnection::AsyncConnection(QObject* parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer); // sub-second deadlines: a coarse timer may be 5% late
    connect(&m_deadline, &QTimer::timeout, this, &AsyncConnection::handleDeadline);
}

AsyncConnection::~AsyncConnection()
{
    release();
}

int AsyncConnection::serverVersion() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK ? PQserverVersion(m_conn) : 0;
}

int AsyncConnection::backendPid() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK ? PQbackendPID(m_conn) : 0;
}

Cluster::SourceError AsyncConnection::errorFrom(Code code, const QString& detail) const
{
    Cluster::SourceError e;
    e.code = code;
    e.source = m_params.sourceName();
    e.detail = detail;
    return e;
}

Cluster::SourceError AsyncConnection::errorFromLibpq() const
{
    const QString message = m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)) : QString();
    const LibpqError parsed = classifyLibpqMessage(message);
    return errorFrom(parsed.code == Code::None ? Code::NetworkError : parsed.code, parsed.detail);
}

void AsyncConnection::open(const ConnectionParams& params)
{
    release();
    m_params = params;
    m_result = {};
    m_clock.start();
    m_deadlineMs = params.connectDeadlineMs;
    m_deadline.start(m_deadlineMs);

    const QString host = params.host.trimmed();
    QHostAddress address;
    if (host.isEmpty() || host.startsWith(u'/') || address.setAddress(host)) {
        // An address or a Unix socket directory: nothing to resolve.
        startConnect(address.isNull() ? QStringList() : QStringList { address.toString() });
        return;
    }
    m_state = State::Resolving;
    const quint64 generation = m_generation;
    m_lookupId = QHostInfo::lookupHost(
        host, this, [this, generation](const QHostInfo& info) { handleHostResolved(info, generation); });
}

void AsyncConnection::handleHostResolved(const QHostInfo& info, quint64 generation)
{
    if (generation != m_generation || m_state != State::Resolving)
        return;
    m_lookupId = -1;
    QStringList addresses;
    for (const QHostAddress& a : info.addresses()) {
        if (addresses.size() < 4) // libpq tries them in turn, within our one deadline
            addresses.append(a.toString());
    }
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        failConnect(errorFrom(Code::HostNotFound, info.errorString()));
        return;
    }
    startConnect(addresses);
}

void AsyncConnection::startConnect(const QStringList& addresses)
{
    const EnglishMessages english;
    m_state = State::Connecting;
    // Kept alive until PQconnectStartParams has copied them.
    std::vector<QByteArray> keys;
    std::vector<QByteArray> values;
    auto add = [&](const char* key, const QString& value) {
        if (value.isEmpty())
            return;
        keys.emplace_back(key);
        values.push_back(value.toUtf8());
    };
    const QString host = m_params.host.trimmed();
    if (!addresses.isEmpty()) {
        // libpq pairs the i-th host with the i-th hostaddr; host stays the name for TLS verify-full.
        QStringList hosts;
        for (qsizetype i = 0; i < addresses.size(); ++i)
            hosts.append(host);
        add("host", hosts.join(u','));
        add("hostaddr", addresses.join(u','));
    } else {
        add("host", host);
    }
    add("port", QString::number(m_params.port));
    add("dbname", m_params.dbname);
    add("user", m_params.user);
    add("password", m_params.password);
    add("sslmode", m_params.sslmode);
    add("sslrootcert", m_params.sslrootcert);
    // GSSAPI encryption is tried first by default when a Kerberos cache exists, and its ticket lookup
    // can block on a KDC; nobody runs Patroni clusters behind it in this console's world.
    add("gssencmode", u"disable"_s);
    add("application_name", m_params.applicationName);
    add("client_encoding", u"UTF8"_s);
    // The console asks replicas on purpose: a PGTARGETSESSIONATTRS=read-write in the user's
    // environment must not turn every replica probe into a failure.
    add("target_session_attrs", u"any"_s);

    std::vector<const char*> keyPtrs;
    std::vector<const char*> valuePtrs;
    for (size_t i = 0; i < keys.size(); ++i) {
        keyPtrs.push_back(keys[i].constData());
        valuePtrs.push_back(values[i].constData());
    }
    keyPtrs.push_back(nullptr);
    valuePtrs.push_back(nullptr);

    m_conn = PQconnectStartParams(keyPtrs.data(), valuePtrs.data(), 0);
    if (!m_conn) {
        failConnectLater(errorFrom(Code::NetworkError, u"libpq could not allocate a connection"_s));
        return;
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    // Verbose: errors the server sends while we connect carry their SQLSTATE (28P01, 3D000), so we can
    // classify them without reading translated text.
    PQsetErrorVerbosity(m_conn, PQERRORS_VERBOSE);
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        // Refused on the loopback, a missing socket file, a bad option: libpq knows at once.
        failConnectLater(errorFromLibpq());
        return;
    }
    // libpq's protocol: behave as if PQconnectPoll had returned PGRES_POLLING_WRITING.
    if (!watch(false, true))
        failConnectLater(errorFromLibpq());
}

void AsyncConnection::failConnectLater(const Cluster::SourceError& error)
{
    // connectFailed() never comes out of open(): callers connect their slots after calling it too.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, error] {
        if (generation == m_generation && m_state == State::Connecting)
            failConnect(error);
    });
}

void AsyncConnection::pollConnect()
{
    const EnglishMessages english;
    switch (PQconnectPoll(m_conn)) {
    case PGRES_POLLING_READING:
        if (!watch(true, false))
            failConnect(errorFromLibpq());
        return;
    case PGRES_POLLING_WRITING:
        if (!watch(false, true))
            failConnect(errorFromLibpq());
        return;
    case PGRES_POLLING_OK: {
        // Non-blocking from now on: PQsendQuery and PQfinish's farewell never wait for the socket.
        PQsetnonblocking(m_conn, 1);
        m_deadline.stop();
        m_state = State::Ready;
        if (!watch(true, false)) {
            failConnect(errorFromLibpq());
            return;
        }
        Q_EMIT connected(m_clock.elapsed());
        return;
    }
    case PGRES_POLLING_FAILED:
    default:
        failConnect(errorFromLibpq());
        return;
    }
}

void AsyncConnection::failConnect(const Cluster::SourceError& error)
{
    release();
    m_state = State::Closed;
    Q_EMIT connectFailed(error);
}

bool AsyncConnection::query(const QString& sql, const QStringList& parameters, int deadlineMs)
{
    const EnglishMessages english;
    if (m_state != State::Ready || !m_conn)
        return false;
    m_result = {};
    m_result.error.source = m_params.sourceName();
    m_resultIsCopy = false;
    m_state = State::Busy;
    m_clock.start();
    m_deadlineMs = deadlineMs < 0 ? m_params.queryDeadlineMs : deadlineMs;
    m_deadline.start(m_deadlineMs);

    std::vector<QByteArray> utf8;
    utf8.reserve(size_t(parameters.size()));
    for (const QString& p : parameters)
        utf8.push_back(p.toUtf8());
    std::vector<const char*> values;
    for (qsizetype i = 0; i < parameters.size(); ++i)
        values.push_back(parameters.at(i).isNull() ? nullptr : utf8[size_t(i)].constData());

    const QByteArray statement = sql.toUtf8();
    if (!PQsendQueryParams(m_conn, statement.constData(), int(values.size()), nullptr,
            values.empty() ? nullptr : values.data(), nullptr, nullptr, 0)) {
        // The connection broke while idle and nobody noticed yet; report it the usual way, later.
        const Cluster::SourceError error = errorFromLibpq();
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation, error] {
            if (generation != m_generation || m_state != State::Busy)
                return;
            m_result.error = error;
            if (m_result.error.code == Code::PostgresError || m_result.error.code == Code::NetworkError)
                m_result.error.code = Code::ConnectionReset;
            finishQuery();
        });
        return true;
    }
    flushOutput();
    return true;
}

void AsyncConnection::flushOutput()
{
    const EnglishMessages english;
    const int r = PQflush(m_conn);
    if (r < 0) {
        readResults(); // libpq has an error result for us now
        return;
    }
    // 1: more to send; wait for the socket to drain, and keep reading (the server may answer first).
    if (!watch(true, r == 1))
        readResults();
}

void AsyncConnection::handleReadable()
{
    const EnglishMessages english;
    switch (m_state) {
    case State::Connecting:
        pollConnect();
        return;
    case State::Busy:
        PQconsumeInput(m_conn); // a failure leaves an error result for PQgetResult
        if (m_conn && PQstatus(m_conn) == CONNECTION_OK && PQisnonblocking(m_conn))
            PQflush(m_conn);
        readResults();
        return;
    case State::Ready: {
        // Idle: the server speaks only to say goodbye (or to report a parameter change).
        if (!PQconsumeInput(m_conn) || PQstatus(m_conn) != CONNECTION_OK) {
            Cluster::SourceError error = errorFromLibpq();
            if (error.code == Code::PostgresError || error.code == Code::NetworkError)
                error.code = Code::ConnectionReset;
            release();
            m_state = State::Closed;
            Q_EMIT connectionLost(error);
            return;
        }
        while (PGnotify* n = PQnotifies(m_conn))
            PQfreemem(n);
        watch(true, false);
        return;
    }
    case State::Idle:
    case State::Resolving:
    case State::Closed:
        dropNotifiers();
        return;
    }
}

void AsyncConnection::handleWritable()
{
    const EnglishMessages english;
    switch (m_state) {
    case State::Connecting:
        pollConnect();
        return;
    case State::Busy:
        flushOutput();
        return;
    case State::Ready:
        watch(true, false);
        return;
    case State::Idle:
    case State::Resolving:
    case State::Closed:
        dropNotifiers();
        return;
    }
}

void AsyncConnection::readResults()
{
    const EnglishMessages english;
    while (m_conn && !PQisBusy(m_conn)) {
        PGresult* res = PQgetResult(m_conn);
        if (!res) {
            finishQuery();
            return;
        }
        switch (PQresultStatus(res)) {
        case PGRES_TUPLES_OK:
        case PGRES_SINGLE_TUPLE:
        case PGRES_COMMAND_OK: {
            m_result.commandTag = QString::fromUtf8(PQcmdStatus(res));
            const int nColumns = PQnfields(res);
            const int nRows = PQntuples(res);
            m_result.columns.clear();
            for (int c = 0; c < nColumns; ++c)
                m_result.columns.append(QString::fromUtf8(PQfname(res, c)));
            m_result.rows.clear();
            m_result.rows.reserve(nRows);
            for (int r = 0; r < nRows; ++r) {
                QVariantList row;
                row.reserve(nColumns);
                for (int c = 0; c < nColumns; ++c) {
                    if (PQgetisnull(res, r, c))
                        row.append(QVariant());
                    else
                        row.append(QString::fromUtf8(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
                }
                m_result.rows.append(row);
            }
            break;
        }
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
            // libpq would keep returning this result until the COPY is driven; we do not speak COPY.
            m_resultIsCopy = true;
            break;
        default: {
            if (m_result.error.isError())
                break; // the first error is the cause; later ones are consequences
            const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
            const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
            if (state && primary) {
                m_result.sqlState = QString::fromLatin1(state);
                m_result.error = errorFrom(codeForSqlState(m_result.sqlState),
                    QString::fromUtf8(primary) + u" (SQLSTATE "_s + m_result.sqlState + u')');
            } else {
                // Raised by libpq itself: the connection dropped, or the server sent nonsense.
                const LibpqError parsed = classifyLibpqMessage(QString::fromUtf8(PQresultErrorMessage(res)));
                m_result.error = errorFrom(
                    parsed.code == Code::PostgresError || parsed.code == Code::None ? Code::NetworkError : parsed.code,
                    parsed.detail);
            }
            break;
        }
        }
        PQclear(res);
        if (m_resultIsCopy) {
            m_result.error = errorFrom(Code::UnexpectedShape, u"COPY is not supported; connection closed"_s);
            release(); // the only way out of COPY without driving it
            finishQuery();
            return;
        }
    }
    // Still busy: wait for more input (and drain output if libpq has some left).
    if (m_conn && !watch(true, PQisnonblocking(m_conn) && PQflush(m_conn) == 1)) {
        if (!m_result.error.isError())
            m_result.error = errorFromLibpq();
        release();
        finishQuery();
    }
}

void AsyncConnection::finishQuery()
{
    m_deadline.stop();
    m_result.elapsedMs = m_clock.elapsed();
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        if (!m_result.error.isError())
            m_result.error = errorFrom(Code::ConnectionReset, u"the connection closed during the statement"_s);
        release();
        m_state = State::Closed;
    } else {
        m_state = State::Ready;
        watch(true, false);
    }
    const QueryResult result = std::exchange(m_result, QueryResult {});
    Q_EMIT queryFinished(result);
}

QString AsyncConnection::connectStage() const
{
    if (m_state == State::Resolving)
        return u"resolving the host name"_s;
    if (!m_conn)
        return QString();
    switch (PQstatus(m_conn)) {
    case CONNECTION_STARTED:
        return u"waiting for the TCP connection"_s;
    case CONNECTION_MADE:
        return u"sending the startup packet"_s;
    case CONNECTION_SSL_STARTUP:
        return u"negotiating TLS"_s;
    case CONNECTION_GSS_STARTUP:
        return u"negotiating GSSAPI encryption"_s;
    case CONNECTION_AWAITING_RESPONSE:
        return u"waiting for the server's answer"_s;
    case CONNECTION_AUTH_OK:
        return u"waiting for the server to finish startup"_s;
    case CONNECTION_CHECK_WRITABLE:
    case CONNECTION_CHECK_TARGET:
    case CONNECTION_CHECK_STANDBY:
        return u"checking the server's role"_s;
    default:
        return u"connecting"_s;
    }
}

void AsyncConnection::handleDeadline()
{
    const EnglishMessages english;
    switch (m_state) {
    case State::Resolving:
    case State::Connecting: {
        const Cluster::SourceError error
            = errorFrom(Code::Timeout, u"not connected after %1 ms, stuck %2"_s.arg(m_deadlineMs).arg(connectStage()));
        failConnect(error);
        return;
    }
    case State::Busy:
        // Abandon rather than cancel: PQcancel() opens a second connection synchronously and would block
        // the thread (the non-blocking PQcancelStart arrived only in libpq 17). The server notices the
        // closed socket when it next writes to it.
        m_result.error = errorFrom(Code::Timeout, u"no result after %1 ms; connection abandoned"_s.arg(m_deadlineMs));
        release();
        finishQuery();
        return;
    case State::Idle:
    case State::Ready:
    case State::Closed:
        return;
    }
}

bool AsyncConnection::watch(bool read, bool write)
{
    const int fd = m_conn ? PQsocket(m_conn) : -1;
    if (fd < 0) {
        dropNotifiers();
        return false;
    }
    if (fd != m_fd) {
        // libpq opened a new socket (next address, TLS fallback): the old notifiers watch a dead fd.
        dropNotifiers();
        m_fd = fd;
        m_readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
        m_writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &AsyncConnection::handleReadable);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &AsyncConnection::handleWritable);
    }
    m_readNotifier->setEnabled(read);
    m_writeNotifier->setEnabled(write);
    return true;
}

void AsyncConnection::dropNotifiers()
{
    // Disabled before libpq closes the fd, deleted later: this may run inside their own activated().
    for (QSocketNotifier** n : { &m_readNotifier, &m_writeNotifier }) {
        if (*n) {
            (*n)->setEnabled(false);
            (*n)->disconnect(this);
            (*n)->deleteLater();
            *n = nullptr;
        }
    }
    m_fd = -1;
}

void AsyncConnection::release()
{
    ++m_generation;
    m_deadline.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    dropNotifiers();
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

void AsyncConnection::close()
{
    release();
    m_result = {};
    if (m_state != State::Idle)
        m_state = State::Closed;
}

void queryOnce(const ConnectionParams& params, const QString& sql, const QStringList& parameters, QObject* context,
    std::function<void(const OneShotResult&)> done)
{
    auto* conn = new AsyncConnection(context);
    auto out = std::make_shared<OneShotResult>();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto finish = std::make_shared<std::function<void(const OneShotResult&)>>(std::move(done));
    // Detach before calling back: `done` may destroy `context`, and with it a child still in its signal.
    auto deliver = [conn, out, clock, finish] {
        out->totalMs = clock->elapsed();
        conn->close();
        conn->setParent(nullptr);
        conn->deleteLater();
        (*finish)(*out);
    };
    QObject::connect(conn, &AsyncConnection::connected, conn, [conn, out, sql, parameters, deliver](qint64 ms) {
        out->connected = true;
        out->connectMs = ms;
        out->serverVersion = conn->serverVersion();
        if (!conn->query(sql, parameters)) {
            out->result.error.code = Code::ConnectionReset;
            out->result.error.source = conn->sourceName();
            deliver();
        }
    });
    QObject::connect(conn, &AsyncConnection::connectFailed, conn, [out, clock, deliver](const Cluster::SourceError& e) {
        out->connectMs = clock->elapsed();
        out->result.error = e;
        deliver();
    });
    QObject::connect(conn, &AsyncConnection::queryFinished, conn, [out, deliver](const QueryResult& r) {
        out->result = r;
        deliver();
    });
    conn->open(params);
}

QString libpqVersion()
{
    const int v = PQlibVersion();
    return v >= 100000 ? QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000)
                       : QStringLiteral("%1.%2.%3").arg(v / 10000).arg(v / 100 % 100).arg(v % 100);
}

} // namespace Postgres
