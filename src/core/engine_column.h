// A column as a SQL engine's catalog describes it: DuckDB's, ClickHouse's or PostgreSQL's.
#pragma once

#include <string>

#include "core/column_type.h"

namespace pika {

struct EngineColumn {
  std::string name;
  std::string engine_type;  // as the engine names it: DOUBLE, Float64, double precision...
  ColumnType type = ColumnType::kVarchar;
};

}  // namespace pika
