#include "ui/actions/rollingdialog.h"

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/session/clustersession.h"
#include "ui/actions/credentialsbox.h"
#include "ui/palette.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

RollingRestartDialog::RollingRestartDialog(Session::ClusterSession* session, bool pendingOnly, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_controller(session ? session->actions() : nullptr)
    , m_pendingOnly(new QCheckBox(tr("Only the members that need a restart (pending restart)"), this))
    , m_steps(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_credentials(new CredentialsBox(this))
{
    setObjectName(u"rollingRestartDialog"_s);
    setWindowTitle(tr("Rolling restart — %1").arg(session ? session->name() : QString()));
    setMinimumWidth(700);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Restarts PostgreSQL on every member without taking the cluster down: the replicas one "
                                "at a time, then a switchover away from the leader, then the old leader. Each step "
                                "is verified, and the cluster must be healthy again before the next."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_pendingOnly->setChecked(pendingOnly);
    connect(m_pendingOnly, &QCheckBox::toggled, this, &RollingRestartDialog::replan);
    layout->addWidget(m_pendingOnly);
    m_steps->setObjectName(u"rollingSteps"_s);
    m_steps->setAccessibleName(tr("The rolling restart's steps"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({ tr("Step"), tr("State"), tr("Took") });
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_steps->setMinimumHeight(160);
    layout->addWidget(m_steps, 1);
    m_status->setObjectName(u"rollingStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_credentials, &CredentialsBox::edited, this, &RollingRestartDialog::replan);
    const bool ask = m_controller && !m_controller->apiUser().isEmpty() && !m_controller->passwordKnown();
    m_credentials->setVisible(ask);
    if (ask)
        m_credentials->setUser(m_controller->apiUser());
    layout->addWidget(m_credentials);

    auto* buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Start"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(u"start"_s);
    m_start->setAutoDefault(false);
    m_stop = buttons->addButton(tr("Stop after this step"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(u"stop"_s);
    m_stop->setAutoDefault(false);
    m_stop->hide();
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setAutoDefault(false);
    connect(m_start, &QPushButton::clicked, this, &RollingRestartDialog::start);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_stopRequested = true;
        m_stop->setEnabled(false);
        m_status->setText(tr("Stopping after this step…"));
    });
    connect(m_close, &QPushButton::clicked, this, &RollingRestartDialog::reject);
    layout->addWidget(buttons);

    m_settleDeadline.setSingleShot(true);
    connect(&m_settleDeadline, &QTimer::timeout, this, [this] {
        QString why;
        if (m_session && !Actions::settled(*m_session->store(), &why))
            stopWith(tr("the cluster was not healthy again within %1 s: %2").arg(m_settleTimeoutMs / 1000).arg(why));
    });
    if (m_session)
        connect(m_session->store(), &Cluster::ClusterStore::stateChanged, this, [this] {
            if (m_stage == Stage::Ready)
                replan();
            else if (m_settling)
                checkSettled();
        });
    replan();
}

void RollingRestartDialog::replan()
{
    if (m_stage != Stage::Ready)
        return;
    if (!m_session || !m_controller) {
        m_status->setText(tr("This view of the cluster cannot send actions."));
        m_start->setEnabled(false);
        return;
    }
    m_plan = Actions::rollingPlan(*m_session->store(), m_pendingOnly->isChecked());
    m_steps->clear();
    for (int i = 0; i < m_plan.stepCount(); ++i)
        new QTreeWidgetItem(m_steps,
            { stepText(i, Actions::rollingStep(*m_session->store(), m_plan, i).request), tr("waiting"), QString() });
    QString problem = m_plan.problem;
    if (problem.isEmpty() && m_controller->busy())
        problem = tr("another action is in flight for this cluster; wait for it to finish");
    const bool credentialsOk = m_credentials->complete();
    m_status->setText(
        problem.isEmpty() ? tr("Ready: %1.").arg(m_plan.summary()) : tr("Cannot start: %1.").arg(problem));
    m_start->setEnabled(problem.isEmpty() && credentialsOk);
}

void RollingRestartDialog::start()
{
    if (m_stage != Stage::Ready || !m_start->isEnabled())
        return;
    if (!m_credentials->isHidden()) {
        m_credentials->provideTo(m_controller);
        m_credentials->hide();
    }
    m_stage = Stage::Running;
    m_pendingOnly->setEnabled(false);
    m_start->hide();
    m_stop->show();
    m_close->setText(tr("Close"));
    m_step = -1;
    runStep();
}

void RollingRestartDialog::runStep()
{
    ++m_step;
    if (m_step >= m_plan.stepCount()) {
        m_stage = Stage::Done;
        m_stop->hide();
        m_status->setText(tr("Rolling restart done: %n step(s), every one verified.", nullptr, m_plan.stepCount()));
        return;
    }
    if (m_stopRequested) {
        stopWith(tr("stopped as asked"));
        return;
    }
    if (!m_session || !m_controller) {
        stopWith(tr("the cluster is no longer watched"));
        return;
    }
    const Cluster::ClusterStore* store = m_session->store();
    const Actions::RollingStep step = Actions::rollingStep(*store, m_plan, m_step);
    if (m_controller->busy()) {
        m_controller->recordRefusal(step.request, tr("another action is in flight for this cluster"));
        stopWith(tr("another action is in flight for this cluster"));
        return;
    }
    // The switchover's candidate is chosen now, with the cluster as it is after the replicas' restarts.
    m_steps->topLevelItem(m_step)->setText(0, stepText(m_step, step.request));
    setRow(m_step, tr("running…"), true);
    m_status->setText(
        tr("Step %1 of %2: %3").arg(m_step + 1).arg(m_plan.stepCount()).arg(m_steps->topLevelItem(m_step)->text(0)));
    m_clock.start();
    m_flight.append(connect(m_controller, &Actions::Controller::finished, this, &RollingRestartDialog::stepFinished));
    m_controller->run(step.request, step.expectedLeader);
}

QString RollingRestartDialog::stepText(int index, const Actions::Request& request) const
{
    if (request.kind == Actions::Kind::Switchover)
        return tr("%1. Switchover from %2 to %3")
            .arg(index + 1)
            .arg(m_plan.leader, request.candidate.isEmpty() ? tr("?") : request.candidate);
    return tr("%1. Restart %2").arg(index + 1).arg(request.member);
}

void RollingRestartDialog::stepFinished(const Actions::Outcome& outcome)
{
    for (const QMetaObject::Connection& c : std::as_const(m_flight))
        disconnect(c);
    m_flight.clear();
    if (outcome.result != Actions::Outcome::Result::Done) {
        setRow(m_step, tr("FAILED"), false);
        stopWith(outcome.message);
        return;
    }
    setRow(m_step, tr("verified, waiting for the cluster"), true);
    m_settling = true;
    m_settleDeadline.start(m_settleTimeoutMs);
    checkSettled();
}

void RollingRestartDialog::checkSettled()
{
    QString why;
    if (!m_settling || !m_session || !Actions::settled(*m_session->store(), &why))
        return;
    m_settling = false;
    m_settleDeadline.stop();
    setRow(m_step, tr("done"), true);
    m_steps->topLevelItem(m_step)->setText(
        2, QStringLiteral("%1 s").arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1));
    runStep();
}

void RollingRestartDialog::stopWith(const QString& why)
{
    m_settling = false;
    m_settleDeadline.stop();
    m_stage = Stage::Stopped;
    m_stop->hide();
    m_status->setText(tr("Rolling restart stopped at step %1 (%2): nothing more was done. Look at the cluster "
                         "before going on.")
                          .arg(m_step + 1)
                          .arg(why));
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, Palette::healthColor(Cluster::Health::Critical));
    m_status->setPalette(p);
}

void RollingRestartDialog::setRow(int index, const QString& state, bool ok)
{
    QTreeWidgetItem* item = m_steps->topLevelItem(index);
    if (!item)
        return;
    item->setText(1, state);
    item->setIcon(0, Palette::healthIcon(ok ? Cluster::Health::Healthy : Cluster::Health::Critical, false));
}

QLineEdit* RollingRestartDialog::passwordEdit() const
{
    return m_credentials->passwordEdit();
}

QString RollingRestartDialog::statusText() const
{
    return m_status->text();
}

void RollingRestartDialog::reject()
{
    if (m_stage == Stage::Ready && m_controller && !m_controller->busy()) {
        Actions::Request whole;
        whole.kind = Actions::Kind::Restart;
        whole.pendingOnly = m_pendingOnly->isChecked();
        m_controller->recordRefusal(whole, tr("rolling restart cancelled in the window"));
    }
    if (m_stage == Stage::Running)
        m_stopRequested = true; // closing stops it between steps; the step in flight finishes
    QDialog::reject();
}

} // namespace Ui
