#pragma once

#include <QStringList>

namespace Cli {

// `patroni-console watch (--url URL... | --profile NAME) [cluster options] [--interval S] [--count N]
//                        [--ansi auto|always|never]`
// The cluster as `status` prints it (members, routes, etcd, findings), redrawn in place every S
// seconds while the sources poll at their own intervals, like `patronictl list -W`. On a terminal
// it draws on the alternate screen and, on Ctrl-C (or SIGTERM, or after --count frames), restores
// the terminal and leaves the last frame on it. Exit 0; 2 for a usage error.
int runWatch(const QStringList& arguments);

} // namespace Cli
