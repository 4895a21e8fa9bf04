#include "ui/notifier.h"

#include "models/cluster/clusterstore.h"
#include "models/cluster/plaintext.h"
#include "models/session/clustersession.h"

#include <QIcon>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Ui {

Notifier::Notifier(QObject* parent)
    : QObject(parent)
{
    const QStringList muted = QSettings().value(u"notifications/muted"_s).toStringList();
    m_muted = QSet<QString>(muted.cbegin(), muted.cend());
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(u":/icons/patroni-console.svg"_s), this);
        m_tray->setToolTip(tr("Patroni Console"));
        m_tray->show();
    }
}

Notifier::~Notifier() = default;

void Notifier::setSessions(const QList<Session::ClusterSession*>& sessions)
{
    for (const auto& s : std::as_const(m_sessions)) {
        if (s)
            disconnect(s->store(), nullptr, this, nullptr);
    }
    m_sessions.clear();
    for (Session::ClusterSession* s : sessions) {
        m_sessions.append(s);
        const QString name = s->name();
        connect(s->store(), &Cluster::ClusterStore::eventsDetected, this,
            [this, name](const QList<Cluster::Event>& events) {
                if (m_muted.contains(name))
                    return;
                const bool holding = m_held.contains(name);
                m_held[name] += events;
                if (!holding)
                    QTimer::singleShot(holdMs, this, [this, name] { decide(name); });
            });
    }
}

void Notifier::decide(const QString& cluster)
{
    const QList<Cluster::Event> events = m_held.take(cluster);
    if (m_muted.contains(cluster))
        return;
    const auto n = Cluster::notificationFor(cluster, events);
    if (!n)
        return;
    // Notification servers may read the body as markup: escaped, the text is the text.
    QStringList lines;
    for (const QString& line : n->text.split(u'\n'))
        lines.append(Cluster::displayText(line, 200).toHtmlEscaped());
    if (m_tray)
        m_tray->showMessage(Cluster::displayText(n->title, 120), lines.join(u'\n'),
            n->critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning, 15000);
    Q_EMIT notified(cluster, *n);
}

void Notifier::setMuted(const QString& cluster, bool muted)
{
    if (muted)
        m_muted.insert(cluster);
    else
        m_muted.remove(cluster);
    QStringList list(m_muted.cbegin(), m_muted.cend());
    list.sort();
    QSettings().setValue(u"notifications/muted"_s, list);
}

} // namespace Ui
