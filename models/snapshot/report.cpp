#include "models/snapshot/report.h"

#include "models/cluster/plaintext.h"
#include "models/itemmodels/membertablemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Snapshot {

namespace {

    // Text from the network, made safe to show (control characters, bidi overrides).
    QString t(const QJsonValue& v)
    {
        if (v.isNull() || v.isUndefined())
            return u"—"_s;
        if (v.isBool())
            return v.toBool() ? u"yes"_s : u"no"_s;
        if (v.isDouble()) {
            const double d = v.toDouble();
            return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'f', 3);
        }
        if (v.isString())
            return v.toString().isEmpty() ? u"—"_s : Cluster::displayText(v.toString(), 2000);
        return Cluster::displayText(
            QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                  .toJson(QJsonDocument::Compact)),
            2000);
    }

    QString bytes(const QJsonValue& v)
    {
        return v.isDouble() ? ItemModels::formatBytes(qint64(v.toDouble())) : u"—"_s;
    }

    QString seconds(const QJsonValue& v)
    {
        return v.isDouble() ? QString::number(v.toDouble(), 'f', 3) + u" s"_s : u"—"_s;
    }

    // PostgreSQL's server_version_num: 150018 → "15.18"; 90624 → "9.6.24".
    QString pgVersion(const QJsonValue& v)
    {
        if (!v.isDouble())
            return u"—"_s;
        const int n = v.toInt();
        if (n >= 100000)
            return u"%1.%2"_s.arg(n / 10000).arg(n % 10000);
        return u"%1.%2.%3"_s.arg(n / 10000).arg(n / 100 % 100).arg(n % 100);
    }

    QString when(const QJsonValue& v)
    {
        const QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!at.isValid())
            return t(v);
        return at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
    }

    Block paragraph(const QString& text)
    {
        Block b;
        b.text = text;
        return b;
    }

    Block table(const QStringList& header, const QList<QStringList>& rows)
    {
        Block b;
        b.kind = Block::Kind::Table;
        b.header = header;
        b.rows = rows;
        return b;
    }

    Block list(const QStringList& items)
    {
        Block b;
        b.kind = Block::Kind::List;
        b.items = items;
        return b;
    }

    Block code(const QString& text)
    {
        Block b;
        b.kind = Block::Kind::Code;
        b.text = text;
        return b;
    }

    QString tags(const QJsonObject& tags)
    {
        QStringList parts;
        for (auto it = tags.constBegin(); it != tags.constEnd(); ++it)
            parts.append(Cluster::displayText(it.key(), 200) + u'=' + t(it.value()));
        return parts.isEmpty() ? u"—"_s : parts.join(u", "_s);
    }

    Section members(const QJsonObject& state)
    {
        QList<QStringList> rows;
        for (const QJsonValue& v : state.value("members"_L1).toArray()) {
            const QJsonObject m = v.toObject();
            const QJsonObject own = m.value("own"_L1).toObject();
            const QString host = m.value("host"_L1).toString();
            rows.append({ t(m.value("name"_L1)), host.isEmpty() ? u"—"_s : t(host) + u':' + t(m.value("port"_L1)),
                t(m.value("shownRole"_L1)), t(m.value("state"_L1)), t(m.value("timeline"_L1)),
                m.value("lagUnknown"_L1).toBool() ? u"unknown"_s : bytes(m.value("lagBytes"_L1)),
                seconds(m.value("lagSeconds"_L1)), t(m.value("health"_L1)),
                m.value("pendingRestart"_L1).toBool() ? u"yes"_s : u"no"_s, tags(m.value("tags"_L1).toObject()),
                t(own.value("patroniVersion"_L1)), pgVersion(own.value("serverVersion"_L1)) });
        }
        Section s { u"Members"_s, {} };
        if (rows.isEmpty())
            s.blocks.append(paragraph(u"No member is known: the DCS's member list could not be read."_s));
        else
            s.blocks.append(table({ u"Member"_s, u"Host"_s, u"Role"_s, u"State"_s, u"TL"_s, u"Lag"_s, u"Lag (s)"_s,
                                      u"Health"_s, u"Pending restart"_s, u"Tags"_s, u"Patroni"_s, u"PostgreSQL"_s },
                rows));
        return s;
    }

    Section findings(const QJsonObject& state)
    {
        QStringList items;
        for (const QJsonValue& v : state.value("findings"_L1).toArray()) {
            const QJsonObject f = v.toObject();
            items.append(u"**"_s + t(f.value("severity"_L1)).toUpper() + u"** "_s + t(f.value("message"_L1)) + u" ("_s
                + t(f.value("id"_L1)) + u')');
        }
        Section s { u"Findings"_s, {} };
        s.blocks.append(items.isEmpty() ? paragraph(u"None: every check passed."_s) : list(items));
        return s;
    }

    Section haproxy(const QJsonObject& state)
    {
        Section s { u"HAProxy"_s, {} };
        const QJsonObject h = state.value("haproxy"_L1).toObject();
        QList<QStringList> routes;
        QList<QStringList> servers;
        for (const auto key : { "primary"_L1, "replicas"_L1, "any"_L1 }) {
            const QJsonObject r = h.value(key).toObject();
            QStringList to;
            for (const QJsonValue& m : r.value("routesTo"_L1).toArray())
                to.append(t(m));
            routes.append({ t(r.value("port"_L1)), QString(key), t(r.value("proxy"_L1)),
                to.isEmpty() ? u"nobody"_s : to.join(u", "_s) });
            for (const QJsonValue& sv : r.value("servers"_L1).toArray()) {
                const QJsonObject server = sv.toObject();
                servers.append({ t(r.value("proxy"_L1)), t(server.value("name"_L1)), t(server.value("status"_L1)),
                    t(server.value("checkStatus"_L1)), t(server.value("currentSessions"_L1)),
                    t(server.value("totalSessions"_L1)) });
            }
        }
        s.blocks.append(table({ u"Port"_s, u"Route"_s, u"Proxy"_s, u"Routes new connections to"_s }, routes));
        if (!servers.isEmpty())
            s.blocks.append(table(
                { u"Proxy"_s, u"Server"_s, u"Status"_s, u"Check"_s, u"Sessions"_s, u"Total sessions"_s }, servers));
        return s;
    }

    Section routing(const QJsonObject& state)
    {
        Section s { u"Where connections through HAProxy land"_s, {} };
        QList<QStringList> rows;
        for (const QJsonValue& v : state.value("postgres"_L1).toObject().value("routingProbes"_L1).toArray()) {
            const QJsonObject p = v.toObject();
            const bool ok = p.value("ok"_L1).toBool();
            rows.append({ t(p.value("port"_L1)), ok ? t(p.value("member"_L1)) : u"—"_s,
                ok ? (p.value("inRecovery"_L1).toBool() ? u"replica (in recovery)"_s : u"primary"_s) : u"—"_s,
                t(p.value("elapsedMs"_L1)) + u" ms"_s,
                ok ? u"—"_s : t(p.value("error"_L1).toObject().value("message"_L1)) });
        }
        if (rows.isEmpty())
            s.blocks.append(paragraph(u"No connection was made through HAProxy in this reading."_s));
        else
            s.blocks.append(table({ u"Port"_s, u"Landed on"_s, u"As"_s, u"Took"_s, u"Error"_s }, rows));
        return s;
    }

    Section etcd(const QJsonObject& state)
    {
        Section s { u"etcd"_s, {} };
        const QJsonObject e = state.value("etcd"_L1).toObject();
        const int total = int(e.value("endpoints"_L1).toArray().size());
        s.blocks.append(paragraph(u"%1 of %2 endpoints healthy; raft leader %3; version %4."_s.arg(
            t(e.value("healthy"_L1)), QString::number(total), t(e.value("leader"_L1)), t(e.value("version"_L1)))));
        QList<QStringList> rows;
        for (const QJsonValue& v : e.value("endpoints"_L1).toArray()) {
            const QJsonObject ep = v.toObject();
            rows.append({ t(ep.value("url"_L1)), ep.value("healthy"_L1).toBool() ? u"healthy"_s : u"NOT healthy"_s,
                t(ep.value("error"_L1).toObject().value("message"_L1)) });
        }
        s.blocks.append(table({ u"Endpoint"_s, u"Health"_s, u"Error"_s }, rows));
        return s;
    }

    Section sources(const QJsonObject& state)
    {
        static const QList<std::pair<QLatin1StringView, QString>> names { { "patroni"_L1, u"Patroni /cluster"_s },
            { "patroniConfig"_L1, u"Patroni /config"_s }, { "patroniHistory"_L1, u"Patroni /history"_s },
            { "patroniMetrics"_L1, u"Patroni /metrics"_s }, { "haproxy"_L1, u"HAProxy stats"_s },
            { "etcd"_L1, u"etcd"_s }, { "postgres"_L1, u"PostgreSQL"_s } };
        const QJsonObject src = state.value("sources"_L1).toObject();
        QList<QStringList> rows;
        for (const auto& [key, title] : names) {
            if (!src.contains(key)) {
                rows.append({ title, u"not configured"_s, u"—"_s, u"—"_s });
                continue;
            }
            const QJsonObject o = src.value(key).toObject();
            rows.append({ title, o.value("ok"_L1).toBool() ? u"read"_s : u"NOT READ"_s,
                o.value("lastSuccess"_L1).isNull() ? u"never"_s : when(o.value("lastSuccess"_L1)),
                t(o.value("error"_L1).toObject().value("message"_L1)) });
        }
        Section s { u"Sources"_s, {} };
        s.blocks.append(table({ u"Source"_s, u"This reading"_s, u"Last good reading"_s, u"Error"_s }, rows));
        return s;
    }

    Section history(const QJsonObject& cluster)
    {
        Section s { u"Patroni history (failovers and switchovers)"_s, {} };
        QList<QStringList> rows;
        for (const QJsonValue& v : cluster.value("history"_L1).toArray()) {
            const QJsonObject h = v.toObject();
            rows.append({ t(h.value("timeline"_L1)), bytes(h.value("lsn"_L1)), t(h.value("reason"_L1)),
                t(h.value("at"_L1)), t(h.value("newLeader"_L1)) });
        }
        if (rows.isEmpty())
            s.blocks.append(paragraph(u"No timeline switch recorded."_s));
        else
            s.blocks.append(table({ u"Timeline ended"_s, u"At LSN"_s, u"Reason"_s, u"When"_s, u"New leader"_s }, rows));
        return s;
    }

    Section journal(const QJsonArray& events)
    {
        Section s { u"Recent events (newest last)"_s, {} };
        QList<QStringList> rows;
        for (const QJsonValue& v : events) {
            const QJsonObject e = v.toObject();
            rows.append({ when(e.value("at"_L1)), t(e.value("severity"_L1)), t(e.value("kind"_L1)),
                t(e.value("subject"_L1)), t(e.value("message"_L1)) });
        }
        if (rows.isEmpty())
            s.blocks.append(paragraph(u"No event recorded."_s));
        else
            s.blocks.append(table({ u"When"_s, u"Severity"_s, u"Kind"_s, u"Subject"_s, u"What happened"_s }, rows));
        return s;
    }

} // namespace

