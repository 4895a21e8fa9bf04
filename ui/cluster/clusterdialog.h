#pragma once

#include "models/cluster/profile.h"
#include "models/session/clustereditor.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Ui {

// Add or edit one saved cluster: one Patroni URL is enough (the members are discovered); HAProxy's
// stats URL and user, etcd's URLs, PostgreSQL's user, database and TLS mode, TLS files are optional.
// Passwords go to the keychain, never into the profile. "Test connection" runs one round of every
// source and says, per source, what answered or why not. Save validates first and names the field
// that is wrong; nothing is saved until the editor says it is all stored.
class ClusterDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterDialog)
public:
    // `existing`: edit that profile (its name cannot change here); none: a new cluster.
    ClusterDialog(
        Session::ClusterEditor* editor, const std::optional<Cluster::Profile>& existing, QWidget* parent = nullptr);

    // The profile the fields describe, or the problems (each names its field) that prevent one.
    std::optional<Cluster::Profile> profileFromFields(QStringList* problems) const;
    QString resultText() const;
    QString savedName() const { return m_savedName; }

    // For tests: the fields by what they hold.
    QLineEdit* nameField() const { return m_name; }
    QLineEdit* patroniField() const { return m_patroni; }
    QLineEdit* haproxyField() const { return m_haproxy; }
    QLineEdit* etcdField() const { return m_etcd; }
    QLineEdit* postgresUserField() const { return m_pgUser; }
    QLineEdit* postgresPasswordField() const { return m_pgPassword; }
    QPushButton* testButton() const { return m_test; }
    QPushButton* saveButton() const { return m_save; }

private:
    void runTest();
    void trySave();
    void showResult(const QString& text, bool ok);
    void setBusy(bool busy);
    Session::Passwords passwords() const;

    QPointer<Session::ClusterEditor> m_editor;
    Cluster::Profile m_base; // the edited profile's fields the dialog does not show (intervals, routes)
    bool m_isNew = true;
    QLineEdit* m_name;
    QLineEdit* m_patroni;
    QLineEdit* m_apiUser;
    QLineEdit* m_apiPassword;
    QLineEdit* m_haproxy;
    QLineEdit* m_haproxyUser;
    QLineEdit* m_haproxyPassword;
    QLineEdit* m_etcd;
    QLineEdit* m_pgUser;
    QLineEdit* m_pgDatabase;
    QComboBox* m_pgSslMode;
    QLineEdit* m_pgPassword;
    QLineEdit* m_caFile;
    QLineEdit* m_certFile;
    QLineEdit* m_keyFile;
    QPlainTextEdit* m_result;
    QPushButton* m_test;
    QPushButton* m_save;
    QDialogButtonBox* m_buttons;
    QString m_savedName;
    enum class Pending { None, Test, Save };
    Pending m_pending = Pending::None; // the request this dialog waits for
    QString m_pendingName;
};

} // namespace Ui
