// Trust in workspace files, as editors and browsers do it: a workspace from elsewhere opens
// restricted (it reads only its own data and reaches no server) until the user trusts it.
// Trust is remembered in the settings per file, by path and by a hash of its graph (what it
// runs), so a changed file at a trusted path asks again. A workspace this user saved here
// is trusted.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include "workspace/workspace_file.h"

namespace pika::ui {

// The hash of what the workspace runs (its graph.json as saved).
QString WorkspaceFingerprint(const WorkspaceSummary& summary);

bool IsTrusted(const QString& path, const QString& fingerprint);
void RememberTrusted(const QString& path, const QString& fingerprint);

// What a workspace would reach outside its own data, for the user to decide on.
struct WorkspaceReach {
  QStringList files;    // source files of tables saved without their data
  QStringList servers;  // engine://user@host:port of its remote tables
  bool empty() const { return files.isEmpty() && servers.isEmpty(); }
};
WorkspaceReach ReachOf(const WorkspaceSummary& summary);

enum class TrustChoice { kTrust, kRestricted, kCancel };

// Asks before anything runs: what the workspace wants, and Trust, Open restricted or Cancel.
TrustChoice AskTrust(const QString& path, const WorkspaceReach& reach, QWidget* parent);

}  // namespace pika::ui
