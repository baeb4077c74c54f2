#pragma once

#include <claimtrack/claims.hpp>
#include <claimtrack/model.hpp>
#include <claimtrack/numbers.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

// Shared pieces of the claim detectors; offsets are bytes within one sentence.
namespace claimtrack::claims::detail {

enum class EntityType { person, organization, place, name };

struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string name;
    EntityType type = EntityType::name;
};

struct Clause {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The lexicon lists (each in the sentence's language) whose first occurrence in a sentence one scan
// finds for the detectors that look for them: they start their own scans there, or skip them.
// The organisation suffixes (公司, 集团) are looked for in either language: `find_mentions` reads them in both.
enum CueKind : std::size_t { k_speech_cue, k_role_cue, k_comparison_cue, k_event_verb_cue, k_org_suffix_cue, k_cue_kinds };

// Return, per `CueKind`, the byte offset in `text` of the first occurrence (as `occurs_at` finds
// it) of an entry of that list of the English or the Chinese lexicon, or npos when none occurs.
std::array<std::size_t, k_cue_kinds> first_cues(std::string_view text, bool english);

// One sentence with what the detectors share about it.
struct Sentence {
    std::string_view text;
    std::size_t offset = 0;  // of `text` in the article body
    bool english = false;
    std::vector<Clause> clauses;
    std::vector<Mention> mentions;
    std::vector<numbers::DateMention> dates;      // spans within `text`
    std::vector<numbers::Quantity> quantities;   // spans within `text`, dates left out
    std::string previous_person;                 // last person named before this sentence
    std::string previous_entity;                 // main organisation or place of the sentence before
    std::string company;                         // the organisation the article is mostly about, or ""
    // `first_cues(text, english)`; all 0 (look from the start) unless the sentence was given them.
    std::array<std::size_t, k_cue_kinds> first_cue{};
};

// A claim before its span and score are settled: `begin`/`end` cover its evidence.
struct Draft {
    ClaimKind kind = ClaimKind::quantity;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::map<std::string, std::string> fields;
    bool named = false;  // a named person or organisation carries it
};

// Return `s` split at clause punctuation outside quotes and book-title marks.
std::vector<Clause> split_clauses(std::string_view s);
// Set `out` to `split_clauses(s)`, in its storage: the extractor reuses one vector for every sentence.
void split_clauses(std::string_view s, std::vector<Clause>& out);

// A lexicon list hashed once for exact look-ups ("is this character a surname?"). Most words asked
// about are not entries: a table of the entries' lengths and last two bytes rules them out before
// the word is hashed.
class WordSet {
public:
    explicit WordSet(std::span<const std::string_view> list) : m_words(list.begin(), list.end()) {
        for (const std::string_view word : list) m_maybe.set(quick_key(word));
    }
    // Return true if `word` is an entry.
    bool contains(std::string_view word) const { return m_maybe.test(quick_key(word)) && m_words.find(word) != m_words.end(); }

private:
    // The last byte, six bits of the one before it and two of the length: for a Han character its
    // last two bytes, which tell most characters apart.
    static std::size_t quick_key(std::string_view word) {
        if (word.empty()) return 0;
        const std::size_t n = word.size();
        const auto last = static_cast<unsigned char>(word[n - 1]);
        const auto before = n >= 2 ? static_cast<unsigned char>(word[n - 2]) : 0u;
        return (n & 3u) << 14 | (before & 0x3Fu) << 8 | last;
    }
    std::unordered_set<std::string_view> m_words;
    std::bitset<1 << 16> m_maybe;
};

// Return the persons, organisations and capitalised names in `s`, in order, not overlapping.
// `first_suffix` is npos when the caller knows no organisation suffix (`zh_org_suffixes`) occurs in `s`,
// else a byte at or before the first one (0 when not known).
std::vector<Mention> find_mentions(std::string_view s, std::size_t first_suffix = 0);
// Set `out` to `find_mentions(s, first_suffix)`, in its storage.
void find_mentions(std::string_view s, std::size_t first_suffix, std::vector<Mention>& out);

// Return true if `stem` describes rather than names ("一家科技", "该", "中国本土"): it starts with a
// one-character word of the generic stems lexicon or holds a longer one anywhere.
bool generic_stem(std::string_view stem);

// Return the short form an article uses after naming an organisation: "星河半导体" → "星河", or "".
std::string org_alias(std::string_view name);

// The short forms an article has given its organisations so far ("星河" → "星河半导体"), indexed by
// their first character: a sentence is searched for the forms that start at each of its characters,
// not for every form the article has made (a long article makes thousands).
class KnownNames {
public:
    using Entry = std::pair<const std::string, std::string>;

    KnownNames() = default;
    // Moves keep the map's nodes, which the index points into; a copy would point into another's.
    KnownNames(KnownNames&&) = default;
    KnownNames& operator=(KnownNames&&) = default;
    KnownNames(const KnownNames&) = delete;
    KnownNames& operator=(const KnownNames&) = delete;

    // Add `form` for `name` unless `form` is known already (the first name given stays).
    void add(std::string form, const std::string& name);
    const std::map<std::string, std::string>& all() const { return m_names; }
    // The forms beginning with the multi-byte character whose lead byte is at `s[i]`, or none.
    const std::vector<const Entry*>* starting_with(std::string_view s, std::size_t i) const;
    // Return false where `starting_with(s, i)` surely gives none: the first two bytes begin no form.
    bool may_start(std::string_view s, std::size_t i) const {
        return i + 1 < s.size() &&
               m_heads.test(static_cast<std::size_t>(static_cast<unsigned char>(s[i])) << 8 | static_cast<unsigned char>(s[i + 1]));
    }
    // The forms beginning with an ASCII byte (searched by find_all, as words when Latin; none come
    // from org_alias).
    const std::vector<const Entry*>& others() const { return m_others; }

private:
    std::map<std::string, std::string> m_names;
    std::unordered_map<std::string_view, std::vector<const Entry*>> m_by_head;  // keys view m_names' keys
    std::bitset<1 << 16> m_heads;  // the first two bytes of the forms in m_by_head
    std::vector<const Entry*> m_others;
};

// Add to `mentions` (kept in order) each place `s` uses a known short form, as if each form of
// `known` were looked for in turn, in order, every occurrence taken unless it overlaps a mention.
void add_known_names(std::string_view s, const KnownNames& known, std::vector<Mention>& mentions);
// The same, gathering the forms found in `found` (cleared first): the extractor lends one vector to
// every sentence rather than have each allocate its own.
using KnownHits = std::vector<std::pair<const KnownNames::Entry*, std::size_t>>;
void add_known_names(std::string_view s, const KnownNames& known, std::vector<Mention>& mentions, KnownHits& found);

// Return a Chinese personal name (surname + 1-2 characters) starting at byte `i`, or nothing.
std::optional<Mention> han_name_at(std::string_view s, std::size_t i);

// Return a Chinese personal name ending at byte `end`, or nothing.
std::optional<Mention> han_name_before(std::string_view s, std::size_t end);

// Return a capitalised Latin name (1-4 words) starting at byte `i`, or nothing.
std::optional<Mention> latin_name_at(std::string_view s, std::size_t i);

// Return the last mention of an allowed type ending at or before `pos`, or nothing.
const Mention* mention_before(const Sentence& s, std::size_t pos, bool want_person, bool want_org);

// Return the first mention of an allowed type starting at or after `pos` and before `limit`.
const Mention* mention_after(const Sentence& s, std::size_t pos, std::size_t limit, bool want_person, bool want_org);

// Return the index of the clause holding byte `pos`.
std::size_t clause_at(const Sentence& s, std::size_t pos);

// Return the date (ISO) stated in the sentence, or "".
std::string sentence_when(const Sentence& s);

// Return `s` without surrounding spaces and punctuation.
std::string trim_text(std::string_view s);

// Return the part of `s` that `trim_text` keeps.
std::string_view trim_view(std::string_view s);

// The small helpers below are inline: the detectors call them at every byte of every sentence.

// Per first byte, the length of the UTF-8 character it starts (1 for ASCII and continuation bytes):
// one load where three comparisons were, at every character of every scan.
inline constexpr auto k_utf8_length = [] {
    std::array<unsigned char, 256> lengths{};
    for (std::size_t b = 0; b < lengths.size(); ++b) lengths[b] = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return lengths;
}();

// Return the byte length of the UTF-8 character starting at `i`.
inline std::size_t char_length(std::string_view s, std::size_t i) {
    const std::size_t len = k_utf8_length[static_cast<unsigned char>(s[i])];
    return i + len <= s.size() ? len : 1;
}

// Return the code point at byte `i`.
inline char32_t code_point_at(std::string_view s, std::size_t i) {
    const std::size_t len = char_length(s, i);
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (len == 1) return b0;
    char32_t value = b0 & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k < len; ++k) value = (value << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return value;
}

inline bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// Return true if `s` has `prefix` at byte `i`. The first and last bytes are compared before the
// rest: most tries fail there (Han characters of one block share their first two bytes).
inline bool has_at(std::string_view s, std::size_t i, std::string_view prefix) {
    if (i > s.size() || prefix.size() > s.size() - i) return false;
    if (prefix.empty()) return true;
    return s[i] == prefix.front() && s[i + prefix.size() - 1] == prefix.back() && s.compare(i, prefix.size(), prefix) == 0;
}

inline bool is_latin_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Return true if `word` is at `i` ignoring ASCII case and no letter surrounds it.
inline bool word_at(std::string_view s, std::size_t i, std::string_view word) {
    if (i + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (ascii_lower(s[i + k]) != ascii_lower(word[k])) return false;
    }
    if (is_latin_letter(word.front()) && i > 0 && is_latin_letter(s[i - 1])) return false;
    const std::size_t end = i + word.size();
    return !(is_latin_letter(word.back()) && end < s.size() && is_latin_letter(s[end]));
}

// Return `s.rfind(needle, pos)`, comparing a position's first byte before the rest (the library's
// `rfind` compares the whole needle at every position).
inline std::size_t rfind_quick(std::string_view s, std::string_view needle, std::size_t pos = std::string_view::npos) {
    if (needle.size() > s.size()) return std::string_view::npos;
    std::size_t i = std::min(pos, s.size() - needle.size());
    if (needle.empty()) return i;
    for (;; --i) {
        if (s[i] == needle.front() && s.compare(i, needle.size(), needle) == 0) return i;
        if (i == 0) return std::string_view::npos;
    }
}

// Return `s.find(needle, from)`, found faster in Chinese text.
std::size_t find_from(std::string_view s, std::string_view needle, std::size_t from);

// Return every start of `needle` in `s` (as a word when `needle` is Latin).
std::vector<std::size_t> find_all(std::string_view s, std::string_view needle);

// Return the first start at or after `from` that `find_all(s, needle)` gives, or npos: stepping
// with `find_next(s, needle, at + 1)` visits what `find_all` lists without allocating the list.
std::size_t find_next(std::string_view s, std::string_view needle, std::size_t from);

// Return true if `needle` occurs at byte `i` as `find_all` finds it (as a word when it is Latin).
inline bool occurs_at(std::string_view s, std::size_t i, std::string_view needle) {
    return is_latin_letter(needle.front()) ? word_at(s, i, needle) : has_at(s, i, needle);
}

// Return the next position after `i` where an entry can occur as `occurs_at` (or `word_at`) finds
// it: past the rest of a Latin word when `s[i]` is a letter, since an entry found at a letter starts
// with a letter and so must start a word; else `i + 1`.
inline std::size_t next_word_start(std::string_view s, std::size_t i) {
    if (is_latin_letter(s[i])) {
        while (i + 1 < s.size() && is_latin_letter(s[i + 1])) ++i;
    }
    return i + 1;
}

// The entries of one lexicon list indexed by their first two bytes (ASCII case folded), so a scan
// tries at each position only the few entries that can start there. Build once, keep for the run.
class CueIndex {
public:
    explicit CueIndex(std::span<const std::string_view> list);
    std::span<const std::string_view> list() const { return m_list; }
    // Return, in list order, the positions in `list()` of the entries that may start at byte `i`.
    std::span<const std::uint32_t> candidates(std::string_view s, std::size_t i) const {
        if (i >= s.size() || !m_starts[static_cast<unsigned char>(s[i])]) return {};
        const std::uint16_t key = key_at(s, i);
        if (!m_present.test(key)) return {};
        const Range range = m_ranges[key];
        return std::span<const std::uint32_t>(m_entries).subspan(range.begin, range.end - range.begin);
    }
    // Return false where entry `k` of `list()` surely does not occur at byte `i` of `s` as `occurs_at`
    // finds it (nor as `has_at` does): its first four bytes (or fewer), ASCII case folded when it
    // starts with a letter, differ from the text's, compared at once.
    bool may_occur(std::string_view s, std::size_t i, std::uint32_t k) const {
        if (i > s.size() || s.size() - i < 4) return true;  // too near the end for one load: the full test decides
        const Prefix& prefix = m_prefixes[k];
        std::uint32_t bytes = 0;
        std::memcpy(&bytes, s.data() + i, 4);
        if (prefix.folded) bytes = fold4(bytes);
        return (bytes & prefix.mask) == prefix.bits;
    }
    // Return true if entry `k` of `list()` occurs at byte `i` of `s`: `occurs_at(s, i, list()[k])`.
    bool occurs(std::string_view s, std::size_t i, std::uint32_t k) const { return may_occur(s, i, k) && occurs_at(s, i, m_list[k]); }
    // Return `bytes` with each ASCII capital lowered: bit 5 set in the bytes from 'A' to 'Z'.
    static std::uint32_t fold4(std::uint32_t bytes) {
        const std::uint32_t low = bytes & 0x7F7F7F7Fu;
        const std::uint32_t from_a = low + 0x3F3F3F3Fu;  // high bit set where the byte is 'A' or above
        const std::uint32_t past_z = low + 0x25252525u;  // high bit set where it is past 'Z'
        const std::uint32_t capitals = from_a & ~past_z & ~bytes & 0x80808080u;
        return bytes | capitals >> 2;
    }
    // Return the position after byte `i` of `s` where a scan stepping with `next_word_start` may next
    // find candidates: past a whole three-byte character (lead, two continuation bytes) when no
    // entry starts at any of its bytes, else `next_word_start(s, i)`.
    std::size_t next_start(std::string_view s, std::size_t i) const {
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead >= 0xE0 && lead < 0xF0 && s.size() - i >= 3) {
            const auto second = static_cast<unsigned char>(s[i + 1]);
            const auto third = static_cast<unsigned char>(s[i + 2]);
            if ((second & 0xC0u) == 0x80u && (third & 0xC0u) == 0x80u && !m_starts[second] && !m_starts[third]) return i + 3;
        }
        return next_word_start(s, i);
    }
    // Return the keys that have entries: `candidates` is empty at a position whose key is not set.
    const std::bitset<65536>& keys() const { return m_present; }
    // Return the index key of the text at byte `i` of `s` (bytes past the end read as 0): for a
    // character of three bytes (E0..EF: Han and CJK punctuation) its last two bytes, 6 bits each, as
    // 0xE000 | b1 << 6 | b2, since Han characters of one block share their first two bytes; else
    // the first two bytes, ASCII case folded (a first byte below E0 or from F0 up).
    static std::uint16_t key_at(std::string_view s, std::size_t i) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
        if (i + 2 < s.size()) return key_of(byte(0), byte(1), byte(2));  // away from the end: no bounds to test
        const auto at = [&](std::size_t k) { return static_cast<unsigned char>(i + k < s.size() ? s[i + k] : 0); };
        return key_of(at(0), at(1), at(2));
    }
    static std::uint16_t key_of(unsigned char first, unsigned char second, unsigned char third) {
        if (first >= 0xE0 && first < 0xF0) return static_cast<std::uint16_t>(0xE000u | (second & 0x3Fu) << 6 | (third & 0x3Fu));
        return static_cast<std::uint16_t>((fold(first) << 8) | fold(second));
    }

private:
    static unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c; }
    std::span<const std::string_view> m_list;
    std::array<bool, 256> m_starts{};  // per byte: an entry starts with it (ASCII case folded): a cheap first test
    struct Range {
        std::uint32_t begin;
        std::uint32_t end;
    };
    // An entry's first four bytes (folded when it starts with a letter) as loaded from a text, and
    // the mask of those it has.
    struct Prefix {
        std::uint32_t bits = 0;
        std::uint32_t mask = 0;
        bool folded = false;
    };
    std::bitset<65536> m_present;
    // Per key set in `m_present`, where its entries are in `m_entries`. The other keys are never read
    // and so never written: clearing and summing 65,536 counts cost more than all the index's use.
    std::unique_ptr<Range[]> m_ranges;
    std::vector<std::uint32_t> m_entries;  // list positions grouped by key, each group in list order
    std::vector<Prefix> m_prefixes;        // per list position
};

