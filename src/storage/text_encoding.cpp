#include "storage/text_encoding.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>

#include "storage/byte_stream.h"

namespace pika {

namespace {

constexpr size_t kSampleBytes = size_t{1} << 20;

std::string Sample(const SourceFile& file) {
  std::string sample;
  (void)ReadFileBytes(file, CancelToken(), [&](std::string_view bytes) {
    sample.append(bytes.substr(0, kSampleBytes - sample.size()));
    return sample.size() < kSampleBytes;
  });
  return sample;
}

// The length of the UTF-8 sequence at `at`, 0 when it is not valid UTF-8.
size_t Utf8SequenceAt(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return 1;
  const size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (size_t next = 1; next < length; ++next) {
    if ((static_cast<unsigned char>(text[at + next]) & 0xC0U) != 0x80) return 0;
  }
  return length;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void AppendLatin1(unsigned char byte, std::string& out) {
  out += {static_cast<char>(0xC0 | (byte >> 6U)), static_cast<char>(0x80 | (byte & 0x3FU))};
}

struct Utf8Census {
  size_t multibyte = 0;   // valid sequences of two bytes or more
  size_t invalid = 0;     // bytes that start no valid sequence
  bool c1_bytes = false;  // an invalid byte in 0x80-0x9F
};

Utf8Census CountUtf8(std::string_view text) {
  Utf8Census census;
  // The sample may end inside a sequence: its last 3 bytes decide nothing.
  const size_t end = text.size() > 3 ? text.size() - 3 : 0;
  for (size_t at = 0; at < end;) {
    const size_t length = Utf8SequenceAt(text, at);
    if (length == 0) {
      const auto byte = static_cast<unsigned char>(text[at]);
      ++census.invalid;
      census.c1_bytes = census.c1_bytes || (byte >= 0x80 && byte <= 0x9F);
      ++at;
      continue;
    }
    if (length > 1) ++census.multibyte;
    at += length;
  }
  return census;
}

// UTF-16 without a mark: most ASCII characters have a NUL beside them, on the high side.
std::string Utf16ByNuls(std::string_view text) {
  size_t even = 0, odd = 0;
  for (size_t at = 0; at + 1 < text.size(); at += 2) {
    even += text[at] == '\0' ? 1 : 0;
    odd += text[at + 1] == '\0' ? 1 : 0;
  }
  const size_t units = text.size() / 2;
  if (units < 2) return {};
  if (odd * 10 > units * 4 && even * 10 < units) return "utf-16";
  if (even * 10 > units * 4 && odd * 10 < units) return "utf-16-be";
  return {};
}

}  // namespace

EncodingGuess GuessEncoding(const SourceFile& file) {
  const std::string sample = Sample(file);
  const std::string_view text(sample);
  if (text.starts_with("\xEF\xBB\xBF")) return {"utf-8", ""};
  if (text.starts_with("\xFF\xFE")) return {"utf-16", "it starts with UTF-16's byte-order mark"};
  if (text.starts_with("\xFE\xFF")) {
    return {"utf-16-be", "it starts with big-endian UTF-16's byte-order mark"};
  }
  if (const std::string utf16 = Utf16ByNuls(text); !utf16.empty()) {
    return {utf16, fmt::format("every other byte is NUL, as in {}-endian UTF-16 text",
                               utf16 == "utf-16" ? "little" : "big")};
  }
  const Utf8Census census = CountUtf8(text);
  // Latin-1 text hardly ever forms a valid UTF-8 sequence: one means UTF-8 with a few bad bytes,
  // whose rows are rejected with their lines.
  if (census.invalid == 0 || census.multibyte > 0) return {"utf-8", ""};
  if (census.c1_bytes) {
    return {"windows-1252",
            "it is not UTF-8, and has bytes 0x80-0x9F, which Windows-1252 prints (€ „ “ ” …) "
            "and Latin-1 keeps for control codes"};
  }
  return {"latin-1", "it is not UTF-8, and every byte is a Latin-1 character"};
}

std::string DisplayableUtf8(std::string_view bytes, bool latin1) {
  std::string out;
  for (size_t at = 0; at < bytes.size();) {
    const auto byte = static_cast<unsigned char>(bytes[at]);
    const size_t length = latin1 && byte >= 0x80 ? 0 : Utf8SequenceAt(bytes, at);
    if (length > 0) {
      out.append(bytes.substr(at, length));
      at += length;
      continue;
    }
    if (latin1) {
      AppendLatin1(byte, out);
    } else {
      out += kReplacement;
    }
    ++at;
  }
  return out;
}

bool DuckDbReadsEncoding(const std::string& encoding) {
  return encoding == "utf-8" || encoding == "latin-1" || encoding == "utf-16";
}

namespace {

class Transcoder {
 public:
  Transcoder(const std::string& encoding, FILE* out)
      : from_(encoding == "utf-16-be" ? "UTF-16BE" : "WINDOWS-1252"),
        unit_(encoding == "utf-16-be" ? 2 : 1),
        out_(out),
        converter_(iconv_open("UTF-8", from_)) {}
  ~Transcoder() {
    if (ok()) iconv_close(converter_);
  }
  Transcoder(const Transcoder&) = delete;
  Transcoder& operator=(const Transcoder&) = delete;

