#include "workspace/plot_node.h"

#include "storage/sql_quote.h"

namespace pika {

PlotDataRequest PlotRequestOf(const canvas::Node& plot, const canvas::Node& input) {
  return {QuoteIdentifier(input.name),
          plot.plot.kind,
          plot.plot.x,
          plot.plot.y,
          plot.plot.agg,
          plot.plot.color};
}

PlotSpec PlotSpecOf(const canvas::Node& plot, const PlotDataRequest& request) {
  PlotSpec spec;
  spec.title = plot.plot.title;
  spec.x_title = plot.plot.x;
  spec.y_title = PlotYTitle(request);
  return spec;
}

}  // namespace pika
