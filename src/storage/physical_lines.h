// Maps byte offsets in a file to 1-based line numbers as an editor shows them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pika {

// For each offset (any order) the number of `newline` bytes before it, plus one.
// Returns an empty vector when the file cannot be read.
std::vector<uint64_t> PhysicalLines(const std::string& path, const std::vector<uint64_t>& offsets,
                                    char newline);

}  // namespace pika
