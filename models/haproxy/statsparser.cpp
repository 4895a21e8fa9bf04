#include "models/haproxy/statsparser.h"

#include <cstring>
#include <functional>

#include "models/cluster/sourceerror.h"

#include <QHash>

#include <limits>

using namespace Qt::StringLiterals;

namespace Haproxy {

namespace {

    // A garbage body can produce a warning per field; keep the list readable.
    constexpr qsizetype MaxWarnings = 100;

    class Warnings {
    public:
        explicit Warnings(QStringList* list)
            : m_list(list)
        {
        }
        void add(const QString& text)
        {
            if (m_list->size() < MaxWarnings)
                m_list->append(text);
            else
                ++m_dropped;
        }
        void finish()
        {
            if (m_dropped)
                m_list->append(QString::number(m_dropped) + u" more warnings not shown"_s);
        }

    private:
        QStringList* m_list;
        qsizetype m_dropped = 0;
    };

    // HAProxy's CSV (doc/management.txt 9.1): comma-separated; a field is put in double quotes only
    // when it holds a quote or a comma, and a quote inside is doubled. Lines end with "\n" (we also
    // accept "\r\n"); a quoted field may span lines.
    class CsvReader {
    public:
        explicit CsvReader(QByteArrayView data)
            : m_data(data)
        {
        }
        bool atEnd() const { return m_pos >= m_data.size(); }
        // The 1-based line the next record starts on (a quoted field may span lines).
        qsizetype line() const { return m_newlines + 1; }
        // Reads one record. *terminated is false when the data ended before the record's end of line
        // (or inside a quoted field): such a record may be cut off.
        // Unquoted fields (all of HAProxy's) are handed out as views of the body, without a copy
        // (QByteArray::fromRawData): they live only while the body does, i.e. during the parse.
        void next(QList<QByteArray>* fields, bool* terminated)
        {
            fields->clear();
            const qsizetype size = m_data.size();
            while (true) {
                QByteArray quoted;
                bool wasQuoted = false;
                if (m_pos < size && m_data[m_pos] == '"') {
                    wasQuoted = true;
                    ++m_pos;
                    bool closed = false;
                    while (m_pos < size) {
                        const char c = m_data[m_pos++];
                        if (c != '"') {
                            if (c == '\n')
                                ++m_newlines;
                            quoted += c;
                        } else if (m_pos < size && m_data[m_pos] == '"') {
                            quoted += '"';
                            ++m_pos;
                        } else {
                            closed = true;
                            break;
                        }
                    }
                    if (!closed) {
                        fields->append(quoted);
                        *terminated = false;
                        return;
                    }
                }
                const qsizetype end = fieldEnd(m_pos);
                qsizetype length = end - m_pos;
                if (end < size && m_data[end] == '\n' && length > 0 && m_data[end - 1] == '\r')
                    --length; // CRLF: the \r is the line's end, not the field's
                const QByteArray plain = QByteArray::fromRawData(m_data.data() + m_pos, length);
                fields->append(wasQuoted ? quoted + plain : plain);
                m_pos = end;
                if (m_pos >= size) {
                    *terminated = false;
                    return;
                }
                if (m_data[m_pos++] == '\n') {
                    ++m_newlines;
                    *terminated = true;
                    return;
                }
            }
        }

    private:
        // Where the unquoted field starting at `from` ends: the next ',' or '\n', or the end of the data.
        // memchr rather than a loop over the bytes: a stats page is ~10 KB read every poll.
        qsizetype fieldEnd(qsizetype from) const
        {
            if (from >= m_data.size())
                return m_data.size();
            const char* begin = m_data.data() + from;
            const auto left = static_cast<std::size_t>(m_data.size() - from);
            const auto* comma = static_cast<const char*>(std::memchr(begin, ',', left));
            const std::size_t untilComma = comma ? static_cast<std::size_t>(comma - begin) : left;
            const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', untilComma));
            return from + (newline ? newline - begin : static_cast<qsizetype>(untilComma));
        }

        QByteArrayView m_data;
        qsizetype m_pos = 0;
        qsizetype m_newlines = 0;
    };

