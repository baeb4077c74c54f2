#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace claimtrack::evidence {

namespace {

constexpr std::size_t k_min_stem = 3;    // a suffix is stripped only when this much is left
constexpr std::size_t k_min_prefix = 4;  // shorter stems are queried as whole words

bool is_latin_word(std::string_view token) {
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool strip(std::string& s, std::string_view suffix) {
    if (!s.ends_with(suffix) || s.size() < suffix.size() + k_min_stem) return false;
    const std::string rest = s.substr(0, s.size() - suffix.size());
    if (std::none_of(rest.begin(), rest.end(), is_vowel)) return false;
    s = rest;
    return true;
}

// "runn" → "run", but "fall", "pass" and "buzz" keep their double letter.
void undouble(std::string& s) {
    const std::size_t n = s.size();
    if (n >= 2 && s[n - 1] == s[n - 2] && !is_vowel(s[n - 1]) && s[n - 1] != 'l' && s[n - 1] != 's' && s[n - 1] != 'z') {
        s.pop_back();
    }
}

// Return the index tokens of `text` as stems, sorted and unique.
std::vector<std::string> stem_set(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& token : text::index_tokens(text)) out.push_back(stem(token));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

std::string stem(std::string_view token) {
    std::string s(token);
    if (!is_latin_word(s) || s.size() < k_min_stem + 1) return s;
    if (s.ends_with("ies") && s.size() > 4) {
        s.resize(s.size() - 3);
        s += 'y';
    } else if (s.ends_with("sses")) {
        s.resize(s.size() - 2);
    } else if (s.ends_with("s") && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is")) {
        s.pop_back();
    }
    if (strip(s, "ing") || strip(s, "ed")) undouble(s);
    else strip(s, "ly");
    if (s.size() > k_min_stem + 1 && s.ends_with('e')) s.pop_back();
    if (s.size() > k_min_stem + 1 && s.ends_with('y')) s.back() = 'i';
    return s;
}

std::string stems_query(std::string_view text, std::size_t max_words, const QueryLimits& limits) {
    struct Term {
        std::string query;      // as FTS5 wants it
        std::int64_t count = 0;  // passages holding it (0 when not counted)
    };
    std::vector<Term> terms;
    for (const auto& token : content_tokens(text)) {
        if (terms.size() >= max_words) break;
        std::string s = stem(token);
        // The index holds whole words: an English stem is asked for as a prefix (warm* ~ warming).
        const bool prefix = is_latin_word(token) && s.size() >= k_min_prefix;
        if (prefix && s.back() == 'i') s.pop_back();  // polici ~ policy, policies
        const std::string& looked_up = prefix ? s : token;
        std::string term = "\"";
        for (char c : looked_up) term += c == '"' ? std::string("\"\"") : std::string(1, c);
        term += prefix ? "\"*" : "\"";
        if (std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.query == term; })) continue;
        terms.push_back({std::move(term), limits.count ? limits.count(looked_up, prefix) : 0});
    }
    if (limits.count && !terms.empty()) {
        // The rarest words first, while together they stay within the budget; the rarest always.
        std::vector<std::size_t> order(terms.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return terms[a].count < terms[b].count; });
        std::vector<bool> kept(terms.size(), false);
        std::int64_t total = 0;  // passages the kept words are in (a word in none costs nothing)
        for (std::size_t i : order) {
            const Term& t = terms[i];
            if (total > 0 && (t.count > limits.common || total + t.count > limits.budget)) break;
            kept[i] = true;
            total += t.count;
        }
        // The words the budget left out (up to `ranking` passages) still rank what the kept ones
        // find: a passage must hold a kept word, and bm25 counts the others it holds (the kept
        // ones count twice).
        std::string within;
        std::string ranking;
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (kept[i]) within += (within.empty() ? "" : " OR ") + terms[i].query;
            else if (terms[i].count <= std::max(limits.common, limits.ranking)) ranking += " OR " + terms[i].query;
        }
        if (ranking.empty()) return within;
        return "(" + within + ") AND (" + within + ranking + ")";
    }
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " OR ") + t.query;
    return out;
}

ClaimWords::ClaimWords(std::string_view text) {
    for (const auto& token : content_tokens(text)) {
        std::string s = stem(token);
        if (std::find(m_stems.begin(), m_stems.end(), s) == m_stems.end()) m_stems.push_back(std::move(s));
    }
    for (std::size_t i = 1; i < m_stems.size(); ++i) m_pairs.emplace_back(m_stems[i - 1], m_stems[i]);
}

Overlap ClaimWords::in(std::string_view passage) const {
    Overlap out;
    if (m_stems.empty()) return out;
    const auto stems = stem_set(passage);
    const auto has = [&](const std::string& s) { return std::binary_search(stems.begin(), stems.end(), s); };
    const auto words = std::count_if(m_stems.begin(), m_stems.end(), has);
    out.shared = static_cast<std::size_t>(words);
    out.words = static_cast<double>(words) / static_cast<double>(m_stems.size());
    if (m_pairs.empty()) {
        out.pairs = out.words;
        return out;
    }
    // Content words next to each other in the claim, both in the passage: a phrase kept together.
    std::vector<std::string> ordered;
    for (const auto& token : content_tokens(passage)) ordered.push_back(stem(token));
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 1; i < ordered.size(); ++i) pairs.emplace_back(ordered[i - 1], ordered[i]);
    std::sort(pairs.begin(), pairs.end());
    const auto found = std::count_if(m_pairs.begin(), m_pairs.end(),
                                     [&](const auto& p) { return std::binary_search(pairs.begin(), pairs.end(), p); });
    out.pairs = static_cast<double>(found) / static_cast<double>(m_pairs.size());
    return out;
}

double ClaimWords::cover(std::string_view title) const {
    std::vector<std::string> wanted;
    for (const auto& token : content_tokens(title)) wanted.push_back(stem(token));
    if (wanted.empty()) return 0.0;
    const auto found = std::count_if(wanted.begin(), wanted.end(), [&](const std::string& s) {
        return std::find(m_stems.begin(), m_stems.end(), s) != m_stems.end();
    });
    return static_cast<double>(found) / static_cast<double>(wanted.size());
}

}  // namespace claimtrack::evidence
