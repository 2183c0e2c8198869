// The colour column of a plot, as the engine gives it: a code per row into at
// most ten category names, or a number per row with the column's range. The categories are
// picked in the engine (the most frequent ones), so only codes cross into memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "plot/color_encoding.h"
#include "storage/connection.h"

namespace pika {

struct PlotColor {
  std::string column;
  std::vector<uint32_t> codes;  // categorical
  std::vector<std::string> names;
  bool last_is_other = false;
  uint64_t undrawn_categories = 0;
  std::vector<double> values;  // continuous: NaN for NULL
  double min = 0, max = 1;
};

// The type of `column` of `relation` (a quoted name or "(SELECT ...)"), asked of the engine.
Result<ColumnType> ColumnTypeOf(Connection& connection, const std::string& relation,
                                const std::string& column);

// Numbers, dates and times: plots keep them in their own order (text goes by name or size).
bool HasOwnOrder(ColumnType type);

// What the colour is for: each row's point, a line per category, or groups of bars.
enum class ColorUse { kPoints, kLines, kGroups };

// How the rows' colours are read: a SQL expression over `relation` giving the code (BIGINT)
// of a row's category, or its value (DOUBLE). Text, booleans, dates and numbers with at most
// ten distinct values are categories. Beyond that, points colour numbers continuously and
// share a grey "others" among the rest; lines draw the ten most frequent values as lines of
// their own; bar groups are always categories, the rest in "others". Fills `color`'s names
// and range.
Result<std::string> PlanPlotColor(Connection& connection, const std::string& relation, ColorUse use,
                                  PlotColor& color);

// A value of the colour column, as text, and its rows.
struct ColorCategory {
  std::string name;
  uint64_t rows = 0;
};

// Whether a column of numbers (`numeric`) with `distinct` values colours `use` on a colour bar
// rather than by category.
bool ColorsContinuously(bool numeric, uint64_t distinct, ColorUse use);

// Names the categories into `color` as PlanPlotColor does, from the most frequent (`top`, at
// most kMaxColorCategories, most rows first) of `distinct` in all. Returns how many are named
// by a value: their codes are 0... in order, and every other value's code is that number.
size_t NameCategories(std::vector<ColorCategory> top, uint64_t distinct, bool numeric, ColorUse use,
                      PlotColor& color);

// Appends the rows of the planned expression's column.
void AppendPlotColor(const Column& column, PlotColor& color);

// The plot layer's view of `color` (spans into it: it must outlive the encoding).
ColorEncoding EncodingOf(const PlotColor& color);

}  // namespace pika
