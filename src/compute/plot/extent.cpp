#include "compute/plot/extent.h"

namespace pika {

Result<Extent> FetchExtent(PlotQueries& run, const SqlSource& source) {
  auto rows = run.Query(ExtentSql(run.dialect(), source));
  if (!rows.ok()) return rows.error();
  Extent extent;
  extent.rows = static_cast<uint64_t>(rows->columns[0].IntAt(0));
  if (extent.rows == 0) return extent;
  extent.window.x_min = rows->columns[1].DoubleAt(0);
  extent.window.x_max = rows->columns[2].DoubleAt(0);
  if (rows->columns.size() == 5) {
    extent.window.y_min = rows->columns[3].DoubleAt(0);
    extent.window.y_max = rows->columns[4].DoubleAt(0);
  }
  return extent;
}

}  // namespace pika
