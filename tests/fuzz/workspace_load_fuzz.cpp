// The workspace loader on any bytes, in two shapes. Raw: the bytes are the .pikaplot file
// (zip directory, limits, CRCs). Parts: the bytes are split into manifest.json, graph.json
// and data entries put in place as they are, so that the JSON and Parquet readers behind the
// zip's CRC are reached too. Either way a load succeeds or says what is wrong, in a
// restricted engine, and a loaded workspace's graph has every restored table as a node.
#include <fuzzer/FuzzedDataProvider.h>

#include <filesystem>
#include <fstream>

#include "fuzz_scratch.h"
#include "storage/file_system.h"
#include "workspace/workspace_file.h"

namespace pika::fuzz {
namespace {

void CheckLoaded(const Result<WorkspaceContent>& content) {
  if (!content.ok()) {
    if (content.error().message.empty()) Fail("a workspace refused without a message");
    return;
  }
  for (canvas::NodeId id : content->restored_tables) {
    if (content->graph.Find(id) == nullptr) Fail("a restored table is not a node of the graph");
  }
}

WorkspaceParts::Data DataEntry(std::string bytes) {
  WorkspaceParts::Data data;
  data.bytes = bytes.size();
  data.fingerprint = std::to_string(std::hash<std::string>{}(bytes));
  data.extract = [bytes = std::move(bytes)](const std::string& file, const CancelToken&,
                                            const ProgressFn&) -> Status {
    std::ofstream(file, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return {};
  };
  return data;
}

WorkspaceParts PartsFrom(FuzzedDataProvider& in) {
  WorkspaceParts parts;
  parts.manifest = in.ConsumeRandomLengthString(512);
  parts.graph = in.ConsumeRandomLengthString(16384);
  while (in.remaining_bytes() > 0) {
    std::string name = WorkspaceDataEntry(in.ConsumeIntegralInRange<canvas::NodeId>(0, 8));
    parts.data[name] = DataEntry(in.ConsumeRandomLengthString(65536));
  }
  return parts;
}

std::string FreshTablesDir() {
  std::string dir = ScratchDir() + "/tables";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directory(dir);
  return dir;
}

}  // namespace
}  // namespace pika::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pika;
  FuzzedDataProvider in(data, size);
  Connection connection = fuzz::FreshConnection();
  std::string tables = fuzz::FreshTablesDir();
  if (in.ConsumeBool()) {
    std::string path = fuzz::WriteScratchFile("input.pikaplot", in.ConsumeRemainingBytesAsString());
    (void)ReadWorkspaceSummary(path);
    fuzz::CheckLoaded(LoadWorkspace(connection, RealFileSystem(), path, tables));
  } else {
    fuzz::CheckLoaded(
        RestoreWorkspaceParts(connection, RealFileSystem(), fuzz::PartsFrom(in), tables));
  }
  return 0;
}
