#include "storage/byte_stream.h"

#include <fmt/format.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace pika {

namespace {

constexpr size_t kChunk = 1 << 18;

struct FileCloser {
  void operator()(FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

Error Damaged(const SourceFile& file, std::string_view what) {
  return InvalidInput(fmt::format(
      "'{}' is damaged: the {} data {}, so rows would be missing. Export or download the file "
      "again",
      file.path, file.compression, what));
}

Error Unreadable(const SourceFile& file) {
  return IoError(fmt::format("cannot read '{}'", file.path));
}

Status ReadPlain(const SourceFile& file, const CancelToken& cancel, const ChunkFn& consume) {
  FilePtr input(std::fopen(file.path.c_str(), "rb"));
  if (!input) return Unreadable(file);
  std::vector<char> buffer(kChunk);
  size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), input.get())) > 0) {
    if (cancel.cancelled()) return Cancelled();
    if (!consume({buffer.data(), got})) return {};
  }
  if (std::ferror(input.get())) return Unreadable(file);
  return {};
}

Status ReadGzip(const SourceFile& file, const CancelToken& cancel, const ChunkFn& consume) {
  std::unique_ptr<gzFile_s, int (*)(gzFile)> stream(gzopen(file.path.c_str(), "rb"), gzclose);
  if (!stream) return Unreadable(file);
  std::vector<char> buffer(kChunk);
  int got = 0;
  while ((got = gzread(stream.get(), buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
    if (cancel.cancelled()) return Cancelled();
    if (!consume({buffer.data(), static_cast<size_t>(got)})) return {};
  }
  // zlib reports a stream cut short as Z_BUF_ERROR once reading stops.
  int code = Z_OK;
  const std::string message = gzerror(stream.get(), &code);
  if (got < 0 || code != Z_OK) {
    return Damaged(file, code == Z_BUF_ERROR ? std::string("ends early")
                                             : fmt::format("cannot be read ({})", message));
  }
  return {};
}

Status ReadZstd(const SourceFile& file, const CancelToken& cancel, const ChunkFn& consume) {
  FilePtr input(std::fopen(file.path.c_str(), "rb"));
  if (!input) return Unreadable(file);
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  std::vector<char> in(ZSTD_DStreamInSize()), out(ZSTD_DStreamOutSize());
  size_t last = 0;
  size_t read = 0;
  while ((read = std::fread(in.data(), 1, in.size(), input.get())) > 0) {
    if (cancel.cancelled()) return Cancelled();
    ZSTD_inBuffer source{in.data(), read, 0};
    while (source.pos < source.size) {
      ZSTD_outBuffer target{out.data(), out.size(), 0};
      last = ZSTD_decompressStream(context.get(), &target, &source);
      if (ZSTD_isError(last)) {
        return Damaged(file, fmt::format("cannot be read ({})", ZSTD_getErrorName(last)));
      }
      if (!consume({out.data(), target.pos})) return {};
    }
  }
  // A non-zero hint after the last byte means the frame was not finished.
  if (last != 0) return Damaged(file, "ends early");
  return {};
}

}  // namespace

Status ReadFileBytes(const SourceFile& file, const CancelToken& cancel, const ChunkFn& consume) {
  if (file.compression == "gzip") return ReadGzip(file, cancel, consume);
  if (file.compression == "zstd") return ReadZstd(file, cancel, consume);
  return ReadPlain(file, cancel, consume);
}

}  // namespace pika
