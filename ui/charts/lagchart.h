#pragma once

#include "models/cluster/chartseries.h"
#include "models/cluster/laghistory.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;

namespace Session {
class ClusterSession;
}

namespace Ui {

class TimeSeriesView;

// Replication lag per replica over the last 5 minutes, hour or day, in bytes or seconds, from the
// session's lag history; failovers, switchovers and new timelines are vertical lines on the time
// axis. Qt Charts stays inside ui/charts/.
class LagChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagChart)
public:
    explicit LagChart(QWidget* parent = nullptr);
    ~LagChart() override;

    void setSession(Session::ClusterSession* session);
    void setRangeSeconds(int seconds); // 300, 3600, 86400
    void setUnit(Cluster::LagUnit unit);
    int rangeSeconds() const;
    Cluster::LagUnit unit() const;

    // Re-reads the history and redraws (a timer calls it; tests and the benchmark call it directly).
    // `now` defaults to the current time.
    void refresh(const QDateTime& now = {});

    // What is drawn, for tests: series names with their point counts, and the markers in range.
    QHash<QString, int> seriesPoints() const;
    QList<Cluster::LagMarker> markers() const;
    QString axisTitle() const;

private:
    void scheduleTimer();

    QPointer<Session::ClusterSession> m_session;
    QComboBox* m_range;
    QComboBox* m_unit;
    QLabel* m_empty;
    TimeSeriesView* m_view;
    QTimer* m_timer;
    QElapsedTimer m_lastRefresh;
    bool m_hasPoints = false;
};

} // namespace Ui
