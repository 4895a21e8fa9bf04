#pragma once

#include "app/sources/httpfetch.h"

#include <QObject>
#include <QTimer>

namespace Sources {

// What every source of a cluster shares (Patroni, HAProxy, etcd, PostgreSQL): an interval timer, at
// most one round in flight, a total deadline per request, TLS, credentials, backoff after failures,
// and roundFinished(). A subclass starts a round in startRound() and ends it with finishRound()
// exactly once; a timer tick while a round is still running is skipped (and counted), never queued,
// so a hung peer costs one request, not a pile.
//
// Backoff: after a failed round the next ticks are skipped — one after the second failure in a row,
// two after the third, up to maxBackoffTicks — so a dead source costs little and one that comes back
// is seen within maxBackoffTicks + 1 intervals. pollNow() ignores the backoff (a user's refresh, a
// leader change).
class Poller : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Poller)
public:
    Poller(Sources::HttpClient* http, QObject* parent = nullptr);

    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    void setDeadline(int ms) { m_options.deadlineMs = ms; }
    int deadline() const { return m_options.deadlineMs; }
    void setSslConfiguration(const QSslConfiguration& ssl) { m_options.ssl = ssl; }
    // Basic auth for every request of this source (e.g. HAProxy's `stats auth`); empty user: none.
    void setCredentials(const QString& user, const QString& password);
    void setMaxBackoffTicks(int ticks) { m_maxBackoff = ticks; }
    bool hasCredentials() const { return m_options.basicAuth.has_value(); }

    void start(); // first round now, then every interval
    void stop();
    bool isRunning() const { return !m_stopped; }
    // A round now, unless one is running (then nothing: its answer is on the way).
    void pollNow();
    // A round that starts no earlier than now: now when idle, else as soon as the running one ends
    // (its answers may predate what the caller has just learned). For news from the DCS's watch.
    void pollAfterChange();

    bool roundInFlight() const { return m_inFlight; }
    int consecutiveFailures() const { return m_failures; }
    quint64 roundsStarted() const { return m_started; }
    quint64 ticksSkippedBusy() const { return m_skippedBusy; }
    quint64 roundsAfterChange() const { return m_afterChange; } // rounds started by pollAfterChange()

Q_SIGNALS:
    // A round has ended: every request of it answered, failed or hit its deadline.
    void roundFinished(bool ok);

protected:
    virtual void startRound() = 0;
    // A tick came while the round is still running. A subclass whose round has a part that must
    // not hold back the next round (a member API that hangs must not delay the DCS's view) may end
    // the round here with finishRound() and return true; the tick then starts the next one.
    virtual bool releaseStalledRound() { return false; }
    // New credentials were set (a subclass may want to check them with its next round).
    virtual void credentialsChanged() { }
    void finishRound(bool ok);
    // The shared options (deadline, TLS, credentials) with this request's name for messages.
    FetchOptions fetchOptions(const QString& sourceName) const;
    Sources::HttpClient* http() const { return m_http; }

private:
    void tick();
    void begin();

    Sources::HttpClient* m_http;
    FetchOptions m_options;
    QTimer m_timer;
    bool m_inFlight = false;
    bool m_stopped = true;
    int m_failures = 0;
    int m_skip = 0;
    int m_maxBackoff = 3;
    quint64 m_started = 0;
    quint64 m_skippedBusy = 0;
    quint64 m_afterChange = 0;
    bool m_again = false; // pollAfterChange() during a round: another one right after it
};

} // namespace Sources
