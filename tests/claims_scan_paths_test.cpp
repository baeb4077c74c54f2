// The cue scans' shortcuts must find what a scan of every byte finds: skipping the rest of a Latin
// word, starting where `first_cues` says the first cue is (or not scanning when none occurs), and
// looking for the mentions before a position only where a person can end. Each is checked against a
// plain search on many random texts made of the listed words, their near misses and odd bytes.
#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include "support/random_texts.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack;
using namespace claimtrack::claims::detail;
namespace lexicon = claimtrack::claims::lexicon;

namespace {

std::vector<std::string> random_texts(const std::vector<std::string_view>& pieces, std::size_t count, std::size_t most, unsigned seed) {
    return test::random_texts(pieces, count, 1, most, seed);
}

// Filler that glues words together or parts them: letters, digits, punctuation of both languages,
// a cut character and stray bytes.
const std::vector<std::string_view> k_filler = {"的", "在", "，", "。", ", ", " ", " ", "a", "re", "X", "s", "1",
                                                "“", "”", "\"", "\xE4", "\x80", "\xE8\xAF", "Said", "CEO", "ceo"};

void add_pieces(std::vector<std::string_view>& out, std::span<const std::string_view> list) {
    for (const std::string_view entry : list) {
        out.push_back(entry);
        out.push_back(entry.substr(0, std::min<std::size_t>(entry.size(), 3)));
        out.push_back(entry.substr(1));
    }
}

std::array<std::span<const std::string_view>, k_cue_kinds> cue_lists(bool english) {
    if (english) {
        return {lexicon::en_speech_verbs(), lexicon::en_roles(), lexicon::en_comparisons(), lexicon::en_event_verbs(), lexicon::zh_org_suffixes()};
    }
    return {lexicon::zh_speech_verbs(), lexicon::zh_roles(), lexicon::zh_comparisons(), lexicon::zh_event_verbs(), lexicon::zh_org_suffixes()};
}

std::vector<std::string_view> cue_pieces() {
    std::vector<std::string_view> out = k_filler;
    for (const bool english : {true, false}) {
        for (const auto list : cue_lists(english)) add_pieces(out, list);
    }
    return out;
}

// The first byte of `text` where an entry of `list` occurs, every byte and entry tried.
std::size_t plain_first(std::string_view text, std::span<const std::string_view> list) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const std::string_view entry : list) {
            if (!entry.empty() && occurs_at(text, i, entry)) return i;
        }
    }
    return std::string_view::npos;
}

// What `first_cue_where` finds, every byte tried.
template <class Usable>
std::optional<CueHit> plain_first_where(std::string_view s, const CueIndex& index, Usable&& usable) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (const std::uint32_t k : index.candidates(s, i)) {
            const std::string_view entry = index.list()[k];
            if (occurs_at(s, i, entry) && usable(i, entry)) return CueHit{i, entry};
        }
    }
    return std::nullopt;
}

bool same_hit(const std::optional<CueHit>& a, const std::optional<CueHit>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->at == b->at && a->entry == b->entry);
}

Sentence sentence_of(std::string_view text, bool english) {
    Sentence s;
    s.text = text;
    s.english = english;
    s.clauses = split_clauses(text);
    s.mentions = find_mentions(text);
    s.previous_person = english ? "Maren Okafor" : "陈福阳";
    s.company = english ? "Harbor Line" : "星河半导体";
    return s;
}

void check_same_drafts(const std::vector<Draft>& a, const std::vector<Draft>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        CHECK(a[k].kind == b[k].kind);
        CHECK(a[k].begin == b[k].begin);
        CHECK(a[k].end == b[k].end);
        CHECK(a[k].fields == b[k].fields);
        CHECK(a[k].named == b[k].named);
    }
}

// `han_name_before` as it was: the mentions of all the text before `end`, then a surname and one or
// two Han characters.
std::optional<Mention> plain_han_name_before(std::string_view s, std::size_t end) {
    for (const auto& m : find_mentions(s.substr(0, end))) {
        if (m.end == end && m.type == EntityType::person) return m;
    }
    const auto surnames = lexicon::zh_surnames();
    for (const std::size_t length : {9u, 6u}) {
        if (end < length) continue;
        const std::size_t begin = end - length;
        if (std::find(surnames.begin(), surnames.end(), s.substr(begin, 3)) == surnames.end()) continue;
        bool all_han = true;
        for (std::size_t k = begin; k < end; k += 3) all_han = all_han && is_han(code_point_at(s, k));
        if (all_han) return Mention{begin, end, std::string(s.substr(begin, length)), EntityType::person};
    }
    return std::nullopt;
}

}  // namespace

