#include "models/cluster/details.h"
#include "models/cluster/translate.h"

#include "models/cluster/assessment.h"
#include "models/cluster/plaintext.h"
#include "models/itemmodels/membertablemodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Cluster {

namespace {

    QString tr(const char* text)
    {
        return Cluster::translate(text);
    }

    QString bytes(const std::optional<qint64>& v)
    {
        // Scaled in the reader's locale, and the exact count: a detail panel is where both are wanted.
        if (!v)
            return {};
        return *v < 1024 ? ItemModels::displayBytes(*v)
                         : ItemModels::displayBytes(*v) + u" ("_s + ItemModels::formatBytes(*v) + u')';
    }

    // A WAL position in bytes as PostgreSQL writes an LSN: "0/3000060".
    QString lsn(const std::optional<qint64>& v)
    {
        if (!v || *v < 0)
            return {};
        const quint64 u = quint64(*v);
        return QString::number(u >> 32, 16).toUpper() + u'/' + QString::number(u & 0xFFFFFFFFu, 16).toUpper();
    }

    QString tagsText(const QVariantMap& tags)
    {
        QStringList parts;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            parts.append(displayText(it.key(), 40) + u'=' + displayText(it.value().toString(), 60));
        return parts.join(u", "_s);
    }

    void add(DetailGroup& g, const QString& key, const QString& value)
    {
        if (!value.isEmpty())
            g.rows.append({ key, value });
    }

    QString yesNo(bool v)
    {
        return v ? tr("yes") : tr("no");
    }

    QString versionText(int v)
    {
        // 150018 -> 15.18; 90624 -> 9.6.24
        if (v >= 100000)
            return u"%1.%2"_s.arg(v / 10000).arg(v % 10000);
        return u"%1.%2.%3"_s.arg(v / 10000).arg((v / 100) % 100).arg(v % 100);
    }

    QString sourceText(const SourceState& s, const QDateTime& now)
    {
        if (s.failing())
            return describe(s.error);
        if (s.lastSuccess.isValid())
            return tr("answered %1 ago").arg(durationText(std::max<qint64>(0, s.lastSuccess.secsTo(now))));
        return tr("not asked yet");
    }

} // namespace

