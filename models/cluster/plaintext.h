#pragma once

#include <QString>
#include <QStringView>

// Text from the network (member names, tags, scopes, error bodies, URLs) shown to a person or printed
// on a terminal: control characters (C0, DEL, C1), the line and paragraph separators, bidirectional
// overrides, isolates and marks (which can make "patroni1" read as something else or move the cursor
// of a terminal) and lone surrogates are shown escaped — "\n", "\t", "\r", "\x1b", "\u202e" — so what
// was sent stays visible but can do nothing; a text longer than maxChars is cut with an ellipsis.
// What is left is still to be shown as plain text (Qt::PlainText), never as rich text.
namespace Cluster {

QString displayText(QStringView text, int maxChars = 0);

// Whether displayText() would change `text` other than by cutting it.
bool needsEscaping(QStringView text);

} // namespace Cluster
