#include "ui/job_progress.h"

namespace pika::ui {

namespace {
constexpr int kSteps = 1000;
}  // namespace

JobProgress::JobProgress(EngineSession& engine, uint64_t key, const QString& label, QWidget* parent)
    : QProgressDialog(label, "Cancel", 0, kSteps, parent), engine_(engine), key_(key) {
  setWindowTitle("Pika-Plot");
  setWindowModality(Qt::WindowModal);
  setMinimumDuration(500);
  setAutoReset(false);
  setAutoClose(false);
  connect(this, &QProgressDialog::canceled, this, [this] {
    timer_.stop();  // the dialog has hid itself; a new value would show it again
    engine_.cancel(key_);
  });
  connect(&timer_, &QTimer::timeout, this, [this] { poll(); });
  timer_.start(100);
  setValue(0);  // starts the half-second clock
}

void JobProgress::poll() {
  const double fraction = engine_.progress(key_);
  if (fraction < 0) return;  // not reported yet: the clock keeps running at 0
  setValue(static_cast<int>(fraction * kSteps));
}

}  // namespace pika::ui
