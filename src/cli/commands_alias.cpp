#include "cli/commands.hpp"

namespace claimtrack::cli {

// Add `alias add|list|remove` and `cite` (not written yet).
void add_alias_commands(CLI::App&, Table&) {}

}  // namespace claimtrack::cli
