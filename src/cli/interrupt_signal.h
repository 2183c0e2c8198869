// Ctrl+C cancels the running command's engine work instead of killing the process mid-write.
#pragma once

#include "core/cancel_token.h"

namespace pika::cli {

// Installs a SIGINT handler that cancels the returned token.
const CancelToken& CancelOnInterrupt();

}  // namespace pika::cli
