#include "app/cli/actioncommand.h"
#include "app/cli/checkcommand.h"
#include "app/cli/historycommand.h"
#include "app/cli/profilescommand.h"
#include "app/cli/snapshotcommand.h"
#include "app/cli/statuscommand.h"
#include "app/cli/watchcommand.h"
#include "app/compositionroot.h"
#include "app/credentials/credentialstore.h"
#include "app/options.h"
#include "app/settings/profilestore.h"
#include "app/settings/settingsfile.h"
#include "ui/palette.h"
#include "ui/translation.h"

#include <QApplication>
#include <QLocale>
#include <QTextStream>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

void identify(QCoreApplication& app)
{
    app.setApplicationName(u"patroni-console"_s);
    app.setOrganizationName(u"patroni-console"_s);
    app.setApplicationVersion(QStringLiteral(PATRONI_CONSOLE_VERSION));
}

// What a command line says once, on standard error, whatever the command: a damaged settings file set
// aside, no keychain.
std::optional<QString> settingsNotice;

void sayNoticesOnStderr()
{
    if (settingsNotice)
        QTextStream(stderr) << "patroni-console: " << *settingsNotice << '\n';
    QObject::connect(Credentials::KeychainNotice::instance(), &Credentials::KeychainNotice::unavailable,
        [](const QString& message) { QTextStream(stderr) << "patroni-console: " << message << '\n'; });
}

// Whether a command speaks the user's language (the console's and Qt's translations for the locale) or
// English whatever the locale: `check` is a monitoring plugin, its every line parsed by machines.
enum class Language { User, English };

// Headless subcommands: no display, no window.
int runHeadless(
    int argc, char* argv[], const std::function<int(const QStringList&)>& command, Language language = Language::User)
{
    QCoreApplication app(argc, argv);
    identify(app);
    if (language == Language::User)
        Ui::installTranslations(&app); // QCoreApplication is enough: no display is needed
    sayNoticesOnStderr();
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeAt(1);
    return command(arguments);
}

// Commands that draw (a PDF, a PNG) but never show a window: the offscreen platform, whatever display
// there is or is not.
int runDrawing(int argc, char* argv[], int (*command)(const QStringList&))
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    identify(app);
    Ui::installTranslations(&app);
    sayNoticesOnStderr();
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeAt(1);
    return command(arguments);
}

} // namespace

int main(int argc, char* argv[])
{
    // Before anything reads the settings: a damaged file is set aside, not fatal.
    settingsNotice = Settings::setAsideUnreadable(Settings::defaultSettingsPath());
    if (argc > 1 && QByteArrayView(argv[1]) == "status")
        return runHeadless(argc, argv, &Cli::runStatus);
    if (argc > 1 && QByteArrayView(argv[1]) == "profiles")
        return runHeadless(argc, argv, &Cli::runProfiles);
    if (argc > 1) {
        const QByteArrayView command(argv[1]);
        for (const char* action :
            { "switchover", "failover", "restart", "reload", "reinit", "pause", "resume", "edit-config" }) {
            if (command == action)
                return runHeadless(argc, argv, [action](const QStringList& arguments) {
                    return Cli::runAction(QString::fromLatin1(action), arguments);
                });
        }
    }
    if (argc > 1 && QByteArrayView(argv[1]) == "audit")
        return runHeadless(argc, argv, &Cli::runAudit);
    if (argc > 1 && QByteArrayView(argv[1]) == "watch")
        return runHeadless(argc, argv, &Cli::runWatch);
    if (argc > 1 && QByteArrayView(argv[1]) == "history")
        return runHeadless(argc, argv, &Cli::runHistory);
    if (argc > 1 && QByteArrayView(argv[1]) == "check")
        return runHeadless(argc, argv, &Cli::runCheck, Language::English);
    if (argc > 1 && QByteArrayView(argv[1]) == "snapshot")
        return runDrawing(argc, argv, &Cli::runSnapshot);

    // Parse before creating any application object: --help and bad options must work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const App::ParseOutcome parsed = App::parseOptions(arguments);
    if (parsed.exitNow) {
        // --help, --version or a wrong call, said in the user's language: translations need an application
        // object, and a QCoreApplication needs no display. The same arguments, parsed again with them.
        QCoreApplication app(argc, argv);
        identify(app);
        Ui::installTranslations(&app);
        const App::ParseOutcome said = App::parseOptions(arguments);
        QTextStream stream(said.exitCode == 0 ? stdout : stderr);
        stream << said.message << '\n';
        return said.exitCode;
    }

    QApplication app(argc, argv);
    identify(app);
    if (parsed.options.dark)
        Ui::Palette::applyDark();
    Ui::installTranslations(&app);

    Settings::ProfileStore profiles;
    for (const QString& name : parsed.options.profiles) {
        // "lab" names the repository's lab cluster also when other clusters are saved.
        if (!profiles.load(name) && name != Settings::ProfileStore::builtInName()) {
            QTextStream(stderr) << "patroni-console: "
                                << QCoreApplication::translate("Cli", "no profile \"%1\"; saved profiles: %2")
                                       .arg(name, profiles.names().join(u", "_s))
                                << '\n';
            return 2;
        }
    }
    App::Options options = parsed.options;
    options.settingsNotice = settingsNotice.value_or(QString());
    App::CompositionRoot root(options);
    return root.runGui();
}