// Return the entry of `index` listed first among those occurring in `s` (as `find_all` matches), or "".
std::string_view first_listed_cue(std::string_view s, const CueIndex& index);

// Return true if any entry of `index` occurs in `s` (as `find_all` matches).
bool contains_cue(std::string_view s, const CueIndex& index);

// Several lexicon lists indexed together, so one scan of a text answers `first_listed_cue` for each.
class CueSet {
public:
    explicit CueSet(std::vector<std::span<const std::string_view>> lists);
    CueSet(const CueSet&) = delete;
    CueSet& operator=(const CueSet&) = delete;
    // Return, for each list in the order given, what `first_listed_cue(s, list)` returns.
    std::vector<std::string_view> first_listed(std::string_view s) const;

private:
    std::vector<std::span<const std::string_view>> m_lists;
    std::vector<std::string_view> m_all;                            // the lists' entries, one after the other
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_origin;  // per entry of `m_all`: its list and position
    CueIndex m_index;                                               // over `m_all`; built after it
};

// What `first_cues` (for the `CueKind` lists given) and `CueSet::first_listed` (for the other lists)
// return, found in one scan of a text.
class CueScan {
public:
    CueScan(const std::array<std::span<const std::string_view>, k_cue_kinds>& firsts, std::vector<std::span<const std::string_view>> listed);
    CueScan(const CueScan&) = delete;
    CueScan& operator=(const CueScan&) = delete;
    // Set `first` to the first occurrence of each of the `firsts` lists in `s` (npos: none), and
    // return, for each of the `listed` lists, the entry listed first among those occurring in `s`.
    std::vector<std::string_view> scan(std::string_view s, std::array<std::size_t, k_cue_kinds>& first) const;
    // The same, setting `listed` to what `scan` returns, in its storage.
    void scan(std::string_view s, std::array<std::size_t, k_cue_kinds>& first, std::vector<std::string_view>& listed) const;

