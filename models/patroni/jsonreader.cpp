#include "models/patroni/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Patroni {

namespace {

    // Whether the body holds a \uD800–\uDFFF escape, the only way JSON text can make a lone surrogate.
    bool hasSurrogateEscape(const QByteArray& bytes)
    {
        for (qsizetype at = bytes.indexOf("\\u"); at >= 0 && at + 3 < bytes.size(); at = bytes.indexOf("\\u", at + 2)) {
            const char a = bytes.at(at + 2);
            const char b = bytes.at(at + 3);
            if ((a == 'd' || a == 'D') && ((b >= '8' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F')))
                return true;
        }
        return false;
    }

    QString mended(const QString& text, int* count)
    {
        QString out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                out.append(c);
                out.append(text.at(++i));
            } else if (c.isSurrogate()) {
                out.append(QChar(QChar::ReplacementCharacter));
                ++*count;
            } else {
                out.append(c);
            }
        }
        return out;
    }

    QJsonValue mended(const QJsonValue& value, int* count);

    QJsonObject mended(const QJsonObject& object, int* count)
    {
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(mended(it.key(), count), mended(it.value(), count));
        return out;
    }

    QJsonValue mended(const QJsonValue& value, int* count)
    {
        if (value.isString())
            return mended(value.toString(), count);
        if (value.isObject())
            return mended(value.toObject(), count);
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue& v : value.toArray())
                out.append(mended(v, count));
            return out;
        }
        return value;
    }

} // namespace

std::optional<QJsonDocument> parseJson(QByteArrayView body, Cluster::SourceError* error, QStringList* warnings)
{
    QByteArray bytes = body.toByteArray();
    if (!body.isValidUtf8()) {
        bytes = QString::fromUtf8(body).toUtf8();
        if (warnings)
            warnings->append(u"the answer is not valid UTF-8: each invalid byte sequence was read as U+FFFD"_s);
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error->code = Cluster::SourceError::Code::NotJson;
        const QString head = Cluster::bodyHead(body);
        error->detail = parseError.errorString() + u" at byte "_s + QString::number(parseError.offset)
            + (head.isEmpty() ? QString() : u"; body starts: "_s + head);
        return std::nullopt;
    }
    if (hasSurrogateEscape(bytes)) {
        int count = 0;
        if (doc.isObject())
            doc = QJsonDocument(mended(doc.object(), &count));
        else if (doc.isArray())
            doc = QJsonDocument(mended(QJsonValue(doc.array()), &count).toArray());
        if (count > 0 && warnings)
            warnings->append(u"the answer holds %1 lone surrogate(s) (a \\ud800–\\udfff escape without its pair): "
                             "each was read as U+FFFD"_s.arg(count));
    }
    return doc;
}

std::optional<QJsonObject> parseObject(QByteArrayView body, Cluster::SourceError* error, QStringList* warnings)
{
    const std::optional<QJsonDocument> doc = parseJson(body, error, warnings);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        error->code = Cluster::SourceError::Code::UnexpectedShape;
        error->detail = u"expected a JSON object"_s;
        return std::nullopt;
    }
    return doc->object();
}

std::optional<QString> JsonReader::string(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        warn(key, u"is not a string"_s);
        return std::nullopt;
    }
    return v.toString();
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (v.isDouble()) {
        const double d = v.toDouble();
        // 2^53: beyond it a JSON number no longer holds every integer exactly.
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= 9007199254740992.0)
            return static_cast<qint64>(d);
        warn(key, u"is not an integer"_s);
        return std::nullopt;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    warn(key, u"is not an integer"_s);
    return std::nullopt;
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        warn(key, u"is not a boolean"_s);
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QJsonObject> JsonReader::object(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject()) {
        warn(key, u"is not an object"_s);
        return std::nullopt;
    }
    return v.toObject();
}

void JsonReader::warn(QLatin1StringView key, const QString& what) const
{
    // Capped: hundreds of members with odd fields must not become a megabyte of warnings.
    constexpr qsizetype cap = 100;
    if (!m_warnings || m_warnings->size() > cap)
        return;
    if (m_warnings->size() == cap)
        m_warnings->append(u"(more fields ignored, not listed)"_s);
    else
        m_warnings->append(m_context + u'.' + key + u' ' + what);
}

} // namespace Patroni
