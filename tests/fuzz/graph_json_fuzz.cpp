// graph.json on any text: reading either fails with a message or gives a graph whose JSON
// reads back to the same JSON (nothing half-read, nothing changed by a second save).
#include <string>

#include "canvas/graph_json.h"
#include "fuzz_scratch.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pika;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto read = canvas::GraphFromJson(text);
  if (!read.ok()) {
    if (read.error().message.empty()) fuzz::Fail("graph.json refused without a message");
    return 0;
  }
  std::string saved = canvas::GraphToJson(read->graph, read->viewport);
  auto reread = canvas::GraphFromJson(saved);
  if (!reread.ok()) fuzz::Fail("a saved graph does not read back: " + reread.error().message);
  if (canvas::GraphToJson(reread->graph, reread->viewport) != saved) {
    fuzz::Fail("a graph read back saves differently");
  }
  return 0;
}
