// SourceWatcher: notices when a file a Table node reads changes on disk. A file being written
// changes many times in a row, so changes settle for half a second before they are told;
// a file replaced by a rename (as editors save) is watched again under its name.
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>
#include <set>

#include "canvas/node.h"

namespace pika::ui {

class GraphDocument;

class SourceWatcher : public QObject {
  Q_OBJECT

 public:
  static constexpr int kSettleMs = 500;

  SourceWatcher(GraphDocument& document, QObject* parent = nullptr);

 Q_SIGNALS:
  void sourceChanged(pika::canvas::NodeId id);

 private:
  void sync();  // watch exactly the files of the current Table nodes
  void settled();

  GraphDocument& document_;
  QFileSystemWatcher watcher_;
  QTimer settle_;
  std::set<QString> changed_;
};

}  // namespace pika::ui