    // The most `listed` lists a scan takes: its best entries are kept on the stack, not allocated.
    static constexpr std::size_t k_most_listed = 8;

private:
    std::vector<std::span<const std::string_view>> m_listed;
    std::vector<std::string_view> m_all;  // the `firsts` lists' entries, then the `listed` lists'
    std::vector<std::uint32_t> m_tag;     // per entry: its `CueKind`, or k_cue_kinds + its `listed` list
    std::vector<std::uint32_t> m_position;  // per entry: its position in its list
    CueIndex m_index;                       // over `m_all`; built after it
};

// A cue found in a text: its byte offset and the entry.
struct CueHit {
    std::size_t at = 0;
    std::string_view entry;
};

// Return the first occurrence in `s` of an entry of `index` that `usable(at, entry)` accepts,
// scanning positions in order and, at one position, entries in list order. `from` is where to start
// (npos: nowhere): the caller knows that no entry occurs before it and that it is a position the
// scan from 0 would reach (one where an entry occurs is).
template <class Usable>
std::optional<CueHit> first_cue_where(std::string_view s, const CueIndex& index, Usable&& usable, std::size_t from = 0) {
    for (std::size_t i = from; i < s.size(); i = index.next_start(s, i)) {
        for (const std::uint32_t k : index.candidates(s, i)) {
            const std::string_view entry = index.list()[k];
            if (index.occurs(s, i, k) && usable(i, entry)) return CueHit{i, entry};
        }
    }
    return std::nullopt;
}

