#include "app/cli/statusformat.h"

#include "models/cluster/sourceerror.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

    struct Row {
        QStringList cells;
    };

    QString lagMb(const Cluster::Member& m)
    {
        if (Cluster::isLeaderRole(m.role))
            return {};
        if (m.lagUnknown || !m.lagBytes)
            return u"unknown"_s;
        // patronictl rounds to whole MB; so do we here, and show the bytes beside it.
        return QString::number(std::llround(double(*m.lagBytes) / 1048576.0));
    }

    QString lagBytes(const Cluster::Member& m)
    {
        if (Cluster::isLeaderRole(m.role))
            return {};
        if (m.lagUnknown || !m.lagBytes)
            return u"unknown"_s;
        return QString::number(*m.lagBytes);
    }

    QString own(const Cluster::ClusterState& s, const Cluster::Member& m)
    {
        const auto it = s.members.constFind(m.name);
        if (it == s.members.constEnd())
            return u"-"_s;
        if (it->source.failing())
            return u"unreachable"_s;
        if (!it->status)
            return u"-"_s;
        return it->status->roleText + u'/' + it->status->state;
    }

    QString routes(const Cluster::ClusterState& s, const Cluster::Member& m)
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

    QString table(const QStringList& header, const QList<QStringList>& rows, const QString& title)
    {
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
            QString top = u"+ "_s + title + u' ';
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
        return out;
    }

} // namespace

QString formatStatusTable(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings)
{
    QStringList header { u"Member"_s, u"Host"_s, u"Role"_s, u"State"_s, u"TL"_s, u"Lag in MB"_s, u"Lag bytes"_s,
        u"Own view"_s };
    if (state.postgresConfigured)
        header.append(u"Lag s"_s);
    if (state.haproxyConfigured)
        header.append(u"HAProxy routes"_s);
    QList<QStringList> rows;
    for (const Cluster::Member& m : state.view.members) {
        QStringList row { m.name, m.port ? m.host + u':' + QString::number(m.port) : m.host, Cluster::roleName(m.role),
            m.state, m.timeline ? QString::number(*m.timeline) : QString(), lagMb(m), lagBytes(m), own(state, m) };
        if (state.postgresConfigured) {
            const auto seconds = state.lagSeconds(m.name);
            row.append(Cluster::isLeaderRole(m.role) ? QString()
                    : seconds                        ? QString::number(*seconds, 'f', 3)
                                                     : u"?"_s);
        }
        if (state.haproxyConfigured)
            row.append(routes(state, m));
        rows.append(row);
    }
    QString title = u"Cluster: "_s + (state.scope().isEmpty() ? u"(scope not reported)"_s : state.scope());
    if (state.view.paused)
        title += u" (paused)"_s;
    QString out = table(header, rows, title);
    if (state.view.scheduledSwitchover)
        out += u"Switchover scheduled at %1: %2 -> %3\n"_s.arg(state.view.scheduledSwitchover->at,
            state.view.scheduledSwitchover->from, state.view.scheduledSwitchover->to);
    if (state.dcs.failing())
        out += u"STALE: "_s + Cluster::describe(state.dcs.error) + u'\n';
    if (state.haproxyConfigured) {
        if (state.haproxy) {
            const Cluster::RouteNames& r = state.routes;
            const auto list = [&](const QString& proxy) {
                const QStringList to = state.routedTo(proxy);
                return to.isEmpty() ? u"NOTHING"_s : to.join(u", "_s);
            };
            out += u"HAProxy: %1 -> %2 | %3 -> %4 | %5 -> %6%7\n"_s.arg(QString::number(r.primaryPort), list(r.primary),
                QString::number(r.replicasPort), list(r.replicas), QString::number(r.anyPort), list(r.any),
                state.haproxySource.failing() ? u" (stale)"_s : QString());
        } else {
            out += u"HAProxy: "_s + Cluster::describe(state.haproxySource.error) + u'\n';
        }
    }
    if (state.etcdConfigured) {
        if (state.etcd && !state.etcdSource.failing()) {
            out += u"etcd: %1 of %2 members healthy"_s.arg(state.etcd->healthyCount())
                       .arg(state.etcd->endpoints.size());
            if (!state.etcd->leader.isEmpty())
                out += u", raft leader "_s + state.etcd->leader;
            if (!state.etcd->version.isEmpty())
                out += u" (etcd "_s + state.etcd->version + u')';
            out += u'\n';
        } else {
            out += u"etcd: "_s + Cluster::describe(state.etcdSource.error) + u'\n';
        }
    }
    if (findings.isEmpty()) {
        out += u"Findings: none\n"_s;
    } else {
        out += u"Findings:\n"_s;
        for (const Cluster::Finding& f : findings)
            out += u"  %1 %2: %3\n"_s.arg(Cluster::severityName(f.severity).toUpper(), f.key(), f.message);
    }
    return out;
}

QString formatStatusTsv(const Cluster::ClusterState& state)
{
    QString out = u"member\thost\tport\trole\tstate\ttimeline\tlag_bytes\n"_s;
    for (const Cluster::Member& m : state.view.members) {
        QStringList cells { m.name, m.host, QString::number(m.port), Cluster::roleName(m.role), m.state,
            m.timeline ? QString::number(*m.timeline) : QString(), lagBytes(m) };
        for (QString& c : cells)
            c.replace(u'\t', u' ').replace(u'\n', u' ');
        out += cells.join(u'\t') + u'\n';
    }
    return out;
}

} // namespace Cli
