#include "app/cli/statusformat.h"
#include "app/cli/clitranslate.h"

#include "models/cluster/assessment.h"
#include "models/cluster/plaintext.h"
#include "models/cluster/sourceerror.h"
#include "models/cluster/statejson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Cli {

// Only the human tables are translated (Cli::tr); the TSV and JSON below stay English for scripts.

namespace {

    struct Row {
        QStringList cells;
    };

    QString lagMb(const Cluster::MemberView& v)
    {
        if (v.isLeader())
            return {};
        if (v.lagUnknown || !v.lagBytes)
            return u"unknown"_s;
        // patronictl rounds to whole MB; so do we here, and show the bytes beside it.
        return QString::number(std::llround(double(*v.lagBytes) / 1048576.0));
    }

    QString lagBytes(const Cluster::MemberView& v)
    {
        if (v.isLeader())
            return {};
        if (v.lagUnknown || !v.lagBytes)
            return u"unknown"_s;
        return QString::number(*v.lagBytes);
    }

    // What the DCS (GET /cluster) says when the console concluded otherwise; "-" when they agree.
    QString dcsView(const Cluster::MemberView& v)
    {
        if (v.dcs.role == v.role && v.dcs.state == v.state)
            return u"-"_s;
        return Cluster::roleKey(v.dcs.role) + u'/' + v.dcs.state;
    }

    QString routes(const Cluster::ClusterState& s, const Cluster::MemberView& m)
    {
        if (!s.haproxy)
            return s.haproxyConfigured ? u"?"_s : QString();
        QStringList ports;
        const Cluster::RouteNames& r = s.routes;
        if (s.routedTo(r.primary).contains(m.name))
            ports.append(QString::number(r.primaryPort));
        if (s.routedTo(r.replicas).contains(m.name))
            ports.append(QString::number(r.replicasPort));
        if (s.routedTo(r.any).contains(m.name))
            ports.append(QString::number(r.anyPort));
        return ports.isEmpty() ? u"-"_s : ports.join(u' ');
    }

    // A cell of the human tables holds at most this many characters: a name a kilobyte long (or a
    // hostile one) must not push the table off every screen. JSON and TSV keep values whole.
    constexpr int maxCellChars = 64;

    // What a source sent, as a terminal may print it: escaped, and cut at `maxChars`.
    QString shown(const QString& text, int maxChars = 2000)
    {
        return Cluster::displayText(text, maxChars);
    }

    QString table(const QStringList& header, QList<QStringList> rows, const QString& title)
    {
        int shortened = 0;
        for (QStringList& r : rows) {
            for (QString& cell : r) {
                QString escaped = Cluster::displayText(cell);
                if (escaped.size() > maxCellChars) {
                    ++shortened;
                    escaped = Cluster::displayText(cell, maxCellChars);
                }
                cell = escaped;
            }
        }
        QList<qsizetype> width;
        for (const QString& h : header)
            width.append(h.size());
        for (const QStringList& r : rows)
            for (int i = 0; i < r.size(); ++i)
                width[i] = std::max(width[i], r[i].size());
        QString rule = u"+"_s;
        for (qsizetype w : width)
            rule += QString(w + 2, u'-') + u'+';
        QString out;
        if (!title.isEmpty()) {
            QString top = u"+ "_s + shown(title, 200) + u' ';
            if (top.size() < rule.size())
                top += rule.mid(top.size());
            out += top + u'\n';
        } else {
            out += rule + u'\n';
        }
        const auto line = [&](const QStringList& cells, bool rightAlignNumbers) -> QString {
            QString l = u"|"_s;
            for (int i = 0; i < cells.size(); ++i) {
                bool numeric = false;
                cells[i].toLongLong(&numeric);
                l += u' '
                    + (rightAlignNumbers && numeric ? cells[i].rightJustified(width[i])
                                                    : cells[i].leftJustified(width[i]))
                    + u" |"_s;
            }
            return l + u'\n';
        };
        out += line(header, false) + rule + u'\n';
        for (const QStringList& r : rows)
            out += line(r, true);
        out += rule + u'\n';
        if (shortened > 0)
            out += tr("(%n value(s) longer than %1 characters shortened with “…”; --format json prints them whole)",
                       nullptr, shortened)
                       .arg(maxCellChars)
                + u'\n';
        return out;
    }

} // namespace

