// PreparedStatement: a parsed and planned statement, run many times with bound parameters.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/query_result.h"

namespace pika {

class PreparedStatement {
 public:
  PreparedStatement();
  ~PreparedStatement();
  PreparedStatement(PreparedStatement&&) noexcept;
  PreparedStatement& operator=(PreparedStatement&&) noexcept;

  uint64_t parameter_count() const;
  // True for a query (SELECT, VALUES, FROM...), false for statements that change things.
  bool is_select() const;
  // Names of the result columns, as a run would return them.
  std::vector<std::string> column_names() const;

  // Parameters are numbered from 1, as in `$1`. A wrong index or type is kInvalidInput.
  Status BindInt(uint64_t index, int64_t value);
  Status BindDouble(uint64_t index, double value);
  Status BindText(uint64_t index, std::string_view value);
  Status BindNull(uint64_t index);

  // Runs with the current bindings and streams the result.
  Result<QueryResult> Execute();

  struct Impl;
  explicit PreparedStatement(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace pika
