#include "app/session/fleet.h"

#include "app/session/livesession.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace App {

Cluster::Profile adHocProfile(const QList<QUrl>& patroniUrls)
{
    Cluster::Profile p;
    p.name = patroniUrls.isEmpty() ? u"command line"_s : patroniUrls.first().authority();
    p.patroniUrls = patroniUrls;
    p.postgres.user.clear(); // PostgreSQL only where a profile or an option names a user
    return p;
}

QString journalDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/patroni-console/journal"_s;
}

Cluster::Profile applyOverrides(Cluster::Profile profile, const ProfileOverrides& overrides)
{
    if (overrides.patroniIntervalMs)
        profile.intervals.patroniMs = *overrides.patroniIntervalMs;
    if (overrides.requestDeadlineMs)
        profile.requestDeadlineMs = *overrides.requestDeadlineMs;
    return profile;
}

Fleet::Fleet(Sources::HttpClient* http, const Session::SessionOptions& options, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_options(options)
{
}

LiveSession* Fleet::add(const Cluster::Profile& profile)
{
    auto* s = new LiveSession(m_http, profile, m_options, this);
    m_sessions.append(s);
    connect(s, &Session::ClusterSession::roundFinished, this, [this] {
        if (m_pending > 0 && --m_pending == 0)
            Q_EMIT allRoundsFinished();
    });
    return s;
}

LiveSession* Fleet::replace(const Cluster::Profile& profile)
{
    qsizetype at = -1;
    for (qsizetype i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i)->name() == profile.name)
            at = i;
    }
    LiveSession* fresh = add(profile);
    if (at >= 0) {
        LiveSession* old = m_sessions.at(at);
        m_sessions.removeLast();
        m_sessions[at] = fresh; // the same place in the list
        old->stop();
        old->deleteLater();
    }
    return fresh;
}

bool Fleet::remove(const QString& name)
{
    for (qsizetype i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i)->name() == name) {
            LiveSession* old = m_sessions.takeAt(i);
            old->stop();
            old->deleteLater();
            return true;
        }
    }
    return false;
}

QList<Session::ClusterSession*> Fleet::sessions() const
{
    QList<Session::ClusterSession*> out;
    for (LiveSession* s : m_sessions)
        out.append(s);
    return out;
}

void Fleet::startAll()
{
    for (LiveSession* s : std::as_const(m_sessions))
        s->start();
}

void Fleet::pollOnceAll()
{
    m_pending = int(m_sessions.size());
    if (m_pending == 0) {
        Q_EMIT allRoundsFinished();
        return;
    }
    for (LiveSession* s : std::as_const(m_sessions))
        s->pollOnce();
}

} // namespace App
