// How many rows a local copy of remote rows takes unless the user allows more: shared by the
// engine that brings them, the workspace's nodes (their default) and the CLI.
#pragma once

#include <cstdint>

namespace pika {

// Enough for every local feature to stay quick (about 40 MB a column as doubles), and a
// count the server checks before anything is fetched.
inline constexpr uint64_t kBringLocalRows = 5'000'000;

}  // namespace pika
