#include "storage/csv_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <memory>

#include "storage/byte_stream.h"
#include "storage/text_encoding.h"

namespace pika {

namespace {

// The reader's view of one character: UTF-16 code units are folded to one byte each (any
// non-ASCII unit to 0x80), since only ASCII characters split records.
class UnitDecoder {
 public:
  explicit UnitDecoder(const std::string& encoding) : utf16_(encoding.starts_with("utf-16")) {}

  std::string_view Decode(std::string_view bytes) {
    if (!utf16_) return bytes;
    units_.clear();
    for (char byte : bytes) {
      if (!has_low_) {
        low_ = static_cast<unsigned char>(byte);
        has_low_ = true;
        continue;
      }
      has_low_ = false;
      const unsigned unit = low_ | (static_cast<unsigned char>(byte) << 8U);
      if (unit == 0xFEFF && first_) continue;  // the byte order mark
      first_ = false;
      units_.push_back(unit < 0x80 ? static_cast<char>(unit) : static_cast<char>(0x80));
    }
    return units_;
  }

 private:
  bool utf16_;
  bool has_low_ = false;
  bool first_ = true;
  unsigned low_ = 0;
  std::string units_;
};

class RecordSplitter {
 public:
  explicit RecordSplitter(const Dialect& dialect)
      : delimiter_(dialect.delimiter.empty() ? -1
                                             : static_cast<unsigned char>(dialect.delimiter[0])),
        quote_(dialect.quote.empty() ? -1 : static_cast<unsigned char>(dialect.quote[0])),
        escape_(dialect.escape.empty() || dialect.escape == dialect.quote
                    ? -1
                    : static_cast<unsigned char>(dialect.escape[0])),
        comment_(dialect.comment.empty() ? -1 : static_cast<unsigned char>(dialect.comment[0])),
        doubled_quotes_(!dialect.quote.empty() && dialect.escape == dialect.quote),
        header_(dialect.header),
        latin1_(dialect.encoding == "latin-1") {
    tally_.preamble = dialect.skip_rows;
    keeping_ = tally_.preamble > 0;
    for (const int special : {delimiter_, comment_, int{'\n'}, int{'\r'}}) {
      if (special >= 0) ends_field_[special] = true;
    }
    for (const int special : {quote_, escape_}) {
      if (special >= 0) ends_quoted_[special] = true;
    }
    starts_special_ = ends_field_;
    starts_special_[' '] = true;
    if (quote_ >= 0) starts_special_[quote_] = true;
  }

  void Feed(std::string_view bytes) {
    const char* at = bytes.data();
    const char* const end = at + bytes.size();
    while (at < end) {
      at = SkipOrdinary(at, end);
      if (at < end) Step(*at++);
    }
  }

  // Appends every byte fed to `out`, with each line ending outside quoted values as one '\n'.
  void RewriteInto(std::string* out) { out_ = out; }

  // Keeps each record's field count, up to `limit` records.
  void CountFields(size_t limit) { field_limit_ = limit; }
  bool Done() const { return field_limit_ > 0 && tally_.records >= field_limit_; }
  const std::vector<size_t>& field_counts() const { return field_counts_; }

  CsvRecords Finish() {
    if (record_bytes_ > 0 || state_ != State::kStart) EndRecord();
    tally_.preamble = std::min(tally_.preamble, tally_.records);
    return std::move(tally_);
  }

 private:
  // DuckDB's reader states: a quote opens a value only at its start (after at most one
  // space); after a closing quote only a delimiter, a line end, a doubled quote or a comment may
  // follow, anything else makes the rest of the line invalid, up to its end.
  enum class State { kStart, kSpace, kField, kQuoted, kEscaped, kAfterQuote, kComment };

  void Step(char c) {
    const auto byte = static_cast<unsigned char>(c);
    const bool after_cr = ended_by_cr_;
    ended_by_cr_ = false;
    if (InsideQuotes(byte)) {
      Keep(c);
      Emit(c);
      return;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\n' && after_cr) return;  // the second half of "\r\n"
      EndRecord();
      ended_by_cr_ = c == '\r';
      Emit('\n');
      return;
    }
    state_ = Next(byte);
    Keep(c);
    Emit(c);
  }

  // Steps a quoted value; false when `byte` is read outside quotes.
  bool InsideQuotes(int byte) {
    if (state_ == State::kQuoted) {
      if (byte == escape_) {
        state_ = State::kEscaped;
      } else if (byte == quote_) {
        state_ = State::kAfterQuote;
      }
      return true;
    }
    if (state_ == State::kEscaped) {
      state_ = byte == quote_ || byte == escape_ ? State::kQuoted : State::kField;
      return true;
    }
    return false;
  }

  State Next(int byte) {
    if (state_ == State::kComment) return State::kComment;
    if (byte == delimiter_) {
      ++delimiters_;
      return State::kStart;
    }
    if (byte == comment_) return State::kComment;
    if (state_ == State::kAfterQuote) {
      return byte == quote_ && doubled_quotes_ ? State::kQuoted : State::kField;
    }
    if (state_ == State::kField) return State::kField;
    if (byte == quote_) return State::kQuoted;
    if (byte == ' ' && state_ == State::kStart && delimiter_ != ' ') return State::kSpace;
    return State::kField;
  }

  void Emit(char c) {
    if (out_ != nullptr) out_->push_back(c);
  }

  void Keep(char c) {
    if (record_bytes_++ == 0) first_ = c;
    if (keeping_ && text_.size() < kMaxRawLineBytes) text_.push_back(c);
  }

