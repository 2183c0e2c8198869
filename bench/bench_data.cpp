#include "bench_data.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace pika::bench {

namespace {

constexpr std::array<const char*, 20> kCategories{
    "alpha", "bravo", "charlie", "delta", "echo",   "foxtrot", "golf",
    "hotel", "india", "juliett", "kilo",  "lima",   "mike",    "november",
    "oscar", "papa",  "quebec",  "romeo", "sierra", "tango"};

std::string Folder() {
  const char* folder = std::getenv("PIKA_BENCH_DIR");
  return folder ? folder : "bench_data";
}

void WriteRow(std::string& out, uint64_t row, std::mt19937_64& random) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int64_t seconds = 1'600'000'000 + static_cast<int64_t>(row) * 3;
  const int64_t day = 18'000 + static_cast<int64_t>(row % 3650);
  fmt::format_to(
      std::back_inserter(out),
      "{},{:%Y-%m-%d %H:%M:%S},{:.6f},{:.6f},{:.3f},{:.2f},{},{},\"note {}, with comma\","
      "{},{:.4f},{:%Y-%m-%d},{},{:.2f},{}\n",
      row, fmt::gmtime(static_cast<std::time_t>(seconds)), unit(random) * 1000.0,
      unit(random) * 2.0 - 1.0, unit(random) * 1e6, unit(random) * 100.0,
      kCategories[row % kCategories.size()], row % 3 == 0 ? "true" : "false", row % 1000,
      random() % 100000, unit(random), fmt::gmtime(static_cast<std::time_t>(day * 86400)),
      kCategories[(row * 7) % kCategories.size()], unit(random) * 5000.0, random() % 1000);
}

}  // namespace

uint64_t ImportRows() {
  const char* rows = std::getenv("PIKA_BENCH_ROWS");
  return rows ? std::strtoull(rows, nullptr, 10) : 10'000'000;
}

std::string ImportCsv(uint64_t rows) {
  std::filesystem::create_directories(Folder());
  const std::string path = fmt::format("{}/import_{}.csv", Folder(), rows);
  if (std::filesystem::exists(path)) return path;
  const std::string partial = path + ".partial";
  std::FILE* file = std::fopen(partial.c_str(), "wb");
  std::string block = "id,ts,x,y,z,w,category,flag,note,count,score,day,label,amount,code\n";
  std::mt19937_64 random(42);
  for (uint64_t row = 0; row < rows; ++row) {
    WriteRow(block, row, random);
    if (block.size() > (1 << 22)) {
      std::fwrite(block.data(), 1, block.size(), file);
      block.clear();
    }
  }
  std::fwrite(block.data(), 1, block.size(), file);
  std::fclose(file);
  std::filesystem::rename(partial, path);  // a killed run leaves no half file behind
  return path;
}

}  // namespace pika::bench
