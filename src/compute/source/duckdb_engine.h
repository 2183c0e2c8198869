// The app's own DuckDB as a SqlEngine: a plot's reductions run there as they run on a server,
// when its rows are too many to fetch into memory.
#pragma once

#include <string>
#include <utility>

#include "compute/source/sql_engine.h"
#include "storage/connection.h"

namespace pika {

class DuckDbEngine final : public SqlEngine {
 public:
  // `relation` as PlotDataRequest::relation holds it: a quoted table or "(SELECT ...)";
  // `label` names it in messages.
  DuckDbEngine(Connection& connection, std::string relation, std::string label);

  SqlDialect dialect() const override { return SqlDialect::kDuckDb; }
  std::string_view name() const override { return "DuckDB"; }
  const std::string& relation() const override { return relation_; }
  std::string label() const override { return label_; }
  std::string Literal(std::string_view text) const override;
  Result<std::string> Identifier(std::string_view name) const override;
  Result<std::vector<EngineColumn>> Columns(const CancelToken& cancel) override;
  Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) override;
  Connection* in_process() override { return &connection_; }

  // Where queries report how far they are, in [0, 1], while they run.
  void SetProgress(ProgressFn progress) { progress_ = std::move(progress); }

 private:
  Connection& connection_;
  std::string relation_;
  std::string label_;
  ProgressFn progress_;
};

}  // namespace pika
