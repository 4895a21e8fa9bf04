#include "app/settings/settingsfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Settings {

QString defaultSettingsPath()
{
    // Where QSettings(NativeFormat, UserScope, "patroni-console", "patroni-console") keeps it, computed
    // without opening it: QSettings caches a file it has parsed, and a second reader of a damaged one
    // is told NoError.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + u"/patroni-console/patroni-console.conf"_s;
}

std::optional<QString> setAsideUnreadable(const QString& path)
{
    if (!QFile::exists(path))
        return std::nullopt;
    {
        // The first QSettings of the process on this file: only that one hears of a FormatError.
        QSettings probe(path, QSettings::IniFormat);
        if (probe.status() != QSettings::FormatError)
            return std::nullopt;
    }
    const QString aside = path + u".corrupt-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    if (!QFile::rename(path, aside))
        return QCoreApplication::translate("Settings",
            "The settings file %1 cannot be read and could not be set aside either; the console starts with "
            "defaults and will not save anything there. Move the file away yourself.")
            .arg(QDir::toNativeSeparators(path));
    return QCoreApplication::translate("Settings",
        "The settings file %1 could not be read (it is damaged); it was set aside as %2 and the console starts "
        "with defaults: no saved clusters, the default window layout. Nothing in it was deleted.")
        .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(aside));
}

} // namespace Settings
