#pragma once

#include <QString>
#include <QStringView>

// Text from the network (member names, tags, scopes, error bodies, URLs) shown to a person: control
// characters become U+FFFD, bidirectional overrides and isolates (which can make "patroni1" read as
// something else) are dropped, and a text longer than maxChars is cut with an ellipsis. What is left
// is still to be shown as plain text (Qt::PlainText), never as rich text.
namespace Cluster {

QString displayText(QStringView text, int maxChars = 0);

} // namespace Cluster
