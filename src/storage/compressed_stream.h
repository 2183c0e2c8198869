// Checks that a gzip or zstd file decompresses to its end: DuckDB reads a truncated
// stream without complaint, which would drop the rest of the user's rows in silence.
#pragma once

#include "core/result.h"
#include "storage/source_file.h"

namespace pika {

Status CheckCompressedStreamComplete(const SourceFile& file);

}  // namespace pika
