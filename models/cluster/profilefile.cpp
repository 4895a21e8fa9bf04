#include "models/cluster/profilefile.h"
#include "models/cluster/translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    QString tr(const char* text)
    {
        return Cluster::translate(text);
    }

    // A JSON value with the line it starts on. QJsonDocument knows no lines and keeps only the last
    // of two equal keys; a person fixing a file needs both.
    struct Node {
        enum class Kind { Null, Bool, Number, String, Array, Object };
        struct Member;
        Kind kind = Kind::Null;
        int line = 1;
        bool boolean = false;
        double number = 0;
        QString string;
        QList<Node> items;
        QList<Member> members;
    };
    struct Node::Member {
        QString key;
        int line = 1;
        Node value;
    };

    QString kindName(Node::Kind k)
    {
        switch (k) {
        case Node::Kind::Null:
            return u"null"_s;
        case Node::Kind::Bool:
            return u"true or false"_s;
        case Node::Kind::Number:
            return u"a number"_s;
        case Node::Kind::String:
            return u"a string"_s;
        case Node::Kind::Array:
            return u"a list"_s;
        case Node::Kind::Object:
            return u"an object"_s;
        }
        return {};
    }

    class Reader {
        Q_DECLARE_TR_FUNCTIONS(Cluster::Reader) // the context lupdate gives its messages
    public:
        explicit Reader(QByteArrayView text)
            : m_text(QString::fromUtf8(text))
        {
        }

        // The whole text as one value, or nothing with *error set.
        std::optional<Node> read(ProfileFileError* error)
        {
            skipSpace();
            std::optional<Node> n = value(0);
            if (n) {
                skipSpace();
                if (m_pos < m_text.size())
                    fail(tr("unexpected text after the end of the JSON document"));
            }
            if (m_failed) {
                *error = m_error;
                return std::nullopt;
            }
            return n;
        }

    private:
        void fail(const QString& message)
        {
            if (m_failed)
                return;
            m_failed = true;
            m_error = { m_line, message };
        }

        void skipSpace()
        {
            while (m_pos < m_text.size()) {
                const QChar c = m_text.at(m_pos);
                if (c == u'\n')
                    ++m_line;
                else if (c != u' ' && c != u'\t' && c != u'\r')
                    break;
                ++m_pos;
            }
        }

        bool consume(QStringView word)
        {
            if (QStringView(m_text).mid(m_pos, word.size()) != word)
                return false;
            m_pos += word.size();
            return true;
        }

        std::optional<Node> value(int depth)
        {
            if (depth > 32) {
                fail(tr("nested too deeply"));
                return std::nullopt;
            }
            skipSpace();
            if (m_pos >= m_text.size()) {
                fail(tr("the file ends where a value should be"));
                return std::nullopt;
            }
            Node n;
            n.line = m_line;
            const QChar c = m_text.at(m_pos);
            if (c == u'{')
                return object(depth, n);
            if (c == u'[')
                return array(depth, n);
            if (c == u'"') {
                auto s = string();
                if (!s)
                    return std::nullopt;
                n.kind = Node::Kind::String;
                n.string = *s;
                return n;
            }
            if (consume(u"true")) {
                n.kind = Node::Kind::Bool;
                n.boolean = true;
                return n;
            }
            if (consume(u"false")) {
                n.kind = Node::Kind::Bool;
                return n;
            }
            if (consume(u"null"))
                return n;
            if (c == u'-' || c.isDigit()) {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size()
                    && (m_text.at(m_pos).isDigit() || QStringView(u"+-.eE").contains(m_text.at(m_pos))))
                    ++m_pos;
                bool ok = false;
                n.number = QStringView(m_text).mid(start, m_pos - start).toDouble(&ok);
                if (!ok || !std::isfinite(n.number)) {
                    fail(tr("\"%1\" is not a number").arg(m_text.mid(start, m_pos - start)));
                    return std::nullopt;
                }
                n.kind = Node::Kind::Number;
                return n;
            }
            fail(tr("unexpected character '%1'").arg(c));
            return std::nullopt;
        }

        std::optional<QString> string()
        {
            ++m_pos; // the opening quote
            QString out;
            while (m_pos < m_text.size()) {
                const QChar c = m_text.at(m_pos++);
                if (c == u'"')
                    return out;
                if (c == u'\n') {
                    fail(tr("a string runs past the end of its line (a missing quote?)"));
                    return std::nullopt;
                }
                if (c != u'\\') {
                    out.append(c);
                    continue;
                }
                if (m_pos >= m_text.size())
                    break;
                const QChar e = m_text.at(m_pos++);
                switch (e.unicode()) {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append(u'\b');
                    break;
                case 'f':
                    out.append(u'\f');
                    break;
                case 'n':
                    out.append(u'\n');
                    break;
                case 'r':
                    out.append(u'\r');
                    break;
                case 't':
                    out.append(u'\t');
                    break;
                case 'u': {
                    bool ok = false;
                    const ushort code = QStringView(m_text).mid(m_pos, 4).toUShort(&ok, 16);
                    if (!ok) {
                        fail(tr("a \\u escape needs four hexadecimal digits"));
                        return std::nullopt;
                    }
                    out.append(QChar(code));
                    m_pos += 4;
                    break;
                }
                default:
                    fail(tr("unknown escape \\%1 in a string").arg(e));
                    return std::nullopt;
                }
            }
            fail(tr("the file ends inside a string"));
            return std::nullopt;
        }

        std::optional<Node> array(int depth, Node n)
        {
            n.kind = Node::Kind::Array;
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u']') {
                ++m_pos;
                return n;
            }
            while (true) {
                auto item = value(depth + 1);
                if (!item)
                    return std::nullopt;
                n.items.append(*item);
                skipSpace();
                if (m_pos < m_text.size() && m_text.at(m_pos) == u',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text.at(m_pos) == u']') {
                    ++m_pos;
                    return n;
                }
                fail(tr("expected ',' or ']' in a list"));
                return std::nullopt;
            }
        }

        std::optional<Node> object(int depth, Node n)
        {
            n.kind = Node::Kind::Object;
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u'}') {
                ++m_pos;
                return n;
            }
            while (true) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text.at(m_pos) != u'"') {
                    fail(tr("expected a field name in quotes"));
                    return std::nullopt;
                }
                Node::Member m;
                m.line = m_line;
                auto key = string();
                if (!key)
                    return std::nullopt;
                m.key = *key;
                skipSpace();
                if (m_pos >= m_text.size() || m_text.at(m_pos) != u':') {
                    fail(tr("expected ':' after \"%1\"").arg(m.key));
                    return std::nullopt;
                }
                ++m_pos;
                auto v = value(depth + 1);
                if (!v)
                    return std::nullopt;
                m.value = *v;
                n.members.append(m);
                skipSpace();
                if (m_pos < m_text.size() && m_text.at(m_pos) == u',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text.at(m_pos) == u'}') {
                    ++m_pos;
                    return n;
                }
                fail(tr("expected ',' or '}' after the value of \"%1\"").arg(m.key));
                return std::nullopt;
            }
        }

        QString m_text;
        qsizetype m_pos = 0;
        int m_line = 1;
        bool m_failed = false;
        ProfileFileError m_error;
    };

    // A field that would hold a secret, whatever object it is in.
    bool looksSecret(const QString& key)
    {
        const QString k = key.toLower();
        return k.contains(u"password"_s) || k.contains(u"passwd"_s) || k.contains(u"secret"_s) || k.contains(u"token"_s)
            || k.contains(u"credential"_s) || k == u"key"_s || k == u"apikey"_s;
    }

    // Reads one object's fields into a profile, with every refusal said at its line.
    class ObjectReader {
        Q_DECLARE_TR_FUNCTIONS(Cluster::ObjectReader)
    public:
        ObjectReader(const Node& object, QString where, QList<ProfileFileError>* errors)
            : m_object(object)
            , m_where(std::move(where))
            , m_errors(errors)
        {
        }

        // Fields are handled by name; what is left afterwards is unknown.
        void string(const QString& key, const std::function<void(const QString&)>& set)
        {
            if (const Node* n = take(key, Node::Kind::String))
                set(n->string);
        }
        void integer(const QString& key, int* target)
        {
            if (const Node* n = take(key, Node::Kind::Number)) {
                if (n->number != std::floor(n->number) || n->number < -2147483648.0 || n->number > 2147483647.0)
                    error(n->line, tr("\"%1\" %2 must be a whole number").arg(key, m_where));
                else
                    *target = int(n->number);
            }
        }
        void boolean(const QString& key, bool* target)
        {
            if (const Node* n = take(key, Node::Kind::Bool))
                *target = n->boolean;
        }
        void urls(const QString& key, QList<QUrl>* target)
        {
            const Node* n = take(key, Node::Kind::Array);
            if (!n)
                return;
            target->clear();
            for (const Node& item : n->items) {
                if (item.kind != Node::Kind::String) {
                    error(item.line, tr("\"%1\" %2 must list URLs as strings").arg(key, m_where));
                    continue;
                }
                target->append(QUrl(item.string, QUrl::StrictMode));
            }
        }
        void object(const QString& key, const std::function<void(ObjectReader&)>& read)
        {
            if (const Node* n = take(key, Node::Kind::Object)) {
                ObjectReader inner(*n, m_where, m_errors);
                read(inner);
                inner.finish(key);
            }
        }
        // Unknown fields, secrets and repeated keys: refused, each at its line.
        void finish(const QString& objectName = {})
        {
            QHash<QString, int> seen;
            for (const Node::Member& m : m_object.members) {
                const auto first = seen.constFind(m.key);
                if (first != seen.constEnd()) {
                    error(m.line, tr("\"%1\" %2 is given twice (first on line %3)").arg(m.key, m_where).arg(*first));
                    continue;
                }
                seen.insert(m.key, m.line);
                if (m_used.contains(m.key))
                    continue;
                if (looksSecret(m.key))
                    error(m.line,
                        tr("\"%1\" %2: secrets never go in this file; store passwords in the system keychain "
                           "(the console asks for them) or, for scripts, in PATRONI_CONSOLE_<KIND>_PASSWORD")
                            .arg(m.key, m_where));
                else
                    error(m.line,
                        tr("unknown field \"%1\"%2 %3; the known ones are: %4")
                            .arg(m.key, objectName.isEmpty() ? QString() : tr(" in \"%1\"").arg(objectName), m_where,
                                m_known.join(u", "_s)));
            }
        }

        const QString& where() const { return m_where; }

    private:
        const Node* take(const QString& key, Node::Kind kind)
        {
            m_known.append(key);
            const Node* found = nullptr;
            for (const Node::Member& m : m_object.members) {
                if (m.key == key) {
                    found = &m.value;
                    break; // a second one is reported by finish()
                }
            }
            if (!found)
                return nullptr;
            m_used.insert(key);
            if (found->kind != kind) {
                error(found->line,
                    tr("\"%1\" %2 must be %3, not %4").arg(key, m_where, kindName(kind), kindName(found->kind)));
                return nullptr;
            }
            return found;
        }
        void error(int line, const QString& message) { m_errors->append({ line, message }); }

        const Node& m_object;
        QString m_where;
        QList<ProfileFileError>* m_errors;
        QSet<QString> m_used;
        QStringList m_known;
    };

    Profile readProfile(const Node& node, int index, QList<ProfileFileError>* errors)
    {
        Profile p;
        QString name;
        for (const Node::Member& m : node.members) {
            if (m.key == u"name"_s && m.value.kind == Node::Kind::String)
                name = m.value.string;
        }
        const QString where = name.isEmpty() ? tr("in profile #%1").arg(index + 1) : tr("in profile \"%1\"").arg(name);
        ObjectReader r(node, where, errors);
        r.string(u"name"_s, [&p](const QString& v) { p.name = v; });
        r.urls(u"patroniUrls"_s, &p.patroniUrls);
        r.string(u"haproxyStatsUrl"_s, [&p](const QString& v) { p.haproxyStatsUrl = QUrl(v, QUrl::StrictMode); });
        r.string(u"haproxyStatsUser"_s, [&p](const QString& v) { p.haproxyStatsUser = v; });
        r.urls(u"etcdUrls"_s, &p.etcdUrls);
        r.string(u"etcdNamespace"_s, [&p](const QString& v) { p.etcdNamespace = v; });
        r.string(u"patroniApiUser"_s, [&p](const QString& v) { p.patroniApiUser = v; });
        r.integer(u"requestDeadlineMs"_s, &p.requestDeadlineMs);
        r.object(u"postgres"_s, [&p](ObjectReader& o) {
            o.string(u"user"_s, [&p](const QString& v) { p.postgres.user = v; });
            o.string(u"dbname"_s, [&p](const QString& v) { p.postgres.dbname = v; });
            o.string(u"sslmode"_s, [&p](const QString& v) { p.postgres.sslmode = v; });
        });
        r.object(u"haproxyRoutes"_s, [&p](ObjectReader& o) {
            o.string(u"host"_s, [&p](const QString& v) { p.haproxyRoutes.host = v; });
            o.integer(u"primaryPort"_s, &p.haproxyRoutes.primaryPort);
            o.integer(u"replicasPort"_s, &p.haproxyRoutes.replicasPort);
            o.integer(u"anyPort"_s, &p.haproxyRoutes.anyPort);
            o.string(u"primaryProxy"_s, [&p](const QString& v) { p.haproxyRoutes.primaryProxy = v; });
            o.string(u"replicasProxy"_s, [&p](const QString& v) { p.haproxyRoutes.replicasProxy = v; });
            o.string(u"anyProxy"_s, [&p](const QString& v) { p.haproxyRoutes.anyProxy = v; });
        });
        r.object(u"tls"_s, [&p](ObjectReader& o) {
            o.string(u"caFile"_s, [&p](const QString& v) { p.tls.caFile = v; });
            o.string(u"clientCertFile"_s, [&p](const QString& v) { p.tls.clientCertFile = v; });
            o.string(u"clientKeyFile"_s, [&p](const QString& v) { p.tls.clientKeyFile = v; });
            o.boolean(u"verifyPeer"_s, &p.tls.verifyPeer);
        });
        r.object(u"intervals"_s, [&p](ObjectReader& o) {
            o.integer(u"patroniMs"_s, &p.intervals.patroniMs);
            o.integer(u"haproxyMs"_s, &p.intervals.haproxyMs);
            o.integer(u"etcdMs"_s, &p.intervals.etcdMs);
            o.integer(u"postgresMs"_s, &p.intervals.postgresMs);
        });
        r.finish();
        return p;
    }

} // namespace

