// A scratch copy of a data file that DuckDB reads in its place: one in another encoding (UTF-8
// from Windows-1252 or big-endian UTF-16), or with its mixed line endings made one kind.
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/source_file.h"

namespace pika {

// Removes its file when it goes.
class ScratchCopy {
 public:
  explicit ScratchCopy(SourceFile file) : file_(std::move(file)) {}
  ~ScratchCopy();
  ScratchCopy(ScratchCopy&& other) noexcept;
  ScratchCopy(const ScratchCopy&) = delete;
  ScratchCopy& operator=(const ScratchCopy&) = delete;
  ScratchCopy& operator=(ScratchCopy&&) = delete;

  const SourceFile& file() const { return file_; }

 private:
  SourceFile file_;
};

// Calls `write` with a new path in the engine's spill folder (the workspace's data folder,
// which a restricted engine may read; else the system's temporary folder) and returns that
// file, plain (not compressed), as a copy of `file`.
Result<ScratchCopy> WriteScratchCopy(Connection& connection, const SourceFile& file,
                                     const std::function<Status(const std::string&)>& write);

}  // namespace pika
