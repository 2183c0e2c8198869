#include "support/temp_dir.h"

#include <unistd.h>

#include <atomic>
#include <fstream>

namespace pika::test {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("pika-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::Write(const std::string& name, const std::string& content) const {
  const std::string file = File(name);
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

std::string FixturePath(const std::string& relative) {
  return std::string(PIKA_FIXTURE_DIR) + "/" + relative;
}

std::string VegaPath(const std::string& name) { return std::string(PIKA_VEGA_DIR) + "/" + name; }

}  // namespace pika::test
