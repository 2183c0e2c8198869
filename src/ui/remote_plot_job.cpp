#include "ui/remote_plot_job.h"

#include <fmt/format.h>

#include "compute/bring_local.h"
#include "compute/remote_plot.h"
#include "render/text_metrics.h"

namespace pika::ui {

Result<PlotResult> RunRemotePlot(RemoteSessions& sessions, const RemoteOrigin& origin,
                                 const PlotDataRequest& request, const PlotSpec& spec,
                                 const CancelToken& cancel, const ProgressFn& progress) {
  auto client = sessions.Open(origin.source, origin.max_age_s);
  client->SetProgress(progress);
  auto plot = PlotRemote(*client, request, spec, TickLabelWidth(), cancel);
  if (!plot.ok()) return plot.error();
  PlotResult result;
  result.request = request;
  result.scene = std::move(plot->plot);
  result.remote = origin;
  result.remote_queries = std::move(plot->queries);
  // What drill-down snaps to or names: the rows stay there.
  result.data.bins = std::move(plot->bins);
  result.data.categories = std::move(plot->groups);
  result.data.x_is_time = plot->x_is_time;  // how a brush writes its bounds
  return result;
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