QString durationText(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QStringList memberDetailColumns()
{
    return { tr("What"), tr("Value") };
}

QList<DetailGroup> memberDetails(
    const ClusterState& state, const QList<Finding>& findings, const QString& member, const QDateTime& now)
{
    const std::optional<MemberView> found = memberView(state, findings, member);
    if (!found)
        return {};
    const MemberView& v = *found;
    QList<DetailGroup> out;

    DetailGroup shown { tr("Shown as"), {} };
    add(shown, tr("member"), displayText(v.name, 80));
    add(shown, tr("health"), healthKey(v.health));
    add(shown, tr("role"), shownRole(v));
    add(shown, tr("state"), displayText(v.state, 60));
    add(shown, tr("timeline"), v.timeline ? QString::number(*v.timeline) : QString());
    if (!v.isLeader()) {
        add(shown, tr("lag"), v.lagUnknown ? tr("unknown") : bytes(v.lagBytes));
        add(shown, tr("lag in seconds"),
            v.lagSeconds ? tr("%1 s").arg(*v.lagSeconds, 0, 'f', 3)
                         : tr("not known (PostgreSQL not asked or cannot tell)"));
    }
    add(shown, tr("its REST API"),
        v.reach == Reach::Answering    ? tr("answering")
            : v.reach == Reach::Silent ? tr("silent: %1").arg(describe(state.members.value(v.name).source.error))
                                       : tr("not asked yet"));
    out.append(shown);

    const auto obs = state.members.constFind(v.name);
    if (obs != state.members.constEnd() && obs->status) {
        const Patroni::MemberStatus& st = *obs->status;
        DetailGroup own { tr("Its own view (GET /patroni)"), {} };
        add(own, tr("answered"), sourceText(obs->source, now));
        add(own, tr("state"), displayText(st.state, 60));
        add(own, tr("role"), displayText(st.roleText, 40));
        add(own, tr("timeline"), st.timeline ? QString::number(*st.timeline) : QString());
        add(own, tr("WAL position"),
            st.xlogLocation ? lsn(st.xlogLocation) + u"  ("_s + ItemModels::formatBytes(*st.xlogLocation) + u')'
                            : QString());
        add(own, tr("received"), st.receivedLocation ? lsn(st.receivedLocation) : QString());
        add(own, tr("replayed"), st.replayedLocation ? lsn(st.replayedLocation) : QString());
        add(own, tr("last replayed transaction"), displayText(st.replayedTimestamp, 40));
        if (st.replayPaused)
            add(own, tr("replay paused"), yesNo(*st.replayPaused));
        add(own, tr("replication state"), displayText(st.replicationState, 40));
        if (st.dcsLastSeen) {
            const qint64 age = now.toSecsSinceEpoch() - *st.dcsLastSeen;
            add(own, tr("DCS last seen"), tr("%1 ago").arg(durationText(age)));
        }
        add(own, tr("pending restart"), yesNo(st.pendingRestart));
        add(own, tr("Patroni"), displayText(st.patroniVersion, 20));
        add(own, tr("PostgreSQL"), st.serverVersion ? versionText(*st.serverVersion) : QString());
        add(own, tr("postmaster started"), displayText(st.postmasterStartTime, 40));
        add(own, tr("tags"), tagsText(st.tags));
        if (st.paused)
            add(own, tr("cluster"), tr("paused (maintenance mode)"));
        out.append(own);

        DetailGroup repl { tr("Streaming from it (its pg_stat_replication)"), {} };
        for (const Patroni::ReplicationRow& r : st.replication)
            add(repl, displayText(r.applicationName, 60),
                u"%1, %2"_s.arg(displayText(r.state, 20), displayText(r.syncState, 20))
                    + (r.clientAddr.isEmpty() ? QString() : tr(" from %1").arg(displayText(r.clientAddr, 60))));
        if (!repl.rows.isEmpty())
            out.append(repl);
    } else if (obs != state.members.constEnd() && obs->source.failing()) {
        out.append(DetailGroup { tr("Its own view (GET /patroni)"), { { tr("error"), describe(obs->source.error) } } });
    }

    const Member& m = v.dcs;
    DetailGroup dcs { tr("The DCS's view (GET /cluster)"), {} };
    add(dcs, tr("role"), displayText(m.roleText, 40));
    add(dcs, tr("state"), displayText(m.state, 60));
    add(dcs, tr("address"),
        m.port ? displayText(m.host, 80) + u':' + QString::number(m.port) : displayText(m.host, 80));
    add(dcs, tr("REST API"), displayText(m.apiUrl.toString(), 120));
    add(dcs, tr("timeline"), m.timeline ? QString::number(*m.timeline) : QString());
    add(dcs, tr("lag"), m.lagUnknown ? tr("unknown") : bytes(m.lagBytes));
    add(dcs, tr("receive lag"), bytes(m.receiveLagBytes));
    add(dcs, tr("replay lag"), bytes(m.replayLagBytes));
    add(dcs, tr("LSN"), displayText(m.lsn, 40));
    add(dcs, tr("tags"), tagsText(m.tags));
    add(dcs, tr("scheduled restart"), displayText(m.scheduledRestart, 40));
    out.append(dcs);

    if (state.postgresConfigured) {
        DetailGroup pg { tr("PostgreSQL (libpq)"), {} };
        if (state.postgres && state.postgres->errors.contains(v.name))
            add(pg, tr("error"), describe(state.postgres->errors.value(v.name)));
        else if (const auto s = state.lagSeconds(v.name))
            add(pg, tr("replay delay"), tr("%1 s").arg(*s, 0, 'f', 3));
        else if (!v.isLeader())
            add(pg, tr("replay delay"), tr("not known"));
        if (!pg.rows.isEmpty())
            out.append(pg);
    }

    DetailGroup about { tr("Findings"), {} };
    for (const Finding& f : findings) {
        if (f.subject == v.name)
            about.rows.append({ severityName(f.severity), f.shownMessage() });
    }
    if (!about.rows.isEmpty())
        out.append(about);
    return out;
}

QStringList haproxyDetailColumns()
{
    return { tr("Server"), tr("Status"), tr("Check"), tr("Check time"), tr("Sessions"), tr("Last change"),
        tr("Downtime") };
}

QList<DetailGroup> haproxyDetails(const ClusterState& state)
{
    QList<DetailGroup> out;
    if (!state.haproxy)
        return out;
    for (const RouteNames::Route& p : state.routes.all()) {
        DetailGroup g { tr("port %1 (%2)").arg(p.port).arg(displayText(p.proxy, 40)), {} };
        for (const Haproxy::Row* row : state.haproxy->servers(p.proxy)) {
            QString check = row->checkStatus;
            if (row->checkInProgress)
                check = u"* "_s + check;
            if (!row->lastCheck.isEmpty())
                check += u" "_s + displayText(row->lastCheck, 60);
            g.rows.append({ displayText(row->name, 60), displayText(row->statusText, 40), check,
                row->checkDurationMs ? tr("%1 ms").arg(*row->checkDurationMs) : QString(),
                row->scur ? u"%1 / %2"_s.arg(*row->scur).arg(row->smax.value_or(0)) : QString(),
                row->lastChangeSecs ? tr("%1 ago").arg(durationText(*row->lastChangeSecs)) : QString(),
                row->downtimeSecs ? durationText(*row->downtimeSecs) : QString() });
        }
        if (g.rows.isEmpty())
            g.rows.append({ tr("(no proxy of that name)"), {}, {}, {}, {}, {}, {} });
        out.append(g);
    }
    return out;
}

QStringList etcdDetailColumns()
{
    return { tr("Endpoint"), tr("Health"), tr("Detail") };
}

QList<DetailGroup> etcdDetails(const ClusterState& state)
{
    QList<DetailGroup> out;
    if (!state.etcd)
        return out;
    const EtcdView& e = *state.etcd;
    DetailGroup endpoints { tr("Endpoints (%1 of %2 healthy)").arg(e.healthyCount()).arg(e.endpoints.size()), {} };
    for (const EtcdView::Endpoint& ep : e.endpoints) {
        QString health;
        QString detail;
        if (ep.error.isError()) {
            health = tr("unreachable");
            detail = describe(ep.error);
        } else if (ep.health) {
            health = ep.health->healthy ? tr("healthy") : tr("unhealthy");
            detail = displayText(ep.health->reason, 120);
        }
        endpoints.rows.append({ displayText(ep.url.toString(), 80), health, detail });
    }
    out.append(endpoints);
    DetailGroup cluster { tr("Cluster"), {} };
    cluster.rows.append({ tr("raft leader"), e.leader.isEmpty() ? tr("unknown") : displayText(e.leader, 60), {} });
    if (!e.version.isEmpty())
        cluster.rows.append({ tr("version"), displayText(e.version, 20), {} });
    if (e.members) {
        for (const Etcd::Member& m : e.members->members)
            cluster.rows.append({ tr("member"), m.isStarted() ? displayText(m.name, 60) : tr("(not started)"),
                displayText(m.clientUrls.join(u", "_s), 120) + (m.isLearner ? tr(" (learner)") : QString()) });
    }
    if (e.detailsError.isError())
        cluster.rows.append({ tr("details"), tr("unreadable"), describe(e.detailsError) });
    out.append(cluster);
    return out;
}

} // namespace Cluster
