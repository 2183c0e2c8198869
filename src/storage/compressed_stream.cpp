#include "storage/compressed_stream.h"

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

Status CheckGzip(const SourceFile& file) {
  gzFile stream = gzopen(file.path.c_str(), "rb");
  if (!stream) return IoError(fmt::format("cannot read '{}'", file.path));
  std::vector<char> buffer(kChunk);
  int got = 0;
  while ((got = gzread(stream, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
  }
  // zlib reports a stream cut short as Z_BUF_ERROR once reading stops.
  int code = Z_OK;
  const std::string message = gzerror(stream, &code);
  gzclose(stream);
  if (got < 0 || code != Z_OK) {
    return Damaged(file, code == Z_BUF_ERROR ? std::string("ends early")
                                             : fmt::format("cannot be read ({})", message));
  }
  return {};
}

Status CheckZstd(const SourceFile& file) {
  FilePtr input(std::fopen(file.path.c_str(), "rb"));
  if (!input) return IoError(fmt::format("cannot read '{}'", file.path));
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  std::vector<char> in(ZSTD_DStreamInSize()), out(ZSTD_DStreamOutSize());
  size_t last = 0;
  size_t read = 0;
  while ((read = std::fread(in.data(), 1, in.size(), input.get())) > 0) {
    ZSTD_inBuffer source{in.data(), read, 0};
    while (source.pos < source.size) {
      ZSTD_outBuffer target{out.data(), out.size(), 0};
      last = ZSTD_decompressStream(context.get(), &target, &source);
      if (ZSTD_isError(last)) {
        return Damaged(file, fmt::format("cannot be read ({})", ZSTD_getErrorName(last)));
      }
    }
  }
  // A non-zero hint after the last byte means the frame was not finished.
  if (last != 0) return Damaged(file, "ends early");
  return {};
}

}  // namespace

Status CheckCompressedStreamComplete(const SourceFile& file) {
  if (file.compression == "gzip") return CheckGzip(file);
  if (file.compression == "zstd") return CheckZstd(file);
  return {};
}

}  // namespace pika