  // Runs through the bytes of unquoted values and their delimiters, or of a quoted value, up
  // to one that Step must see; what it passes is kept and emitted as Step would.
  const char* SkipOrdinary(const char* at, const char* end) {
    const char* const run = at;
    if (state_ == State::kQuoted) {
      while (at < end && !ends_quoted_[static_cast<unsigned char>(*at)]) ++at;
    } else {
      while (at < end && (state_ == State::kField || state_ == State::kStart)) {
        const auto byte = static_cast<unsigned char>(*at);
        if (state_ == State::kStart) {
          if (starts_special_[byte]) break;
          state_ = State::kField;
        } else if (ends_field_[byte]) {
          if (byte != delimiter_) break;
          ++delimiters_;
          state_ = State::kStart;
        }
        ++at;
      }
    }
    KeepRun(run, at);
    return at;
  }

  // Bytes that change no state, as Step would keep and emit them one by one.
  void KeepRun(const char* begin, const char* end) {
    const auto size = static_cast<size_t>(end - begin);
    if (size == 0) return;
    ended_by_cr_ = false;
    if (record_bytes_ == 0) first_ = *begin;
    record_bytes_ += size;
    if (keeping_ && text_.size() < kMaxRawLineBytes)
      text_.append(begin, std::min(size, kMaxRawLineBytes - text_.size()));
    if (out_ != nullptr) out_->append(begin, size);
  }

  bool Blank() const { return record_bytes_ == 0; }

  void EndRecord() {
    const bool skipped = Blank() || static_cast<unsigned char>(first_) == comment_;
    if (field_counts_.size() < field_limit_) field_counts_.push_back(skipped ? 0 : delimiters_ + 1);
    delimiters_ = 0;
    const uint64_t index = tally_.records++;
    if (index < tally_.preamble) {
      if (keeping_) tally_.preamble_text.push_back(DisplayableUtf8(text_, latin1_));
    } else if (!Blank() && static_cast<unsigned char>(first_) == comment_) {
      ++tally_.comment;  // also above the header: the reader drops comments first
    } else if (header_ && tally_.header == 0) {
      tally_.header = 1;  // whatever it holds, even nothing: the reader takes it for the names
    } else if (Blank()) {
      ++tally_.blank;
    }
    text_.clear();
    keeping_ = tally_.records < std::min<uint64_t>(tally_.preamble, kMaxShownPreambleLines);
    record_bytes_ = 0;
    state_ = State::kStart;
  }

  const int delimiter_, quote_, escape_, comment_;
  const bool doubled_quotes_, header_, latin1_;
  std::string* out_ = nullptr;
  std::array<bool, 256> ends_field_{}, ends_quoted_{}, starts_special_{};
  State state_ = State::kStart;
  bool ended_by_cr_ = false;
  uint64_t record_bytes_ = 0;
  char first_ = 0;
  bool keeping_ = false;
  std::string text_;
  CsvRecords tally_;
  size_t delimiters_ = 0;
  size_t field_limit_ = 0;
  std::vector<size_t> field_counts_;
};

}  // namespace

Result<CsvRecords> CountCsvRecords(const SourceFile& file, const Dialect& dialect,
                                   const CancelToken& cancel) {
  RecordSplitter splitter(dialect);
  UnitDecoder decoder(dialect.encoding);
  bool first = true;
  PIKA_TRY(ReadFileBytes(file, cancel, [&](std::string_view bytes) {
    if (first && bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // UTF-8's BOM
    first = false;
    splitter.Feed(decoder.Decode(bytes));
    return true;
  }));
  return splitter.Finish();
}

Status WriteWithUnixNewlines(const SourceFile& file, const Dialect& dialect,
                             const std::string& target, const CancelToken& cancel) {
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(target.c_str(), "wb"), std::fclose);
  if (!out) return IoError(fmt::format("cannot write '{}'", target));
  RecordSplitter splitter(dialect);
  std::string rewritten;
  splitter.RewriteInto(&rewritten);
  bool written = true;
  PIKA_TRY(ReadFileBytes(file, cancel, [&](std::string_view bytes) {
    rewritten.clear();
    splitter.Feed(bytes);
    written = std::fwrite(rewritten.data(), 1, rewritten.size(), out.get()) == rewritten.size();
    return written;
  }));
  (void)splitter.Finish();
  if (!written || std::fflush(out.get()) != 0) {
    return IoError(fmt::format("cannot write '{}': is the disk full?", target));
  }
  return {};
}

std::optional<LongLine> FirstLineLongerThan(const SourceFile& file, uint64_t limit) {
  LongLine current{1, 0};
  std::optional<LongLine> found;
  (void)ReadFileBytes(file, CancelToken(), [&](std::string_view bytes) {
    for (size_t at = 0; at < bytes.size() && !found;) {
      const size_t end = bytes.find('\n', at);
      current.bytes += (end == std::string_view::npos ? bytes.size() : end) - at;
      if (current.bytes > limit) found = current;
      if (end == std::string_view::npos) break;
      current = {current.line + 1, 0};
      at = end + 1;
    }
    return !found;
  });
  return found;
}

Result<std::vector<size_t>> FieldCounts(const SourceFile& file, const Dialect& dialect,
                                        size_t limit) {
  Dialect from_top = dialect;
  from_top.skip_rows = 0;
  RecordSplitter splitter(from_top);
  splitter.CountFields(limit);
  UnitDecoder decoder(dialect.encoding);
  PIKA_TRY(ReadFileBytes(file, CancelToken(), [&](std::string_view bytes) {
    splitter.Feed(decoder.Decode(bytes));
    return !splitter.Done();
  }));
  (void)splitter.Finish();
  return splitter.field_counts();
}

}  // namespace pika
