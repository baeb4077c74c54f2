#include "report/shared.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace claimtrack::report::detail {

namespace {

using nlohmann::json;

// The rating scale, 1 (worst) to 5 (best), also written down in docs/report-formats.md:
// verified = 5 "Verified", unverifiable = 3 "Unverifiable", disputed = 1 "Disputed".
// Unreviewed claims get no ClaimReview at all.
constexpr int k_best_rating = 5;
constexpr int k_worst_rating = 1;

struct Rating {
    int value = 0;
    std::string_view name;
};

Rating rating_of(Status status) {
    switch (status) {
        case Status::verified:
            return {5, "Verified"};
        case Status::unverifiable:
            return {3, "Unverifiable"};
        case Status::disputed:
            return {1, "Disputed"};
        case Status::unreviewed:
            break;
    }
    return {0, ""};
}

bool is_web_url(std::string_view url) { return url.starts_with("http://") || url.starts_with("https://"); }

// Return the date part of an ISO 8601 time ("2025-11-07T08:00:00Z" → "2025-11-07").
std::string date_part(std::string_view when) {
    return std::string(when.substr(0, std::min<std::size_t>(when.size(), 10)));
}

// Return the evidence URLs of `entry`, the one the last review rests on first, without repeats.
json citations(const ClaimEntry& entry, const Review* last) {
    std::vector<std::string> urls;
    const auto add = [&](const Evidence& e) {
        if (is_web_url(e.url) && std::find(urls.begin(), urls.end(), e.url) == urls.end()) urls.push_back(e.url);
    };
    for (const auto& e : entry.evidence) {
        if (last && last->evidence == e.id) add(e);
    }
    for (const auto& e : entry.evidence) {
        if (!e.orphaned) add(e);
    }
    return urls;
}

json appearance(const Article& article) {
    json work{{"@type", "CreativeWork"}, {"headline", article.title}};
    if (!article.date.empty()) work["datePublished"] = article.date;
    if (is_web_url(article.origin)) work["url"] = article.origin;
    return work;
}

json item_reviewed(const Article& article, const Claim& claim) {
    json item{{"@type", "Claim"}, {"appearance", appearance(article)}};
    if (!article.date.empty()) item["datePublished"] = article.date;
    const auto speaker = claim.fields.find("speaker");
    if (claim.kind == ClaimKind::quote && speaker != claim.fields.end() && !speaker->second.empty()) {
        item["author"] = {{"@type", "Person"}, {"name", speaker->second}};
    }
    return item;
}

json claim_review(const Article& article, const ClaimEntry& entry) {
    const Claim& c = entry.claim;
    const Review* last = last_review(entry);
    const Rating rating = rating_of(c.status);
    json review{{"@context", "https://schema.org"},
                {"@type", "ClaimReview"},
                {"identifier", "claimtrack:claim:" + std::to_string(c.id)},
                {"claimReviewed", c.text},
                {"reviewRating",
                 {{"@type", "Rating"},
                  {"ratingValue", rating.value},
                  {"bestRating", k_best_rating},
                  {"worstRating", k_worst_rating},
                  {"alternateName", rating.name}}},
                {"itemReviewed", item_reviewed(article, c)},
                {"citation", citations(entry, last)}};
    if (last && !last->reviewer.empty()) review["author"] = {{"@type", "Person"}, {"name", last->reviewer}};
    if (last && !last->created_at.empty()) review["datePublished"] = date_part(last->created_at);
    if (last && !last->note.empty()) review["reviewBody"] = last->note;
    return review;
}

// Return `text` with < > & written as \u escapes, so the JSON can sit inside an HTML <script> block.
std::string html_safe(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string render_claimreview(const Report& report, const RenderOptions& /*options*/) {
    json reviews = json::array();
    for (const auto& a : report.articles) {
        for (const auto& entry : a.claims) {
            if (entry.claim.status != Status::unreviewed) reviews.push_back(claim_review(a.article, entry));
        }
    }
    // Outside JSON strings none of < > & can occur, so escaping every one is safe.
    return html_safe(reviews.dump(2, ' ', false, json::error_handler_t::replace)) + "\n";
}

}  // namespace claimtrack::report::detail
