#pragma once

#include <claimtrack/model.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

// HTML building blocks for the HTML report: escaping, safe links, highlighting, the chart.
namespace claimtrack::report::detail {

// Return `text` escaped for HTML text and quoted attributes (& < > " '); invalid UTF-8 becomes U+FFFD
// and control characters other than tab and newline become spaces.
std::string escape_html(std::string_view text);

// Return `url` escaped for an href when it is an absolute http(s) URL without spaces or controls, else nothing.
std::optional<std::string> safe_href(std::string_view url);

// Return `url` as an escaped link when it is http(s), else as escaped plain text.
std::string link_html(std::string_view url, std::string_view label);

// Return `claim.text` escaped, with the numbers and names of its fields wrapped in <mark>.
std::string highlight_claim(const Claim& claim);

// Return the colour (#rrggbb) and the symbol that mark `status` next to its name.
std::string_view status_color(Status status);
std::string_view status_symbol(Status status);

// Return an inline SVG bar chart of the claim counts in `by_status`.
std::string status_chart_svg(const std::map<Status, int>& by_status);

// Return the style sheet of the HTML report.
std::string_view report_css();

}  // namespace claimtrack::report::detail
