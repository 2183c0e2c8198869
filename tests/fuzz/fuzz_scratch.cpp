#include "fuzz_scratch.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "storage/database.h"

namespace pika::fuzz {

namespace {

std::string MakeScratchDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/pika-fuzz-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) Fail("cannot make a scratch folder");
  return pattern;
}

}  // namespace

Connection FreshConnection() {
  DatabaseOptions options;
  options.threads = 1;
  options.memory_limit = "512MB";
  options.allowed_directories = std::vector<std::string>{ScratchDir()};
  auto database = Database::Open(options);
  if (!database.ok()) Fail(database.error().message);
  // A connection keeps its database open.
  auto connection = database->Connect();
  if (!connection.ok()) Fail(connection.error().message);
  return std::move(*connection);
}

const std::string& ScratchDir() {
  // Never destroyed, so that the exit handler that removes it can still read its name.
  static const std::string& dir = []() -> const std::string& {
    auto* made = new std::string(MakeScratchDir());
    std::atexit([] { std::filesystem::remove_all(ScratchDir()); });
    return *made;
  }();
  return dir;
}

Connection& ScratchConnection() {
  static Connection connection = FreshConnection();
  return connection;
}

std::string WriteScratchFile(std::string_view name, std::string_view bytes) {
  std::string path = ScratchDir() + "/" + std::string(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) Fail("cannot write " + path);
  return path;
}

void Fail(std::string_view what) {
  std::fprintf(stderr, "fuzz property failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace pika::fuzz
