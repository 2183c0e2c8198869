#include "ui/workspace_trust.h"

#include <fmt/format.h>

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

#include "remote/remote_source.h"

namespace pika::ui {

namespace {

constexpr const char* kTrustedKey = "trust/workspaces";  // path -> fingerprint
constexpr int kListed = 8;                               // more are counted, not listed

QString Listed(const QStringList& items) {
  QStringList shown = items.mid(0, kListed);
  if (items.size() > kListed) shown << QString("and %1 more").arg(items.size() - kListed);
  return "\n  " + shown.join("\n  ");
}

}  // namespace

QString WorkspaceFingerprint(const WorkspaceSummary& summary) {
  return QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromStdString(summary.graph_json),
                                                      QCryptographicHash::Sha256)
                                 .toHex());
}

bool IsTrusted(const QString& path, const QString& fingerprint) {
  const QVariantMap trusted = QSettings().value(kTrustedKey).toMap();
  return trusted.value(QFileInfo(path).absoluteFilePath()).toString() == fingerprint;
}

void RememberTrusted(const QString& path, const QString& fingerprint) {
  QSettings settings;
  QVariantMap trusted = settings.value(kTrustedKey).toMap();
  trusted[QFileInfo(path).absoluteFilePath()] = fingerprint;
  settings.setValue(kTrustedKey, trusted);
}

WorkspaceReach ReachOf(const WorkspaceSummary& summary) {
  WorkspaceReach reach;
  for (const auto& [id, node] : summary.graph.nodes()) {
    if (node.kind == canvas::NodeKind::kTable && !summary.data_bytes.contains(id) &&
        !node.source_path.empty())
      reach.files << QString::fromStdString(node.source_path);
    if (node.kind != canvas::NodeKind::kRemote) continue;
    auto source = ParseRemoteUrl(node.remote_url);
    if (!source.ok()) continue;
    reach.servers << QString::fromStdString(fmt::format(
        "{}://{}@{}:{}", EngineName(source->engine),
        source->user.empty() ? "(default user)" : source->user, source->host, PortOf(*source)));
  }
  reach.files.removeDuplicates();
  reach.servers.removeDuplicates();
  return reach;
}

TrustChoice AskTrust(const QString& path, const WorkspaceReach& reach, QWidget* parent) {
  QString wants;
  if (!reach.files.isEmpty())
    wants += "\n\nIt reads these files of this computer:" + Listed(reach.files);
  if (!reach.servers.isEmpty())
    wants += "\n\nIt connects to these servers, with your passwords:" + Listed(reach.servers);
  QMessageBox box(QMessageBox::Warning, "Open a workspace from elsewhere?",
                  QString("%1 was not saved on this computer.%2\n\nOpened restricted, it reads "
                          "only the data inside it and connects to no server; its queries that "
                          "reach further say so. Trust it only if you know where it comes from.")
                      .arg(QFileInfo(path).fileName(), wants),
                  QMessageBox::NoButton, parent);
  QPushButton* trust = box.addButton("Trust and open", QMessageBox::AcceptRole);
  QPushButton* restricted = box.addButton("Open restricted", QMessageBox::AcceptRole);
  box.addButton(QMessageBox::Cancel);
  box.setDefaultButton(restricted);
  box.exec();
  if (box.clickedButton() == trust) return TrustChoice::kTrust;
  if (box.clickedButton() == restricted) return TrustChoice::kRestricted;
  return TrustChoice::kCancel;
}

}  // namespace pika::ui
