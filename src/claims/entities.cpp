#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <initializer_list>
#include <unordered_set>
#include <utility>
#include <vector>

namespace claimtrack::claims::detail {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

const WordSet& surnames() {
    static const WordSet set(lexicon::zh_surnames());
    return set;
}

const WordSet& name_stops() {
    static const WordSet set(lexicon::zh_name_stops());
    return set;
}

const WordSet& not_names() {
    static const WordSet set(lexicon::en_not_names());
    return set;
}

// The name lexicons joined (people, then organisations, then places) and indexed once, with the type
// each entry names: one look-up per position.
struct NameIndex {
    std::vector<std::string_view> names;
    std::vector<EntityType> types;
    CueIndex index;
    // The entries' first bytes, case kept: names match case (`has_at`), so at a lower-case letter
    // the index's candidates (filed by folded bytes) for "Thales" or "Apple" need no try.
    std::bitset<256> first_bytes;
    NameIndex() : NameIndex(lexicon::people(), lexicon::organizations(), lexicon::zh_places()) {}
    NameIndex(std::span<const std::string_view> people, std::span<const std::string_view> organizations,
              std::span<const std::string_view> places)
        : names(joined({people, organizations, places})),
          types(typed({{people.size(), EntityType::person}, {organizations.size(), EntityType::organization}, {places.size(), EntityType::place}})),
          index(names) {
        for (const std::string_view name : names) {
            if (!name.empty()) first_bytes.set(static_cast<unsigned char>(name.front()));
        }
    }

private:
    static std::vector<std::string_view> joined(std::initializer_list<std::span<const std::string_view>> lists) {
        std::vector<std::string_view> out;
        for (const auto list : lists) out.insert(out.end(), list.begin(), list.end());
        return out;
    }
    static std::vector<EntityType> typed(std::initializer_list<std::pair<std::size_t, EntityType>> runs) {
        std::vector<EntityType> out;
        for (const auto& [count, type] : runs) out.insert(out.end(), count, type);
        return out;
    }
};

const NameIndex& name_index() {
    static const NameIndex names;
    return names;
}

// Longest lexicon entry at `i` (the first listed of the longest); Latin entries must match case and
// stand as words.
// `candidates` are `name_index().index.candidates(s, i)`.
std::optional<Mention> lexicon_at(std::string_view s, std::size_t i, const NameIndex& names, std::span<const std::uint32_t> candidates) {
    std::optional<Mention> best;
    for (const std::uint32_t k : candidates) {
        const std::string_view entry = names.names[k];
        if (!has_at(s, i, entry)) continue;
        const std::size_t end = i + entry.size();
        if (is_letter(entry.front()) && i > 0 && is_letter(s[i - 1])) continue;
        if (is_letter(entry.back()) && end < s.size() && (is_letter(s[end]) || is_digit(s[end]))) continue;
        if (!best || entry.size() > best->end - best->begin) best = Mention{i, end, std::string(entry), names.types[k]};
    }
    return best;
}

std::optional<Mention> lexicon_at(std::string_view s, std::size_t i) {
    const NameIndex& names = name_index();
    return lexicon_at(s, i, names, names.index.candidates(s, i));
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

// A name whose last word names a kind of organisation: "Harbor Line", "Quillmark Analytics".
bool looks_like_organization(std::string_view name, std::size_t tokens) {
    const auto last = name.substr(name.rfind(' ') + 1);
    const auto suffixes = lexicon::en_org_suffixes();
    return tokens >= 2 && std::find(suffixes.begin(), suffixes.end(), last) != suffixes.end();
}

bool looks_like_person(std::string_view name, std::size_t tokens) {
    if (tokens < 2 || tokens > 3) return false;
    for (std::size_t k = 0; k < name.size(); ++k) {
        if (is_digit(name[k])) return false;
        if (k > 0 && is_upper(name[k]) && is_upper(name[k - 1])) return false;  // "AI", "TSMC"
    }
    return true;
}


// An unknown organisation named by its suffix: "星河半导体", "华岳银行"; the stem before the suffix is
// two to four Han characters after a stop character ("位于合肥的星河半导体" → "星河半导体").
std::optional<Mention> suffix_org_at(std::string_view s, std::size_t suffix_begin, std::string_view suffix) {
    const std::size_t end = suffix_begin + suffix.size();
    if (end < s.size() && is_letter(s[end])) {  // "研究机构TrendAxis": a description, but "北辰集团CEO" is a name
        const auto roles = lexicon::zh_roles();
        if (std::none_of(roles.begin(), roles.end(), [&](std::string_view r) { return has_at(s, end, r); })) return std::nullopt;
    }
    std::size_t begin = suffix_begin;
    for (int k = 0; k < 4 && begin >= 3; ++k) {
        const std::size_t prev = begin - 3;
        if (!is_han(code_point_at(s, prev)) || name_stops().contains(s.substr(prev, 3))) break;
        begin = prev;
    }
    const std::string_view stem = s.substr(begin, suffix_begin - begin);
    if (stem.size() < 6 || generic_stem(stem)) return std::nullopt;
    for (const auto place : lexicon::zh_places()) {
        if (stem == place) return std::nullopt;  // "中国银行" is named in the lexicon if at all
    }
    return Mention{begin, end, std::string(s.substr(begin, end - begin)), EntityType::organization};
}

// `first_suffix` is where the first suffix occurs (at any byte), or 0: before it the characters are
// only stepped over.
std::vector<Mention> suffix_orgs(std::string_view s, std::size_t first_suffix) {
    std::vector<Mention> out;
    static const CueIndex suffixes(lexicon::zh_org_suffixes());
    std::size_t start = 0;
    while (start < first_suffix && start < s.size()) start += char_length(s, start);
    for (std::size_t i = start; i < s.size(); i += char_length(s, i)) {
        if (!out.empty() && i < out.back().end) continue;
        for (const std::uint32_t k : suffixes.candidates(s, i)) {
            const std::string_view suffix = suffixes.list()[k];
            if (!has_at(s, i, suffix)) continue;
            if (auto m = suffix_org_at(s, i, suffix)) {
                if (!out.empty() && m->begin < out.back().end) break;
                out.push_back(std::move(*m));
            }
            break;
        }
    }
    return out;
}

// "a South Korean chipmaker": a capitalised adjective after an indefinite article.
bool after_indefinite(std::string_view s, std::size_t i) {
    for (const std::string_view article : {"a ", "an ", "A ", "An "}) {
        if (i >= article.size() && s.substr(i - article.size(), article.size()) == article &&
            (i == article.size() || !is_letter(s[i - article.size() - 1]))) {
            return true;
        }
    }
    return false;
}

}  // namespace

// One scan with the stems indexed, not one search per stem.
bool generic_stem(std::string_view stem) {
    static const CueIndex words(lexicon::zh_generic_stems());
    for (std::size_t i = 0; i < stem.size(); ++i) {
        for (const std::uint32_t k : words.candidates(stem, i)) {
            const std::string_view word = words.list()[k];
            if ((i == 0 || word.size() != 3) && has_at(stem, i, word)) return true;
        }
    }
    return false;
}

std::string org_alias(std::string_view name) {
    // The suffixes' last two bytes: a name ending otherwise (most, since every mention of every
    // sentence is asked about) ends with none of them. A suffix of one byte lets every name through.
    static const std::bitset<1 << 16> ends = [] {
        std::bitset<1 << 16> out;
        for (const std::string_view suffix : lexicon::zh_alias_suffixes()) {
            if (suffix.size() < 2) return out.set();
            out.set(static_cast<std::size_t>(static_cast<unsigned char>(suffix[suffix.size() - 2])) << 8 | static_cast<unsigned char>(suffix.back()));
        }
        return out;
    }();
    if (name.size() < 2 || !ends.test(static_cast<std::size_t>(static_cast<unsigned char>(name[name.size() - 2])) << 8 |
                                      static_cast<unsigned char>(name.back()))) {
        return {};
    }
    for (const auto suffix : lexicon::zh_alias_suffixes()) {
        if (!name.ends_with(suffix) || name.size() < suffix.size() + 6) continue;
        const auto stem = name.substr(0, name.size() - suffix.size());
        if (is_han(code_point_at(stem, 0)) && !generic_stem(stem)) return std::string(stem);
    }
    return {};
}

namespace {

// The bytes of the UTF-8 character whose lead byte is at `i` (one byte when it is not a lead byte).
std::string_view character_at(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return s.substr(i, size);
}

// The first two bytes at `i` as one number, to rule most characters out before a lookup.
std::size_t head_bits(std::string_view s, std::size_t i) {
    return static_cast<std::size_t>(static_cast<unsigned char>(s[i])) << 8 | static_cast<unsigned char>(s[i + 1]);
}

}  // namespace

void KnownNames::add(std::string form, const std::string& name) {
    if (form.empty()) return;
    const auto [at, added] = m_names.emplace(std::move(form), name);
    if (!added) return;
    const Entry* entry = &*at;
    const auto lead = static_cast<unsigned char>(entry->first[0]);
    if (lead < 0xC0 || entry->first.size() < 2) {
        m_others.push_back(entry);
        return;
    }
    m_heads.set(head_bits(entry->first, 0));
    m_by_head[character_at(entry->first, 0)].push_back(entry);
}

const std::vector<const KnownNames::Entry*>* KnownNames::starting_with(std::string_view s, std::size_t i) const {
    if (i + 1 >= s.size() || !m_heads.test(head_bits(s, i))) return nullptr;
    const auto found = m_by_head.find(character_at(s, i));
    return found == m_by_head.end() ? nullptr : &found->second;
}

void add_known_names(std::string_view s, const KnownNames& known, std::vector<Mention>& mentions) {
    KnownHits found;
    add_known_names(s, known, mentions, found);
}

void add_known_names(std::string_view s, const KnownNames& known, std::vector<Mention>& mentions, KnownHits& found) {
    // Every occurrence of every form, as find_all finds them: a form that begins with a multi-byte
    // character at any byte where it starts (its first byte is a lead byte, so only where a
    // character starts); the others through find_all itself.
    if (known.all().empty()) return;
    found.clear();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead < 0x80) {
            // From an ASCII byte, eight at a time while none is C0 or above (English text): none
            // of them starts a form.
            std::uint64_t bytes = 0;
            while (i + 9 <= s.size() && (std::memcpy(&bytes, s.data() + i + 1, 8), (bytes & bytes << 1 & 0x8080808080808080u) == 0)) i += 8;
            continue;
        }
        if (lead < 0xC0 || !known.may_start(s, i)) continue;  // inside a character, no form
        const auto* forms = known.starting_with(s, i);
        if (forms == nullptr) continue;
        for (const KnownNames::Entry* entry : *forms) {
            if (s.substr(i).starts_with(entry->first)) found.emplace_back(entry, i);
        }
    }
    for (const KnownNames::Entry* entry : known.others()) {
        for (auto at = find_next(s, entry->first, 0); at != std::string_view::npos; at = find_next(s, entry->first, at + 1)) {
            found.emplace_back(entry, at);
        }
    }
    // Taken in the order of the forms, then of the places: which of two overlapping forms wins
    // stays what it was when the forms were searched one by one.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first->first != b.first->first ? a.first->first < b.first->first : a.second < b.second;
    });
    for (const auto& hit : found) {
        const KnownNames::Entry* entry = hit.first;
        const std::size_t at = hit.second;  // not a structured binding: clang 14 cannot capture one
        const std::size_t end = at + entry->first.size();
        const bool overlaps = std::any_of(mentions.begin(), mentions.end(),
                                          [&](const Mention& m) { return at < m.end && m.begin < end; });
        if (!overlaps) mentions.push_back({at, end, entry->second, EntityType::organization});
    }
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

