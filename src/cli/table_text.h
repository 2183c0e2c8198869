// Prints rows as an aligned text table or as CSV.
#pragma once

#include <ostream>

#include "core/table_batch.h"

namespace pika::cli {

void PrintTable(std::ostream& out, const TableBatch& batch);
void PrintCsv(std::ostream& out, const TableBatch& batch);

}  // namespace pika::cli
