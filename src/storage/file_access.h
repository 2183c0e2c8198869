// Whether a file may be read: in a restricted database (a workspace from elsewhere), our own
// code reads no file that DuckDB itself would refuse.
#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace pika {

// kNotAllowed, naming the file, when the engine behind `connection` may not read `path`;
// otherwise nothing is said (a missing file is the reader's to report).
Status CheckEngineMayRead(Connection& connection, const std::string& path);

}  // namespace pika