std::optional<Mention> latin_name_at(std::string_view s, std::size_t i) {
    if (i >= s.size() || !is_upper(s[i]) || (i > 0 && (is_letter(s[i - 1]) || is_digit(s[i - 1])))) return std::nullopt;
    std::size_t end = latin_token_end(s, i, true);
    if (not_names().contains(s.substr(i, end - i))) return std::nullopt;
    if (s.substr(i, end - i).ends_with("-based")) return std::nullopt;  // "Rotterdam-based": where, not who
    std::size_t tokens = 1;
    while (end + 1 < s.size() && s[end] == ' ' && tokens < 4) {
        const std::size_t next = latin_token_end(s, end + 1, false);
        if (next == end + 1 || not_names().contains(s.substr(end + 1, next - end - 1))) break;
        end = next;
        ++tokens;
    }
    const std::string_view name = s.substr(i, end - i);
    const auto type = looks_like_organization(name, tokens) ? EntityType::organization
                      : looks_like_person(name, tokens)       ? EntityType::person
                                                              : EntityType::name;
    return Mention{i, end, std::string(name), type};
}

std::optional<Mention> han_name_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return std::nullopt;
    if (auto known = lexicon_at(s, i); known && known->type == EntityType::person) return known;
    if (auto latin = latin_name_at(s, i)) return latin;
    const std::string_view first = s.substr(i, char_length(s, i));
    if (!surnames().contains(first)) return std::nullopt;
    std::size_t end = i + first.size();
    for (int k = 0; k < 2 && end < s.size(); ++k) {
        const std::string_view next = s.substr(end, char_length(s, end));
        if (!is_han(code_point_at(s, end)) || (k == 1 && name_stops().contains(next))) break;
        const bool time_word = has_at(s, end + next.size(), "年") || has_at(s, end + next.size(), "天");
        if (k == 0 && name_stops().contains(next) && (next != "明" || time_word)) return std::nullopt;
        end += next.size();
    }
    if (end - i < 6) return std::nullopt;
    return Mention{i, end, std::string(s.substr(i, end - i)), EntityType::person};
}

