#include "ui/actions/credentialsbox.h"

#include "models/actions/controller.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Ui {

CredentialsBox::CredentialsBox(QWidget* parent)
    : QGroupBox(tr("Patroni REST API credentials"), parent)
    , m_note(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember in the system keychain"), this))
{
    setObjectName(u"credentials"_s);
    auto* form = new QFormLayout(this);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setText(tr("The keychain holds no password for this cluster's REST API. It is asked for once; "
                       "without a keychain it is kept for this session only."));
    form->addRow(m_note);
    m_user->setObjectName(u"apiUser"_s);
    m_password->setObjectName(u"apiPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(u"rememberPassword"_s);
    m_remember->setChecked(true);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_remember);
    connect(m_user, &QLineEdit::textChanged, this, &CredentialsBox::edited);
    connect(m_password, &QLineEdit::textChanged, this, &CredentialsBox::edited);
}

void CredentialsBox::setNote(const QString& note)
{
    m_note->setText(note);
}

void CredentialsBox::setUser(const QString& user)
{
    if (m_user->text().isEmpty())
        m_user->setText(user);
}

bool CredentialsBox::complete() const
{
    return isHidden() || (!m_user->text().isEmpty() && !m_password->text().isEmpty());
}

void CredentialsBox::provideTo(Actions::Controller* controller)
{
    controller->providePassword(m_user->text(), m_password->text(), m_remember->isChecked());
    m_password->clear();
}

} // namespace Ui