QString formatStatusTable(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings)
{
    // The members as the console concluded (the node's own word and silence joined with the DCS's),
    // patronictl's columns first; "DCS view" shows what GET /cluster says where it differs.
    QStringList header { tr("Member"), tr("Host"), tr("Role"), tr("State"), tr("TL"), tr("Lag in MB"),
        tr("Lag bytes") };
    if (state.postgresConfigured)
        header.append(tr("Lag s"));
    header.append(tr("Health"));
    header.append(tr("DCS view"));
    if (state.haproxyConfigured)
        header.append(tr("HAProxy routes"));
    QList<QStringList> rows;
    for (const Cluster::MemberView& v : Cluster::memberViews(state, findings)) {
        const Cluster::Member& m = v.dcs;
        QStringList row { v.name, m.port ? m.host + u':' + QString::number(m.port) : m.host, Cluster::shownRole(v),
            v.state, v.timeline ? QString::number(*v.timeline) : QString(), lagMb(v), lagBytes(v) };
        if (state.postgresConfigured)
            row.append(v.isLeader() ? QString() : v.lagSeconds ? QString::number(*v.lagSeconds, 'f', 3) : u"?"_s);
        row.append(Cluster::healthKey(v.health));
        row.append(dcsView(v));
        if (state.haproxyConfigured)
            row.append(routes(state, v));
        rows.append(row);
    }
    QString title = tr("Cluster: %1").arg(state.scope().isEmpty() ? tr("(scope not reported)") : state.scope());
    if (state.view.paused)
        title += u' ' + tr("(paused)");
    QString out = table(header, rows, title);
    out += shown(tr("Summary: %1").arg(Cluster::summarize(state, findings).headline)) + u'\n';
    if (state.view.scheduledSwitchover)
        out += shown(tr("Switchover scheduled at %1: %2 -> %3")
                         .arg(state.view.scheduledSwitchover->at, state.view.scheduledSwitchover->from,
                             state.view.scheduledSwitchover->to))
            + u'\n';
    if (state.dcs.failing())
        out += shown(tr("STALE: %1").arg(Cluster::describe(state.dcs.error))) + u'\n';
    if (state.haproxyConfigured) {
        if (state.haproxy) {
            const Cluster::RouteNames& r = state.routes;
            const auto list = [&](const QString& proxy) {
                const QStringList to = state.routedTo(proxy);
                return to.isEmpty() ? tr("NOTHING") : to.join(u", "_s);
            };
            out += shown(u"HAProxy: %1 -> %2 | %3 -> %4 | %5 -> %6%7"_s.arg(QString::number(r.primaryPort),
                       list(r.primary), QString::number(r.replicasPort), list(r.replicas), QString::number(r.anyPort),
                       list(r.any), state.haproxySource.failing() ? u' ' + tr("(stale)") : QString()))
                + u'\n';
        } else {
            out += shown(u"HAProxy: "_s + Cluster::describe(state.haproxySource.error)) + u'\n';
        }
    }
    if (state.etcdConfigured) {
        if (state.etcd && !state.etcdSource.failing()) {
            QString line
                = tr("etcd: %1 of %2 members healthy")
                      .arg(QString::number(state.etcd->healthyCount()), QString::number(state.etcd->endpoints.size()));
            if (!state.etcd->leader.isEmpty())
                line += u", "_s + tr("raft leader %1").arg(state.etcd->leader);
            if (!state.etcd->version.isEmpty())
                line += u" (etcd "_s + state.etcd->version + u')';
            out += shown(line) + u'\n';
        } else {
            out += shown(u"etcd: "_s + Cluster::describe(state.etcdSource.error)) + u'\n';
        }
    }
    for (const QString& w : state.answerWarnings())
        out += shown(tr("Warning: %1").arg(w)) + u'\n';
    if (findings.isEmpty()) {
        out += tr("Findings: none") + u'\n';
    } else {
        out += tr("Findings:") + u'\n';
        for (const Cluster::Finding& f : findings)
            out += shown(u"  %1 %2: %3"_s.arg(Cluster::severityName(f.severity).toUpper(), f.key(), f.shownMessage()))
                + u'\n';
    }
    return out;
}

QString formatStatusTsv(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings)
{
    QString out = u"member\thost\tport\trole\tstate\ttimeline\tlag_bytes\thealth\n"_s;
    for (const Cluster::MemberView& v : Cluster::memberViews(state, findings)) {
        const Cluster::Member& m = v.dcs;
        QStringList cells { v.name, m.host, QString::number(m.port), Cluster::roleName(v.role), v.state,
            v.timeline ? QString::number(*v.timeline) : QString(), lagBytes(v), Cluster::healthKey(v.health) };
        for (QString& c : cells)
            c.replace(u'\t', u' ').replace(u'\n', u' ');
        out += cells.join(u'\t') + u'\n';
    }
    return out;
}

namespace {

    QString lagText(const Cluster::ClusterSummary& s)
    {
        if (!s.worstLagBytes)
            return s.everRead ? u"-"_s : QString();
        QString t = QString::number(*s.worstLagBytes) + u" B ("_s + s.worstLagMember + u')';
        if (s.worstLagSeconds)
            t += u' ' + QString::number(*s.worstLagSeconds, 'f', 1) + u" s"_s;
        return t;
    }

