// --remote URL: the remote table a command works on, connected with the password from the
// environment (PIKA_REMOTE_PASSWORD, CLICKHOUSE_PASSWORD or PGPASSWORD; ~/.pgpass too).
#pragma once

#include <memory>
#include <string>

#include "remote/remote_client.h"

namespace pika::cli {

inline constexpr const char* kRemoteUrlHelp =
    "clickhouse://user@host:8123/database/table or postgres://user@host:5432/database/table "
    "(password from PIKA_REMOTE_PASSWORD)";

Result<std::unique_ptr<RemoteClient>> ConnectRemoteUrl(const std::string& url);

}  // namespace pika::cli
