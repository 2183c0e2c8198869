// The CSV import path (dialect sniffing, type inference, rejects, the text fallback) on any
// bytes. The first bytes pick what a user can set; the rest is the file. An import that
// succeeds must hold the rows its report counts, and a failure must say what is wrong and
// never be the import's own check that every line of the file is accounted for.
#include <fuzzer/FuzzedDataProvider.h>

#include <string>

#include "fuzz_scratch.h"
#include "storage/file_importer.h"

namespace pika::fuzz {
namespace {

template <typename T>
std::optional<T> MaybeOneOf(FuzzedDataProvider& in, std::initializer_list<const T> choices) {
  if (in.ConsumeBool()) return std::nullopt;
  return in.PickValueInArray(choices);
}

ImportOptions OptionsFrom(FuzzedDataProvider& in) {
  ImportOptions options;
  options.delimiter = MaybeOneOf(in, {',', ';', '\t', '|', ' ', ':'});
  options.header = MaybeOneOf(in, {true, false});
  options.quote = MaybeOneOf(in, {'"', '\''});
  options.encoding =
      in.PickValueInArray({"", "utf-8", "latin-1", "windows-1252", "utf-16", "utf-16-be"});
  options.bad_rows =
      in.PickValueInArray({BadRowPolicy::kAbort, BadRowPolicy::kSkip, BadRowPolicy::kText});
  options.sample_rows = in.PickValueInArray({uint64_t{0}, uint64_t{2}, uint64_t{100'000}});
  if (in.ConsumeBool()) options.null_strings = {in.ConsumeRandomLengthString(4)};
  return options;
}

uint64_t RowsIn(Connection& connection, const std::string& table) {
  auto count = connection.QueryAll("SELECT count(*) FROM \"" + table + "\"");
  if (!count.ok()) Fail("an imported table cannot be counted: " + count.error().message);
  return static_cast<uint64_t>(count->columns.at(0).IntAt(0));
}

}  // namespace
}  // namespace pika::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pika;
  FuzzedDataProvider in(data, size);
  ImportRequest request;
  request.options = fuzz::OptionsFrom(in);
  request.table = "fuzzed";
  request.replace = true;
  request.path = fuzz::WriteScratchFile("input.csv", in.ConsumeRemainingBytesAsString());

  Connection& connection = fuzz::ScratchConnection();
  auto imported = ImportFile(connection, request, {}, {});
  if (!imported.ok()) {
    if (imported.error().message.empty()) fuzz::Fail("an import failed without a message");
    // Our own count of the file's lines and the import's disagree: a line went nowhere.
    if (imported.error().kind == ErrorKind::kInternal) fuzz::Fail(imported.error().message);
    return 0;
  }
  if (imported->outcome != ImportOutcome::kImported) return 0;
  const ImportReport& report = imported->report;
  if (fuzz::RowsIn(connection, report.table) != report.rows) {
    fuzz::Fail("the imported table does not hold the rows its report counts");
  }
  return 0;
}
