#include "app/sources/poller.h"

#include <QRandomGenerator>

namespace Sources {

Poller::Poller(Sources::HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_http(http)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &Poller::tick);
}

void Poller::setCredentials(const QString& user, const QString& password)
{
    if (user.isEmpty())
        m_options.basicAuth.reset();
    else
        m_options.basicAuth = BasicAuth { user, password };
    credentialsChanged();
}

void Poller::start()
{
    // The first round now; the following ones at a phase of their own within the interval, so that a
    // fleet started at once does not poll in one burst every second (a burst makes the GUI thread busy
    // for tens of milliseconds and holds hundreds of sockets open at the same instant).
    if (!m_stopped)
        return; // already running: one phase timer, not two
    m_stopped = false;
    pollNow();
    const int phase = int(QRandomGenerator::global()->bounded(std::max(1, m_timer.interval())));
    QTimer::singleShot(phase, this, [this] {
        if (m_stopped)
            return;
        m_timer.start();
        tick();
    });
}

void Poller::stop()
{
    m_stopped = true;
    m_timer.stop();
}

void Poller::pollNow()
{
    if (m_inFlight) {
        ++m_skippedBusy;
        return;
    }
    begin();
}

void Poller::pollAfterChange()
{
    if (m_inFlight) {
        m_again = true;
        return;
    }
    ++m_afterChange;
    begin();
}

void Poller::tick()
{
    if (m_inFlight && !releaseStalledRound()) {
        ++m_skippedBusy;
        return;
    }
    if (m_skip > 0) {
        --m_skip;
        return;
    }
    begin();
}

void Poller::begin()
{
    m_inFlight = true;
    ++m_started;
    startRound();
}

void Poller::finishRound(bool ok)
{
    if (!m_inFlight)
        return; // a subclass bug must not end a round twice
    m_inFlight = false;
    if (ok) {
        m_failures = 0;
        m_skip = 0;
    } else {
        ++m_failures;
        m_skip = std::min(m_failures - 1, m_maxBackoff);
    }
    Q_EMIT roundFinished(ok);
    if (m_again && !m_inFlight) {
        // After the receivers of roundFinished, not inside them.
        m_again = false;
        QMetaObject::invokeMethod(this, &Poller::pollAfterChange, Qt::QueuedConnection);
    }
}

FetchOptions Poller::fetchOptions(const QString& sourceName) const
{
    FetchOptions o = m_options;
    o.sourceName = sourceName;
    return o;
}

} // namespace Sources
