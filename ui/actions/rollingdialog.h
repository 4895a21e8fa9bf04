#pragma once

#include "models/actions/controller.h"
#include "models/actions/rolling.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Session {
class ClusterSession;
}

namespace Ui {

class CredentialsBox;

// The guided rolling restart: the plan (replicas one at a time, a switchover, the old leader) shown
// and following the cluster until Start; then each step sent through the cluster's executor and
// verified, the cluster healthy again before the next (60 s at most), stopping at the first step
// that fails. "Stop after this step" ends it cleanly between steps.
class RollingRestartDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollingRestartDialog)
public:
    enum class Stage { Ready, Running, Stopped, Done };

    RollingRestartDialog(Session::ClusterSession* session, bool pendingOnly, QWidget* parent = nullptr);

    Stage stage() const { return m_stage; }
    const Actions::RollingPlan& plan() const { return m_plan; }
    QTreeWidget* stepList() const { return m_steps; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* stopButton() const { return m_stop; }
    QLineEdit* passwordEdit() const;
    QString statusText() const;
    void setSettleTimeoutMs(int ms) { m_settleTimeoutMs = ms; }

public Q_SLOTS:
    void reject() override;

private:
    void replan();
    void start();
    void runStep();
    void stepFinished(const Actions::Outcome& outcome);
    void checkSettled();
    void stopWith(const QString& why);
    void setRow(int index, const QString& state, bool ok);
    QString stepText(int index, const Actions::Request& request) const;

    QPointer<Session::ClusterSession> m_session;
    QPointer<Actions::Controller> m_controller;
    Actions::RollingPlan m_plan;
    Stage m_stage = Stage::Ready;
    int m_step = -1;
    bool m_settling = false;
    bool m_stopRequested = false;
    int m_settleTimeoutMs = 60000;
    QTimer m_settleDeadline;
    QElapsedTimer m_clock;
    QList<QMetaObject::Connection> m_flight;

    QCheckBox* m_pendingOnly;
    QTreeWidget* m_steps;
    QLabel* m_status;
    CredentialsBox* m_credentials;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_close;
};

} // namespace Ui