Report report(const QJsonObject& snapshot)
{
    Report r;
    const QJsonObject state = snapshot.value("state"_L1).toObject();
    const QJsonObject cluster = state.value("cluster"_L1).toObject();
    const QJsonObject profile = snapshot.value("profile"_L1).toObject();
    const QString scope = cluster.value("scope"_L1).toString();
    r.title
        = u"Cluster "_s + t(profile.value("name"_L1)) + (scope.isEmpty() ? QString() : u" (scope "_s + t(scope) + u')');
    r.health = cluster.value("health"_L1).toString(u"unknown"_s);
    r.headline = cluster.contains("summary"_L1) ? t(cluster.value("summary"_L1)) : u"The cluster could not be read."_s;
    const QJsonObject origin = snapshot.value("origin"_L1).toObject();
    r.takenLine = u"Taken %1 by %2@%3 with %4. %5 secret value(s) redacted."_s.arg(when(snapshot.value("takenAt"_L1)),
        t(origin.value("user"_L1)), t(origin.value("host"_L1)), t(origin.value("console"_L1)),
        QString::number(snapshot.value("redactions"_L1).toInt()));

    QStringList unread;
    for (const QJsonValue& v : snapshot.value("unread"_L1).toArray())
        unread.append(t(v));
    if (!unread.isEmpty())
        r.sections.append(Section { u"Could not be read"_s, { list(unread) } });
    r.sections.append(members(state));
    r.sections.append(findings(state));
    QStringList facts;
    facts.append(u"Leader: "_s + t(cluster.value("leader"_L1)) + u" (the DCS names "_s
        + t(cluster.value("dcsLeader"_L1)) + u"; leader since "_s + when(cluster.value("leaderSince"_L1)) + u')');
    facts.append(u"Maintenance mode (paused): "_s + t(cluster.value("paused"_L1)));
    const QJsonObject sw = cluster.value("scheduledSwitchover"_L1).toObject();
    facts.append(u"Scheduled switchover: "_s
        + (sw.isEmpty()
                ? u"none"_s
                : u"at %1 from %2 to %3"_s.arg(t(sw.value("at"_L1)), t(sw.value("from"_L1)), t(sw.value("to"_L1)))));
    facts.append(
        u"Members running: %1 of %2"_s.arg(t(cluster.value("membersRunning"_L1)), t(cluster.value("membersTotal"_L1))));
    r.sections.append(Section { u"Cluster"_s, { list(facts) } });
    if (state.contains("haproxy"_L1))
        r.sections.append(haproxy(state));
    if (state.contains("postgres"_L1))
        r.sections.append(routing(state));
    if (state.contains("etcd"_L1))
        r.sections.append(etcd(state));
    r.sections.append(history(cluster));
    Section config { u"Dynamic configuration (GET /config)"_s, {} };
    if (cluster.contains("config"_L1))
        config.blocks.append(
            code(QString::fromUtf8(QJsonDocument(cluster.value("config"_L1).toObject()).toJson(QJsonDocument::Indented))
                     .trimmed()));
    else
        config.blocks.append(paragraph(u"Not read."_s));
    r.sections.append(config);
    r.sections.append(journal(snapshot.value("journal"_L1).toArray()));
    r.sections.append(sources(state));
    return r;
}

