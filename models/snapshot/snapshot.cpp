#include "models/snapshot/snapshot.h"
#include "models/cluster/translate.h"

#include "models/cluster/profilefile.h"
#include "models/cluster/statejson.h"
#include "models/snapshot/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snapshot {

namespace {

    QString sourceTitle(const QString& key)
    {
        static const QHash<QString, QString> titles { { u"patroni"_s, u"Patroni (GET /cluster)"_s },
            { u"patroniConfig"_s, u"Patroni dynamic configuration (GET /config)"_s },
            { u"patroniHistory"_s, u"Patroni history (GET /history)"_s },
            { u"patroniMetrics"_s, u"Patroni metrics (GET /metrics)"_s }, { u"haproxy"_s, u"HAProxy stats"_s },
            { u"etcd"_s, u"etcd"_s }, { u"postgres"_s, u"PostgreSQL"_s } };
        return titles.value(key, key);
    }

} // namespace

Origin localOrigin()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty()) {
        if (const passwd* pw = getpwuid(geteuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    }
    return { QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion(),
        QSysInfo::machineHostName(), user };
}

QString schema()
{
    return u"patroni-console/snapshot/1"_s;
}

QList<Format> formats()
{
    return { Format::Json, Format::Markdown, Format::Html, Format::Pdf, Format::Png };
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Json:
        return u"json"_s;
    case Format::Markdown:
        return u"markdown"_s;
    case Format::Html:
        return u"html"_s;
    case Format::Pdf:
        return u"pdf"_s;
    case Format::Png:
        return u"png"_s;
    }
    return {};
}

QString formatExtension(Format format)
{
    return format == Format::Markdown ? u"md"_s : formatName(format);
}

std::optional<Format> formatFromName(const QString& name)
{
    const QString n = name.toLower();
    if (n == u"md"_s)
        return Format::Markdown;
    if (n == u"htm"_s)
        return Format::Html;
    for (const Format f : formats()) {
        if (formatName(f) == n)
            return f;
    }
    return std::nullopt;
}

std::optional<Format> formatFromPath(const QString& path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot < 0 || path.indexOf(u'/', dot) >= 0)
        return std::nullopt;
    const QString ext = path.mid(dot + 1);
    return formatFromName(ext);
}

QStringList unreadSources(const QJsonObject& state)
{
    QStringList out;
    const QJsonObject sources = state.value("sources"_L1).toObject();
    for (const QString& key : { u"patroni"_s, u"patroniConfig"_s, u"patroniHistory"_s, u"patroniMetrics"_s,
             u"haproxy"_s, u"etcd"_s, u"postgres"_s }) {
        if (!sources.contains(key))
            continue; // not configured
        const QJsonObject s = sources.value(key).toObject();
        if (s.value("ok"_L1).toBool())
            continue;
        const QJsonObject error = s.value("error"_L1).toObject();
        QString why = error.value("message"_L1).toString();
        if (why.isEmpty())
            why = s.value("lastAttempt"_L1).isNull() ? u"not read yet"_s : u"no usable answer"_s;
        if (!s.value("lastSuccess"_L1).isNull())
            why += u" (shown: the last good reading, of %1)"_s.arg(s.value("lastSuccess"_L1).toString());
        out.append(sourceTitle(key) + u": "_s + why);
    }
    return out;
}

QJsonObject build(const Input& in, const Redactor& redactor)
{
    // The record is read by machines and by colleagues anywhere: English, whatever the window speaks.
    const Cluster::Untranslated english;
    QJsonObject root;
    root.insert("schema"_L1, schema());
    root.insert("takenAt"_L1, in.takenAt.toUTC().toString(Qt::ISODateWithMs));
    root.insert("origin"_L1,
        QJsonObject {
            { u"console"_s, in.origin.console }, { u"host"_s, in.origin.host }, { u"user"_s, in.origin.user } });
    // The profile as `profiles export` writes it: one definition of its fields.
    const QJsonObject file = QJsonDocument::fromJson(Cluster::writeProfileFile({ in.profile })).object();
    root.insert("profile"_L1, file.value("profiles"_L1).toArray().first());
    QJsonObject state;
    if (in.state)
        state = Cluster::stateToJson(*in.state, in.findings, in.takenAt);
    root.insert("state"_L1, state);
    QJsonArray journal;
    for (const Cluster::Event& e : in.journal)
        journal.append(Cluster::toJson(e));
    root.insert("journal"_L1, journal);
    root.insert("unread"_L1, QJsonArray::fromStringList(unreadSources(state)));

    const int before = redactor.count();
    QJsonObject out = redactor.redact(root).toObject();
    out.insert("redactions"_L1, redactor.count() - before);
    return out;
}

} // namespace Snapshot
