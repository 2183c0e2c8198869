// The SQL canonicalizer and predicate implication on any text. Canonical forms must not
// depend on the call (the cache keys on them), and a WHERE clause always implies itself
// (otherwise a repeated query would never be answered from its own result).
#include <fuzzer/FuzzedDataProvider.h>

#include "compute/canonical_query.h"
#include "compute/predicate_atoms.h"
#include "fuzz_scratch.h"

namespace pika::fuzz {
namespace {

std::optional<CanonicalQuery> CanonicalOf(QueryCanonicalizer& canonicalizer,
                                          const std::string& sql) {
  auto query = canonicalizer.Canonicalize(sql);
  if (!query.ok()) {
    if (query.error().message.empty()) Fail("a statement refused without a message");
    return std::nullopt;
  }
  auto again = canonicalizer.Canonicalize(sql);
  if (!again.ok() || again->text != query->text)
    Fail("the same statement canonicalized twice differs");
  if (!Implies(query->shape.where, query->shape.where))
    Fail("a WHERE clause does not imply itself");
  return std::move(*query);
}

}  // namespace
}  // namespace pika::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pika;
  // Made per input: a prepared statement kept across inputs holds DuckDB's last result state,
  // which libFuzzer's per-input leak check would report.
  QueryCanonicalizer canonicalizer(fuzz::ScratchConnection());
  FuzzedDataProvider in(data, size);
  std::string first = in.ConsumeRandomLengthString(4096);
  std::string second = in.ConsumeRemainingBytesAsString();
  auto narrow = fuzz::CanonicalOf(canonicalizer, first);
  auto broad = fuzz::CanonicalOf(canonicalizer, second);
  if (narrow && broad) (void)Implies(narrow->shape.where, broad->shape.where);
  return 0;
}