    // Where each column we use sits in this HAProxy's header; -1 when absent.
    struct Columns {
        int pxname = -1, svname = -1, type = -1, status = -1;
        int checkStatus = -1, checkCode = -1, checkDuration = -1, checkDesc = -1, lastChk = -1;
        int scur = -1, smax = -1, stot = -1, lastchg = -1, downtime = -1, act = -1, chkfail = -1, chkdown = -1;
        int addr = -1, checkRise = -1, checkFall = -1, checkHealth = -1;

        explicit Columns(const QHash<QString, int>& index)
        {
            const auto at = [&index](const char* name) { return index.value(QString::fromLatin1(name), -1); };
            pxname = at("pxname");
            svname = at("svname");
            type = at("type");
            status = at("status");
            checkStatus = at("check_status");
            checkCode = at("check_code");
            checkDuration = at("check_duration");
            checkDesc = at("check_desc");
            lastChk = at("last_chk");
            scur = at("scur");
            smax = at("smax");
            stot = at("stot");
            lastchg = at("lastchg");
            downtime = at("downtime");
            act = at("act");
            chkfail = at("chkfail");
            chkdown = at("chkdown");
            addr = at("addr");
            checkRise = at("check_rise");
            checkFall = at("check_fall");
            checkHealth = at("check_health");
        }
    };

    class FieldReader {
    public:
        // The context ("line 7 (primary/patroni1)") is built only when there is something to say.
        FieldReader(const QList<QByteArray>& fields, const QStringList& names, std::function<QString()> context,
            Warnings* warnings)
            : m_fields(fields)
            , m_names(names)
            , m_context(std::move(context))
            , m_warnings(warnings)
        {
        }

        QByteArray raw(int column) const
        {
            return column >= 0 && column < m_fields.size() ? m_fields.at(column) : QByteArray();
        }
        QString text(int column) const { return QString::fromUtf8(raw(column)); }
        std::optional<qint64> integer(int column) const
        {
            const QByteArray value = raw(column).trimmed();
            if (value.isEmpty())
                return std::nullopt;
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (ok)
                return n;
            warn(column, u"is not an integer"_s);
            return std::nullopt;
        }
        std::optional<int> smallInteger(int column) const
        {
            const auto n = integer(column);
            if (!n)
                return std::nullopt;
            if (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) {
                warn(column, u"is out of range"_s);
                return std::nullopt;
            }
            return int(*n);
        }
        void warn(int column, const QString& what) const
        {
            const QString name = column >= 0 && column < m_names.size() ? m_names.at(column) : QString();
            QString value = QString::fromUtf8(raw(column).left(40));
            m_warnings->add(m_context() + u' ' + name + u" \""_s + value + u"\" "_s + what);
        }

    private:
        const QList<QByteArray>& m_fields;
        const QStringList& m_names;
        std::function<QString()> m_context;
        Warnings* m_warnings;
    };

