#include "ui/source_watcher.h"

#include <QFileInfo>

#include "ui/graph_document.h"

namespace pika::ui {

SourceWatcher::SourceWatcher(GraphDocument& document, QObject* parent)
    : QObject(parent), document_(document) {
  settle_.setSingleShot(true);
  settle_.setInterval(kSettleMs);
  connect(&settle_, &QTimer::timeout, this, &SourceWatcher::settled);
  connect(&watcher_, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
    changed_.insert(path);
    settle_.start();
  });
  for (auto signal : {&GraphDocument::nodeAdded, &GraphDocument::nodeChanged})
    connect(&document_, signal, this, &SourceWatcher::sync);
  connect(&document_, &GraphDocument::nodeRemoved, this, &SourceWatcher::sync);
  sync();
}

void SourceWatcher::sync() {
  QStringList wanted;
  for (const auto& [id, node] : document_.graph().nodes()) {
    if (node.kind != canvas::NodeKind::kTable || node.source_path.empty()) continue;
    const QString path = QString::fromStdString(node.source_path);
    if (QFileInfo::exists(path)) wanted << path;
  }
  const QStringList watched = watcher_.files();
  for (const QString& path : watched)
    if (!wanted.contains(path)) watcher_.removePath(path);
  for (const QString& path : wanted)
    if (!watched.contains(path)) watcher_.addPath(path);
}

void SourceWatcher::settled() {
  const std::set<QString> changed = std::move(changed_);
  changed_.clear();
  for (const QString& path : changed) {
    if (!QFileInfo::exists(path)) continue;  // gone, or not yet back: nothing to reload
    if (!watcher_.files().contains(path)) watcher_.addPath(path);  // replaced by a rename
    for (const auto& [id, node] : document_.graph().nodes()) {
      if (node.kind == canvas::NodeKind::kTable && QString::fromStdString(node.source_path) == path)
        Q_EMIT sourceChanged(id);
    }
  }
}

}  // namespace pika::ui
