#include "app/cli/historycommand.h"
#include "app/cli/clitranslate.h"

#include "app/cli/clusteroptions.h"
#include "app/session/fleet.h"
#include "app/session/livesession.h"
#include "app/sources/httpfetch.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/eventquery.h"
#include "models/cluster/journal.h"
#include "models/cluster/plaintext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

    QString source(const Cluster::Event& e)
    {
        return e.details.value("source"_L1).toString() == u"history"_s ? u"patroni"_s : u"console"_s;
    }

    QString table(const QList<Cluster::Event>& events)
    {
        // The headings in the reader's language; the cells stay the words --kind and the JSON use.
        const QStringList header { tr("When (UTC)"), tr("Severity"), tr("Kind"), tr("Subject"), tr("Source"),
            tr("What happened") };
        QList<QStringList> rows;
        for (const Cluster::Event& e : events)
            rows.append({ e.at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s), Cluster::severityName(e.severity),
                Cluster::eventKindName(e.kind), Cluster::displayText(e.subject, 40), source(e),
                Cluster::displayText(e.shownMessage(), 300) });
        QList<qsizetype> width;
        for (const QString& h : header)
            width.append(h.size());
        for (const QStringList& r : rows)
            for (qsizetype i = 0; i < r.size() - 1; ++i)
                width[i] = std::max(width[i], r[i].size());
        const auto line = [&width](const QStringList& cells) {
            QString out;
            for (qsizetype i = 0; i < cells.size(); ++i) {
                if (i + 1 < cells.size())
                    out += cells[i].leftJustified(width[i]) + u"  "_s;
                else
                    out += cells[i];
            }
            out += u'\n';
            return out;
        };
        QString out = line(header);
        for (const QStringList& r : rows)
            out += line(r);
        return out;
    }

} // namespace

int runHistory(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Command command(u"history"_s, arguments);
    QCommandLineParser& p = command.parser();
    p.setApplicationDescription(
        tr("Patroni's /history (every promotion) merged with the console's journal of the cluster (what the "
           "window recorded: leaders lost and changed, members down and back, findings raised and cleared, lag, "
           "routing), oldest first. Exit 0; 1 when Patroni could not be read (the journal is still printed)."));
    const ClusterOptions cluster;
    const QCommandLineOption since(u"since"_s,
        tr("Only events from TIME on: 2026-12-01T02:00:00Z, \"2026-12-01 02:00\" (UTC), or ago: 90s, 30m, 2h, 7d."),
        u"TIME"_s);
    const QCommandLineOption member(u"member"_s, tr("Only events about this member."), u"NAME"_s);
    QStringList kinds;
    for (int k = 0; k <= int(Cluster::EventKind::SourceBack); ++k)
        kinds.append(Cluster::eventKindName(Cluster::EventKind(k)));
    const QCommandLineOption kind(u"kind"_s,
        tr("Only events of this kind (repeatable, or comma-separated): %1.").arg(kinds.join(u", "_s)), u"KIND"_s);
    const QCommandLineOption format(u"format"_s, tr("table (default) or json."), u"FORMAT"_s, u"table"_s);
    const QCommandLineOption limit(u"limit"_s, tr("At most the newest N events (default 1000)."), u"N"_s, u"1000"_s);
    p.addOptions(cluster.all() + QList<QCommandLineOption> { since, member, kind, format, limit });
    const auto usage = [&command](const QString& message) { return command.usage(message); };
    if (const auto exit = command.parse())
        return *exit;
    const QString fmt = p.value(format);
    if (fmt != u"table"_s && fmt != u"json"_s)
        return usage(tr("--format must be table or json, not \"%1\"").arg(fmt));
    bool ok = false;
    const int max = p.value(limit).toInt(&ok);
    if (!ok || max < 1)
        return usage(tr("--limit must be a positive number"));
    Cluster::EventFilter filter;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (p.isSet(since)) {
        const auto at = Cluster::parseSince(p.value(since), now);
        if (!at)
            return usage(tr("--since \"%1\" is neither a time (2026-12-01T02:00:00Z) nor an age (30m, 2h, 7d)")
                             .arg(p.value(since)));
        filter.since = *at;
    }
    filter.member = p.value(member);
    for (const QString& given : p.values(kind)) {
        for (const QString& k : given.split(u',', Qt::SkipEmptyParts)) {
            const auto parsed = Cluster::eventKindFromName(k.trimmed());
            if (!parsed)
                return usage(tr("unknown --kind \"%1\"; the kinds are: %2").arg(k, kinds.join(u", "_s)));
            filter.kinds.append(*parsed);
        }
    }
    QString why;
    const std::optional<Cluster::Profile> prof = cluster.profileFrom(p, &why);
    if (!prof)
        return usage(why);

    Sources::HttpClient http;
    App::LiveSession session(&http, *prof, Session::SessionOptions {});
    pollOnce(&session);
    QList<Cluster::Event> journal;
    const QString file = Session::ClusterSession::journalPath(App::journalDirectory(), prof->name);
    if (QFile::exists(file))
        journal = Cluster::Journal(file).read();
    journal += session.recentEvents(max);
    QList<Cluster::Event> events;
    for (const Cluster::Event& e : Cluster::mergeTimeline(journal, session.store()->state().history)) {
        if (Cluster::matches(e, filter))
            events.append(e);
    }
    if (events.size() > max)
        events.remove(0, events.size() - max);

    if (fmt == u"json"_s) {
        QJsonArray list;
        for (const Cluster::Event& e : std::as_const(events)) {
            QJsonObject o = Cluster::toJson(e);
            o.insert("source"_L1, source(e));
            list.append(o);
        }
        out << QJsonDocument(
            QJsonObject { { u"schema"_s, u"patroni-console/history/1"_s }, { u"cluster"_s, prof->name },
                { u"takenAt"_s, now.toString(Qt::ISODateWithMs) }, { u"events"_s, list } })
                   .toJson(QJsonDocument::Indented);
    } else {
        out << table(events);
    }
    out.flush();
    const Cluster::ClusterStore* store = session.store();
    if (!store->state().historySource.everSucceeded() || store->state().historySource.failing()) {
        err << "patroni-console history: "
            << tr("Patroni's history could not be read: %1 (the journal is shown)")
                   .arg(Cluster::describe(store->state().historySource.error))
            << '\n';
        return 1;
    }
    return 0;
}

} // namespace Cli
