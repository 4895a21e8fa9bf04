#include "models/patroni/clusterparser.h"

#include "models/patroni/jsonreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Patroni {

namespace {

    // lag / receive_lag / replay_lag: an integer of bytes, or the string "unknown".
    void readLag(const JsonReader& r, QLatin1StringView key, std::optional<qint64>* bytes, bool* unknown)
    {
        const QJsonValue v = r.value(key);
        if (v.isString() && v.toString() == u"unknown"_s) {
            if (unknown)
                *unknown = true;
            return;
        }
        *bytes = r.integer(key);
    }

    // lsn / receive_lsn / replay_lsn: "0/3000060" in 4.1; "unknown" when there is none.
    QString readLsn(const JsonReader& r, QLatin1StringView key)
    {
        const QJsonValue v = r.value(key);
        if (v.isString() && v.toString() != u"unknown"_s)
            return v.toString();
        if (v.isDouble()) // an integer position, as some versions store it
            return QString::number(r.integer(key).value_or(0));
        return QString();
    }

    std::optional<Cluster::Member> parseMember(const QJsonObject& o, int index, QStringList* warnings)
    {
        const JsonReader r(o, u"members["_s + QString::number(index) + u']', warnings);
        Cluster::Member m;
        const auto name = r.string("name"_L1);
        if (!name || name->isEmpty()) {
            r.warn("name"_L1, u"missing: member ignored"_s);
            return std::nullopt;
        }
        m.name = *name;
        m.roleText = r.string("role"_L1).value_or(QString());
        m.role = Cluster::roleFromPatroni(m.roleText);
        m.state = r.string("state"_L1).value_or(QString());
        m.host = r.string("host"_L1).value_or(QString());
        m.port = int(std::clamp<qint64>(r.integer("port"_L1).value_or(0), 0, 65535));
        if (const auto url = r.string("api_url"_L1))
            m.apiUrl = QUrl(*url, QUrl::StrictMode);
        if (const auto tl = r.integer("timeline"_L1))
            m.timeline = int(std::clamp<qint64>(*tl, 0, std::numeric_limits<int>::max()));
        readLag(r, "lag"_L1, &m.lagBytes, &m.lagUnknown);
        readLag(r, "receive_lag"_L1, &m.receiveLagBytes, nullptr);
        readLag(r, "replay_lag"_L1, &m.replayLagBytes, nullptr);
        m.lsn = readLsn(r, "lsn"_L1);
        m.receiveLsn = readLsn(r, "receive_lsn"_L1);
        m.replayLsn = readLsn(r, "replay_lsn"_L1);
        m.pendingRestart = r.boolean("pending_restart"_L1).value_or(false);
        // {"schedule": ISO time, "postgres_version": optional}; patronictl shows it the same way.
        if (const auto restart = r.object("scheduled_restart"_L1)) {
            const JsonReader sr(*restart, u"scheduled_restart"_s, warnings);
            m.scheduledRestart = sr.string("schedule"_L1).value_or(QString());
            if (const auto version = sr.string("postgres_version"_L1))
                m.scheduledRestart += u" if version < "_s + *version;
        }
        if (const auto tags = r.object("tags"_L1))
            m.tags = tags->toVariantMap();
        return m;
    }

} // namespace

ClusterParseResult parseCluster(QByteArrayView body)
{
    ClusterParseResult result;
    const auto root = parseObject(body, &result.error, &result.warnings);
    if (!root)
        return result;

    const JsonReader r(*root, u"cluster"_s, &result.warnings);
    const QJsonValue members = root->value("members"_L1);
    if (!members.isArray()) {
        result.error.code = Cluster::SourceError::Code::UnexpectedShape;
        result.error.detail = u"no \"members\" array"_s;
        return result;
    }

    Cluster::ClusterView view;
    const QJsonArray array = members.toArray();
    view.members.reserve(array.size());
    QSet<QString> seen;
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            result.warnings.append(u"members["_s + QString::number(i) + u"] is not an object: ignored"_s);
            continue;
        }
        auto member = parseMember(array.at(i).toObject(), i, &result.warnings);
        if (!member)
            continue;
        // The DCS keys members by name, so a duplicate is corrupt input; keep the first.
        if (seen.contains(member->name)) {
            result.warnings.append(u"member \""_s + member->name + u"\" appears twice: second ignored"_s);
            continue;
        }
        seen.insert(member->name);
        view.members.append(std::move(*member));
    }
    view.scope = r.string("scope"_L1).value_or(QString());
    view.paused = r.boolean("pause"_L1).value_or(false);
    if (const auto sw = r.object("scheduled_switchover"_L1)) {
        const JsonReader s(*sw, u"scheduled_switchover"_s, &result.warnings);
        view.scheduledSwitchover = Cluster::ScheduledSwitchover {
            s.string("at"_L1).value_or(QString()),
            s.string("from"_L1).value_or(QString()),
            s.string("to"_L1).value_or(QString()),
        };
    }
    result.view = std::move(view);
    return result;
}

} // namespace Patroni