namespace {

// Return false where `find_mentions(s.substr(0, end))` surely holds no person ending at `end`: its
// persons are Latin names (which end with an ASCII byte) and entries of the people lexicon.
bool may_end_person(std::string_view s, std::size_t end) {
    if (end == 0 || end > s.size()) return false;  // no mention ends there
    if (static_cast<unsigned char>(s[end - 1]) < 0x80u) return true;
    const auto people = lexicon::people();
    return std::any_of(people.begin(), people.end(),
                       [&](std::string_view person) { return end >= person.size() && has_at(s, end - person.size(), person); });
}

}  // namespace

std::optional<Mention> han_name_before(std::string_view s, std::size_t end) {
    if (may_end_person(s, end)) {
        for (const auto& m : find_mentions(s.substr(0, end))) {
            if (m.end == end && m.type == EntityType::person) return m;
        }
    }
    for (const std::size_t length : {9u, 6u}) {  // three, then two Han characters
        if (end < length) continue;
        const std::size_t begin = end - length;
        if (!surnames().contains(s.substr(begin, 3))) continue;
        bool all_han = true;
        for (std::size_t k = begin; k < end; k += 3) all_han = all_han && is_han(code_point_at(s, k));
        if (all_han) return Mention{begin, end, std::string(s.substr(begin, length)), EntityType::person};
    }
    return std::nullopt;
}

