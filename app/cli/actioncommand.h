#pragma once

#include <QStringList>

namespace Cli {

// The actions from the command line, with the same cluster options as `status`:
//   switchover [--candidate NAME] [--at TIME] | switchover --cancel
//   failover --candidate NAME
//   restart MEMBER [--at TIME] [--pending] [--role ROLE] | restart --cancel MEMBER
//   reload MEMBER
//   reinit MEMBER [--force]
//   pause | resume
//   edit-config [--set KEY=VALUE]... [--unset KEY]...   (neither: $VISUAL / $EDITOR on the configuration)
// Each: preflight (each candidate's checklist), the consequences, a confirmation (typing the
// member's name for failover and reinit; --yes skips it), one request, its answer, then the
// verification step by step. The REST API's user from --user, PATRONI_API_USER or the profile; its
// password from standard input (--password-stdin), PATRONI_API_PASSWORD or the keychain — never
// from an argument. Exit 0: done and verified; 1: Patroni said no or could not be reached (nothing
// changed); 2: usage error; 3: sent, but not verified in time or no clear answer; 4: refused before
// sending (preflight, or declined at the prompt). Every outcome, refusals too, goes to the audit log.
int runAction(const QString& command, const QStringList& arguments);

// `patroni-console audit [--since TIME] [--cluster NAME] [--action KIND] [--format table|json]`
int runAudit(const QStringList& arguments);

} // namespace Cli
