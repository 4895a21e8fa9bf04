#include "models/patroni/jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Patroni {

std::optional<QJsonObject> parseObject(QByteArrayView body, Cluster::SourceError* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error->code = Cluster::SourceError::Code::NotJson;
        const QString head = Cluster::bodyHead(body);
        error->detail = parseError.errorString() + u" at byte "_s + QString::number(parseError.offset)
            + (head.isEmpty() ? QString() : u"; body starts: "_s + head);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error->code = Cluster::SourceError::Code::UnexpectedShape;
        error->detail = u"expected a JSON object"_s;
        return std::nullopt;
    }
    return doc.object();
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
