#pragma once

#include "app/credentials/credentialstore.h"
#include "models/session/clustereditor.h"

#include <QPointer>

namespace Settings {
class ProfileStore;
}
namespace Sources {
class HttpClient;
}

namespace App {

class Fleet;
class LiveSession;

// The window's cluster dialog, made real: profiles in the settings (Settings::ProfileStore), passwords
// in the keychain (Credentials::CredentialStore), "Test connection" as one round of a throw-away
// session, and the fleet told about every change (fleetChanged()).
class FleetEditor final : public Session::ClusterEditor {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetEditor)
public:
    // `settingsFile` empty: the user's settings.
    FleetEditor(Fleet* fleet, Sources::HttpClient* http, const QString& settingsFile = {}, QObject* parent = nullptr);
    ~FleetEditor() override;

    QStringList names() const override;
    std::optional<Cluster::Profile> profile(const QString& name) const override;
    void test(const Cluster::Profile& profile, const Session::Passwords& passwords) override;
    void save(const Cluster::Profile& profile, bool isNew, const Session::Passwords& passwords) override;
    void remove(const QString& name) override;

Q_SIGNALS:
    // A session was added, replaced or removed: `shown` is the one to show (empty after a removal).
    void fleetChanged(const QString& shown);

private:
    std::unique_ptr<Settings::ProfileStore> m_store;
    Fleet* m_fleet;
    Sources::HttpClient* m_http;
    Credentials::CredentialStore m_credentials;
    QPointer<LiveSession> m_probe; // the test in flight
};

} // namespace App