namespace {

    // Markdown that a ticket system renders must show network text as text: no table cell broken by a
    // '|', no HTML tag or link made of a member name. `**` (the report's own emphasis) stays.
    QString md(const QString& text)
    {
        QString out;
        out.reserve(text.size());
        for (const QChar c : text) {
            if (c == u'\\' || c == u'|' || c == u'<' || c == u'>' || c == u'[' || c == u']' || c == u'`')
                out += u'\\';
            out += c == u'\n' ? QChar(u' ') : c;
        }
        return out;
    }

    // `**` marks the only emphasis the report uses (a finding's severity); everything else is literal.
    QString htmlText(const QString& text)
    {
        QString out = text.toHtmlEscaped();
        qsizetype open = out.indexOf(u"**"_s);
        while (open >= 0) {
            const qsizetype close = out.indexOf(u"**"_s, open + 2);
            if (close < 0)
                break;
            out.replace(close, 2, u"</b>"_s);
            out.replace(open, 2, u"<b>"_s);
            open = out.indexOf(u"**"_s, close + 3);
        }
        return out;
    }

    QString healthColour(const QString& health)
    {
        if (health == u"healthy"_s)
            return u"#1b7f3b"_s;
        if (health == u"warning"_s)
            return u"#b36b00"_s;
        if (health == u"critical"_s)
            return u"#c0262d"_s;
        return u"#555555"_s;
    }

} // namespace

