#pragma once

#include "models/cluster/sourceerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Patroni {

// Parse a body that must be one JSON object. On failure fills *error (NotJson or UnexpectedShape)
// with a detail that names where parsing stopped.
std::optional<QJsonObject> parseObject(QByteArrayView body, Cluster::SourceError* error);

// Typed, forgiving accessors: a field of the wrong type is treated as absent, and noted in *warnings,
// so one odd field never throws away a whole poll.
class JsonReader {
public:
    explicit JsonReader(const QJsonObject& object, QString context, QStringList* warnings)
        : m_object(object)
        , m_context(std::move(context))
        , m_warnings(warnings)
    {
    }

    bool has(QLatin1StringView key) const { return m_object.contains(key); }
    std::optional<QString> string(QLatin1StringView key) const;
    std::optional<qint64> integer(QLatin1StringView key) const; // accepts integral doubles and numeric strings
    std::optional<bool> boolean(QLatin1StringView key) const;
    std::optional<QJsonObject> object(QLatin1StringView key) const;
    QJsonValue value(QLatin1StringView key) const { return m_object.value(key); }

    void warn(QLatin1StringView key, const QString& what) const;

private:
    QJsonObject m_object;
    QString m_context;
    QStringList* m_warnings;
};

} // namespace Patroni
