// CancelToken: a flag shared between a job and whoever may cancel it, plus progress.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

namespace pika {

// Called with a fraction in [0, 1] from the thread doing the work.
using ProgressFn = std::function<void(double fraction)>;

class CancelToken {
 public:
  CancelToken() : state_(std::make_shared<State>()) {}

  void Cancel() const { state_->cancelled.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return state_->cancelled.load(std::memory_order_relaxed); }

 private:
  struct State {
    std::atomic<bool> cancelled{false};
  };
  std::shared_ptr<State> state_;
};

}  // namespace pika
