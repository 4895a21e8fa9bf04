#pragma once

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Actions {
class Controller;
}

namespace Ui {

// The REST API's user and password, asked for in an action's dialog when the keychain has none:
// "remember" sends it to the keychain once the API has taken it (the controller decides).
class CredentialsBox final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsBox)
public:
    explicit CredentialsBox(QWidget* parent = nullptr);

    void setNote(const QString& note);
    void setUser(const QString& user);
    // Both given (or the box not shown).
    bool complete() const;
    // Hands user and password to the controller and clears the password field.
    void provideTo(Actions::Controller* controller);
    QLineEdit* passwordEdit() const { return m_password; }

Q_SIGNALS:
    void edited();

private:
    QLabel* m_note;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QCheckBox* m_remember;
};

} // namespace Ui
