#include "storage/physical_lines.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <numeric>

namespace pika {

std::vector<uint64_t> PhysicalLines(const std::string& path, const std::vector<uint64_t>& offsets,
                                    char newline) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return {};
  std::vector<size_t> order(offsets.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
  std::vector<uint64_t> lines(offsets.size(), 1);
  std::vector<char> buffer(1 << 20);
  uint64_t position = 0;  // bytes consumed
  uint64_t newlines = 0;  // newline bytes in [0, position)
  size_t next = 0;
  while (next < order.size()) {
    file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<uint64_t>(file.gcount());
    if (got == 0) break;
    const char* data = buffer.data();
    uint64_t scanned = 0;  // bytes of this block already counted
    while (next < order.size() && offsets[order[next]] <= position + got) {
      const uint64_t upto = offsets[order[next]] - position;
      newlines += static_cast<uint64_t>(std::count(data + scanned, data + upto, newline));
      scanned = upto;
      lines[order[next++]] = newlines + 1;
    }
    newlines += static_cast<uint64_t>(std::count(data + scanned, data + got, newline));
    position += got;
  }
  for (; next < order.size(); ++next) lines[order[next]] = newlines + 1;
  return lines;
}

}  // namespace pika
