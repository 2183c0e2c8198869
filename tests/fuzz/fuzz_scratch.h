// What every fuzz target shares: one private folder for the files an input becomes, and one
// DuckDB that may read only inside it, as a workspace from elsewhere is run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/connection.h"

namespace pika::fuzz {

// Made on first use under $TMPDIR, removed at exit.
const std::string& ScratchDir();

// A restricted, in-memory engine confined to ScratchDir(), kept for the whole run.
Connection& ScratchConnection();

// A new such engine, for a target whose inputs must not see each other's tables.
Connection FreshConnection();

// Writes `bytes` to ScratchDir()/name, replacing it; returns the path.
std::string WriteScratchFile(std::string_view name, std::string_view bytes);

// Stops the run with a message, so that libFuzzer (or the corpus replay) saves the input: a
// property the target checks did not hold.
[[noreturn]] void Fail(std::string_view what);

}  // namespace pika::fuzz
