#pragma once

#include "models/cluster/event.h"
#include "models/cluster/finding.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace ItemModels {

// The events of an EventLogModel that match: a member (or any subject containing the text), a kind,
// a least severity. Empty filters match everything.
class EventFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterModel)
public:
    explicit EventFilterModel(QObject* parent = nullptr);

    void setSubject(const QString& text); // case-insensitive, contained in the subject or the message
    void setKind(const std::optional<Cluster::EventKind>& kind);
    void setMinimumSeverity(Cluster::Severity severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_subject;
    std::optional<Cluster::EventKind> m_kind;
    Cluster::Severity m_minimum = Cluster::Severity::Info;
};

} // namespace ItemModels
