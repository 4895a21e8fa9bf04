#include "ui/actions/actiondialog.h"

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/session/clustersession.h"
#include "ui/actions/credentialsbox.h"
#include "ui/palette.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    constexpr int NameRole = Qt::UserRole;

    QString seconds(qint64 ms)
    {
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    }

    QString bulleted(const QStringList& lines)
    {
        QStringList escaped;
        for (const QString& l : lines)
            escaped.append(u"• "_s + l);
        return escaped.join(u'\n');
    }

    // The leader as the preflight (and so the executor) sees it.
    QString leaderOf(const Session::ClusterSession* session)
    {
        if (!session)
            return {};
        const Cluster::ClusterStore* store = session->store();
        Actions::Request any;
        any.kind = Actions::Kind::Pause;
        return Actions::preflight(store->state(), store->findings(), any, QDateTime::currentDateTimeUtc()).leader;
    }

    bool isMemberAction(Actions::Kind kind)
    {
        switch (kind) {
        case Actions::Kind::Restart:
        case Actions::Kind::CancelRestart:
        case Actions::Kind::Reload:
        case Actions::Kind::Reinit:
            return true;
        default:
            return false;
        }
    }
} // namespace

QString ActionDialog::verb(Actions::Kind kind)
{
    switch (kind) {
    case Actions::Kind::Switchover:
        return tr("Switch over");
    case Actions::Kind::CancelSwitchover:
        return tr("Cancel the switchover");
    case Actions::Kind::Failover:
        return tr("Fail over");
    case Actions::Kind::Restart:
        return tr("Restart");
    case Actions::Kind::CancelRestart:
        return tr("Cancel the restart");
    case Actions::Kind::Reload:
        return tr("Reload");
    case Actions::Kind::Reinit:
        return tr("Reinitialize");
    case Actions::Kind::Pause:
        return tr("Pause");
    case Actions::Kind::Resume:
        return tr("Resume");
    case Actions::Kind::EditConfig:
        return tr("Apply");
    }
    return {};
}

QString ActionDialog::title(Actions::Kind kind)
{
    switch (kind) {
    case Actions::Kind::Switchover:
        return tr("Switchover");
    case Actions::Kind::CancelSwitchover:
        return tr("Cancel a scheduled switchover");
    case Actions::Kind::Failover:
        return tr("Failover");
    case Actions::Kind::Restart:
        return tr("Restart a member");
    case Actions::Kind::CancelRestart:
        return tr("Cancel a scheduled restart");
    case Actions::Kind::Reload:
        return tr("Reload a member's configuration");
    case Actions::Kind::Reinit:
        return tr("Reinitialize a replica");
    case Actions::Kind::Pause:
        return tr("Pause cluster management");
    case Actions::Kind::Resume:
        return tr("Resume cluster management");
    case Actions::Kind::EditConfig:
        return tr("Edit the dynamic configuration");
    }
    return {};
}

