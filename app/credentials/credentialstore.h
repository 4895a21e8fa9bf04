#pragma once

#include "models/cluster/profile.h"

#include <QObject>
#include <QString>

#include <functional>

class QObject;

namespace Credentials {

// Where a secret came from.
enum class Source {
    None, // nothing was found, or the operation was a write/remove that failed
    Keychain, // the system keychain (Secret Service on Linux: gnome-keyring, KWallet, KeePassXC)
    Environment, // PATRONI_CONSOLE_<KIND>_PASSWORD
};

struct Result {
    enum class Code {
        Ok,
        NotFound, // the keychain works, but holds nothing under this key
        Unavailable, // no keychain: no D-Bus session, or no Secret Service on it
        Denied, // the keychain is locked or refused access
        OtherError,
    };
    Code code = Code::Ok;
    Source source = Source::None;
    QString profile;
    Cluster::SecretKind kind = Cluster::SecretKind::PatroniApi;
    QString secret; // read: the secret; write/remove: empty
    QString detail; // what QtKeychain said, verbatim
    QString message; // one plain sentence for the UI/CLI; empty when Ok

    bool ok() const { return code == Code::Ok; }
};

QString codeName(Result::Code code);

// PATRONI_CONSOLE_PATRONI_API_PASSWORD, PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD,
// PATRONI_CONSOLE_POSTGRES_PASSWORD.
QString environmentVariable(Cluster::SecretKind kind);

// Passwords for cluster profiles, in the system keychain (service "patroni-console", key
// Cluster::secretKey(profile, kind)), through QtKeychain.
//
// Every call is asynchronous and starts one QtKeychain job that deletes itself when done. `done`
// runs exactly once, in `context`'s thread, after the call has returned; if `context` is destroyed
// first, it never runs (the job still finishes and deletes itself: QtKeychain's libsecret backend
// hands the job to GLib callbacks that cannot be cancelled, so a job is never deleted mid-flight).
// Jobs are started on the application's main thread whichever thread calls: QtKeychain queues
// every job of the process through one unsynchronized executor.
//
// Headless use (scripts, CI, the CLI on a server without a keyring): when the environment variable
// environmentVariable(kind) is set and not empty, read() returns its value with
// source == Source::Environment and the keychain is not asked at all. It applies to every profile
// (the variable names the kind only). An empty variable is ignored, so an empty export in a CI
// template cannot silently mask the keychain. write() and remove() always go to the keychain.
//
// A locked keyring makes the Secret Service show its unlock prompt, and the answer comes only
// once the user has dealt with it; where nobody can (no prompter, no display) it never comes, and
// since QtKeychain runs one job at a time, later requests wait behind it. Headless: use the
// environment variables. No Secret Service at all is reported at once as Result::Code::Unavailable.
//
// QtKeychain's "insecure fallback" (plain text in QSettings) is never enabled.
class CredentialStore final {
public:
    using Callback = std::function<void(const Result&)>;

    static QString serviceName();
    // The QtKeychain this program was built with ("0.13.2"); for --version.
    static QString libraryVersion();

    void read(const QString& profile, Cluster::SecretKind kind, QObject* context, Callback done) const;
    void write(
        const QString& profile, Cluster::SecretKind kind, const QString& secret, QObject* context, Callback done) const;
    // Removing a key that is not stored succeeds.
    void remove(const QString& profile, Cluster::SecretKind kind, QObject* context, Callback done) const;
};

// Said once per process: the first answer of the keychain that there is none (no D-Bus session, no
// Secret Service). Every later read and write fails the same way, and each says so in its own
// result; a window or a command line says it to the user once, through this.
class KeychainNotice final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainNotice)
public:
    static KeychainNotice* instance();
    bool reported() const { return !m_message.isEmpty(); }
    QString message() const { return m_message; }
    // The first call emits unavailable(); later ones do nothing.
    void report(const QString& detail);

Q_SIGNALS:
    void unavailable(const QString& message);

private:
    KeychainNotice() = default;
    QString m_message;
};

} // namespace Credentials
