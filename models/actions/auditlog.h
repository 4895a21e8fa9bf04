#pragma once

#include "models/actions/action.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Actions {

// One line of the audit log. An action writes a "sending" line just before its request goes out and
// a final line (same id) when it is answered and verified, so a crash in between still leaves a
// trace; a refusal writes one "refused" line. Never a secret: bodies are redacted before they get here.
struct AuditRecord {
    QString id; // one per action, shared by its lines
    QDateTime at;
    QString phase; // "refused", "sending", "answered", "verified", "not-verified", "failed"
    QString osUser;
    QString host;
    QString cluster; // the profile's name
    Request request;
    QStringList problems; // the preflight's, or why it was refused
    QStringList warnings;
    int httpStatus = 0;
    QString httpBody; // Patroni's answer, as text, redacted, cut at 2000 characters
    QString error; // transport error or the sentence shown
    QList<Step> steps; // verification
    qint64 sendMs = -1; // request sent → answered
    qint64 verifyMs = -1; // answered → verified (or given up)
};

QJsonObject toJson(const AuditRecord& record);
std::optional<AuditRecord> auditFromJson(const QJsonObject& object);

// The request's parameters as "member=patroni2 force=true" (the action's name left out).
QString auditParameters(const AuditRecord& record);
// What happened, in one line: the sentence shown, "sent to Patroni" for a line with nothing after it,
// and how many verification checks passed.
QString auditDetail(const AuditRecord& record);
// The phase in words for people: "refused", "sent, no answer recorded", "done, verified", …
QString phaseText(const QString& phase);
// One record per action: the last line of each id, in the order the actions began.
QList<AuditRecord> lastLinePerAction(const QList<AuditRecord>& lines);

// Append-only JSON Lines; one file for every cluster (the records name theirs). Not rotated: what
// was done to a cluster is kept. Lines that do not parse are skipped on reading, never fatal.
class AuditLog {
public:
    explicit AuditLog(QString path);
    bool append(const AuditRecord& record, QString* error = nullptr);
    QList<AuditRecord> read(int* skippedLines = nullptr) const;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace Actions
