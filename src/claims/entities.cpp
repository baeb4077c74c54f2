#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool in_list(std::span<const std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Longest lexicon entry at `i`; Latin entries must match case and stand as words.
std::optional<Mention> lexicon_at(std::string_view s, std::size_t i) {
    std::optional<Mention> best;
    const auto consider = [&](std::span<const std::string_view> list, EntityType type) {
        for (const auto entry : list) {
            if (s.compare(i, entry.size(), entry) != 0) continue;
            const std::size_t end = i + entry.size();
            if (is_letter(entry.front()) && i > 0 && is_letter(s[i - 1])) continue;
            if (is_letter(entry.back()) && end < s.size() && (is_letter(s[end]) || is_digit(s[end]))) continue;
            if (!best || entry.size() > best->end - best->begin) best = Mention{i, end, std::string(entry), type};
        }
    };
    consider(lexicon::people(), EntityType::person);
    consider(lexicon::organizations(), EntityType::organization);
    consider(lexicon::zh_places(), EntityType::place);
    return best;
}

// One capitalised token (or a token with digits after a capitalised one): "Lip-Bu", "K2", "C.C.".
std::size_t latin_token_end(std::string_view s, std::size_t i, bool first) {
    if (i >= s.size()) return i;
    if (!(is_upper(s[i]) || (!first && is_digit(s[i])))) return i;
    std::size_t j = i;
    while (j < s.size() && (is_letter(s[j]) || is_digit(s[j]) || s[j] == '-' || s[j] == '&' ||
                            (s[j] == '.' && j + 1 < s.size() && is_upper(s[j + 1])))) {
        ++j;
    }
    if (j < s.size() && s[j] == '.' && j - i == 3 && s[i + 1] == '.') ++j;  // "C.C."
    while (j > i && s[j - 1] == '-') --j;
    return j;
}

bool looks_like_person(std::string_view name, std::size_t tokens) {
    if (tokens < 2 || tokens > 3) return false;
    for (std::size_t k = 0; k < name.size(); ++k) {
        if (is_digit(name[k])) return false;
        if (k > 0 && is_upper(name[k]) && is_upper(name[k - 1])) return false;  // "AI", "TSMC"
    }
    return true;
}

}  // namespace

std::optional<Mention> latin_name_at(std::string_view s, std::size_t i) {
    if (i >= s.size() || !is_upper(s[i]) || (i > 0 && (is_letter(s[i - 1]) || is_digit(s[i - 1])))) return std::nullopt;
    std::size_t end = latin_token_end(s, i, true);
    if (in_list(lexicon::en_not_names(), s.substr(i, end - i))) return std::nullopt;
    std::size_t tokens = 1;
    while (end + 1 < s.size() && s[end] == ' ' && tokens < 4) {
        const std::size_t next = latin_token_end(s, end + 1, false);
        if (next == end + 1 || in_list(lexicon::en_not_names(), s.substr(end + 1, next - end - 1))) break;
        end = next;
        ++tokens;
    }
    const std::string_view name = s.substr(i, end - i);
    const auto type = looks_like_person(name, tokens) ? EntityType::person : EntityType::name;
    return Mention{i, end, std::string(name), type};
}

std::optional<Mention> han_name_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return std::nullopt;
    if (auto known = lexicon_at(s, i); known && known->type == EntityType::person) return known;
    if (auto latin = latin_name_at(s, i)) return latin;
    const std::string_view first = s.substr(i, char_length(s, i));
    if (!in_list(lexicon::zh_surnames(), first)) return std::nullopt;
    std::size_t end = i + first.size();
    for (int k = 0; k < 2 && end < s.size(); ++k) {
        const std::string_view next = s.substr(end, char_length(s, end));
        if (!is_han(code_point_at(s, end)) || (k == 1 && in_list(lexicon::zh_name_stops(), next))) break;
        if (k == 0 && in_list(lexicon::zh_name_stops(), next)) return std::nullopt;
        end += next.size();
    }
    if (end - i < 6) return std::nullopt;
    return Mention{i, end, std::string(s.substr(i, end - i)), EntityType::person};
}

std::optional<Mention> han_name_before(std::string_view s, std::size_t end) {
    for (const auto& m : find_mentions(s.substr(0, end))) {
        if (m.end == end && m.type == EntityType::person) return m;
    }
    for (const std::size_t length : {9u, 6u}) {  // three, then two Han characters
        if (end < length) continue;
        const std::size_t begin = end - length;
        if (!in_list(lexicon::zh_surnames(), s.substr(begin, 3))) continue;
        bool all_han = true;
        for (std::size_t k = begin; k < end; k += 3) all_han = all_han && is_han(code_point_at(s, k));
        if (all_han) return Mention{begin, end, std::string(s.substr(begin, length)), EntityType::person};
    }
    return std::nullopt;
}

std::vector<Mention> find_mentions(std::string_view s) {
    std::vector<Mention> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (auto known = lexicon_at(s, i)) {
            i = known->end;
            out.push_back(std::move(*known));
            continue;
        }
        if (auto latin = latin_name_at(s, i)) {
            i = latin->end;
            out.push_back(std::move(*latin));
            continue;
        }
        if (is_letter(s[i]) || is_digit(s[i])) {
            while (i < s.size() && (is_letter(s[i]) || is_digit(s[i]))) ++i;
            continue;
        }
        i += char_length(s, i);
    }
    return out;
}

}  // namespace claimtrack::claims::detail