TEST_SUITE("claims_scan_paths") {

TEST_CASE("first_cues gives the first byte where each list occurs, as every byte tried gives") {
    const auto pieces = cue_pieces();
    std::array<std::size_t, k_cue_kinds> seen{};
    for (const auto& text : random_texts(pieces, 6000, 8, 41)) {
        CAPTURE(text);
        for (const bool english : {true, false}) {
            const auto first = first_cues(text, english);
            const auto lists = cue_lists(english);
            for (std::size_t kind = 0; kind < k_cue_kinds; ++kind) {
                CHECK(first[kind] == plain_first(text, lists[kind]));
                seen[kind] += first[kind] == std::string_view::npos ? 0 : 1;
            }
        }
    }
    for (const std::size_t n : seen) CHECK(n > 500);
}

TEST_CASE("CueScan finds in one scan what first_cues and CueSet::first_listed find") {
    const std::vector<std::span<const std::string_view>> listed = {lexicon::doubts(), lexicon::hedges(), lexicon::opinions(),
                                                                  lexicon::en_future(), lexicon::zh_future()};
    const CueSet set(listed);
    auto pieces = cue_pieces();
    for (const auto list : listed) add_pieces(pieces, list);
    std::size_t seen = 0;
    for (const bool english : {true, false}) {
        const CueScan scan(cue_lists(english), listed);
        for (const auto& text : random_texts(pieces, 4000, 8, english ? 55 : 57)) {
            CAPTURE(text);
            std::array<std::size_t, k_cue_kinds> first{};
            const auto found = scan.scan(text, first);
            CHECK(first == first_cues(text, english));
            CHECK(found == set.first_listed(text));
            for (const auto entry : found) seen += entry.empty() ? 0 : 1;
        }
    }
    CHECK(seen > 2000);
}

TEST_CASE("cue scans that skip the rest of a Latin word find what a scan of every byte finds") {
    const auto pieces = cue_pieces();
    std::vector<CueIndex> indexes;
    for (const bool english : {true, false}) {
        for (const auto list : cue_lists(english)) indexes.emplace_back(list);
    }
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces, 3000, 8, 43)) {
        CAPTURE(text);
        for (const auto& index : indexes) {
            // A usable test that turns some occurrences down, so the scans go on past them.
            const auto odd = [](std::size_t at, std::string_view entry) { return (at + entry.size()) % 3 != 0; };
            const auto fast = first_cue_where(text, index, odd);
            CHECK(same_hit(fast, plain_first_where(text, index, odd)));
            found += fast ? 1 : 0;
            const auto any = plain_first_where(text, index, [](std::size_t, std::string_view) { return true; });
            CHECK(contains_cue(text, index) == any.has_value());
            std::size_t best = index.list().size();  // the entry listed first among those occurring
            for (std::size_t i = 0; i < text.size(); ++i) {
                for (std::size_t k = 0; k < best; ++k) {
                    if (!index.list()[k].empty() && occurs_at(text, i, index.list()[k])) best = k;
                }
            }
            CHECK(first_listed_cue(text, index) == (best < index.list().size() ? index.list()[best] : std::string_view()));
        }
    }
    CHECK(found > 1000);
}

TEST_CASE("a clause scan started at the sentence's first cue finds what it finds from the clause start") {
    const auto pieces = cue_pieces();
    std::size_t found = 0;
    for (const bool english : {true, false}) {
        const CueIndex comparisons(cue_lists(english)[k_comparison_cue]);
        for (const auto& text : random_texts(pieces, 4000, 10, english ? 45 : 47)) {
            CAPTURE(text);
            const std::size_t first = first_cues(text, english)[k_comparison_cue];
            for (const Clause& c : split_clauses(text)) {
                const std::string_view part = std::string_view(text).substr(c.begin, c.end - c.begin);
                const std::size_t from = first == std::string_view::npos ? first : first > c.begin ? first - c.begin : 0;
                const auto odd = [](std::size_t at, std::string_view) { return at % 2 == 0; };
                const auto fast = first_cue_where(part, comparisons, odd, from);
                CHECK(same_hit(fast, first_cue_where(part, comparisons, odd)));
                found += fast ? 1 : 0;
            }
        }
    }
    CHECK(found > 300);
}