QString toMarkdown(const Report& r)
{
    QString out;
    out += u"# "_s + md(r.title) + u"\n\n"_s;
    out += u"**"_s + md(r.health.toUpper()) + u"** — "_s + md(r.headline) + u"\n\n"_s;
    out += u"_"_s + md(r.takenLine) + u"_\n"_s;
    for (const Section& s : r.sections) {
        out += u"\n## "_s + md(s.title) + u"\n\n"_s;
        for (const Block& b : s.blocks) {
            switch (b.kind) {
            case Block::Kind::Paragraph:
                out += md(b.text) + u"\n\n"_s;
                break;
            case Block::Kind::List:
                for (const QString& item : b.items)
                    out += u"- "_s + md(item) + u'\n';
                out += u'\n';
                break;
            case Block::Kind::Code: {
                // A fence longer than any run of backticks inside.
                QString fence = u"```"_s;
                while (b.text.contains(fence))
                    fence += u'`';
                out += fence + u"json\n"_s + b.text + u'\n' + fence + u"\n\n"_s;
                break;
            }
            case Block::Kind::Table: {
                QStringList header;
                for (const QString& h : b.header)
                    header.append(md(h));
                out += u"| "_s + header.join(u" | "_s) + u" |\n|"_s;
                for (qsizetype i = 0; i < b.header.size(); ++i)
                    out += u"---|"_s;
                out += u'\n';
                for (const QStringList& row : b.rows) {
                    QStringList cells;
                    for (const QString& c : row)
                        cells.append(md(c));
                    out += u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
                }
                out += u'\n';
                break;
            }
            }
        }
    }
    return out;
}

