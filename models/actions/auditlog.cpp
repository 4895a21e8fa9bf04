#include "models/actions/auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Actions {

QJsonObject toJson(const AuditRecord& r)
{
    QJsonObject o { { u"id"_s, r.id }, { u"at"_s, r.at.toUTC().toString(Qt::ISODateWithMs) }, { u"phase"_s, r.phase },
        { u"osUser"_s, r.osUser }, { u"host"_s, r.host }, { u"cluster"_s, r.cluster },
        { u"request"_s, toJson(r.request) } };
    if (!r.problems.isEmpty())
        o.insert("problems"_L1, QJsonArray::fromStringList(r.problems));
    if (!r.warnings.isEmpty())
        o.insert("warnings"_L1, QJsonArray::fromStringList(r.warnings));
    if (r.httpStatus)
        o.insert("httpStatus"_L1, r.httpStatus);
    if (!r.httpBody.isEmpty())
        o.insert("httpBody"_L1, r.httpBody);
    if (!r.error.isEmpty())
        o.insert("error"_L1, r.error);
    if (!r.steps.isEmpty()) {
        QJsonArray steps;
        for (const Step& s : r.steps)
            steps.append(QJsonObject { { u"step"_s, s.name }, { u"text"_s, s.text() }, { u"passed"_s, s.passed },
                { u"afterMs"_s, s.passedAfterMs >= 0 ? QJsonValue(double(s.passedAfterMs)) : QJsonValue() } });
        o.insert("verification"_L1, steps);
    }
    if (r.sendMs >= 0)
        o.insert("sendMs"_L1, double(r.sendMs));
    if (r.verifyMs >= 0)
        o.insert("verifyMs"_L1, double(r.verifyMs));
    return o;
}

std::optional<AuditRecord> auditFromJson(const QJsonObject& o)
{
    AuditRecord r;
    r.id = o.value("id"_L1).toString();
    r.at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODateWithMs);
    r.phase = o.value("phase"_L1).toString();
    const QJsonObject req = o.value("request"_L1).toObject();
    const auto kind = kindFromName(req.value("action"_L1).toString());
    if (r.id.isEmpty() || !r.at.isValid() || r.phase.isEmpty() || !kind)
        return std::nullopt;
    r.osUser = o.value("osUser"_L1).toString();
    r.host = o.value("host"_L1).toString();
    r.cluster = o.value("cluster"_L1).toString();
    r.request.kind = *kind;
    r.request.member = req.value("member"_L1).toString();
    r.request.candidate = req.value("candidate"_L1).toString();
    r.request.at = QDateTime::fromString(req.value("at"_L1).toString(), Qt::ISODate);
    r.request.force = req.value("force"_L1).toBool();
    r.request.pendingOnly = req.value("pendingOnly"_L1).toBool();
    r.request.role = req.value("role"_L1).toString();
    r.request.configPatch = req.value("configPatch"_L1).toObject();
    for (const QJsonValue& v : o.value("problems"_L1).toArray())
        r.problems.append(v.toString());
    for (const QJsonValue& v : o.value("warnings"_L1).toArray())
        r.warnings.append(v.toString());
    r.httpStatus = o.value("httpStatus"_L1).toInt();
    r.httpBody = o.value("httpBody"_L1).toString();
    r.error = o.value("error"_L1).toString();
    for (const QJsonValue& v : o.value("verification"_L1).toArray()) {
        const QJsonObject s = v.toObject();
        r.steps.append({ s.value("step"_L1).toString(), Cluster::Words::verbatim(s.value("text"_L1).toString()),
            s.value("passed"_L1).toBool(),
            s.value("afterMs"_L1).isDouble() ? qint64(s.value("afterMs"_L1).toDouble()) : -1 });
    }
    r.sendMs = o.value("sendMs"_L1).isDouble() ? qint64(o.value("sendMs"_L1).toDouble()) : -1;
    r.verifyMs = o.value("verifyMs"_L1).isDouble() ? qint64(o.value("verifyMs"_L1).toDouble()) : -1;
    return r;
}

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{
}

bool AuditLog::append(const AuditRecord& record, QString* error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = u"cannot write the audit log %1: %2"_s.arg(m_path, f.errorString());
        return false;
    }
    const QByteArray line = QJsonDocument(toJson(record)).toJson(QJsonDocument::Compact) + '\n';
    if (f.write(line) != line.size() || !f.flush()) {
        if (error)
            *error = u"cannot write the audit log %1: %2"_s.arg(m_path, f.errorString());
        return false;
    }
    return true;
}

QList<AuditRecord> AuditLog::read(int* skipped) const
{
    QList<AuditRecord> out;
    int bad = 0;
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly)) {
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            const auto r = doc.isObject() ? auditFromJson(doc.object()) : std::nullopt;
            if (r)
                out.append(*r);
            else
                ++bad;
        }
    }
    if (skipped)
        *skipped = bad;
    return out;
}

QString auditParameters(const AuditRecord& record)
{
    QStringList params;
    const QJsonObject req = toJson(record.request);
    for (auto it = req.constBegin(); it != req.constEnd(); ++it) {
        if (it.key() == u"action"_s)
            continue;
        const QJsonValue v = it.value();
        const QString text = v.isObject() || v.isArray()
            ? QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact))
            : v.toVariant().toString();
        params.append(it.key() + u'=' + text);
    }
    return params.join(u' ');
}

QString auditDetail(const AuditRecord& record)
{
    QString detail = record.error;
    if (record.phase == u"sending"_s)
        detail = u"sent to Patroni"_s;
    if (!record.steps.isEmpty()) {
        int passed = 0;
        for (const Step& s : record.steps)
            passed += s.passed ? 1 : 0;
        detail += u" [%1/%2 checks passed]"_s.arg(passed).arg(record.steps.size());
    }
    return detail;
}

QString phaseText(const QString& phase)
{
    if (phase == u"sending"_s)
        return u"sent, no answer recorded"_s;
    if (phase == u"verified"_s)
        return u"done, verified"_s;
    if (phase == u"not-verified"_s)
        return u"not verified"_s;
    if (phase == u"unknown"_s)
        return u"answer unknown"_s;
    return phase;
}

QList<AuditRecord> lastLinePerAction(const QList<AuditRecord>& lines)
{
    QList<AuditRecord> actions;
    QHash<QString, qsizetype> at;
    for (const AuditRecord& r : lines) {
        const auto it = r.id.isEmpty() ? at.constEnd() : at.constFind(r.id);
        if (it != at.constEnd()) {
            actions[*it] = r;
            continue;
        }
        if (!r.id.isEmpty())
            at.insert(r.id, actions.size());
        actions.append(r);
    }
    return actions;
}

} // namespace Actions
