// The `pika` command's exit codes: scripts rely on them.
#pragma once

#include "core/error.h"

namespace pika::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUserError = 1;  // the input is wrong: the message says what to fix
inline constexpr int kExitInternal = 2;   // a bug or a system failure

inline int ExitCodeFor(const Error& error) {
  return IsUserError(error) || error.kind == ErrorKind::kIo ? kExitUserError : kExitInternal;
}

}  // namespace pika::cli
