#include "app/cli/statuscommand.h"
#include "app/compositionroot.h"
#include "app/options.h"
#include "app/settings/profilestore.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    // Headless subcommands: no display, no window.
    if (argc > 1 && QByteArrayView(argv[1]) == "status") {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(u"patroni-console"_s);
        QCoreApplication::setOrganizationName(u"patroni-console"_s);
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1);
        return Cli::runStatus(arguments);
    }
    // Parse before creating any application object: --help and bad options must work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const App::ParseOutcome parsed = App::parseOptions(arguments);
    if (parsed.exitNow) {
        QTextStream stream(parsed.exitCode == 0 ? stdout : stderr);
        stream << parsed.message << '\n';
        return parsed.exitCode;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"patroni-console"_s);
    QApplication::setOrganizationName(u"patroni-console"_s);
    QApplication::setApplicationVersion(QStringLiteral(PATRONI_CONSOLE_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), u"console"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);

    if (!parsed.options.profile.isEmpty() && !Settings::ProfileStore().load(parsed.options.profile)) {
        QTextStream(stderr) << "patroni-console: no profile \"" << parsed.options.profile
                            << "\"; saved profiles: " << Settings::ProfileStore().names().join(u", "_s) << '\n';
        return 2;
    }
    App::CompositionRoot root(parsed.options);
    return root.runGui();
}
