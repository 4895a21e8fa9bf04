#pragma once

#include "models/actions/controller.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Session {
class ClusterSession;
}

namespace Ui {

class CredentialsBox;

// One action, from look to verdict, in one dialog:
// - Review: each candidate's checklist (ineligible ones greyed with the reason in words), the options
//   the action takes (a scheduled time, force, the configuration to edit), what the preflight found,
//   what will happen in one paragraph, the member's name to type for failover and reinit, and the
//   REST API's password when none is known yet. The review follows the cluster while it is open; if
//   the leader moves, it says so, and the executor refuses what was confirmed for the old leader.
// - Sent: Patroni's answer, then each verification step as it passes, with the time it took; the
//   verdict at the end. Closing the dialog does not stop an action in flight.
// Every outcome, cancelling included, is in the audit log (the controller writes it).
class ActionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionDialog)
public:
    enum class Stage { Review, InFlight, Finished };

    ActionDialog(Session::ClusterSession* session, const Actions::Request& request, QWidget* parent = nullptr);

    Stage stage() const { return m_stage; }
    const Actions::Request& request() const { return m_request; }
    std::optional<Actions::Outcome> outcome() const { return m_outcome; }
    // What the review says now, for tests and screenshots.
    QString consequencesText() const;
    QString problemsText() const;
    QString warningsText() const;
    QString leaderMovedText() const;
    QString resultText() const;
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* reviewAgainButton() const { return m_reviewAgain; }
    QLineEdit* typedNameEdit() const { return m_typed; }
    QLineEdit* passwordEdit() const;
    QTreeWidget* candidateList() const { return m_candidates; }
    QTreeWidget* stepList() const { return m_steps; }
    QPlainTextEdit* configEdit() const { return m_config; }
    // The candidate chosen in the list; empty: any (switchover only).
    QString chosenCandidate() const;
    void chooseCandidate(const QString& name);

    // The label on the confirm button: "Switch over", "Fail over", "Reinitialize", …
    static QString verb(Actions::Kind kind);
    static QString title(Actions::Kind kind);

public Q_SLOTS:
    void reject() override;

private:
    void buildReview();
    Actions::Request currentRequest(QString* invalid) const;
    void reviewNow();
    void updateHeading();
    void confirm();
    void send();
    void showSteps(const QList<Actions::Step>& steps);
    void finishWith(const Actions::Outcome& outcome);
    void startReviewAgain();
    bool credentialsNeeded() const;

    QPointer<Session::ClusterSession> m_session;
    QPointer<Actions::Controller> m_controller;
    Actions::Request m_request;
    QString m_chosen; // the candidate chosen (switchover, failover); empty: any
    Stage m_stage = Stage::Review;
    QString m_expectedLeader; // the leader when the review began
    bool m_askPassword = false;
    QStringList m_recordedProblems; // the review's problems in English, for the audit log
    std::optional<Actions::Outcome> m_outcome;
    QList<QMetaObject::Connection> m_flight;

    QLabel* m_heading;
    QLabel* m_leaderMoved;
    QTreeWidget* m_candidates = nullptr;
    QCheckBox* m_schedule = nullptr;
    QDateTimeEdit* m_at = nullptr;
    QCheckBox* m_force = nullptr;
    QCheckBox* m_pendingOnly = nullptr;
    QPlainTextEdit* m_config = nullptr;
    QByteArray m_configShown; // the configuration the editor started from
    QLabel* m_problems;
    QLabel* m_warnings;
    QLabel* m_consequences;
    QWidget* m_typedRow;
    QLabel* m_typedLabel;
    QLineEdit* m_typed;
    CredentialsBox* m_credentials;
    QGroupBox* m_progress;
    QLabel* m_answer;
    QTreeWidget* m_steps;
    QLabel* m_result;
    QDialogButtonBox* m_buttons;
    QPushButton* m_confirm;
    QPushButton* m_reviewAgain;
    QPushButton* m_close;
};

} // namespace Ui