ActionDialog::ActionDialog(Session::ClusterSession* session, const Actions::Request& request, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_controller(session ? session->actions() : nullptr)
    , m_request(request)
    , m_chosen(request.candidate)
    , m_heading(new QLabel(this))
    , m_leaderMoved(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_consequences(new QLabel(this))
    , m_typedRow(new QWidget(this))
    , m_typedLabel(new QLabel(m_typedRow))
    , m_typed(new QLineEdit(m_typedRow))
    , m_credentials(new CredentialsBox(this))
    , m_progress(new QGroupBox(tr("Sent"), this))
    , m_answer(new QLabel(m_progress))
    , m_steps(new QTreeWidget(m_progress))
    , m_result(new QLabel(m_progress))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(u"actionDialog"_s);
    setWindowTitle(tr("%1 — %2").arg(title(request.kind), session ? session->name() : QString()));
    setMinimumWidth(760);
    buildReview();
    if (m_session) {
        m_expectedLeader = leaderOf(m_session);
        // The review follows the cluster while the dialog is open.
        connect(m_session->store(), &Cluster::ClusterStore::stateChanged, this, [this] {
            if (m_stage == Stage::Review)
                reviewNow();
            else
                updateHeading(); // while it is verified: the cluster as it is now
        });
    }
    m_askPassword = m_controller && !m_controller->apiUser().isEmpty() && !m_controller->passwordKnown();
    reviewNow();
}

void ActionDialog::buildReview()
{
    auto* layout = new QVBoxLayout(this);
    m_heading->setObjectName(u"actionHeading"_s);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_heading->setFont(big);
    layout->addWidget(m_heading);

    m_leaderMoved->setObjectName(u"leaderMoved"_s);
    m_leaderMoved->setTextFormat(Qt::PlainText);
    m_leaderMoved->setWordWrap(true);
    m_leaderMoved->setAutoFillBackground(true);
    m_leaderMoved->setMargin(6);
    QPalette alarm = m_leaderMoved->palette();
    alarm.setColor(QPalette::Window, Palette::healthColor(Cluster::Health::Critical));
    alarm.setColor(QPalette::WindowText, Qt::white);
    m_leaderMoved->setPalette(alarm);
    m_leaderMoved->hide();
    layout->addWidget(m_leaderMoved);

    const Actions::Kind kind = m_request.kind;
    if (kind == Actions::Kind::Switchover || kind == Actions::Kind::Failover) {
        auto* label = new QLabel(kind == Actions::Kind::Switchover
                ? tr("Who becomes leader (members that cannot are greyed, with the reason):")
                : tr("The member to promote (members that cannot be are greyed, with the reason):"),
            this);
        layout->addWidget(label);
        m_candidates = new QTreeWidget(this);
        m_candidates->setObjectName(u"candidates"_s);
        m_candidates->setAccessibleName(tr("Candidates and their checklist"));
        m_candidates->setColumnCount(2);
        m_candidates->setHeaderLabels({ tr("Member"), tr("Checklist") });
        m_candidates->setRootIsDecorated(true);
        m_candidates->setSelectionMode(QAbstractItemView::SingleSelection);
        m_candidates->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        m_candidates->setMinimumHeight(150);
        label->setBuddy(m_candidates);
        layout->addWidget(m_candidates);
        connect(m_candidates, &QTreeWidget::itemSelectionChanged, this, [this] {
            const QList<QTreeWidgetItem*> selected = m_candidates->selectedItems();
            if (m_stage != Stage::Review || selected.isEmpty())
                return;
            QTreeWidgetItem* item = selected.first();
            while (item->parent())
                item = item->parent();
            m_chosen = item->data(0, NameRole).toString();
            // Not from inside the tree's own signal: the review rebuilds the tree.
            QMetaObject::invokeMethod(this, &ActionDialog::reviewNow, Qt::QueuedConnection);
        });
    }
    auto* form = new QFormLayout;
    if (kind == Actions::Kind::Switchover || kind == Actions::Kind::Restart) {
        m_schedule = new QCheckBox(tr("Schedule at"), this);
        m_schedule->setObjectName(u"schedule"_s);
        m_at = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this);
        m_at->setObjectName(u"scheduledAt"_s);
        m_at->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        m_at->setCalendarPopup(true);
        m_at->setEnabled(false);
        m_at->setToolTip(tr("Local time; sent to Patroni in UTC"));
        if (m_request.at.isValid()) {
            m_schedule->setChecked(true);
            m_at->setDateTime(m_request.at.toLocalTime());
            m_at->setEnabled(true);
        }
        connect(m_schedule, &QCheckBox::toggled, m_at, &QWidget::setEnabled);
        connect(m_schedule, &QCheckBox::toggled, this, &ActionDialog::reviewNow);
        connect(m_at, &QDateTimeEdit::dateTimeChanged, this, &ActionDialog::reviewNow);
        auto* row = new QHBoxLayout;
        row->addWidget(m_schedule);
        row->addWidget(m_at);
        row->addStretch(1);
        form->addRow(tr("When:"), row);
    }
    if (kind == Actions::Kind::Restart) {
        m_pendingOnly = new QCheckBox(tr("Only if it needs a restart (pending restart)"), this);
        m_pendingOnly->setChecked(m_request.pendingOnly);
        connect(m_pendingOnly, &QCheckBox::toggled, this, &ActionDialog::reviewNow);
        form->addRow(QString(), m_pendingOnly);
    }
    if (kind == Actions::Kind::Reinit) {
        m_force = new QCheckBox(tr("Force: also while its PostgreSQL is running"), this);
        m_force->setObjectName(u"force"_s);
        m_force->setChecked(m_request.force);
        connect(m_force, &QCheckBox::toggled, this, &ActionDialog::reviewNow);
        form->addRow(QString(), m_force);
    }
    if (form->rowCount() > 0)
        layout->addLayout(form);
    else
        delete form;
    if (kind == Actions::Kind::EditConfig) {
        auto* label = new QLabel(tr("The dynamic configuration (JSON); what you change is sent as a patch:"), this);
        layout->addWidget(label);
        m_config = new QPlainTextEdit(this);
        m_config->setObjectName(u"configEdit"_s);
        m_config->setAccessibleName(tr("Dynamic configuration"));
        m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_config->setMinimumHeight(220);
        m_config->setLineWrapMode(QPlainTextEdit::NoWrap);
        label->setBuddy(m_config);
        if (m_session && m_session->store()->state().config) {
            m_configShown
                = QJsonDocument(Actions::mergePatch(m_session->store()->state().config->raw, m_request.configPatch))
                      .toJson(QJsonDocument::Indented);
            m_config->setPlainText(QString::fromUtf8(m_configShown));
        }
        connect(m_config, &QPlainTextEdit::textChanged, this, &ActionDialog::reviewNow);
        layout->addWidget(m_config, 1);
    }

    for (QLabel* l : { m_problems, m_warnings, m_consequences }) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(l);
    }
    m_problems->setObjectName(u"problems"_s);
    m_warnings->setObjectName(u"warnings"_s);
    m_consequences->setObjectName(u"consequences"_s);
    QPalette red = m_problems->palette();
    red.setColor(QPalette::WindowText, Palette::healthColor(Cluster::Health::Critical));
    m_problems->setPalette(red);
    QPalette amber = m_warnings->palette();
    amber.setColor(
        QPalette::WindowText, Palette::healthColor(Cluster::Health::Warning).darker(Palette::isDark() ? 80 : 130));
    m_warnings->setPalette(amber);
    QFont bold = m_consequences->font();
    bold.setBold(true);
    m_consequences->setFont(bold);

    auto* typedLayout = new QHBoxLayout(m_typedRow);
    typedLayout->setContentsMargins(0, 0, 0, 0);
    m_typed->setObjectName(u"typedName"_s);
    m_typedLabel->setBuddy(m_typed);
    typedLayout->addWidget(m_typedLabel);
    typedLayout->addWidget(m_typed, 1);
    connect(m_typed, &QLineEdit::textChanged, this, &ActionDialog::reviewNow);
    layout->addWidget(m_typedRow);

    connect(m_credentials, &CredentialsBox::edited, this, &ActionDialog::reviewNow);
    layout->addWidget(m_credentials);

    auto* progress = new QVBoxLayout(m_progress);
    m_progress->setObjectName(u"progress"_s);
    m_answer->setObjectName(u"answer"_s);
    m_answer->setTextFormat(Qt::PlainText);
    m_answer->setWordWrap(true);
    m_steps->setObjectName(u"verification"_s);
    m_steps->setAccessibleName(tr("Verification steps"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({ tr("Check"), tr("Result"), tr("After") });
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_steps->setMinimumHeight(140);
    m_result->setObjectName(u"result"_s);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setAutoFillBackground(true);
    m_result->setMargin(6);
    progress->addWidget(m_answer);
    progress->addWidget(m_steps);
    progress->addWidget(m_result);
    m_result->hide();
    m_progress->hide();
    layout->addWidget(m_progress);

    // ActionRole, not AcceptRole: the button box would make an accept button the default one, and
    // Enter in any field would press it.
    m_confirm = m_buttons->addButton(verb(m_request.kind), QDialogButtonBox::ActionRole);
    m_confirm->setObjectName(u"confirm"_s);
    m_confirm->setDefault(false);
    m_confirm->setAutoDefault(false); // Enter in a field never sends
    m_reviewAgain = m_buttons->addButton(tr("Review again"), QDialogButtonBox::ResetRole);
    m_reviewAgain->setObjectName(u"reviewAgain"_s);
    m_reviewAgain->setAutoDefault(false);
    m_reviewAgain->hide();
    m_close = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(u"cancel"_s);
    m_close->setAutoDefault(false);
    connect(m_confirm, &QPushButton::clicked, this, &ActionDialog::confirm);
    connect(m_reviewAgain, &QPushButton::clicked, this, &ActionDialog::startReviewAgain);
    connect(m_close, &QPushButton::clicked, this, &ActionDialog::reject);
    layout->addWidget(m_buttons);
}

QString ActionDialog::chosenCandidate() const
{
    return m_candidates ? m_chosen : m_request.candidate;
}

void ActionDialog::chooseCandidate(const QString& name)
{
    if (!m_candidates || m_stage != Stage::Review)
        return;
    for (int i = 0; i < m_candidates->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_candidates->topLevelItem(i);
        if (item->data(0, NameRole).toString() == name && (item->flags() & Qt::ItemIsSelectable)) {
            m_chosen = name;
            reviewNow();
            return;
        }
    }
}

Actions::Request ActionDialog::currentRequest(QString* invalid) const
{
    Actions::Request r = m_request;
    if (m_candidates)
        r.candidate = chosenCandidate();
    if (m_schedule)
        r.at = m_schedule->isChecked() ? m_at->dateTime().toUTC() : QDateTime();
    if (m_force)
        r.force = m_force->isChecked();
    if (m_pendingOnly)
        r.pendingOnly = m_pendingOnly->isChecked();
    if (m_config && m_session && m_session->store()->state().config) {
        const QByteArray text = m_config->toPlainText().toUtf8();
        const Actions::EditedConfig e = Actions::editedConfig(m_session->store()->state().config->raw, text);
        if (!e.parseError.isEmpty())
            *invalid = tr("The configuration is not JSON: %1 on line %2. Correct it; nothing is sent until it reads.")
                           .arg(e.parseError)
                           .arg(e.line);
        else if (!e.isObject)
            *invalid = tr("The configuration must be one JSON object.");
        else
            r.configPatch = e.patch;
    }
    return r;
}

bool ActionDialog::credentialsNeeded() const
{
    return m_askPassword;
}

void ActionDialog::reviewNow()
{
    if (!m_session) {
        m_problems->setText(tr("The cluster is no longer watched: close this dialog."));
        m_confirm->setEnabled(false);
        return;
    }
    const Cluster::ClusterStore* store = m_session->store();
    const Cluster::ClusterState& state = store->state();
    QString invalid;
    const Actions::Request r = currentRequest(&invalid);
    const Actions::Preflight pre = Actions::preflight(state, store->findings(), r, QDateTime::currentDateTimeUtc());

    updateHeading();

    const QString leaderNow = pre.leader;
    const bool moved = leaderNow != m_expectedLeader;
    m_leaderMoved->setText(moved ? tr("The leader changed from %1 to %2 while this dialog was open. What you see below "
                                      "is the cluster now; confirming is refused until you press Review again.")
                                       .arg(m_expectedLeader.isEmpty() ? tr("none") : m_expectedLeader,
                                           leaderNow.isEmpty() ? tr("none") : leaderNow)
                                 : QString());
    m_leaderMoved->setVisible(moved);
    m_reviewAgain->setVisible(moved);

    if (m_candidates) {
        const QString chosen = m_chosen;
        const QSignalBlocker block(m_candidates);
        m_candidates->clear();
        if (r.kind == Actions::Kind::Switchover) {
            auto* any = new QTreeWidgetItem(m_candidates, { tr("any eligible member"), tr("Patroni chooses") });
            any->setData(0, NameRole, QString());
            if (chosen.isEmpty())
                any->setSelected(true);
        }
        for (const Actions::Candidate& c : pre.candidates) {
            auto* item = new QTreeWidgetItem(m_candidates,
                { c.name, c.eligible() ? tr("eligible") : tr("not eligible: %1").arg(c.reasonWords().text()) });
            item->setData(0, NameRole, c.name);
            item->setIcon(
                0, Palette::healthIcon(c.eligible() ? Cluster::Health::Healthy : Cluster::Health::Critical, false));
            if (!c.eligible()) {
                // Shown, with the reason, but not choosable: nothing is sent for it.
                item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
                item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
                item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
            }
            for (const Actions::Criterion& k : c.criteria) {
                auto* line = new QTreeWidgetItem(item, { k.met ? u"✓"_s : u"✗"_s, k.shownText() });
                line->setFlags(line->flags() & ~Qt::ItemIsSelectable);
                line->setForeground(
                    0, QBrush(Palette::healthColor(k.met ? Cluster::Health::Healthy : Cluster::Health::Critical)));
            }
            if (c.name == chosen && c.eligible())
                item->setSelected(true);
            item->setExpanded(!c.eligible() || c.name == chosen);
        }
    }

    // Shown in the reader's language; the audit log (a cancel records them) keeps them in English.
    QStringList problems = pre.shownProblems();
    m_recordedProblems = pre.problems;
    if (!invalid.isEmpty()) {
        problems.prepend(invalid);
        m_recordedProblems.prepend(invalid);
    }
    const auto own = [&](const char* text) {
        problems.append(tr(text));
        m_recordedProblems.append(QString::fromUtf8(text));
    };
    if (r.kind == Actions::Kind::Failover && r.candidate.isEmpty() && problems.isEmpty())
        own(QT_TR_NOOP("choose the member to promote"));
    if (!m_controller)
        own(QT_TR_NOOP("this cluster's view cannot send actions (it is not connected to the cluster)"));
    else if (m_controller->busy())
        own(QT_TR_NOOP("another action is in flight for this cluster; wait for it to finish"));
    m_problems->setText(problems.isEmpty() ? QString() : tr("Cannot be sent:\n%1").arg(bulleted(problems)));
    m_problems->setVisible(!problems.isEmpty());
    QStringList warnings = pre.shownWarnings();
    if (r.kind == Actions::Kind::EditConfig && !pre.diff.isEmpty())
        warnings.prepend(tr("Changes:\n%1").arg(pre.diff.join(u'\n')));
    m_warnings->setText(bulleted(warnings));
    m_warnings->setVisible(!warnings.isEmpty());
    const QString what
        = pre.ok() && invalid.isEmpty() ? Actions::consequences(state, store->findings(), r, pre) : QString();
    m_consequences->setText(what.isEmpty() ? QString() : tr("What will happen: %1").arg(what));
    m_consequences->setVisible(!what.isEmpty());

    const QString typed = Actions::typedConfirmation(r);
    m_typedRow->setVisible(!typed.isEmpty());
    m_typedLabel->setText(tr("Type %1 to confirm:").arg(typed));
    const bool typedOk = typed.isEmpty() || m_typed->text() == typed;

    m_credentials->setVisible(m_askPassword);
    if (m_askPassword && m_controller)
        m_credentials->setUser(m_controller->apiUser());
    const bool credentialsOk = !m_askPassword || m_credentials->complete();

    m_confirm->setEnabled(m_stage == Stage::Review && problems.isEmpty() && typedOk && credentialsOk);
    m_confirm->setToolTip(!typedOk ? tr("Type %1 exactly first").arg(typed)
            : !credentialsOk       ? tr("Give the REST API's password first")
                                   : QString());
}

void ActionDialog::updateHeading()
{
    if (!m_session)
        return;
    QString subject = m_session->name();
    if (isMemberAction(m_request.kind) && !m_request.member.isEmpty())
        subject = tr("%1 in %2").arg(m_request.member, m_session->name());
    m_heading->setText(tr("%1: %2\n%3").arg(title(m_request.kind), subject, m_session->summary().headline));
}

void ActionDialog::confirm()
{
    if (m_stage != Stage::Review || !m_confirm->isEnabled() || !m_controller)
        return;
    send();
}

void ActionDialog::send()
{
    QString invalid;
    const Actions::Request r = currentRequest(&invalid);
    if (!invalid.isEmpty())
        return;
    if (m_controller->busy()) {
        // Another dialog's action is in flight: its answer must not be taken for this one's.
        const char* why = QT_TR_NOOP("another action is in flight for this cluster; wait for it to finish");
        m_controller->recordRefusal(r, QString::fromUtf8(why)); // the record in English
        Actions::Outcome refused;
        refused.message = tr("nothing was sent: %1").arg(tr(why));
        m_stage = Stage::InFlight;
        m_progress->show();
        finishWith(refused);
        return;
    }
    if (m_askPassword) {
        m_credentials->provideTo(m_controller);
        m_askPassword = false;
    }
    m_request = r;
    m_stage = Stage::InFlight;
    m_confirm->setEnabled(false);
    m_confirm->hide();
    m_reviewAgain->hide();
    m_credentials->hide();
    m_typedRow->setEnabled(false);
    if (m_candidates)
        m_candidates->setEnabled(false);
    if (m_config)
        m_config->setReadOnly(true);
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Closing does not stop the action; its outcome goes to the audit log and the status bar"));
    m_progress->show();
    m_steps->show();
    m_answer->setText(tr("Sending to Patroni…"));
    m_steps->clear();
    m_flight.append(connect(m_controller, &Actions::Controller::answered, this,
        [this](int, const QString& message) { m_answer->setText(tr("Answer: %1").arg(message)); }));
    m_flight.append(connect(m_controller, &Actions::Controller::stepsChanged, this, &ActionDialog::showSteps));
    m_flight.append(connect(m_controller, &Actions::Controller::finished, this, &ActionDialog::finishWith));
    m_controller->run(r, m_expectedLeader);
}

void ActionDialog::showSteps(const QList<Actions::Step>& steps)
{
    m_steps->clear();
    for (const Actions::Step& s : steps) {
        auto* item = new QTreeWidgetItem(m_steps,
            { s.shownText(), s.passed ? tr("passed") : tr("waiting"),
                s.passed ? seconds(s.passedAfterMs) : QString() });
        item->setData(0, NameRole, s.name);
        item->setToolTip(0, s.shownText());
        item->setIcon(0, Palette::healthIcon(s.passed ? Cluster::Health::Healthy : Cluster::Health::Unknown, false));
    }
}

void ActionDialog::finishWith(const Actions::Outcome& outcome)
{
    for (const QMetaObject::Connection& c : std::as_const(m_flight))
        disconnect(c);
    m_flight.clear();
    m_outcome = outcome;
    m_stage = Stage::Finished;
    using R = Actions::Outcome::Result;
    if (outcome.result == R::Refused)
        m_answer->setText(tr("Nothing was sent."));
    showSteps(outcome.steps);
    m_steps->setVisible(!outcome.steps.isEmpty());
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_steps->topLevelItem(i);
        if (!outcome.steps.value(i).passed) {
            item->setText(1, tr("FAILED"));
            item->setIcon(0, Palette::healthIcon(Cluster::Health::Critical, false));
        }
    }
    Cluster::Health health = Cluster::Health::Critical;
    QString verdict;
    switch (outcome.result) {
    case R::Done:
        health = Cluster::Health::Healthy;
        verdict = outcome.steps.isEmpty() ? tr("Done") : tr("Done and verified");
        break;
    case R::Refused:
        verdict = tr("Refused");
        break;
    case R::Failed:
        verdict = tr("Failed");
        break;
    case R::Unknown:
    case R::NotVerified:
        health = Cluster::Health::Warning;
        verdict = tr("Not verified");
        break;
    }
    m_result->setText(tr("%1: %2").arg(verdict, outcome.shownMessage()));
    QPalette p = m_result->palette();
    p.setColor(QPalette::Window, Palette::healthColor(health));
    p.setColor(QPalette::WindowText, health == Cluster::Health::Warning ? Qt::black : Qt::white);
    m_result->setPalette(p);
    m_result->show();
    // A refusal or a rejected password can be looked at again and confirmed anew.
    const bool again = outcome.result == R::Refused || outcome.httpStatus == 401 || outcome.httpStatus == 403;
    if (outcome.httpStatus == 401) {
        m_askPassword = true;
        m_credentials->setNote(tr("The REST API refused the user name or password: give them again."));
    }
    m_reviewAgain->setVisible(again);
    m_confirm->hide(); // finished: only Review again (when it can) brings it back
}

