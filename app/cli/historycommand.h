#pragma once

#include <QStringList>

namespace Cli {

// `patroni-console history (--url URL... | --profile NAME) [cluster options] [--since TIME]
//                          [--member NAME] [--kind KIND]... [--format table|json] [--limit N]`
// Patroni's /history (every promotion) merged with the console's journal of the profile (what the
// window recorded: leader changes, members down and back, findings, lag, routing), oldest first.
// Exit 0; 1 when Patroni could not be read (the journal is still printed); 2 for a usage error.
int runHistory(const QStringList& arguments);

} // namespace Cli
