#pragma once

#include <QString>

#include <optional>

namespace Settings {

// The settings file of this user (~/.config/patroni-console/patroni-console.conf).
QString defaultSettingsPath();

// A settings file Qt cannot read (QSettings::FormatError: binary garbage, a cut-off section) is
// renamed to "<file>.corrupt-<UTC time>" — set aside, never deleted — and the console starts with
// defaults. Call it before anything else opens the file. Returns the sentence that says so, or nothing when the file is
// fine or absent. A file that cannot be renamed is left where it is, and the sentence says that too.
std::optional<QString> setAsideUnreadable(const QString& path);

} // namespace Settings
