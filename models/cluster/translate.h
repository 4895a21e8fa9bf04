#pragma once

#include <QString>

namespace Cluster {

// tr() for the core's namespace-level strings (lupdate files them under context "Cluster"): translated
// by whatever translator the window installed — unless an Untranslated scope is active on this thread.
// Outputs for machines (status JSON, snapshots) open one, so they stay in English whatever the locale.
QString translate(const char* text, int n = -1);

class Untranslated final {
public:
    Untranslated();
    ~Untranslated();
    Untranslated(const Untranslated&) = delete;
    Untranslated& operator=(const Untranslated&) = delete;
    static bool active();
};

} // namespace Cluster
