#pragma once

#include <QStringList>

namespace Cli {

// `patroni-console snapshot (--url URL... | --profile NAME) [cluster options] --output FILE
//                           [--format json|markdown|html|pdf|png] [--duration S] [--journal N]`
// Reads the cluster (once, or for --duration seconds so the lag chart has a history), then writes
// everything the console knows about it, secrets redacted, to FILE ("-": standard output, text
// formats only). The format comes from --format or FILE's extension. The output path is checked
// before anything is read; the file appears only complete (temporary file, then rename).
// Exit 0: written; 1: written, but Patroni could not be read (the snapshot says why); 2: usage
// error; 3: the output could not be written. Needs a QApplication (PDF and PNG are drawn); it runs
// on the offscreen platform, so no display is needed.
int runSnapshot(const QStringList& arguments);

} // namespace Cli
