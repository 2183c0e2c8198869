// Which text encoding a CSV file is in, as a person would tell at a glance, and a UTF-8 copy
// for the encodings our DuckDB cannot read (it reads UTF-8, Latin-1 and little-endian UTF-16;
// its `encodings` extension cannot be installed offline).
#pragma once

#include <string>
#include <string_view>

#include "core/cancel_token.h"
#include "core/result.h"
#include "storage/source_file.h"

namespace pika {

struct EncodingGuess {
  // "utf-8", "utf-16" (little-endian), "utf-16-be", "latin-1" or "windows-1252".
  std::string encoding = "utf-8";
  std::string reason;  // what gave it away; empty for plain UTF-8
};

// From the first MiB (decompressed): a byte-order mark; the NULs of UTF-16 text; UTF-8 when
// any multi-byte sequence is valid (a few invalid bytes become rejected rows); else
// Windows-1252 when bytes
// 0x80-0x9F occur (printable there: € „ “ ” …; control codes in Latin-1), else Latin-1.
EncodingGuess GuessEncoding(const SourceFile& file);

// Text shown to a person, as valid UTF-8: Latin-1 bytes converted (`latin1`), else each byte
// that starts no valid UTF-8 sequence as U+FFFD.
std::string DisplayableUtf8(std::string_view bytes, bool latin1);

// Whether DuckDB reads `encoding` itself.
bool DuckDbReadsEncoding(const std::string& encoding);

// Writes the file's text, decompressed, as UTF-8 to `target` (glibc's iconv). A byte with no
// character in Windows-1252 keeps its Latin-1 meaning; a broken UTF-16 unit becomes U+FFFD.
Status TranscodeToUtf8(const SourceFile& file, const std::string& encoding,
                       const std::string& target, const CancelToken& cancel);

}  // namespace pika
