#pragma once

#include <QJsonValue>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Snapshot {

// Takes secrets out of anything the console writes for people or machines (snapshots, status JSON):
//  - values under a key that names a secret ("password", "superuser_password", "api_key", "token",
//    "authorization", …; but not "password_encryption": the last word decides),
//  - password=… inside libpq conninfo strings (primary_conninfo, restore commands),
//  - the password part of a URL's user info (postgresql://u:pw@h, http://u:pw@h),
//  - basic and bearer authorisation values,
//  - and every occurrence of a secret the console itself knows (the keychain's passwords, the
//    environment's *PASSWORD*/*SECRET*/*TOKEN* variables), wherever it appears.
// What is removed is replaced by `mask`; count() says how many values were touched.
class Redactor {
public:
    static inline const QString mask = QStringLiteral("[redacted]");

    // A secret to remove wherever it occurs. Values shorter than 3 characters are kept as they are:
    // masking every "pw" in a snapshot would say more than it hides.
    void addSecret(const QString& value);
    // The values of variables whose name says they are secret (…PASSWORD…, …PASSWD…, …SECRET…,
    // …TOKEN…, PGPASSWORD): scripts hand passwords this way.
    void addSecretsFromEnvironment(const QProcessEnvironment& environment);
    QStringList secrets() const { return m_secrets; }

    QJsonValue redact(const QJsonValue& value) const;
    QString redactText(const QString& text) const;
    int count() const { return m_count; }

    // Whether a JSON key's value is a secret whatever it holds.
    static bool isSecretKey(QStringView key);

private:
    QString redactString(const QString& text) const;

    QStringList m_secrets; // longest first, so a secret containing another is masked whole
    mutable int m_count = 0;
};

} // namespace Snapshot
