#pragma once

// Small inline articles for the claims tests, and the readers of what the extractor returns.

#include <claimtrack/model.hpp>

#include <string>
#include <utility>
#include <vector>

namespace claimtrack::test {

// Join `paragraphs` with blank lines into article 7's body with paragraph spans, dated `date`.
inline Article make_article(const std::vector<std::pair<std::string, ParagraphKind>>& paragraphs,
                            std::string date = "2025-11-10") {
    Article a;
    a.id = 7;
    a.date = std::move(date);
    for (const auto& [text, kind] : paragraphs) {
        if (!a.body.empty()) a.body += "\n\n";
        const std::size_t start = a.body.size();
        a.body += text;
        a.paragraphs.push_back({{start, a.body.size()}, kind});
    }
    return a;
}

// Return `make_article` of `paragraphs`, all of them text paragraphs.
inline Article text_article(const std::vector<std::string>& paragraphs, std::string date = "2025-11-10") {
    std::vector<std::pair<std::string, ParagraphKind>> with_kinds;
    for (const auto& p : paragraphs) with_kinds.emplace_back(p, ParagraphKind::text);
    return make_article(with_kinds, std::move(date));
}

// Return the claims of `kind` in `claims`, in order.
inline std::vector<Claim> of_kind(const std::vector<Claim>& claims, ClaimKind kind) {
    std::vector<Claim> out;
    for (const auto& c : claims) {
        if (c.kind == kind) out.push_back(c);
    }
    return out;
}

// Return field `name` of `c`, or "<none>".
inline std::string field(const Claim& c, const std::string& name) {
    const auto it = c.fields.find(name);
    return it == c.fields.end() ? std::string("<none>") : it->second;
}

}  // namespace claimtrack::test
