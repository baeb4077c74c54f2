#pragma once

#include <claimtrack/html.hpp>

#include <string_view>

// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds, read with pugixml directly.
namespace claimtrack::html::detail {

// Return true if `bytes` served as `content_type` is a feed: XML (or undeclared) whose root
// element is <rss>, <feed> or <rdf:RDF>.
bool is_feed(std::string_view bytes, std::string_view content_type);

// Return the feed in `bytes` as a document: the feed's title, site and date, then per item its
// title, a "Published DATE by AUTHOR" line and its content reduced to text, in feed order.
Document extract_feed(std::string_view bytes, std::string_view content_type);

}  // namespace claimtrack::html::detail
