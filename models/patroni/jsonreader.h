#pragma once

#include "models/cluster/sourceerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Patroni {

// Parse a body of JSON. On failure fills *error (NotJson) with a detail that names where parsing
// stopped. Text that is not Unicode is mended rather than refused, so one odd byte in a tag does not
// throw a whole poll away and nothing downstream (the status JSON above all) carries invalid UTF-8: a
// body that is not valid UTF-8 is read with each invalid sequence as U+FFFD, and a lone surrogate
// from a "\ud800" escape becomes U+FFFD; either is noted in *warnings.
std::optional<QJsonDocument> parseJson(QByteArrayView body, Cluster::SourceError* error, QStringList* warnings);
// The same for a body that must be one JSON object (else UnexpectedShape).
std::optional<QJsonObject> parseObject(QByteArrayView body, Cluster::SourceError* error, QStringList* warnings);

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
