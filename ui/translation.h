#pragma once

#include <QLocale>

class QCoreApplication;

namespace Ui {

// The window's language: the console's own strings (console_<lang>.qm, embedded) and Qt's (qtbase_<lang>
// from the system, for standard buttons and file dialogs) for `locale`; English where there is no
// translation. Installs into `app`, which owns the translators. True when the console's own strings are
// translated for this locale.
bool installTranslations(QCoreApplication* app, const QLocale& locale = QLocale());

} // namespace Ui
