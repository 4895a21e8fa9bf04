#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace ItemModels {
class AuditModel;
class AuditFilterModel;
} // namespace ItemModels

namespace Ui {

// The audit log in the window: one row per action, newest first, filtered by text, cluster, action
// and age; the selected action's whole record beside it; exported as JSON (the CLI's
// `audit --format json`) or CSV. It follows the file: what another window or the CLI appends shows up.
class AuditDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditDialog)
public:
    AuditDialog(const QString& path, const QString& cluster, QWidget* parent = nullptr);

    void reload();
    // Writes the rows shown; the format from the extension (.json, else CSV). Empty when written, else why not.
    QString exportTo(const QString& path) const;

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_text; }
    QComboBox* clusterBox() const { return m_cluster; }
    QComboBox* actionBox() const { return m_action; }
    ItemModels::AuditFilterModel* filterModel() const { return m_filter; }
    QString detailText() const;

private:
    void exportInteractively();
    void showSelected();

    QString m_path;
    ItemModels::AuditModel* m_model;
    ItemModels::AuditFilterModel* m_filter;
    QLineEdit* m_text;
    QComboBox* m_cluster;
    QComboBox* m_action;
    QComboBox* m_since;
    QTableView* m_table;
    QPlainTextEdit* m_detail;
    QLabel* m_status;
};

} // namespace Ui
