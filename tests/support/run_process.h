// Runs a command line and captures its stdout, stderr and exit code (for CLI tests).
#pragma once

#include <string>
#include <vector>

namespace pika::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Arguments are passed to the program as they are: no shell, no quoting surprises.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& workdir = "");

}  // namespace pika::test
