#pragma once

#include <QString>

namespace Ui {

// A tooltip that shows `text` as exactly those characters: Qt renders a tooltip as rich text when it
// looks like HTML ("<b>x</b>" would turn bold), so network text is escaped into an HTML paragraph
// that keeps line breaks. Each line also goes through Cluster::displayText().
QString plainToolTip(const QString& text);

} // namespace Ui