TEST_CASE("the detectors find the same whether or not the sentence was given its first cues") {
    auto pieces = cue_pieces();
    add_pieces(pieces, lexicon::people());
    add_pieces(pieces, lexicon::organizations());
    for (const std::string_view extra : {"今年4月", "on Tuesday", "“AI芯片的需求还会增长”", " told reporters that “", "50%", "3 billion",
                                         "黄仁勋", "他", " he ", "Lisa Su", "的CEO是", ", chief executive of "}) {
        pieces.push_back(extra);
    }
    std::size_t drafts = 0;
    for (const auto& text : random_texts(pieces, 2500, 10, 49)) {
        CAPTURE(text);
        for (const bool english : {true, false}) {
            const Sentence plain = sentence_of(text, english);  // first_cue all 0: every scan from the start
            Sentence given = sentence_of(text, english);
            given.first_cue = first_cues(text, english);
            check_same_drafts(detect_roles(given), detect_roles(plain));
            check_same_drafts(detect_quotes(given), detect_quotes(plain));
            check_same_drafts(detect_comparisons(given), detect_comparisons(plain));
            for (const EventSearch how : {EventSearch{false, false, false}, EventSearch{true, true, true}, EventSearch{false, true, true}}) {
                check_same_drafts(detect_events(given, how), detect_events(plain, how));
            }
            drafts += detect_roles(given).size() + detect_quotes(given).size() + detect_comparisons(given).size();
        }
    }
    CHECK(drafts > 300);
}

TEST_CASE("find_mentions told that no organisation suffix occurs finds what it finds looking for them") {
    std::vector<std::string_view> pieces = k_filler;
    add_pieces(pieces, lexicon::zh_org_suffixes());
    add_pieces(pieces, lexicon::organizations());
    for (const std::string_view extra : {"星河", "北辰", "位于合肥的", "一家", "中国", "Harbor Line", "Acme"}) pieces.push_back(extra);
    std::size_t orgs = 0;
    for (const auto& text : random_texts(pieces, 4000, 8, 53)) {
        CAPTURE(text);
        for (const bool english : {true, false}) {
            const auto fast = find_mentions(text, first_cues(text, english)[k_org_suffix_cue]);
            const auto plain = find_mentions(text);
            REQUIRE(fast.size() == plain.size());
            for (std::size_t k = 0; k < fast.size(); ++k) {
                CHECK(fast[k].begin == plain[k].begin);
                CHECK(fast[k].end == plain[k].end);
                CHECK(fast[k].name == plain[k].name);
                CHECK(fast[k].type == plain[k].type);
                orgs += fast[k].type == EntityType::organization ? 1 : 0;
            }
        }
    }
    CHECK(orgs > 1000);
}

TEST_CASE("han_name_before finds what looking at the mentions of all the text before the position finds") {
    std::vector<std::string_view> pieces = k_filler;
    add_pieces(pieces, lexicon::people());
    add_pieces(pieces, lexicon::organizations());
    for (const std::string_view extra : {"陈", "黄", "李", "王", "静怡", "立", "武", "担任", "表示", "Tan", "Lip-Bu", "Okafor", "K2"}) {
        pieces.push_back(extra);
    }
    std::size_t named = 0;
    for (const auto& text : random_texts(pieces, 3000, 8, 51)) {
        CAPTURE(text);
        for (std::size_t end = 0; end <= text.size(); ++end) {
            const auto fast = han_name_before(text, end);
            const auto plain = plain_han_name_before(text, end);
            CAPTURE(end);
            REQUIRE(fast.has_value() == plain.has_value());
            if (!fast) continue;
            CHECK(fast->begin == plain->begin);
            CHECK(fast->end == plain->end);
            CHECK(fast->name == plain->name);
            CHECK(fast->type == plain->type);
            ++named;
        }
    }
    CHECK(named > 1000);
}

}  // TEST_SUITE