// Fill `subject`, `attribute` and `named` of quantity draft `d` from the text before byte `pos`;
// a missing subject comes from later in the clause, then from `s.previous_entity`.
void describe(const Sentence& s, std::size_t pos, Draft& d);

// Return true if clause `c` of `s` only describes the name before it: "…, a drone maker based in Leeds,".
bool appositive(const Sentence& s, const Clause& c);

// Return the last generic actor ("the council", "董事会"; "the company", "该公司" as the article's
// company) in [from, pos) of `s`, its name without "the ", or nothing.
std::optional<Mention> generic_actor(const Sentence& s, std::size_t from, std::size_t pos);

// Return the byte length of a Chinese verb of change to a new level ending at `pos` ("升至52%"), or 0.
std::size_t change_to_verb(const Sentence& s, std::size_t pos);

// Return the noun counted by the number ending at byte `end` ("3 plants in Ohio" → "plants",
// "50项不同法规" → "不同法规"), or "".
std::string counted_noun(const Sentence& s, std::size_t end);

// Return the end of the lexicon attribute ("市场份额") whose last occurrence in `text` ends last, and
// that attribute, the first listed among those ending there; or nothing.
std::optional<std::pair<std::size_t, std::string_view>> last_attribute(std::string_view text);

// Return `text` trimmed, without the opening quotes (`trailing_marks`), verbs (`trailing_verbs`)
// and `zh_trailing_adverbs` that end it ("份额达到" → "份额"), stripped and trimmed until none ends it.
std::string_view strip_trailing_verbs(std::string_view text);
std::span<const std::string_view> trailing_marks();
std::span<const std::string_view> trailing_verbs();