QString toHtml(const Report& r, bool forPdf)
{
    const QString colour = healthColour(r.health);
    QString out;
    out += u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"_s + r.title.toHtmlEscaped()
        + u"</title>\n"_s;
    out += u"<style>\n"
           "body { font-family: sans-serif; font-size: 10pt; color: #1d1d1d; margin: 1.5em; }\n"
           "h1 { font-size: 16pt; margin-bottom: 0.2em; }\n"
           "h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #bbbbbb; }\n"
           "table { border-collapse: collapse; margin: 0.4em 0; }\n"
           "th, td { border: 1px solid #bbbbbb; padding: 2px 6px; text-align: left; vertical-align: top; }\n"
           "th { background: #eeeeee; }\n"
           "pre { background: #f4f4f4; padding: 6px; font-size: 8pt; }\n"
           ".health { color: white; font-weight: bold; padding: 2px 8px; }\n"
           ".taken { color: #555555; }\n"
           "</style></head><body>\n"_s;
    out += u"<h1>"_s + r.title.toHtmlEscaped() + u"</h1>\n"_s;
    out += u"<p><span class=\"health\" style=\"background: "_s + colour + u"\">&nbsp;"_s
        + r.health.toUpper().toHtmlEscaped() + u"&nbsp;</span> "_s + r.headline.toHtmlEscaped() + u"</p>\n"_s;
    out += u"<p class=\"taken\"><i>"_s + r.takenLine.toHtmlEscaped() + u"</i></p>\n"_s;
    const QString tableOpen = forPdf ? u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"_s : u"<table>"_s;
    for (const Section& s : r.sections) {
        out += u"<h2>"_s + s.title.toHtmlEscaped() + u"</h2>\n"_s;
        for (const Block& b : s.blocks) {
            switch (b.kind) {
            case Block::Kind::Paragraph:
                out += u"<p>"_s + htmlText(b.text) + u"</p>\n"_s;
                break;
            case Block::Kind::List:
                out += u"<ul>\n"_s;
                for (const QString& item : b.items)
                    out += u"<li>"_s + htmlText(item) + u"</li>\n"_s;
                out += u"</ul>\n"_s;
                break;
            case Block::Kind::Code:
                out += u"<pre>"_s + b.text.toHtmlEscaped() + u"</pre>\n"_s;
                break;
            case Block::Kind::Table:
                out += tableOpen + u"\n<tr>"_s;
                for (const QString& h : b.header)
                    out += u"<th>"_s + h.toHtmlEscaped() + u"</th>"_s;
                out += u"</tr>\n"_s;
                for (const QStringList& row : b.rows) {
                    out += u"<tr>"_s;
                    for (const QString& c : row)
                        out += u"<td>"_s + c.toHtmlEscaped() + u"</td>"_s;
                    out += u"</tr>\n"_s;
                }
                out += u"</table>\n"_s;
                break;
            }
        }
    }
    out += u"</body></html>\n"_s;
    return out;
}

} // namespace Snapshot
