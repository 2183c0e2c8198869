#include "support/remote_servers.h"

#include <cstdlib>
#include <fstream>

namespace pika::test {

std::map<std::string, std::string> RemoteServerSettings() {
  std::map<std::string, std::string> settings;
  const char* path = std::getenv("PIKA_REMOTE_ENV");
  std::ifstream file(path == nullptr ? "" : path);
  for (std::string line; std::getline(file, line);) {
    const size_t equals = line.find('=');
    if (equals != std::string::npos) settings[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return settings;
}

}  // namespace pika::test
