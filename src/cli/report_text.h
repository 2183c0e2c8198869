// Human-readable forms of the reports `pika` prints without --json.
#pragma once

#include <ostream>

#include "storage/import_report.h"

namespace pika::cli {

void PrintInspect(std::ostream& out, const InspectReport& report);
void PrintImport(std::ostream& out, const ImportReport& report);

}  // namespace pika::cli
