// Runs a fuzz target over files instead of under libFuzzer: every file named, and every file
// in every folder named (a committed corpus), once each. Builds without clang, so the corpus
// is replayed in every build, under that build's sanitizers.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// Each name is printed first, so that a crash's report follows the input that caused it.
void RunOne(const std::filesystem::path& file) {
  std::fprintf(stderr, "%s\n", file.c_str());
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  size_t inputs = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path named(argv[i]);
    if (!std::filesystem::is_directory(named)) {
      RunOne(named);
      ++inputs;
      continue;
    }
    for (const auto& entry : std::filesystem::directory_iterator(named)) {
      if (!entry.is_regular_file()) continue;
      RunOne(entry.path());
      ++inputs;
    }
  }
  std::printf("replayed %zu inputs\n", inputs);
  return inputs > 0 ? 0 : 1;
}
