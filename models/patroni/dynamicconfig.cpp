#include "models/patroni/dynamicconfig.h"

#include "models/patroni/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Patroni {

namespace {

    // Patroni's parse_bool (patroni/utils.py): case-insensitive on/true/yes/1 and off/false/no/0,
    // applied to str(value), so the numbers 1 and 0 count too.
    std::optional<bool> patroniBool(const QJsonValue& v)
    {
        if (v.isBool())
            return v.toBool();
        QString text;
        if (v.isString())
            text = v.toString().toLower();
        else if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1))
            text = v.toDouble() == 1 ? u"1"_s : u"0"_s;
        if (text == u"on"_s || text == u"true"_s || text == u"yes"_s || text == u"1"_s)
            return true;
        if (text == u"off"_s || text == u"false"_s || text == u"no"_s || text == u"0"_s)
            return false;
        return std::nullopt;
    }

    bool readBool(const JsonReader& r, QLatin1StringView key)
    {
        const QJsonValue v = r.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (const auto b = patroniBool(v))
            return *b;
        r.warn(key, u"is not a boolean"_s);
        return false;
    }

    std::optional<int> readSeconds(const JsonReader& r, QLatin1StringView key)
    {
        const auto n = r.integer(key);
        if (!n)
            return std::nullopt;
        if (*n < 0 || *n > std::numeric_limits<int>::max()) {
            r.warn(key, u"is out of range"_s);
            return std::nullopt;
        }
        return int(*n);
    }

    QString render(const QJsonValue& v)
    {
        // One-element array: QJsonDocument then quotes and escapes exactly as JSON does.
        const QByteArray json = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
        QString text = QString::fromUtf8(json.sliced(1, json.size() - 2));
        if (text.size() > 200)
            text = text.left(200) + u'…';
        return text;
    }

    void diffInto(const QJsonObject& before, const QJsonObject& after, const QString& prefix, QStringList* out)
    {
        QStringList keys = before.keys();
        for (const QString& key : after.keys()) {
            if (!before.contains(key))
                keys.append(key);
        }
        std::sort(keys.begin(), keys.end());
        for (const QString& key : keys) {
            const QString path = prefix.isEmpty() ? key : prefix + u'.' + key;
            const bool inBefore = before.contains(key);
            const bool inAfter = after.contains(key);
            const QJsonValue a = before.value(key);
            const QJsonValue b = after.value(key);
            if (!inBefore) {
                out->append(u"+ "_s + path + u": "_s + render(b));
            } else if (!inAfter) {
                out->append(u"- "_s + path + u": "_s + render(a));
            } else if (a.isObject() && b.isObject()) {
                diffInto(a.toObject(), b.toObject(), path, out);
            } else if (a != b) {
                out->append(path + u": "_s + render(a) + u" → "_s + render(b));
            }
        }
    }

} // namespace

DynamicConfigParseResult parseDynamicConfig(QByteArrayView body)
{
    DynamicConfigParseResult result;
    const auto root = parseObject(body, &result.error, &result.warnings);
    if (!root)
        return result;

    const JsonReader r(*root, u"config"_s, &result.warnings);
    DynamicConfig config;
    config.ttl = readSeconds(r, "ttl"_L1);
    config.loopWait = readSeconds(r, "loop_wait"_L1);
    config.retryTimeout = readSeconds(r, "retry_timeout"_L1);
    if (const auto lag = r.integer("maximum_lag_on_failover"_L1)) {
        if (*lag >= 0)
            config.maximumLagOnFailover = lag;
        else
            r.warn("maximum_lag_on_failover"_L1, u"is negative"_s);
    }

    const QJsonValue sync = root->value("synchronous_mode"_L1);
    if (sync.isString() && sync.toString().compare(u"quorum"_s, Qt::CaseInsensitive) == 0) {
        config.synchronousMode = SynchronousMode::Quorum;
    } else if (!sync.isUndefined() && !sync.isNull()) {
        if (const auto on = patroniBool(sync))
            config.synchronousMode = *on ? SynchronousMode::On : SynchronousMode::Off;
        else
            r.warn("synchronous_mode"_L1, u"is neither a boolean nor \"quorum\""_s);
    }
    config.synchronousModeStrict = readBool(r, "synchronous_mode_strict"_L1);
    config.failsafeMode = readBool(r, "failsafe_mode"_L1);
    config.paused = readBool(r, "pause"_L1);

    if (const auto postgresql = r.object("postgresql"_L1)) {
        const JsonReader pg(*postgresql, u"config.postgresql"_s, &result.warnings);
        if (const auto parameters = pg.object("parameters"_L1))
            config.postgresqlParameters = parameters->toVariantMap();
    }
    config.raw = *root;
    result.config = std::move(config);
    return result;
}

QStringList diffConfig(const QJsonObject& before, const QJsonObject& after)
{
    QStringList out;
    diffInto(before, after, QString(), &out);
    return out;
}

} // namespace Patroni
