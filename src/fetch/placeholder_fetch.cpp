#include <claimtrack/fetch.hpp>
