#include "models/etcd/etcdparser.h"

#include "models/patroni/jsonreader.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;
using Patroni::JsonReader;

namespace Etcd {

namespace {

    // A uint64 the gateway wrote as a decimal string. A JSON number is accepted only while a double
    // still holds it exactly.
    std::optional<quint64> readUint64(const JsonReader& r, QLatin1StringView key)
    {
        const QJsonValue v = r.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isString()) {
            bool ok = false;
            const QString text = v.toString();
            const quint64 n = text.toULongLong(&ok, 10);
            if (ok && !text.startsWith(u'-') && !text.startsWith(u'+'))
                return n;
        } else if (v.isDouble()) {
            const double d = v.toDouble();
            if (std::isfinite(d) && d >= 0 && d == std::floor(d) && d <= 9007199254740992.0)
                return static_cast<quint64>(d);
        }
        r.warn(key, u"is not an unsigned 64-bit integer"_s);
        return std::nullopt;
    }

    QStringList readStrings(const JsonReader& r, QLatin1StringView key)
    {
        QStringList result;
        const QJsonValue v = r.value(key);
        if (v.isUndefined() || v.isNull())
            return result;
        if (!v.isArray()) {
            r.warn(key, u"is not an array"_s);
            return result;
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).isString())
                result.append(array.at(i).toString());
            else
                r.warn(key, u"["_s + QString::number(i) + u"] is not a string: ignored"_s);
        }
        return result;
    }

    ResponseHeader readHeader(const JsonReader& root, QStringList* warnings)
    {
        ResponseHeader h;
        const auto object = root.object("header"_L1);
        if (!object)
            return h;
        const JsonReader r(*object, u"header"_s, warnings);
        h.clusterId = readUint64(r, "cluster_id"_L1).value_or(0);
        h.memberId = readUint64(r, "member_id"_L1).value_or(0);
        h.revision = r.integer("revision"_L1);
        h.raftTerm = r.integer("raft_term"_L1);
        return h;
    }

    // The gateway's own failure body: {"error": "...", "message": "...", "code": 14}.
    void failUnexpected(const QJsonObject& root, const QString& what, Cluster::SourceError* error)
    {
        error->code = Cluster::SourceError::Code::UnexpectedShape;
        error->detail = what;
        const QString message = root.value("message"_L1).isString() ? root.value("message"_L1).toString()
                                                                    : root.value("error"_L1).toString();
        if (!message.isEmpty())
            error->detail += u"; etcd says: "_s + message.left(200);
    }

} // namespace

HealthParseResult parseHealth(QByteArrayView body)
{
    HealthParseResult result;
    const auto root = Patroni::parseObject(body, &result.error, &result.warnings);
    if (!root)
        return result;
    const JsonReader r(*root, u"health"_s, &result.warnings);
    const QJsonValue v = root->value("health"_L1);
    Health health;
    // 3.4 writes the strings "true"/"false"; be lenient about a real boolean.
    if (v.isBool()) {
        health.healthy = v.toBool();
    } else if (v.isString() && (v.toString() == u"true"_s || v.toString() == u"false"_s)) {
        health.healthy = v.toString() == u"true"_s;
    } else {
        failUnexpected(*root, u"no \"health\": \"true\" or \"false\""_s, &result.error);
        return result;
    }
    health.reason = r.string("reason"_L1).value_or(QString());
    result.health = std::move(health);
    return result;
}

const Member* MemberList::member(quint64 id) const
{
    if (id == 0)
        return nullptr;
    for (const Member& m : members) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

const Member* MemberList::memberNamed(QStringView name) const
{
    if (name.isEmpty())
        return nullptr;
    for (const Member& m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

MemberListParseResult parseMemberList(QByteArrayView body)
{
    MemberListParseResult result;
    const auto root = Patroni::parseObject(body, &result.error, &result.warnings);
    if (!root)
        return result;
    const JsonReader r(*root, u"member list"_s, &result.warnings);
    const QJsonValue members = root->value("members"_L1);
    if (!members.isArray()) {
        // Never empty in a real answer: the member answering is in it.
        failUnexpected(*root, u"no \"members\" array"_s, &result.error);
        return result;
    }
    MemberList list;
    list.header = readHeader(r, &result.warnings);
    const QJsonArray array = members.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString context = u"members["_s + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            result.warnings.append(context + u" is not an object: ignored"_s);
            continue;
        }
        const JsonReader m(array.at(i).toObject(), context, &result.warnings);
        Member member;
        member.id = readUint64(m, "ID"_L1).value_or(0);
        if (!m.has("ID"_L1))
            m.warn("ID"_L1, u"missing: the member cannot be matched with a leader"_s);
        member.name = m.string("name"_L1).value_or(QString());
        member.peerUrls = readStrings(m, "peerURLs"_L1);
        member.clientUrls = readStrings(m, "clientURLs"_L1);
        member.isLearner = m.boolean("isLearner"_L1).value_or(false);
        if (member.id != 0 && list.member(member.id)) {
            result.warnings.append(context + u" repeats ID "_s + QString::number(member.id) + u": ignored"_s);
            continue;
        }
        list.members.append(std::move(member));
    }
    result.memberList = std::move(list);
    return result;
}

StatusParseResult parseStatus(QByteArrayView body)
{
    StatusParseResult result;
    const auto root = Patroni::parseObject(body, &result.error, &result.warnings);
    if (!root)
        return result;
    // Every status answer carries the server's version; other answers (a member list, an error) do not.
    if (!root->contains("version"_L1)) {
        failUnexpected(*root, u"no \"version\""_s, &result.error);
        return result;
    }
    const JsonReader r(*root, u"status"_s, &result.warnings);
    Status status;
    status.header = readHeader(r, &result.warnings);
    status.version = r.string("version"_L1).value_or(QString());
    // raft.None is 0: "no leader" whether the gateway left the field out or wrote it.
    if (const auto leader = readUint64(r, "leader"_L1); leader && *leader != 0)
        status.leader = leader;
    status.raftTerm = r.integer("raftTerm"_L1);
    status.raftIndex = r.integer("raftIndex"_L1);
    status.raftAppliedIndex = r.integer("raftAppliedIndex"_L1);
    status.dbSize = r.integer("dbSize"_L1);
    status.dbSizeInUse = r.integer("dbSizeInUse"_L1);
    status.errors = readStrings(r, "errors"_L1);
    status.isLearner = r.boolean("isLearner"_L1).value_or(false);
    result.status = std::move(status);
    return result;
}

QString leaderName(const Status& status, const MemberList& members)
{
    if (!status.leader)
        return QString();
    const Member* m = members.member(*status.leader);
    return m ? m->name : QString();
}

QString idText(quint64 id)
{
    return QString::number(id, 16);
}

} // namespace Etcd