QString profileFileSchema()
{
    return u"patroni-console/profiles/1"_s;
}

ProfileFileResult parseProfileFile(QByteArrayView text)
{
    ProfileFileResult out;
    ProfileFileError syntax;
    Reader reader(text);
    const std::optional<Node> root = reader.read(&syntax);
    if (!root) {
        out.errors.append({ syntax.line, tr("not valid JSON: %1").arg(syntax.message) });
        return out;
    }
    if (root->kind != Node::Kind::Object) {
        out.errors.append({ root->line,
            tr("the file must be one JSON object with \"schema\" and \"profiles\", not %1")
                .arg(kindName(root->kind)) });
        return out;
    }
    ObjectReader top(*root, tr("at the top of the file"), &out.errors);
    QString schema;
    top.string(u"schema"_s, [&schema](const QString& v) { schema = v; });
    const Node* list = nullptr;
    for (const Node::Member& m : root->members) {
        if (m.key == u"profiles"_s && !list)
            list = &m.value;
    }
    if (schema != profileFileSchema())
        out.errors.append({ root->line,
            schema.isEmpty()
                ? tr("\"schema\" is missing; a profiles file starts with \"schema\": \"%1\"").arg(profileFileSchema())
                : tr("\"schema\" is \"%1\"; this console reads \"%2\"").arg(schema, profileFileSchema()) });
    if (!list) {
        out.errors.append({ root->line, tr("\"profiles\" is missing: the list of clusters") });
    } else if (list->kind != Node::Kind::Array) {
        out.errors.append({ list->line, tr("\"profiles\" must be a list, not %1").arg(kindName(list->kind)) });
    } else {
        QHash<QString, int> names;
        for (int i = 0; i < list->items.size(); ++i) {
            const Node& item = list->items.at(i);
            if (item.kind != Node::Kind::Object) {
                out.errors.append(
                    { item.line, tr("profile #%1 must be an object, not %2").arg(i + 1).arg(kindName(item.kind)) });
                continue;
            }
            const qsizetype errorsBefore = out.errors.size();
            Profile p = readProfile(item, i, &out.errors);
            if (out.errors.size() == errorsBefore) {
                for (const QString& problem : validate(p))
                    out.errors.append({ item.line,
                        (p.name.isEmpty() ? tr("profile #%1").arg(i + 1) : tr("profile \"%1\"").arg(p.name)) + u": "_s
                            + problem });
            }
            if (!p.name.isEmpty()) {
                const auto first = names.constFind(p.name);
                if (first != names.constEnd())
                    out.errors.append({ item.line,
                        tr("a second profile is named \"%1\" (the first is on line %2); names must be unique")
                            .arg(p.name)
                            .arg(*first) });
                else
                    names.insert(p.name, item.line);
            }
            out.profiles.append(p);
        }
    }
    // Unknown and repeated top-level fields; "schema" and "profiles" were read above.
    QHash<QString, int> topSeen;
    for (const Node::Member& m : root->members) {
        const auto first = topSeen.constFind(m.key);
        if (first != topSeen.constEnd()) {
            out.errors.append({ m.line, tr("\"%1\" is given twice (first on line %2)").arg(m.key).arg(*first) });
            continue;
        }
        topSeen.insert(m.key, m.line);
        if (m.key == u"schema"_s || m.key == u"profiles"_s)
            continue;
        out.errors.append({ m.line,
            looksSecret(m.key)
                ? tr("\"%1\" at the top of the file: secrets never go in this file").arg(m.key)
                : tr("unknown field \"%1\" at the top of the file; the known ones are: schema, profiles").arg(m.key) });
    }
    std::stable_sort(out.errors.begin(), out.errors.end(),
        [](const ProfileFileError& a, const ProfileFileError& b) { return a.line < b.line; });
    if (!out.errors.isEmpty())
        out.profiles.clear(); // nothing half-usable
    return out;
}

