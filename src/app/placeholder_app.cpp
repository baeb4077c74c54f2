#include <claimtrack/cli.hpp>
