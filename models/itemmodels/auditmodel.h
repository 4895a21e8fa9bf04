#pragma once

#include "models/actions/auditlog.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

namespace ItemModels {

// The audit log as the window shows it: one row per action (its last line: the answer and the
// verification, or "sending" when nothing followed), newest first.
class AuditModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)
public:
    enum Column { Time, Result, Cluster, Action, Parameters, By, Http, Detail, ColumnCount };
    enum Roles {
        RecordIndexRole = Qt::UserRole, // the row's index into records()
        PhaseRole, // "refused", "sending", "verified", …
        SortRole,
    };

    explicit AuditModel(QObject* parent = nullptr);
    // Every line of the log, as AuditLog::read() returns them (oldest first).
    void setRecords(const QList<Actions::AuditRecord>& lines);
    const QList<Actions::AuditRecord>& records() const { return m_records; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Actions::AuditRecord> m_records; // newest first
};

// Text anywhere in a row, one cluster, one action, from a time on.
class AuditFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditFilterModel)
public:
    explicit AuditFilterModel(QObject* parent = nullptr);
    void setText(const QString& text);
    void setCluster(const QString& cluster); // empty: every cluster
    void setAction(const QString& kindName); // empty: every action
    void setSince(const QDateTime& since); // invalid: all
    // The records shown, in the order shown.
    QList<Actions::AuditRecord> shownRecords() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QString m_cluster;
    QString m_action;
    QDateTime m_since;
};

} // namespace ItemModels
