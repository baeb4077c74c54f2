#include <claimtrack/article.hpp>
