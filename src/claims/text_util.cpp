#include "claims/claims_detail.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace claimtrack::claims::detail {

namespace {

bool is_trim_char(char32_t c) {
    switch (c) {
        case U' ': case U'\t': case U'\n': case U'\r': case U',': case U'.': case U';': case U':':
        case U'，': case U'。': case U'；': case U'：': case U'、': case U'！': case U'？': case U'!':
        case U'?': case U'\u3000': case U'…':
            return true;
        default:
            return false;
    }
}

// Return false when no character starting with byte `b` can be one `split_clauses` looks at:
// quotes and brackets “”「」《》『』()（）, the clause marks ，；：,; and ". Those are ASCII or start
// with E2, E3 or EF; C0, C1, E0, F0 and F8 up can start an over-long form decoding to one of them.
constexpr bool may_mark_clause(unsigned char b) {
    if (b < 0x80) return b == '(' || b == ')' || b == '"' || b == ',' || b == ';';
    return b == 0xC0 || b == 0xC1 || b == 0xE0 || b == 0xE2 || b == 0xE3 || b == 0xEF || b == 0xF0 || b >= 0xF8;
}

// Per first byte, 0 where `may_mark_clause`, else the length of the character it starts: the loop
// steps over the others with one look-up.
constexpr auto k_clause_step = [] {
    std::array<unsigned char, 256> table{};
    for (std::size_t b = 0; b < table.size(); ++b) table[b] = may_mark_clause(static_cast<unsigned char>(b)) ? 0 : k_utf8_length[b];
    return table;
}();

}  // namespace

std::size_t find_from(std::string_view s, std::string_view needle, std::size_t from) {
    if (needle.size() < 3) return s.find(needle, from);
    // Look for the third byte: in Chinese text a character's first byte recurs every few bytes
    // (E4..E9 start most Han characters), its last one far less often.
    const char third = needle[2];
    std::size_t at = from;
    while (at <= s.size() && needle.size() <= s.size() - at) {
        const void* hit = std::memchr(s.data() + at + 2, third, s.size() - at - 2 - (needle.size() - 3));
        if (hit == nullptr) return std::string_view::npos;
        at = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data()) - 2;
        if (s.compare(at, needle.size(), needle) == 0) return at;
        ++at;
    }
    return std::string_view::npos;
}

std::size_t find_next(std::string_view s, std::string_view needle, std::size_t from) {
    if (needle.empty() || from > s.size()) return std::string_view::npos;
    if (!is_latin_letter(needle.front())) return find_from(s, needle, from);
    const char lower = ascii_lower(needle.front());
    const char upper = static_cast<char>(lower - 'a' + 'A');
    // The next byte of either case, as find_all steps: the capital is looked for only before the
    // next small letter, so the bytes each call reads are those before its answer.
    for (std::size_t i = from; i < s.size();) {
        const void* small = std::memchr(s.data() + i, lower, s.size() - i);
        const std::size_t small_at = small == nullptr ? s.size() : static_cast<std::size_t>(static_cast<const char*>(small) - s.data());
        const void* capital = std::memchr(s.data() + i, upper, small_at - i);
        const std::size_t at = capital == nullptr ? small_at : static_cast<std::size_t>(static_cast<const char*>(capital) - s.data());
        if (at == s.size() || needle.size() > s.size() - at) return std::string_view::npos;
        if (word_at(s, at, needle)) return at;
        i = at + 1;
    }
    return std::string_view::npos;
}

