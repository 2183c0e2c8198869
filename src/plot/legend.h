// Legend: what the colours of a plot mean, in a column right of the plot area: a swatch per
// category, or a colour bar with ticks for a continuous column.
#pragma once

#include "plot/color_encoding.h"
#include "plot/scene.h"
#include "plot/theme.h"
#include "plot/tick_labels.h"

namespace pika {

// The room the legend takes right of the plot area, in logical pixels (0 without colour):
// names are cut to fit a share of the plot's width.
double LegendWidth(const ColorEncoding& color, double plot_width, const TextExtent& text_width);

// Draws the legend in the column that starts at `left`, between `top` and `bottom`.
void AddLegend(const ColorEncoding& color, double plot_width, double left, double top,
               double bottom, const Theme& theme, const TextExtent& text_width, Scene& scene);

}  // namespace pika
