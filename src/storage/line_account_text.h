// A LineAccount in words, for `pika import` and a Table node's inspector alike.
#pragma once

#include <string>

#include "storage/import_report.h"

namespace pika {

// "42 = 1 header + 40 rows + 1 rejected + 2 preamble"; `imported` tells rows read but not
// imported (an import stopped on bad rows) from imported ones.
std::string LineSumText(const LineAccount& lines, uint64_t imported);

// "2 preamble lines skipped (they do not split...): 'Sales report', 'units: EUR'", or "".
std::string PreambleText(const LineAccount& lines);

}  // namespace pika
