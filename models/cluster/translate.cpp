#include "models/cluster/translate.h"

#include <QCoreApplication>

namespace Cluster {

namespace {
    thread_local int untranslatedDepth = 0;
} // namespace

QString translate(const char* text, int n)
{
    if (untranslatedDepth > 0) {
        // The source text, with %n filled in as tr() would.
        QString s = QString::fromUtf8(text);
        if (n >= 0)
            s.replace(QStringLiteral("%n"), QString::number(n));
        return s;
    }
    return QCoreApplication::translate("Cluster", text, nullptr, n);
}

Untranslated::Untranslated()
{
    ++untranslatedDepth;
}

Untranslated::~Untranslated()
{
    --untranslatedDepth;
}

bool Untranslated::active()
{
    return untranslatedDepth > 0;
}

} // namespace Cluster
