#include "report/shared.hpp"

#include <array>
#include <string>
#include <vector>

namespace claimtrack::report::detail {

namespace {

constexpr std::array<std::string_view, 13> k_header{"article", "claim_id", "kind",         "status", "checkworthiness",
                                                    "hedged",  "text",     "evidence_url", "stance", "score",
                                                    "quote",   "reviewer", "note"};

// Return `value` as a spreadsheet would not run it: a leading = + - @ tab or CR gets an apostrophe.
std::string defused(std::string_view value) {
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
        return "'" + std::string(value);
    }
    return std::string(value);
}

// Return `value` as one RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string field(std::string_view raw) {
    const std::string value = defused(raw);
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string record(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (k > 0) out += ',';
        out += field(values[k]);
    }
    return out + "\r\n";
}

std::vector<std::string> claim_values(const ArticleReport& a, const ClaimEntry& entry) {
    const Claim& c = entry.claim;
    std::vector<std::string> values{std::to_string(a.article.id),
                                    std::to_string(c.id),
                                    std::string(to_string(c.kind)),
                                    std::string(to_string(c.status)),
                                    score_text(c.checkworthiness),
                                    c.hedged ? "true" : "false",
                                    c.text};
    if (const Evidence* e = best_evidence(entry)) {
        values.insert(values.end(), {e->url, std::string(to_string(e->stance)), score_text(e->score),
                                     e->quote.exact.empty() ? e->text : e->quote.exact});
    } else {
        values.insert(values.end(), {"", "", "", ""});
    }
    const Review* r = last_review(entry);
    values.push_back(r ? r->reviewer : "");
    values.push_back(r ? r->note : "");
    return values;
}

}  // namespace

std::string render_csv(const Report& report, const RenderOptions& /*options*/) {
    std::string out = record(std::vector<std::string>(k_header.begin(), k_header.end()));
    for (const auto& a : report.articles) {
        for (const auto& entry : a.claims) out += record(claim_values(a, entry));
    }
    return out;
}

}  // namespace claimtrack::report::detail
