#pragma once

#include <QString>

namespace Cli {

// The command line's tr(), for its human messages (tables' headings, errors, prompts, results): lupdate
// files namespace-level calls in Cli under the context "Cli". (In a class's members lupdate would use the
// class as the context: those call QCoreApplication::translate("Cli", …) themselves.) The JSON and TSV
// outputs and `check` never go through it.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1);

} // namespace Cli
