#pragma once

#include "models/cluster/profile.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace Settings {

// Why a change to the stored profiles was refused; `problems` are plain sentences for the UI/CLI.
struct StoreResult {
    enum class Code {
        Ok,
        InvalidProfile, // validate() found problems; nothing was written
        NotFound,
        NameTaken, // rename onto an existing profile
        StorageError, // the settings file could not be written
    };
    Code code = Code::Ok;
    QStringList problems;
    bool ok() const { return code == Code::Ok; }
};

// Cluster profiles in QSettings, one group per profile under "profiles/<name>".
//
// It never writes a secret: Cluster::Profile has no password field, and this class writes only
// the Profile's fields. Passwords belong to Credentials::CredentialStore (the system keychain).
// Renaming or removing a profile does not touch its keychain entries; the caller moves or
// removes them.
//
// While nothing is stored, the store shows the built-in "lab" profile (labProfile()), so a first
// start watches the repository's lab cluster. Saving any profile ends that.
class ProfileStore final {
public:
    // The user's settings: organization and application "patroni-console"
    // (~/.config/patroni-console/patroni-console.conf).
    ProfileStore();
    // An INI file at `settingsFilePath` (tests, portable setups).
    explicit ProfileStore(const QString& settingsFilePath);
    ~ProfileStore();
    ProfileStore(const ProfileStore&) = delete;
    ProfileStore& operator=(const ProfileStore&) = delete;

    QString fileName() const;

    // Stored names, sorted; {"lab"} while nothing is stored.
    QStringList names() const;
    bool contains(const QString& name) const;
    // The stored profile, or the built-in lab profile for "lab" while nothing is stored.
    std::optional<Cluster::Profile> load(const QString& name) const;
    // All of names(), loaded.
    QList<Cluster::Profile> profiles() const;
    // True while nothing is stored and names() shows the built-in lab profile.
    bool isShowingBuiltIn() const;

    // Creates or replaces the profile called profile.name. Refuses an invalid profile.
    StoreResult save(const Cluster::Profile& profile);
    // Creates or replaces all of them, or none: every one is checked first, and when the settings file
    // cannot be written the profiles that were there before are put back.
    StoreResult saveAll(const QList<Cluster::Profile>& profiles);
    StoreResult remove(const QString& name);
    // Keeps every field, changes the name. The built-in lab profile can be renamed: it is then stored.
    StoreResult rename(const QString& from, const QString& to);

    static QString builtInName();
    // The repository's lab cluster on 127.0.0.1 (packaging/lab).
    static Cluster::Profile labProfile();

private:
    QStringList storedNames() const;
    StoreResult sync();

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Settings