    RowType typeFromName(const QString& svname)
    {
        if (svname == u"FRONTEND"_s)
            return RowType::Frontend;
        if (svname == u"BACKEND"_s)
            return RowType::Backend;
        return RowType::Server;
    }

} // namespace

Status parseStatus(QStringView text)
{
    Status s;
    QStringView t = text.trimmed();
    if (const qsizetype open = t.indexOf(u'('); open >= 0) {
        QStringView inside = t.sliced(open + 1);
        if (const qsizetype close = inside.indexOf(u')'); close >= 0)
            inside = inside.first(close);
        s.qualifier = inside.trimmed().toString();
        t = t.first(open).trimmed();
    }
    const qsizetype space = t.indexOf(u' ');
    const QStringView word = space < 0 ? t : t.first(space);
    const QStringView rest = space < 0 ? QStringView() : t.sliced(space + 1).trimmed();

    if (word.compare(u"no"_s, Qt::CaseInsensitive) == 0 && rest.compare(u"check"_s, Qt::CaseInsensitive) == 0) {
        s.state = State::NoCheck;
        return s;
    }
    static const struct {
        QStringView word;
        State state;
    } words[] = {
        { u"UP", State::Up },
        { u"DOWN", State::Down },
        { u"MAINT", State::Maint },
        { u"DRAIN", State::Drain },
        { u"NOLB", State::NoLb },
        { u"OPEN", State::Open },
    };
    for (const auto& w : words) {
        if (word.compare(w.word, Qt::CaseInsensitive) == 0) {
            s.state = w.state;
            break;
        }
    }
    if (s.state == State::Unknown || rest.isEmpty())
        return s;

    // "UP 1/3": n of m checks on the way to the other state.
    const qsizetype slash = rest.indexOf(u'/');
    if (slash <= 0)
        return s;
    bool okStep = false;
    bool okSteps = false;
    const int step = rest.first(slash).toInt(&okStep);
    const int steps = rest.sliced(slash + 1).toInt(&okSteps);
    if (!okStep || !okSteps || step < 0 || steps <= 0)
        return s;
    s.step = step;
    s.steps = steps;
    if (s.state == State::Down)
        s.comingUp = true;
    else
        s.goingDown = true;
    return s;
}

const Row* Stats::backend(QStringView proxy) const
{
    for (const Row& row : rows) {
        if (row.type == RowType::Backend && row.proxy == proxy)
            return &row;
    }
    return nullptr;
}

const Row* Stats::server(QStringView proxy, QStringView name) const
{
    for (const Row& row : rows) {
        if (row.type == RowType::Server && row.proxy == proxy && row.name == name)
            return &row;
    }
    return nullptr;
}

QList<const Row*> Stats::servers(QStringView proxy) const
{
    QList<const Row*> result;
    for (const Row& row : rows) {
        if (row.type == RowType::Server && row.proxy == proxy)
            result.append(&row);
    }
    return result;
}

QStringList Stats::upServers(QStringView proxy) const
{
    QStringList result;
    for (const Row* row : servers(proxy)) {
        if (row->takesNewConnections())
            result.append(row->name);
    }
    return result;
}

StatsParseResult parseStatsCsv(QByteArrayView body)
{
    StatsParseResult result;
    Warnings warnings(&result.warnings);

    // Skip a UTF-8 byte order mark and leading blank space: neither is HAProxy's, both are harmless.
    qsizetype start = body.startsWith("\xef\xbb\xbf") ? 3 : 0;
    while (start < body.size()
        && (body[start] == ' ' || body[start] == '\t' || body[start] == '\r' || body[start] == '\n'))
        ++start;
    const QByteArrayView data = body.sliced(start);
    if (data.isEmpty()) {
        result.error.code = Cluster::SourceError::Code::NotCsv;
        result.error.detail = u"empty body"_s;
        return result;
    }
    if (data.front() == '<') {
        result.error.code = Cluster::SourceError::Code::NotCsv;
        result.error.detail = u"an HTML page; body starts: "_s + Cluster::bodyHead(data);
        return result;
    }
    if (data.front() != '#') {
        result.error.code = Cluster::SourceError::Code::NotCsv;
        result.error.detail = u"no header line starting with \"# \"; body starts: "_s + Cluster::bodyHead(data);
        return result;
    }

    // The header: "# pxname,svname,...," — the names locate the columns.
    qsizetype headerStart = 1;
    while (headerStart < data.size() && data[headerStart] == ' ')
        ++headerStart;
    CsvReader reader(data.sliced(headerStart));
    QList<QByteArray> fields;
    bool terminated = false;
    reader.next(&fields, &terminated);
    Stats stats;
    QHash<QString, int> index;
    for (int i = 0; i < fields.size(); ++i) {
        const QString name = QString::fromUtf8(fields.at(i)).trimmed();
        stats.columns.append(name);
        if (name.isEmpty())
            continue;
        if (index.contains(name)) {
            warnings.add(u"header: column \""_s + name + u"\" appears twice: the first is used"_s);
            continue;
        }
        index.insert(name, i);
    }
    // Every HAProxy line ends with a comma: the header's last "name" is empty.
    while (!stats.columns.isEmpty() && stats.columns.constLast().isEmpty())
        stats.columns.removeLast();

    QStringList missing;
    for (const auto* required : { "pxname", "svname", "status" }) {
        if (!index.contains(QString::fromLatin1(required)))
            missing.append(QString::fromLatin1(required));
    }
    if (!terminated && reader.atEnd() && missing.isEmpty()) {
        // The body stops inside the header: its last name may be cut, but what we found is usable.
        warnings.add(u"header: no end of line; the body may be cut off"_s);
    }
    if (!missing.isEmpty()) {
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        result.error.detail = u"the header lacks the column(s) "_s + missing.join(u", "_s) + u"; header starts: "_s
            + Cluster::bodyHead(data);
        warnings.finish();
        return result;
    }
    const Columns col(index);
    const qsizetype headerFields = fields.size();

    while (!reader.atEnd()) {
        const qsizetype line = reader.line();
        reader.next(&fields, &terminated);
        if (fields.size() == 1 && fields.constFirst().trimmed().isEmpty())
            continue; // blank line
        const auto where = [line]() -> QString { return u"line "_s + QString::number(line); };
        if (fields.constFirst().startsWith('#')) {
            warnings.add(where() + u": a second header line: ignored"_s);
            continue;
        }
        if (!terminated && fields.size() < headerFields) {
            // The body ended mid-line (a cut transfer): any field of it may be cut; trust none.
            warnings.add(where() + u": cut off after "_s + QString::number(fields.size()) + u" of "_s
                + QString::number(headerFields) + u" fields: ignored"_s);
            continue;
        }
        if (fields.size() < headerFields) {
            warnings.add(where() + u": "_s + QString::number(fields.size()) + u" fields where the header has "_s
                + QString::number(headerFields) + u": missing ones treated as empty"_s);
        }

        Row row;
        row.proxy = QString::fromUtf8(col.pxname < fields.size() ? fields.at(col.pxname) : QByteArray());
        row.name = QString::fromUtf8(col.svname < fields.size() ? fields.at(col.svname) : QByteArray());
        if (row.proxy.isEmpty() || row.name.isEmpty()) {
            warnings.add(where() + u": no pxname or svname: ignored"_s);
            continue;
        }
        const FieldReader f(
            fields, stats.columns,
            [&where, &row]() -> QString { return where() + u" ("_s + row.proxy + u'/' + row.name + u')'; }, &warnings);

        const auto type = col.type >= 0 ? f.integer(col.type) : std::nullopt;
        if (type && *type >= 0 && *type <= 3) {
            row.type = static_cast<RowType>(*type);
        } else {
            if (type)
                f.warn(col.type, u"is not a known type: guessed from svname"_s);
            row.type = typeFromName(row.name);
        }
        row.statusText = f.text(col.status);
        row.status = parseStatus(row.statusText);

        QString check = f.text(col.checkStatus).trimmed();
        if (check.startsWith(u"* "_s)) {
            row.checkInProgress = true;
            check = check.sliced(2).trimmed();
        }
        row.checkStatus = check;
        row.checkCode = f.smallInteger(col.checkCode);
        row.checkDurationMs = f.integer(col.checkDuration);
        row.checkDesc = f.text(col.checkDesc);
        row.lastCheck = f.text(col.lastChk);
        row.scur = f.integer(col.scur);
        row.smax = f.integer(col.smax);
        row.stot = f.integer(col.stot);
        row.lastChangeSecs = f.integer(col.lastchg);
        row.downtimeSecs = f.integer(col.downtime);
        row.act = f.integer(col.act);
        row.chkfail = f.integer(col.chkfail);
        row.chkdown = f.integer(col.chkdown);
        row.addr = f.text(col.addr);
        row.checkRise = f.smallInteger(col.checkRise);
        row.checkFall = f.smallInteger(col.checkFall);
        row.checkHealth = f.smallInteger(col.checkHealth);
        stats.rows.append(std::move(row));
    }
    warnings.finish();
    result.stats = std::move(stats);
    return result;
}

} // namespace Haproxy
