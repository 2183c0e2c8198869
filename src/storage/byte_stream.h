// The bytes of a data file as its reader sees them: gzip and zstd decompressed, in chunks.
#pragma once

#include <functional>
#include <string_view>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/source_file.h"

namespace pika {

// Returns false to stop reading early (not an error).
using ChunkFn = std::function<bool(std::string_view bytes)>;

// Calls `consume` with every byte of `file`, in order, decompressed, until it returns false. A
// compressed stream that ends early or is damaged is an error naming the file: DuckDB reads a
// truncated stream without complaint, which would drop the rest of the user's rows in silence.
Status ReadFileBytes(const SourceFile& file, const CancelToken& cancel, const ChunkFn& consume);

}  // namespace pika
