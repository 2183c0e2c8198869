#include "compute/plot/run_plot.h"

#include <utility>

namespace pika {

Result<DrawnPlot> ReduceInEngine(SqlEngine& engine, const PlotDataRequest& request,
                                 const PlotSpec& spec, const TextExtent& text_width,
                                 const CancelToken& cancel) {
  auto plot = PlotInEngine(engine, request, spec, text_width, cancel);
  if (!plot.ok()) return plot.error();
  DrawnPlot drawn;
  drawn.scene = std::move(plot->plot);
  drawn.data.bins = std::move(plot->bins);
  drawn.data.categories = std::move(plot->groups);
  drawn.data.x_is_time = plot->x_is_time;  // how a brush writes its bounds
  drawn.data.color = std::move(plot->color);
  drawn.reduced = EngineReduction{std::move(plot->queries), plot->rows, plot->bytes_received};
  return drawn;
}

namespace {

// A single picture of many points is cheaper counted where they are: the engine scans the
// columns twice (extent, cells) and nothing but cells comes to memory.
bool FetchesRows(SqlEngine& engine, const PlotDataRequest& request, PlotUse use) {
  if (engine.in_process() == nullptr) return false;
  const bool points = request.kind == "scatter" || request.kind == "line";
  return !(points && use == PlotUse::kOneFrame);
}

}  // namespace

Result<DrawnPlot> RunPlot(SqlEngine& engine, const PlotDataRequest& request, const PlotSpec& spec,
                          PlotUse use, const TextExtent& text_width, const CancelToken& cancel) {
  if (FetchesRows(engine, request, use)) {
    Connection* connection = engine.in_process();
    // Fetching stops at the budget: the rows read until then are all that is wasted.
    auto data = FetchPlotData(*connection, request);
    if (data.ok()) {
      if (cancel.cancelled()) return Cancelled();
      GridPool pool;
      auto scene = BuildScene(request, *data, spec, text_width, pool);
      if (!scene.ok()) return scene.error();
      return DrawnPlot{std::move(*data), std::move(*scene), std::nullopt};
    }
    if (data.error().kind != ErrorKind::kOverBudget) return data.error();
  }
  return ReduceInEngine(engine, request, spec, text_width, cancel);
}

}  // namespace pika
