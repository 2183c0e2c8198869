// The numbers behind a box plot, computed in the engine: per group of x, the quartiles of y,
// Tukey's whiskers and the most extreme outliers. Only these come back, however many rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "plot/box_scene.h"
#include "storage/connection.h"

namespace pika {

inline constexpr size_t kMaxBoxes = 50;
inline constexpr size_t kOutliersPerEnd = 100;  // per box: the lowest and the highest outliers

struct BoxSummary {
  std::vector<BoxStats> boxes;  // in x's own order (numbers, dates) or by name
  uint64_t group_count = 0;     // groups before keeping the kMaxBoxes largest
  uint64_t rows = 0;            // finite y values in the boxes drawn
  bool outliers_cut = false;    // some box has more outliers than it lists
};

// `x` empty: one box of all of y, named after it. Groups past kMaxBoxes (the fewest rows)
// are left out; a NULL x is the group "NULL".
Result<BoxSummary> SummariseBoxes(Connection& connection, const std::string& relation,
                                  const std::string& x, const std::string& y);

// The quartiles per group as one query a user can read and run (Copy SQL).
std::string BoxQuartilesSql(const std::string& relation, const std::string& x,
                            const std::string& y);

// What the badge says about a summary: rows, groups, and what was left out.
std::string BoxBadge(const BoxSummary& summary, const std::string& x, const std::string& y);

}  // namespace pika
