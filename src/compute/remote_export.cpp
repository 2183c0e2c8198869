#include "compute/remote_export.h"

#include <fmt/format.h>

#include "compute/bring_local.h"
#include "compute/plot/axis_columns.h"
#include "compute/source/server_engine.h"
#include "plot/reduction_method.h"
#include "plot/reduction_sql.h"
#include "storage/database.h"
#include "storage/query_export.h"

namespace pika {

namespace {

// The rows in view, as the local export takes them: x (and, for a scatter, y) between the
// view's bounds, ends included.
Result<std::string> InViewPredicate(const std::vector<EngineColumn>& columns,
                                    const SqlEngine& engine, const PlotDataRequest& request,
                                    const DataWindow& values) {
  const SqlDialect dialect = engine.dialect();
  const auto between = [dialect](const std::string& value, double low, double high) {
    return fmt::format("{} BETWEEN {} AND {}", value, DoubleLiteral(dialect, low),
                       DoubleLiteral(dialect, high));
  };
  auto x = AxisColumnOf(columns, request.x, engine, true);
  if (!x.ok()) return x.error();
  std::string predicate = between(x->sql, values.x_min, values.x_max);
  if (request.kind == "scatter") {  // a line's view is a range of x: its y axis only follows
    auto y = AxisColumnOf(columns, request.y, engine, false);
    if (!y.ok()) return y.error();
    predicate += " AND " + between(y->sql, values.y_min, values.y_max);
  }
  return predicate;
}

}  // namespace

Result<uint64_t> ExportRemoteRowsInView(RemoteClient& client, const PlotDataRequest& request,
                                        const std::optional<DataWindow>& view,
                                        const std::string& path, uint64_t max_rows,
                                        const CancelToken& cancel, const ProgressFn& progress) {
  if (request.kind != "scatter" && request.kind != "line") {
    return InvalidInput(fmt::format(
        "a {} plot of a remote table is an aggregate: Copy SQL gives the query that computes it "
        "on the server, to run with `pika remote URL --sql ... --out FILE`",
        request.kind));
  }
  auto format = DataFileFormatOf(path);
  if (!format.ok()) return format.error();
  const RemoteSource& remote = client.source();
  ServerEngine engine(client);
  auto columns = engine.Columns(cancel);
  if (!columns.ok()) return columns.error();
  std::string rows_sql = "SELECT * FROM " + RemoteTableSql(remote);
  if (view) {
    auto predicate = InViewPredicate(*columns, engine, request, AxisToValues(request, *view));
    if (!predicate.ok()) return predicate.error();
    rows_sql += " WHERE " + *predicate;
  }
  auto in_view = CountRemoteQuery(client, rows_sql, cancel);
  if (!in_view.ok()) return in_view.error();
  if (*in_view > max_rows) {
    return InvalidInput(fmt::format(
        "the view holds {} rows on {}, more than the {} an export brings here: zoom in, or write "
        "them from the server with `pika remote {} --sql \"{}\" --out {} --max-rows {}`",
        WithThousands(*in_view), EngineName(remote.engine), WithThousands(max_rows),
        RemoteUrl(remote), rows_sql, path, *in_view));
  }
  // A database of its own: the app's engine never holds the rows, and it goes with them.
  auto database = Database::Open({});
  if (!database.ok()) return database.error();
  auto local = database->Connect();
  if (!local.ok()) return local.error();
  auto rows = FetchInto(client, rows_sql, max_rows, *local, "rows_in_view", cancel);
  if (!rows.ok()) return rows.error();
  PIKA_TRY(ExportQueryResult(*local, "SELECT * FROM rows_in_view", path, cancel, progress));
  return *rows;
}

}  // namespace pika