QByteArray writeProfileFile(const QList<Profile>& profiles)
{
    // Written by hand, in the fields' natural order (name first), which QJsonDocument would sort away:
    // a person reads and edits this file.
    // Explicit QByteArray results: with QStringBuilder an `auto` result would hold references to
    // temporaries that are gone by the time it is used.
    const auto str = [](const QString& v) -> QByteArray {
        const QByteArray a = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
        return a.mid(1, a.size() - 2); // the JSON string, escaped, without the array's brackets
    };
    const auto urls = [&str](const QList<QUrl>& list) -> QByteArray {
        QByteArrayList parts;
        for (const QUrl& u : list)
            parts.append(str(u.toString(QUrl::FullyEncoded)));
        return "[" + parts.join(", ") + "]";
    };
    const auto num = [](int v) -> QByteArray { return QByteArray::number(v); };
    const auto boolean = [](bool v) -> QByteArray { return QByteArray(v ? "true" : "false"); };
    QByteArray out = "{\n  \"schema\": " + str(profileFileSchema()) + ",\n  \"profiles\": [";
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const Profile& p = profiles.at(i);
        const HaproxyRoutes& r = p.haproxyRoutes;
        out += QByteArray(i == 0 ? "\n" : ",\n") + "    {\n";
        out += "      \"name\": " + str(p.name) + ",\n";
        out += "      \"patroniUrls\": " + urls(p.patroniUrls) + ",\n";
        out += "      \"haproxyStatsUrl\": "
            + str(p.haproxyStatsUrl.isEmpty() ? QString() : p.haproxyStatsUrl.toString(QUrl::FullyEncoded)) + ",\n";
        out += "      \"haproxyStatsUser\": " + str(p.haproxyStatsUser) + ",\n";
        out += "      \"etcdUrls\": " + urls(p.etcdUrls) + ",\n";
        out += "      \"etcdNamespace\": " + str(p.etcdNamespace) + ",\n";
        out += "      \"patroniApiUser\": " + str(p.patroniApiUser) + ",\n";
        out += "      \"postgres\": { \"user\": " + str(p.postgres.user) + ", \"dbname\": " + str(p.postgres.dbname)
            + ", \"sslmode\": " + str(p.postgres.sslmode) + " },\n";
        out += "      \"haproxyRoutes\": { \"host\": " + str(r.host) + ", \"primaryPort\": " + num(r.primaryPort)
            + ", \"replicasPort\": " + num(r.replicasPort) + ", \"anyPort\": " + num(r.anyPort)
            + ", \"primaryProxy\": " + str(r.primaryProxy) + ", \"replicasProxy\": " + str(r.replicasProxy)
            + ", \"anyProxy\": " + str(r.anyProxy) + " },\n";
        out += "      \"tls\": { \"caFile\": " + str(p.tls.caFile)
            + ", \"clientCertFile\": " + str(p.tls.clientCertFile) + ", \"clientKeyFile\": " + str(p.tls.clientKeyFile)
            + ", \"verifyPeer\": " + boolean(p.tls.verifyPeer) + " },\n";
        out += "      \"intervals\": { \"patroniMs\": " + num(p.intervals.patroniMs)
            + ", \"haproxyMs\": " + num(p.intervals.haproxyMs) + ", \"etcdMs\": " + num(p.intervals.etcdMs)
            + ", \"postgresMs\": " + num(p.intervals.postgresMs) + " },\n";
        out += "      \"requestDeadlineMs\": " + num(p.requestDeadlineMs) + "\n    }";
    }
    out += profiles.isEmpty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

} // namespace Cluster
