#include <claimtrack/claims.hpp>
