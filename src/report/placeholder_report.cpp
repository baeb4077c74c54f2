#include <claimtrack/report.hpp>
