#include <claimtrack/warc.hpp>
