// JobProgress: a long job's progress (a save, an open) in a dialog with Cancel. It shows only
// once the job has run for half a second, so a quick one flashes nothing; whoever started the
// job deletes it when the job's answer arrives.
#pragma once

#include <QProgressDialog>
#include <QTimer>

#include "ui/engine_session.h"

namespace pika::ui {

class JobProgress : public QProgressDialog {
  Q_OBJECT

 public:
  // Follows the job of `key` on `engine`, which must outlive this dialog.
  JobProgress(EngineSession& engine, uint64_t key, const QString& label, QWidget* parent);

 private:
  void poll();
  EngineSession& engine_;
  uint64_t key_;
  QTimer timer_;
};

}  // namespace pika::ui
