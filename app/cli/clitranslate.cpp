#include "app/cli/clitranslate.h"

#include <QCoreApplication>

namespace Cli {

QString tr(const char* text, const char* disambiguation, int n)
{
    return QCoreApplication::translate("Cli", text, disambiguation, n);
}

} // namespace Cli
