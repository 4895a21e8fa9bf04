#pragma once

#include "models/cluster/words.h"

#include <QList>
#include <QString>

namespace Cluster {

enum class Severity {
    Info,
    Warning,
    Critical,
};

QString severityName(Severity severity);

// One named cross-layer check that currently fails. (id, subject) identifies it across polls,
// so a finding is "raised" once and "cleared" once, not re-announced every second.
struct Finding {
    QString id; // stable, machine-readable: "routing.primary-mismatch"
    Severity severity = Severity::Warning;
    QString subject; // member, backend or source it is about; empty for the whole cluster
    QString message; // one plain sentence for the DBA, in English (JSON, the journal, the command line)
    Words words; // the same sentence, to be shown in the reader's language (empty: use message)

    // The sentence as Words (the message verbatim where none were kept), and for the window: in the
    // reader's language.
    Words sentence() const { return words.isEmpty() ? Words::verbatim(message) : words; }
    QString shownMessage() const { return sentence().text(); }

    QString key() const { return subject.isEmpty() ? id : id + u'/' + subject; }
    friend bool operator==(const Finding&, const Finding&) = default;
};

} // namespace Cluster
