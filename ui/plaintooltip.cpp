#include "ui/plaintooltip.h"

#include "models/cluster/plaintext.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Ui {

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    QStringList lines;
    for (const QStringView line : QStringView(text).split(u'\n'))
        lines.append(Cluster::displayText(line, 300).toHtmlEscaped());
    return u"<p style='white-space:pre-wrap'>"_s + lines.join(u"<br>"_s) + u"</p>"_s;
}

} // namespace Ui
