#pragma once

#include <QStringList>

namespace Cli {

// `patroni-console check (--url URL... | --profile NAME) [cluster options] [--checks LIST] [--member NAME]
//   [--warn-lag V] [--crit-lag V] [--warn-replicas RANGE] [--crit-replicas RANGE] [--warn-members RANGE]
//   [--crit-members RANGE] [--state-file FILE [--save]] [--patroni-version V]`
// A monitoring plugin (Nagios/Icinga): one status line with performance data, one line per check,
// exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also for a wrong command line, as plugins do).
int runCheck(const QStringList& arguments);

} // namespace Cli
