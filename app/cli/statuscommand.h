#pragma once

#include <QStringList>

namespace Cli {

// `patroni-console status [--url URL]... | --profile NAME [--haproxy URL] [--etcd URL]...
//                         [--format table|json|tsv] [--timeout MS]`
// `patroni-console status --all [--format table|json|tsv] [--timeout MS]`
// Reads every source once and prints the cluster. Exit 0 when Patroni could be read, 1 when not
// (with the reason on stderr), 2 for a usage error. With --all, every saved cluster in parallel, one
// line each, worst first; exit 1 when any could not be read. Needs a QCoreApplication.
int runStatus(const QStringList& arguments);

} // namespace Cli
