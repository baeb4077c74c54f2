#include <claimtrack/store.hpp>
