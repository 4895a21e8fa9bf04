#include "models/cluster/finding.h"

using namespace Qt::StringLiterals;

namespace Cluster {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Critical:
        return u"critical"_s;
    }
    return u"unknown"_s;
}

} // namespace Cluster