// Return true if `text` speaks of "the company" ("the firm", "该公司", "The Rotterdam-based company"):
// the article's company when no subject is named.
bool refers_to_company(std::string_view text);

// Return the main organisation or place of `s` (its first such mention), or "": a view of the
// name in `s.mentions`.
std::string_view main_entity(const Sentence& s);

// Return true if a phrase of the `zh_not_speech` lexicon ("小说", "说明") covers the speech verb at
// [`begin`, `end`) of `s`: the verb there is not reported speech.
bool not_speech_at(std::string_view s, std::size_t begin, std::size_t end);

std::vector<Draft> detect_roles(const Sentence& s);
std::vector<Draft> detect_quotes(const Sentence& s);
std::vector<Draft> detect_quantities(const Sentence& s);
std::vector<Draft> detect_comparisons(const Sentence& s);
// The same, each adding its drafts to the end of `out`: detect_all gathers them in one vector.
void detect_roles(const Sentence& s, std::vector<Draft>& out);
void detect_quotes(const Sentence& s, std::vector<Draft>& out);
void detect_quantities(const Sentence& s, std::vector<Draft>& out);
void detect_comparisons(const Sentence& s, std::vector<Draft>& out);
// How `detect_events` looks: `hedged` for a reported sentence (no date needed); `need_verb` to find
// only an action named by an event verb; `speech` to take a speech verb as one ("X said it would…").
struct EventSearch {
    bool hedged = false;
    bool need_verb = false;
    bool speech = false;
};
std::vector<Draft> detect_events(const Sentence& s, const EventSearch& how);
// The same, adding its drafts to the end of `out`.
void detect_events(const Sentence& s, const EventSearch& how, std::vector<Draft>& out);

