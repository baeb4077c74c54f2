#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace claimtrack {

// Run the command line `args` (args[0] is the program name), writing output to `out` and
// messages to `err`; return the exit code: 0 ok, 1 failure, 2 usage, 3 a report gate failed.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace claimtrack
