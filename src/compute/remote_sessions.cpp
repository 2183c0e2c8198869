#include "compute/remote_sessions.h"

#include <fmt/format.h>

namespace pika {

namespace {

std::string Login(const RemoteSource& source) {
  return fmt::format("{}://{}@{}:{}", EngineName(source.engine), source.user, source.host,
                     PortOf(source));
}

}  // namespace

void RemoteSessions::SetPassword(const RemoteSource& source, std::string password) {
  std::lock_guard lock(mutex_);
  passwords_[Login(source)] = std::move(password);
}

std::string RemoteSessions::PasswordFor(const RemoteSource& source) const {
  {
    std::lock_guard lock(mutex_);
    if (const auto typed = passwords_.find(Login(source)); typed != passwords_.end())
      return typed->second;
  }
  return PasswordFromEnvironment(source);
}

Result<std::unique_ptr<RemoteClient>> RemoteSessions::Connect(const RemoteSource& source) const {
  if (restricted_)
    return NotAllowed(fmt::format(
        "connects to {}: not allowed, a workspace from elsewhere is restricted to its own data",
        Login(source)));
  return ConnectRemote(source, PasswordFor(source), options_);
}

std::unique_ptr<CachedRemoteClient> RemoteSessions::Open(const RemoteSource& source,
                                                         int max_age_s) {
  std::optional<std::chrono::steady_clock::duration> max_age;
  if (max_age_s >= 0) max_age = std::chrono::seconds(max_age_s);
  auto connect = [this, source]() { return Connect(source); };
  return std::make_unique<CachedRemoteClient>(source, std::move(connect), cache_, max_age);
}

}  // namespace pika