// A claim with the terms its check-worthiness is the clamped sum of.
struct Scored {
    Claim claim;
    std::vector<ScoreTerm> terms;  // empty unless the extractor keeps them
};

// Whether an extractor gives each claim its score terms (`explain_score` reads them) or only the
// score they sum to (import, which stores the score alone).
enum class Terms { keep, drop };

// What a sentence inherits from the ones before it.
struct ExtractContext {
    std::string person;
    std::string entity;
    std::string company;
    KnownNames aliases;  // "星河" → "星河半导体"
};

// What claims::Extractor does, giving each claim with its score terms.
class ScoredExtractor {
public:
    ScoredExtractor(Id article, std::string date, std::string company, std::function<void(Scored&&)> take, Terms terms);
    void add_paragraph(std::string_view text, std::size_t offset);
    void finish();

private:
    Id m_article;
    std::string m_date;
    std::function<void(Scored&&)> m_take;
    Terms m_terms;
    std::vector<Scored> m_pending;  // the claims of the sentence before, which a doubt may still hedge
    ExtractContext m_context;
    // Per sentence, kept so their storage is reused rather than allocated again for each one.
    Sentence m_sentence;
    std::vector<std::string_view> m_listed;  // the sentence's first listed cues
    std::vector<Span> m_spans;               // the paragraph's sentences
    std::vector<Draft> m_drafts;
    KnownHits m_known_hits;  // add_known_names' scratch
};

// Return the claims of `article` as `extract` does, each with its score terms.
std::vector<Scored> extract_scored(const Article& article);

// Pass the claims of `article` to `take` one by one, in `extract`'s order, holding back only the
// claims of the sentence last read (a following doubt may still hedge them); with their score
// terms when `terms` is `Terms::keep`.
void extract_each(const Article& article, const std::function<void(Scored&&)>& take, Terms terms);

}  // namespace claimtrack::claims::detail