void ActionDialog::startReviewAgain()
{
    if (m_stage == Stage::InFlight)
        return;
    m_expectedLeader = leaderOf(m_session);
    m_stage = Stage::Review;
    m_outcome.reset();
    m_progress->hide();
    m_result->hide();
    m_confirm->show();
    m_typed->clear();
    m_typedRow->setEnabled(true);
    if (m_candidates)
        m_candidates->setEnabled(true);
    if (m_config)
        m_config->setReadOnly(false);
    m_close->setText(tr("Cancel"));
    reviewNow();
}

void ActionDialog::reject()
{
    // Cancelling a review is written down like any refusal: who looked at what, and let it be.
    if (m_stage == Stage::Review && m_controller && !m_controller->busy()) {
        QString invalid;
        const Actions::Request r = currentRequest(&invalid);
        // The record in English, whatever the window's language.
        QString reason = u"cancelled in the window"_s;
        if (!m_problems->text().isEmpty() && !m_recordedProblems.isEmpty())
            reason += u" (%1)"_s.arg(m_recordedProblems.join(u"; "_s));
        m_controller->recordRefusal(r, reason);
    }
    QDialog::reject();
}

QLineEdit* ActionDialog::passwordEdit() const
{
    return m_credentials->passwordEdit();
}

QString ActionDialog::consequencesText() const
{
    return m_consequences->isVisible() || !m_consequences->text().isEmpty() ? m_consequences->text() : QString();
}

QString ActionDialog::problemsText() const
{
    return m_problems->text();
}

QString ActionDialog::warningsText() const
{
    return m_warnings->text();
}

QString ActionDialog::leaderMovedText() const
{
    return m_leaderMoved->text();
}

QString ActionDialog::resultText() const
{
    return m_result->text();
}

} // namespace Ui
