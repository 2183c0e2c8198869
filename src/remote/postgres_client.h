// PostgreSQL over libpq, in text mode. Sessions run in UTC with the server's statement
// timeout set, and a cancelled query is cancelled on the server (PQcancel).
#pragma once

#include <memory>
#include <string>

#include "remote/remote_client.h"

namespace pika {

Result<std::unique_ptr<RemoteClient>> ConnectPostgres(const RemoteSource& source,
                                                      const std::string& password,
                                                      const RemoteOptions& options);

}  // namespace pika
