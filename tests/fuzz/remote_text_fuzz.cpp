// What a remote server answers, on any bytes: ClickHouse's TSVWithNamesAndTypes and error
// bodies, and text values read as each column type. A parsed batch must be rectangular.
#include <fuzzer/FuzzedDataProvider.h>

#include "core/table_batch.h"
#include "fuzz_scratch.h"
#include "remote/clickhouse_client.h"
#include "remote/text_values.h"

namespace pika::fuzz {
namespace {

void ParseBody(std::string_view body) {
  auto batch = ParseClickHouseTsv(body);
  if (!batch.ok()) {
    if (batch.error().message.empty()) Fail("a TSV body refused without a message");
    return;
  }
  for (const Column& column : batch->columns) {
    if (column.size() != batch->row_count) Fail("a parsed TSV batch is not rectangular");
  }
}

void AppendValue(FuzzedDataProvider& in) {
  Column column = MakeColumn(
      "c", in.PickValueInArray({ColumnType::kBoolean, ColumnType::kBigint, ColumnType::kDouble,
                                ColumnType::kDate, ColumnType::kTimestamp, ColumnType::kVarchar}));
  std::string text = in.ConsumeRandomLengthString(64);
  bool appended =
      AppendText(column, in.ConsumeBool() ? std::nullopt : std::optional<std::string_view>(text));
  if (column.size() != (appended ? 1u : 0u)) Fail("AppendText's answer and the column disagree");
}

}  // namespace
}  // namespace pika::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pika;
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange(0, 2)) {
    case 0: fuzz::AppendValue(in); break;
    case 1: (void)ParseClickHouseError(in.ConsumeRemainingBytesAsString()); break;
    default: fuzz::ParseBody(in.ConsumeRemainingBytesAsString());
  }
  (void)ClickHouseColumnType(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
