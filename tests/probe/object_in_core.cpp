// Control for core_cannot_include_widgets: the same probe set-up with a QtCore header must build,
// so that probe failing proves the missing include path, not a broken probe.
#include <QObject>

#include "models/cluster/member.h"

bool probeObject(const QObject* o)
{
    return o != nullptr && Cluster::isLeaderRole(Cluster::roleFromPatroni(QStringLiteral("master")));
}
