#include "cli/interrupt_signal.h"

#include <csignal>

namespace pika::cli {

namespace {

const CancelToken* g_token = nullptr;

extern "C" void OnInterrupt(int /*signal*/) {
  if (g_token) g_token->Cancel();  // a lock-free atomic store: safe in a signal handler
}

}  // namespace

const CancelToken& CancelOnInterrupt() {
  static const CancelToken token;
  g_token = &token;
  std::signal(SIGINT, OnInterrupt);
  return token;
}

}  // namespace pika::cli
