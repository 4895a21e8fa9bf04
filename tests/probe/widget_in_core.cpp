// Must NOT compile: console_core links Qt6::Core only, so QtWidgets headers are not on its path.
// The test core_cannot_include_widgets builds this and expects the compiler to say so.
#include <QWidget>

void probeWidget(QWidget* w)
{
    w->show();
}
