#include "models/cluster/words.h"

#include "models/cluster/translate.h"
#include "models/itemmodels/membertablemodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {
    constexpr int maximumDepth = 16; // a journal line is data: a hand-made one must not recurse for ever
}

Words Words::verbatim(const QString& text)
{
    Words w;
    w.m_text = text;
    return w;
}

Words Words::bytes(qint64 n)
{
    Words w;
    w.m_kind = Kind::Bytes;
    w.m_number = n;
    return w;
}

Words Words::source(const char* text, int n, const char* context)
{
    Words w;
    w.m_kind = Kind::Source;
    w.m_text = QString::fromUtf8(text);
    w.m_context = QString::fromUtf8(context);
    w.m_number = n;
    return w;
}

Words Words::arg(const Words& a) const
{
    Words w = *this;
    if (w.m_kind != Kind::Source) // only a source text has places for arguments
        return w;
    w.m_parts.push_back(a);
    return w;
}

Words Words::operator+(const Words& other) const
{
    if (other.isEmpty())
        return *this;
    if (isEmpty())
        return other;
    Words w;
    w.m_kind = Kind::Concat;
    if (m_kind == Kind::Concat)
        w.m_parts = m_parts;
    else
        w.m_parts.push_back(*this);
    w.m_parts.push_back(other);
    return w;
}

Words Words::joined(const QList<Words>& parts, const QString& separator)
{
    Words out;
    for (qsizetype i = 0; i < parts.size(); ++i)
        out = i == 0 ? parts.at(i) : out + separator + parts.at(i);
    return out;
}

bool Words::isEmpty() const
{
    switch (m_kind) {
    case Kind::Verbatim:
    case Kind::Source:
        return m_text.isEmpty();
    case Kind::Bytes:
        return false;
    case Kind::Concat:
        return std::all_of(m_parts.begin(), m_parts.end(), [](const Words& p) { return p.isEmpty(); });
    }
    return true;
}

QString Words::render(bool translated) const
{
    switch (m_kind) {
    case Kind::Verbatim:
        return m_text;
    case Kind::Bytes:
        return translated ? ItemModels::displayBytes(m_number) : ItemModels::formatBytes(m_number);
    case Kind::Concat: {
        QString out;
        for (const Words& p : m_parts)
            out += p.render(translated);
        return out;
    }
    case Kind::Source:
        break;
    }
    const int n = int(m_number);
    QString pattern;
    if (translated) {
        pattern = QCoreApplication::translate(m_context.toUtf8().constData(), m_text.toUtf8().constData(), nullptr, n);
    } else {
        pattern = m_text;
        if (n >= 0)
            pattern.replace(u"%n"_s, QString::number(n));
    }
    // %1…%99 → the arguments, in one pass (an argument's own "%2" is never taken for a place).
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1).isDigit() && pattern.at(i + 1) != u'0') {
            qsizetype j = i + 1;
            int index = 0;
            while (j < pattern.size() && pattern.at(j).isDigit() && index < 10) {
                index = index * 10 + pattern.at(j).digitValue();
                ++j;
            }
            if (index >= 1 && index <= int(m_parts.size())) {
                out += m_parts.at(std::size_t(index - 1)).render(translated);
                i = j - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString Words::english() const
{
    return render(false);
}

QString Words::text() const
{
    return render(!Untranslated::active());
}

QJsonValue Words::toJson() const
{
    switch (m_kind) {
    case Kind::Verbatim:
        return m_text;
    case Kind::Bytes:
        return QJsonObject { { u"bytes"_s, double(m_number) } };
    case Kind::Concat: {
        QJsonArray parts;
        for (const Words& p : m_parts)
            parts.append(p.toJson());
        return parts;
    }
    case Kind::Source:
        break;
    }
    QJsonObject o { { u"t"_s, m_text } };
    if (m_context != u"Cluster"_s)
        o.insert(u"c"_s, m_context);
    if (m_number >= 0)
        o.insert(u"n"_s, double(m_number));
    if (!m_parts.empty()) {
        QJsonArray args;
        for (const Words& p : m_parts)
            args.append(p.toJson());
        o.insert(u"a"_s, args);
    }
    return o;
}

namespace {
    Words fromJsonAt(const QJsonValue& v, int depth)
    {
        if (depth > maximumDepth)
            return {};
        if (v.isString())
            return Words::verbatim(v.toString());
        if (v.isArray()) {
            Words w;
            for (const QJsonValue& p : v.toArray())
                w = w + fromJsonAt(p, depth + 1);
            return w;
        }
        if (!v.isObject())
            return {};
        const QJsonObject o = v.toObject();
        if (o.value(u"bytes"_s).isDouble())
            return Words::bytes(qint64(o.value(u"bytes"_s).toDouble()));
        if (!o.value(u"t"_s).isString())
            return {};
        const QJsonValue n = o.value(u"n"_s);
        const QString context = o.value(u"c"_s).toString(u"Cluster"_s);
        Words w = Words::source(o.value(u"t"_s).toString().toUtf8().constData(), n.isDouble() ? n.toInt() : -1,
            context.toUtf8().constData());
        for (const QJsonValue& a : o.value(u"a"_s).toArray())
            w = w.arg(fromJsonAt(a, depth + 1));
        return w;
    }
} // namespace

Words Words::fromJson(const QJsonValue& value)
{
    return fromJsonAt(value, 0);
}

} // namespace Cluster