std::vector<Mention> find_mentions(std::string_view s, std::size_t first_suffix) {
    std::vector<Mention> out;
    find_mentions(s, first_suffix, out);
    return out;
}

void find_mentions(std::string_view s, std::size_t first_suffix, std::vector<Mention>& out) {
    out.clear();
    const NameIndex& index = name_index();
    const CueIndex& names = index.index;  // where it offers nothing, `lexicon_at` finds nothing
    // The suffixes are Han words: where none occurs at any byte, none is found at a character.
    const auto by_suffix = first_suffix == std::string_view::npos ? std::vector<Mention>() : suffix_orgs(s, first_suffix);
    auto next_suffix = by_suffix.begin();
    std::size_t i = 0;
    while (i < s.size()) {
        while (next_suffix != by_suffix.end() && next_suffix->begin < i) ++next_suffix;
        const bool suffix_here = next_suffix != by_suffix.end() && next_suffix->begin == i;
        // Most characters of Chinese text: three bytes whose key begins no name and where no
        // organisation ends in a suffix; the tests below would only step over them.
        if (const auto lead = static_cast<unsigned char>(s[i]); lead >= 0xE0 && lead < 0xF0 && s.size() - i >= 3 && !suffix_here &&
                                                               !names.keys().test(CueIndex::key_of(lead, static_cast<unsigned char>(s[i + 1]),
                                                                                                   static_cast<unsigned char>(s[i + 2])))) {
            i += 3;
            continue;
        }
        if (suffix_here) {
            const auto known = lexicon_at(s, i);
            if (!known || known->end < next_suffix->end) {
                i = next_suffix->end;
                out.push_back(*next_suffix);
                continue;
            }
        }
        const auto candidates = index.first_bytes.test(static_cast<unsigned char>(s[i])) ? names.candidates(s, i) : std::span<const std::uint32_t>();
        if (auto known = candidates.empty() ? std::nullopt : lexicon_at(s, i, index, candidates)) {
            i = known->end;
            out.push_back(std::move(*known));
            continue;
        }
        if (auto latin = is_upper(s[i]) ? latin_name_at(s, i) : std::nullopt) {  // a name starts with a capital
            i = latin->end;
            if (!after_indefinite(s, latin->begin)) out.push_back(std::move(*latin));
            continue;
        }
        if (is_letter(s[i]) || is_digit(s[i])) {
            while (i < s.size() && (is_letter(s[i]) || is_digit(s[i]))) ++i;
            continue;
        }
        i += char_length(s, i);
    }
}

}  // namespace claimtrack::claims::detail