std::vector<std::size_t> find_all(std::string_view s, std::string_view needle) {
    std::vector<std::size_t> out;
    if (needle.empty()) return out;
    if (!is_latin_letter(needle.front())) {
        for (auto at = find_from(s, needle, 0); at != std::string_view::npos; at = find_from(s, needle, at + 1)) out.push_back(at);
        return out;
    }
    // Only a byte that folds to the needle's first letter can start it: memchr finds the next of
    // each case, and the earlier of the two is tried.
    const char lower = ascii_lower(needle.front());
    const char cases[2] = {lower, static_cast<char>(lower - 'a' + 'A')};
    const auto next_of = [&](char c, std::size_t from) {
        if (from >= s.size()) return std::string_view::npos;
        const void* hit = std::memchr(s.data() + from, c, s.size() - from);
        return hit == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    };
    std::size_t next[2] = {next_of(cases[0], 0), next_of(cases[1], 0)};
    for (;;) {
        const std::size_t i = std::min(next[0], next[1]);
        if (i == std::string_view::npos || needle.size() > s.size() - i) break;
        if (word_at(s, i, needle)) out.push_back(i);
        for (std::size_t k = 0; k < 2; ++k) {
            if (next[k] == i) next[k] = next_of(cases[k], i + 1);
        }
    }
    return out;
}

std::string trim_text(std::string_view s) { return std::string(trim_view(s)); }

std::string_view trim_view(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size() && is_trim_char(code_point_at(s, begin))) begin += char_length(s, begin);
    std::size_t end = s.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u) --start;
        if (!is_trim_char(code_point_at(s, start))) break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::vector<Clause> split_clauses(std::string_view s) {
    std::vector<Clause> out;
    out.reserve(8);  // most sentences have a few clauses: one allocation, not three or four
    split_clauses(s, out);
    return out;
}

void split_clauses(std::string_view s, std::vector<Clause>& out) {
    out.clear();
    std::size_t begin = 0;
    int depth = 0;
    bool in_ascii_quote = false;
    for (std::size_t i = 0; i < s.size(); i += char_length(s, i)) {
        while (i < s.size()) {  // over the characters that mark nothing, as `i += char_length(s, i)` steps
            const std::size_t step = k_clause_step[static_cast<unsigned char>(s[i])];
            if (step == 0) break;
            i += s.size() - i >= step ? step : 1;
        }
        if (i >= s.size()) break;
        const char32_t c = code_point_at(s, i);
        if (c == U'“' || c == U'「' || c == U'《' || c == U'『' || c == U'(' || c == U'（') ++depth;
        if ((c == U'”' || c == U'」' || c == U'》' || c == U'』' || c == U')' || c == U'）') && depth > 0) --depth;
        if (c == U'"') in_ascii_quote = !in_ascii_quote;
        const bool next_wide = i + 1 < s.size() && (s[i + 1] == ' ' || static_cast<unsigned char>(s[i + 1]) >= 0x80u);
        const bool prev_wide = i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0x80u;
        const bool ascii_comma = (c == U',' || c == U';') && (next_wide || prev_wide);
        const bool boundary = c == U'，' || c == U'；' || c == U'：' || ascii_comma;
        if (boundary && depth == 0 && !in_ascii_quote) {
            if (i > begin) out.push_back({begin, i});
            begin = i + char_length(s, i);
            while (begin < s.size() && s[begin] == ' ') ++begin;
        }
    }
    if (s.size() > begin) out.push_back({begin, s.size()});
    if (out.empty()) out.push_back({0, s.size()});
}

std::size_t clause_at(const Sentence& s, std::size_t pos) {
    for (std::size_t k = 0; k < s.clauses.size(); ++k) {
        if (pos < s.clauses[k].end) return k;
    }
    return s.clauses.empty() ? 0 : s.clauses.size() - 1;
}

std::string sentence_when(const Sentence& s) { return s.dates.empty() ? std::string() : s.dates.front().iso; }

const Mention* mention_before(const Sentence& s, std::size_t pos, bool want_person, bool want_org) {
    const Mention* best = nullptr;
    for (const auto& m : s.mentions) {
        if (m.end > pos) break;
        const bool person = m.type == EntityType::person;
        if ((person && want_person) || (!person && want_org)) best = &m;
    }
    return best;
}

const Mention* mention_after(const Sentence& s, std::size_t pos, std::size_t limit, bool want_person, bool want_org) {
    for (const auto& m : s.mentions) {
        if (m.begin < pos) continue;
        if (m.begin >= limit) break;
        const bool person = m.type == EntityType::person;
        if ((person && want_person) || (!person && want_org)) return &m;
    }
    return nullptr;
}

}  // namespace claimtrack::claims::detail
