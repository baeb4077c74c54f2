#include <claimtrack/html.hpp>
