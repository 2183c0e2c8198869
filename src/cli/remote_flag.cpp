#include "cli/remote_flag.h"

namespace pika::cli {

Result<std::unique_ptr<RemoteClient>> ConnectRemoteUrl(const std::string& url) {
  auto source = ParseRemoteUrl(url);
  if (!source.ok()) return source.error();
  return ConnectRemote(*source, PasswordFromEnvironment(*source));
}

}  // namespace pika::cli