    QStringList fleetCells(const FleetLine& l)
    {
        const Cluster::ClusterSummary& s = l.summary;
        const QString finding = s.worstFinding ? s.worstFinding->shownMessage()
            : !s.everRead                      ? Cluster::describe(l.error)
                                               : QString();
        return { l.name, Cluster::healthKey(s.health) + (s.stale ? u' ' + tr("(stale)") : QString()),
            s.leader.isEmpty() ? u"-"_s : s.leader,
            s.everRead ? u"%1/%2"_s.arg(s.membersRunning).arg(s.membersTotal) : u"-"_s,
            s.timeline ? QString::number(*s.timeline) : u"-"_s, lagText(s), finding };
    }

} // namespace

void sortWorstFirst(QList<FleetLine>* lines)
{
    std::stable_sort(lines->begin(), lines->end(), [](const FleetLine& a, const FleetLine& b) {
        const int ra = Cluster::healthRank(a.summary.health);
        const int rb = Cluster::healthRank(b.summary.health);
        if (ra != rb)
            return ra < rb;
        const bool readA = a.summary.everRead && !a.summary.stale;
        const bool readB = b.summary.everRead && !b.summary.stale;
        if (readA != readB)
            return !readA;
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
}

QString formatFleetTable(const QList<FleetLine>& lines)
{
    const QStringList header { tr("Cluster"), tr("Health"), tr("Leader"), tr("Running"), tr("TL"), tr("Worst lag"),
        tr("Worst finding") };
    QList<QStringList> rows;
    for (const FleetLine& l : lines)
        rows.append(fleetCells(l));
    return table(header, rows, tr("Fleet: %n cluster(s)", nullptr, int(lines.size())));
}

QString formatFleetTsv(const QList<FleetLine>& lines)
{
    QString out = u"cluster\thealth\tleader\tmembers_running\tmembers_total\ttimeline\tworst_lag_bytes\t"
                  "worst_lag_member\tworst_lag_seconds\tworst_finding\n"_s;
    for (const FleetLine& l : lines) {
        const Cluster::ClusterSummary& s = l.summary;
        QStringList cells { l.name, Cluster::healthKey(s.health), s.leader, QString::number(s.membersRunning),
            QString::number(s.membersTotal), s.timeline ? QString::number(*s.timeline) : QString(),
            s.worstLagBytes ? QString::number(*s.worstLagBytes) : QString(), s.worstLagMember,
            s.worstLagSeconds ? QString::number(*s.worstLagSeconds, 'f', 3) : QString(),
            s.worstFinding ? s.worstFinding->key() : (!s.everRead ? Cluster::codeName(l.error.code) : QString()) };
        for (QString& c : cells)
            c.replace(u'\t', u' ').replace(u'\n', u' ');
        out += cells.join(u'\t') + u'\n';
    }
    return out;
}

QJsonObject fleetToJson(const QList<FleetLine>& lines, const QDateTime& now)
{
    QJsonArray clusters;
    for (const FleetLine& l : lines) {
        const Cluster::ClusterSummary& s = l.summary;
        QJsonObject c;
        c.insert("name"_L1, l.name);
        c.insert("health"_L1, Cluster::healthKey(s.health));
        c.insert("read"_L1, s.everRead && !s.stale);
        c.insert("stale"_L1, s.stale);
        c.insert("summary"_L1, s.headline);
        c.insert("leader"_L1, s.leader.isEmpty() ? QJsonValue() : s.leader);
        c.insert("dcsLeaders"_L1, QJsonArray::fromStringList(s.dcsLeaders));
        c.insert("membersRunning"_L1, s.membersRunning);
        c.insert("membersTotal"_L1, s.membersTotal);
        c.insert("timeline"_L1, s.timeline ? QJsonValue(*s.timeline) : QJsonValue());
        c.insert("paused"_L1, s.paused);
        c.insert("worstLagBytes"_L1, s.worstLagBytes ? QJsonValue(double(*s.worstLagBytes)) : QJsonValue());
        c.insert("worstLagMember"_L1, s.worstLagMember.isEmpty() ? QJsonValue() : s.worstLagMember);
        c.insert("worstLagSeconds"_L1, s.worstLagSeconds ? QJsonValue(*s.worstLagSeconds) : QJsonValue());
        if (s.worstFinding)
            c.insert("worstFinding"_L1,
                QJsonObject { { u"id"_s, s.worstFinding->id },
                    { u"severity"_s, Cluster::severityName(s.worstFinding->severity) },
                    { u"subject"_s, s.worstFinding->subject }, { u"message"_s, s.worstFinding->message } });
        else
            c.insert("worstFinding"_L1, QJsonValue());
        c.insert("error"_L1, Cluster::errorToJson(l.error));
        clusters.append(c);
    }
    return QJsonObject { { u"schema"_s, u"patroni-console/fleet/1"_s },
        { u"takenAt"_s, now.toUTC().toString(Qt::ISODateWithMs) }, { u"clusters"_s, clusters } };
}

} // namespace Cli
