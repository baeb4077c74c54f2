#include <claimtrack/evidence.hpp>
