// What scripts/remote_servers.sh wrote about the servers it started (ports, password, rows):
// the KEY=value lines of the file PIKA_REMOTE_ENV names. Empty when there is none.
#pragma once

#include <map>
#include <string>

namespace pika::test {

std::map<std::string, std::string> RemoteServerSettings();

}  // namespace pika::test
