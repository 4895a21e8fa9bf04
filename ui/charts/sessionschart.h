#pragma once

#include <QDateTime>
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

// HAProxy's client sessions per member over the last 5 minutes or hour (the session's
// SessionHistory), with the same failover markers as the lag chart: where the clients went when the
// leader moved.
class SessionsChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsChart)
public:
    explicit SessionsChart(QWidget* parent = nullptr);

    void setSession(Session::ClusterSession* session);
    void setRangeSeconds(int seconds); // 300, 3600
    int rangeSeconds() const;
    void refresh(const QDateTime& now = {});
    QHash<QString, int> seriesPoints() const;

private:
    QPointer<Session::ClusterSession> m_session;
    QComboBox* m_range;
    QLabel* m_empty;
    TimeSeriesView* m_view;
    QTimer* m_timer;
};

} // namespace Ui
