#include "ui/remote_plot_job.h"

#include <fmt/format.h>

#include "compute/bring_local.h"
#include "compute/source/duckdb_engine.h"
#include "compute/source/server_engine.h"
#include "render/text_metrics.h"

namespace pika::ui {

PlotResult PlotResultOf(const PlotDataRequest& request, DrawnPlot drawn) {
  PlotResult result;
  result.request = request;
  result.data = std::move(drawn.data);
  result.scene = std::move(drawn.scene);
  if (drawn.reduced) {
    result.reduced_in_duckdb = true;
    result.remote_queries = std::move(drawn.reduced->queries);
  }
  return result;
}

Result<PlotResult> RunRemotePlot(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const PlotDataRequest& request, const PlotSpec& spec,
                                 const CancelToken& cancel, const ProgressFn& progress) {
  auto client = sessions.Open(origin.source, origin.max_age_s);
  client->SetProgress(progress);
  ServerEngine engine(*client);
  auto plot = RunPlot(engine, request, spec, PlotUse::kInteractive, TickLabelWidth(), cancel);
  if (!plot.ok()) return plot.error();
  PlotResult result = PlotResultOf(request, std::move(*plot));
  result.reduced_in_duckdb = false;
  result.remote = origin;
  return result;
}

Result<PlotResult> RedrawInEngine(const PlotResult& plot, Connection& connection,
                                  RemoteSessions* sessions, const PlotSpec& spec,
                                  const CancelToken& cancel, const ProgressFn& progress) {
  if (plot.remote && sessions == nullptr)
    return InvalidInput("remote plots cannot be drawn from here");
  if (plot.remote)
    return RunRemotePlot(*sessions, *plot.remote, plot.request, spec, cancel, progress);
  DuckDbEngine engine(connection, plot.request.relation, "the plot's input");
  engine.SetProgress(progress);
  auto drawn = ReduceInEngine(engine, plot.request, spec, TickLabelWidth(), cancel);
  if (!drawn.ok()) return drawn.error();
  return PlotResultOf(plot.request, std::move(*drawn));
}

Result<uint64_t> CountRemoteRows(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const CancelToken& cancel) {
  auto client = sessions.Open(origin.source, origin.max_age_s);
  return CountRemoteQuery(*client, "SELECT * FROM " + RemoteTableSql(origin.source), cancel);
}

std::string RemotePlotSqlText(const PlotResult& plot) {
  std::string text = fmt::format("-- run on {} ({})\n", EngineName(plot.remote->source.engine),
                                 RemoteUrl(plot.remote->source));
  for (const std::string& query : plot.remote_queries) text += query + ";\n";
  return text;
}

}  // namespace pika::ui
