#pragma once

#include <QStringList>

namespace Cli {

// `patroni-console profiles list | show NAME | import FILE [--replace] | export FILE [NAME]... |
//  remove NAME`: the saved clusters, and a fleet set up or handed on in one file (schema
// patroni-console/profiles/1, README). A file is imported whole or not at all; it never holds a
// secret. Exit 0 done, 1 refused or failed (the reason on stderr), 2 usage error.
int runProfiles(const QStringList& arguments);

} // namespace Cli
