#pragma once

#include "models/cluster/laghistory.h"

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>

class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace Ui {

// A time axis, a value axis from 0, one line per name and vertical markers (failovers, timelines):
// what the lag chart and the HAProxy sessions chart share. Qt Charts draws the axes, the grid and the
// legend; the lines are painted here (a replaced QLineSeries costs Qt Charts about 2 µs a point: a
// day of ten replicas would take 30 ms a refresh; bench_ui measures it). A name keeps its colour for
// as long as the view shows it.
class TimeSeriesView final : public QChartView {
    Q_OBJECT // for tr(): its messages' context
        Q_DISABLE_COPY_MOVE(TimeSeriesView) public : explicit TimeSeriesView(QWidget* parent = nullptr);

    void setTimeRange(const QDateTime& from, const QDateTime& to, const QString& format);
    void setValueRange(double top, const QString& title); // 0..top (a little headroom, nice numbers)
    // x: ms since the Unix epoch; y: in the value axis's unit. Names not given disappear.
    void setLines(const QHash<QString, QList<QPointF>>& lines);
    void setMarkers(const QList<Cluster::LagMarker>& markers);
    void clearLines(); // another cluster: its names, its colours
    void followPalette(const QPalette& palette);

    const QHash<QString, QList<QPointF>>& lines() const { return m_lines; }
    const QList<Cluster::LagMarker>& markers() const { return m_markers; }
    QString valueTitle() const;
    // The chart's plot width in pixels (at least 50): how many columns are worth computing.
    int columns() const;

    static QColor seriesColor(int index);

protected:
    void drawForeground(QPainter* p, const QRectF& rect) override;
    void showEvent(QShowEvent* event) override;

private:
    void drawLines(QPainter* p, const QRectF& area);
    void drawMarkers(QPainter* p, const QRectF& area);

    QDateTimeAxis* m_x;
    QValueAxis* m_y;
    QHash<QString, QLineSeries*> m_series; // legend entries
    QHash<QString, QList<QPointF>> m_lines;
    QStringList m_order; // first seen first
    QList<Cluster::LagMarker> m_markers;
};

// What the lag and the sessions charts share around their view: a bold title, a plain-text note (why
// the chart is empty), the controls on the right, the view under them, filling `owner`.
void layoutChart(QWidget* owner, const QString& title, QLabel* note, const QList<QWidget*>& controls,
    TimeSeriesView* view, const QString& viewName);
// A time range chooser: "5 min", "1 h", "24 h" for those of 300, 3600, 86400 seconds given.
void fillRanges(QComboBox* range, const QList<int>& seconds);

} // namespace Ui
