#include "models/session/clustereditor.h"

#include "models/cluster/assessment.h"
#include "models/cluster/sourceerror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Session {

namespace {
    QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
    {
        return QCoreApplication::translate("Session", text, disambiguation, n);
    }

    QStringList findingsWith(const QList<Cluster::Finding>& findings, const QString& prefix)
    {
        QStringList out;
        for (const Cluster::Finding& f : findings) {
            if (f.id.startsWith(prefix))
                out.append(f.shownMessage());
        }
        return out;
    }
} // namespace

QList<SourceCheck> connectionReport(const Cluster::ClusterState& state, const QList<Cluster::Finding>& findings)
{
    QList<SourceCheck> out;
    for (const QString& problem : state.settingsProblems)
        out.append({ tr("Settings"), false, problem });

    SourceCheck patroni { tr("Patroni"), false, {} };
    if (state.dcs.failing()) {
        patroni.message = Cluster::describe(state.dcs.error);
    } else if (!state.dcs.everSucceeded()) {
        patroni.message = tr("no answer within the deadline");
    } else {
        const QString leader = Cluster::effectiveLeader(state);
        patroni.ok = true;
        patroni.message = tr("%n member(s)", nullptr, int(state.view.members.size()))
            + (leader.isEmpty() ? tr(", no working leader") : tr(", leader %1").arg(leader));
        if (!state.scope().isEmpty())
            patroni.message = tr("cluster \"%1\": ").arg(state.scope()) + patroni.message;
        int silent = 0;
        for (const Cluster::MemberObservation& o : state.members)
            silent += o.source.failing() ? 1 : 0;
        if (silent > 0)
            patroni.message += tr("; %n member API(s) do not answer", nullptr, silent);
    }
    out.append(patroni);

    if (state.haproxyConfigured) {
        SourceCheck h { tr("HAProxy"), false, {} };
        if (state.haproxySource.failing()) {
            h.message = Cluster::describe(state.haproxySource.error);
        } else if (!state.haproxy) {
            h.message = tr("no answer within the deadline");
        } else {
            const QStringList missing = findingsWith(findings, u"routing.proxy-missing"_s);
            h.ok = missing.isEmpty();
            h.message = missing.isEmpty() ? tr("stats read: %1 → %2; %3 → %4")
                                                .arg(QString::number(state.routes.primaryPort),
                                                    state.routedTo(state.routes.primary).join(u", "_s),
                                                    QString::number(state.routes.replicasPort),
                                                    state.routedTo(state.routes.replicas).join(u", "_s))
                                          : missing.join(u' ');
        }
        out.append(h);
    }
    if (state.etcdConfigured) {
        SourceCheck e { tr("etcd"), false, {} };
        if (state.etcdSource.failing()) {
            e.message = Cluster::describe(state.etcdSource.error);
        } else if (!state.etcd) {
            e.message = tr("no answer within the deadline");
        } else {
            e.ok = state.etcd->healthyCount() > 0;
            e.message
                = tr("%1 of %2 endpoints healthy").arg(state.etcd->healthyCount()).arg(state.etcd->endpoints.size());
            if (!state.etcd->leader.isEmpty())
                e.message += tr(", raft leader %1").arg(state.etcd->leader);
        }
        out.append(e);
    }
    if (state.postgresConfigured) {
        SourceCheck p { tr("PostgreSQL"), false, {} };
        if (state.postgresSource.failing()) {
            p.message = Cluster::describe(state.postgresSource.error);
        } else if (!state.postgres) {
            p.message = tr("not asked (no member list, or no password)");
        } else if (!state.postgres->errors.isEmpty()) {
            QStringList errors;
            for (auto it = state.postgres->errors.cbegin(); it != state.postgres->errors.cend(); ++it)
                errors.append(it.key() + u": "_s + Cluster::describe(it.value()));
            p.message = errors.join(u"; "_s);
        } else {
            p.ok = true;
            p.message = state.postgres->primaryMember.isEmpty()
                ? tr("connected")
                : tr("connected; the primary %1 lists %n replica(s)", nullptr,
                    int(state.postgres->primary ? state.postgres->primary->stats.size() : 0))
                      .arg(state.postgres->primaryMember);
        }
        out.append(p);
    }
    return out;
}

} // namespace Session