  bool ok() const {
    // NOLINTNEXTLINE(performance-no-int-to-ptr): iconv_open fails with (iconv_t)-1
    return converter_ != reinterpret_cast<iconv_t>(-1);
  }

  // Converts what it can of `bytes` (after what the last call left); keeps a cut character.
  bool Feed(std::string_view bytes) {
    pending_.append(bytes);
    char* in = pending_.data();
    size_t in_left = pending_.size();
    while (in_left > 0) {
      char buffer[1 << 16];
      char* target = buffer;
      size_t target_left = sizeof buffer;
      const size_t done = iconv(converter_, &in, &in_left, &target, &target_left);
      if (!Write(buffer, static_cast<size_t>(target - buffer))) return false;
      if (done != static_cast<size_t>(-1) || errno == E2BIG) continue;
      if (errno == EINVAL) break;                // a character cut by the chunk: wait for the rest
      Replace(static_cast<unsigned char>(*in));  // EILSEQ: a byte with no character
      in += unit_;
      in_left -= std::min(in_left, unit_);
    }
    pending_.erase(0, pending_.size() - in_left);
    return true;
  }

  bool Finish() {
    if (!pending_.empty()) Replace(static_cast<unsigned char>(pending_[0]));
    return !failed_;
  }

 private:
  void Replace(unsigned char byte) {
    std::string replacement;
    if (unit_ == 1) {  // Windows-1252 leaves 0x81 0x8D 0x8F 0x90 0x9D unassigned
      AppendLatin1(byte, replacement);
    } else {
      replacement = kReplacement;
    }
    Write(replacement.data(), replacement.size());
  }

  bool Write(const char* data, size_t size) {
    failed_ = failed_ || std::fwrite(data, 1, size, out_) != size;
    return !failed_;
  }

  const char* from_;
  size_t unit_;
  FILE* out_;
  iconv_t converter_;
  std::string pending_;
  bool failed_ = false;
};

}  // namespace

Status TranscodeToUtf8(const SourceFile& file, const std::string& encoding,
                       const std::string& target, const CancelToken& cancel) {
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(target.c_str(), "wb"), std::fclose);
  if (!out) return IoError(fmt::format("cannot write '{}'", target));
  Transcoder transcoder(encoding, out.get());
  if (!transcoder.ok()) return Internal(fmt::format("iconv cannot read {}", encoding));
  bool written = true;
  PIKA_TRY(ReadFileBytes(file, cancel, [&](std::string_view bytes) {
    written = transcoder.Feed(bytes);
    return written;
  }));
  if (!written || !transcoder.Finish() || std::fflush(out.get()) != 0) {
    return IoError(fmt::format("cannot write '{}': is the disk full?", target));
  }
  return {};
}

}  // namespace pika
