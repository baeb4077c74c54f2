#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>
#include <bitset>
#include <string>
#include <unordered_set>
#include <optional>
#include <utility>

namespace claimtrack::claims::detail {

namespace {

constexpr std::string_view k_trailing_verbs[] = {
    "达到", "达", "为", "是", "有", "约", "超过", "至少", "不到", "不足", "多达", "仅", "只有", "还", "将", "共", "了", "可能", "逾", "近", " of", " was", " is",
    " reached", " hit", " to", " at", " by", " about", " around", " nearly", " more than", " rose",
    " fell", " grew", " has", " had", " were", " are", " totalled", " totaled", " stood", " between",
    " some", " over", " almost", " roughly", " approximately", " up to"};

constexpr std::size_t k_zh_short_attribute = 8 * 3;  // eight Han characters
constexpr std::size_t k_zh_counted_noun = 6 * 3;
constexpr std::size_t k_en_attribute_words = 8;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A list `in_list` is asked about at every word or character, hashed once: `in_list(list, word)`
// is whether `word` with its ASCII capitals lowered is an entry.
class FoldedSet {
public:
    explicit FoldedSet(std::span<const std::string_view> list) : m_entries(list.begin(), list.end()) {}
    bool contains(std::string_view word) const {
        if (std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return m_entries.count(word) > 0;
        std::string lowered(word);
        for (auto& c : lowered) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return m_entries.count(lowered) > 0;
    }

private:
    std::unordered_set<std::string_view> m_entries;
};

const FoldedSet& en_noun_stops() {
    static const FoldedSet set(lexicon::en_noun_stops());
    return set;
}

const FoldedSet& zh_noun_stops() {
    static const FoldedSet set(lexicon::zh_noun_stops());
    return set;
}

bool in_list(std::span<const std::string_view> list, std::string_view word) {
    return std::any_of(list.begin(), list.end(), [&](std::string_view entry) {
        return entry.size() == word.size() && std::equal(entry.begin(), entry.end(), word.begin(), [](char a, char b) {
                   return a == ((b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b);
               });
    });
}

// Return true if `s` ends with `suffix`, testing its last byte first (most tries fail there).
bool ends_with_quick(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && (suffix.empty() || s.back() == suffix.back()) && s.ends_with(suffix);
}

constexpr std::string_view k_trailing_marks[] = {"“", "\"", "‘"};

// How the marks, verbs and adverbs `strip_trailing_verbs` strips end: the last byte of those of one
// byte, the last two of the others. A text ending otherwise has none of them to strip.
class TrailingEnds {
public:
    TrailingEnds() {
        const auto add = [&](std::string_view word) {
            if (word.empty()) {  // an empty word "ends" every text: nothing rules it out
                m_one.set();
            } else if (word.size() == 1) {
                m_one.set(static_cast<unsigned char>(word.back()));
            } else {
                m_two.set(pair_at(word, word.size()));
            }
        };
        for (const auto mark : k_trailing_marks) add(mark);
        for (const auto verb : k_trailing_verbs) add(verb);
        for (const auto adverb : lexicon::zh_trailing_adverbs()) add(adverb);
    }
    // Return false if no word can end `text` (not empty).
    bool may_end(std::string_view text) const {
        return m_one.test(static_cast<unsigned char>(text.back())) || (text.size() >= 2 && m_two.test(pair_at(text, text.size())));
    }

private:
    static std::size_t pair_at(std::string_view s, std::size_t end) {
        return static_cast<std::size_t>(static_cast<unsigned char>(s[end - 2])) << 8 | static_cast<unsigned char>(s[end - 1]);
    }
    std::bitset<256> m_one;
    std::bitset<1 << 16> m_two;
};

}  // namespace

std::span<const std::string_view> trailing_marks() { return k_trailing_marks; }
std::span<const std::string_view> trailing_verbs() { return k_trailing_verbs; }

std::string_view strip_trailing_verbs(std::string_view text) {
    static const TrailingEnds ends;
    for (bool again = true; again;) {
        again = false;
        text = trim_view(text);
        if (text.empty() || !ends.may_end(text)) break;  // nothing below can match
        for (const std::string_view mark : k_trailing_marks) {
            if (ends_with_quick(text, mark)) {
                text.remove_suffix(mark.size());
                again = true;
            }
        }
        for (const auto verb : k_trailing_verbs) {
            if (ends_with_quick(text, verb)) {
                text.remove_suffix(verb.size());
                again = true;
            }
        }
        for (const auto adverb : lexicon::zh_trailing_adverbs()) {
            if (text.size() > adverb.size() && ends_with_quick(text, adverb)) {
                text.remove_suffix(adverb.size());
                again = true;
            }
        }
    }
    return text;
}

namespace {

std::string_view strip_possessive(std::string_view text) {
    for (const std::string_view mark : {"'s ", "’s ", "的"}) {
        if (text.starts_with(mark)) text.remove_prefix(mark.size());
    }
    return trim_view(text);
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    for (std::size_t i = 0; i < text.size(); ++i) words += (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ? 1 : 0;
    return words;
}


// Keep a Chinese attribute a short noun phrase: "…，英伟达在中国的市场份额" stays, a long clause fragment
// shrinks to the measured thing it ends with ("…的研发投入" → "研发投入"), or to nothing.
std::string short_zh_attribute(std::string_view text) {
    if (text.size() <= k_zh_short_attribute) return std::string(text);
    const auto found = last_attribute(text);
    if (!found) return {};
    const std::size_t best_size = found->second.size();
    const std::size_t best_at = found->first - best_size;
    std::size_t begin = best_at;
    if (begin >= 6 && text.compare(begin - 3, 3, "的") == 0) {  // "在中国的市场份额": keep a short qualifier
        const auto qualifier_start = rfind_quick(text, "在", begin - 3);
        if (qualifier_start != std::string_view::npos && begin - qualifier_start <= 12) begin = qualifier_start;
    }
    return std::string(text.substr(begin, best_at + best_size - begin));
}

std::string clean_attribute(const Sentence& s, std::string_view raw) {
    const std::string_view attribute = strip_possessive(strip_trailing_verbs(raw));
    if (attribute.size() <= 3) return {};
    if (!s.english) return short_zh_attribute(attribute);
    return word_count(attribute) <= k_en_attribute_words ? std::string(attribute) : std::string();
}

std::string english_counted_noun(std::string_view text, std::size_t end) {
    std::size_t i = end;
    std::size_t words = 0;
    std::size_t last = end;
    while (words < 4 && i < text.size() && text[i] == ' ') {
        std::size_t j = i + 1;
        while (j < text.size() && (is_letter(text[j]) || (text[j] == '-' && j + 1 < text.size() && is_letter(text[j + 1])))) ++j;
        const auto word = text.substr(i + 1, j - i - 1);
        if (word.empty() || en_noun_stops().contains(word)) break;
        last = j;
        ++words;
        i = j;
        if (i < text.size() && text[i] != ' ') break;  // a comma or stop ends the phrase
    }
    return words == 0 ? std::string() : std::string(text.substr(end + 1, last - end - 1));
}

std::string chinese_counted_noun(const Sentence& s, std::size_t end) {
    const std::size_t limit = std::min(s.clauses[clause_at(s, end > 0 ? end - 1 : 0)].end, end + k_zh_counted_noun);
    std::size_t i = end;
    while (i < limit) {
        const auto ch = s.text.substr(i, char_length(s.text, i));
        if (zh_noun_stops().contains(ch) || (!is_han(code_point_at(s.text, i)) && ch.size() > 1)) break;
        i += ch.size();
    }
    return trim_text(s.text.substr(end, i - end));
}

}  // namespace

// For one entry its last occurrence, `rfind`'s, ends last of all its occurrences: one scan finds them all.
std::optional<std::pair<std::size_t, std::string_view>> last_attribute(std::string_view text) {
    static const CueIndex attributes(lexicon::zh_attributes());
    std::optional<std::pair<std::size_t, std::string_view>> best;
    std::uint32_t best_k = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const std::uint32_t k : attributes.candidates(text, i)) {
            const std::string_view noun = attributes.list()[k];
            if (!has_at(text, i, noun)) continue;
            const std::size_t end = i + noun.size();
            if (!best || end > best->first || (end == best->first && k < best_k)) {
                best = std::pair{end, noun};
                best_k = k;
            }
        }
    }
    return best;
}

std::string counted_noun(const Sentence& s, std::size_t end) {
    return s.english ? english_counted_noun(s.text, end) : chinese_counted_noun(s, end);
}

std::string_view main_entity(const Sentence& s) {
    const Mention* place = nullptr;
    for (const auto& m : s.mentions) {
        if (m.type == EntityType::organization) return m.name;
        if (m.type == EntityType::place && place == nullptr) place = &m;
    }
    if (place != nullptr) return place->name;
    for (const auto& m : s.mentions) {
        if (m.type == EntityType::name) return m.name;
    }
    return {};
}

std::size_t change_to_verb(const Sentence& s, std::size_t pos) {
    if (s.english) return 0;
    for (const auto verb : lexicon::zh_change_to()) {
        if (pos < verb.size()) continue;
        if (!verb.empty() && s.text[pos - 1] != verb.back()) continue;  // most fail at the last byte
        if (s.text.substr(pos - verb.size(), verb.size()) == verb) return verb.size();
    }
    return 0;
}

bool refers_to_company(std::string_view text) {
    // Each phrase below holds " company", "he firm" or "公司": a text with none of those holds none.
    if (text.find(" company") == std::string_view::npos && text.find("he firm") == std::string_view::npos &&
        find_from(text, "公司", 0) == std::string_view::npos) {
        return false;
    }
    for (const std::string_view word : {"the company", "The company", "the firm", "The firm", "该公司", "这家公司"}) {
        if (text.find(word) != std::string_view::npos) return true;
    }
    const auto at = text.find(" company");  // "The Rotterdam-based company"
    return at != std::string_view::npos && (text.starts_with("The ") || text.starts_with("the ")) && at < 40;
}

namespace {

// The last person or organisation named before `pos`, skipping the names an appositive clause
// mentions: in "Brightwater Bank, the lender that owns Coastline Mortgages, said it would close 40
// branches" the one closing them is Brightwater Bank.
const Mention* earlier_subject(const Sentence& s, std::size_t pos) {
    const Mention* best = nullptr;
    for (const auto& m : s.mentions) {
        if (m.end > pos) break;
        if (s.english && appositive(s, s.clauses[clause_at(s, m.begin)]) && best != nullptr) continue;
        best = &m;
    }
    return best;
}

// "the lab", "该公司" with no company of the article to stand for: an actor that names the one before.
bool refers_back(const Sentence& s, const Mention& actor) {
    if (!s.company.empty() && actor.name == s.company) return false;
    const auto words = s.english ? lexicon::en_referring_actors() : lexicon::zh_referring_actors();
    return in_list(words, s.text.substr(actor.begin, actor.end - actor.begin));
}

// "visits to Eastvale's branches": a few lower-case words ending with a linking preposition before
// the name in [begin, name) make the name part of the measured thing.
bool inside_measured_phrase(const Sentence& s, std::size_t begin, std::size_t name) {
    const auto prefix = s.text.substr(begin, name - begin);
    if (prefix.size() < 4 || prefix.back() != ' ' || prefix.size() > 40) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = prefix[i];
        if (!(c == ' ' || (c >= 'a' && c <= 'z') || (i == 0 && c >= 'A' && c <= 'Z'))) return false;
    }
    const auto words = trim_text(prefix);
    const auto last = words.rfind(' ');
    if (last == std::string::npos) return false;
    return in_list(lexicon::en_linking_prepositions(), std::string_view(words).substr(last + 1));
}

}  // namespace

// "…reported that the average phone in Spain is replaced after": the noun phrase before the verb.
std::optional<std::pair<std::size_t, std::size_t>> english_subject_phrase(const Sentence& s, std::size_t from, std::size_t pos) {
    const auto that = s.text.substr(from, pos - from).find("that the ");
    if (that == std::string_view::npos) return std::nullopt;
    const std::size_t begin = from + that + 5;
    for (const std::string_view verb : {" is ", " are ", " was ", " were ", " has ", " have ", " had ", " will "}) {
        const auto at = s.text.substr(begin, pos - begin).find(verb);
        if (at != std::string_view::npos && at > 4) return std::pair{begin, begin + at};
    }
    return std::nullopt;
}

void describe(const Sentence& s, std::size_t pos, Draft& d) {
    const Clause& c = s.clauses[clause_at(s, pos)];
    if (s.english) {
        if (const auto phrase = english_subject_phrase(s, c.begin, pos)) {
            d.fields["subject"] = std::string(s.text.substr(phrase->first, phrase->second - phrase->first));
            d.fields["attribute"] = clean_attribute(s, s.text.substr(phrase->second, pos - phrase->second));
            d.named = true;
            d.begin = std::min(d.begin, phrase->first);
            return;
        }
    }
    const Mention* subject = nullptr;
    for (const auto& m : s.mentions) {  // the first in the clause; a place only when nothing else is named
        if (m.begin < c.begin || m.end > pos) continue;
        if (subject == nullptr || (subject->type == EntityType::place && m.type != EntityType::place)) subject = &m;
        if (m.type != EntityType::place) break;
    }
    // "Last month the city council voted to close two libraries": a subject of the clause's own that
    // is not a name; nothing is carried over from before then.
    std::optional<Mention> own;
    if (subject == nullptr) own = generic_actor(s, c.begin, pos);
    if (own && refers_back(s, *own)) own.reset();  // "The lab is raising…": the one named before
    if (own) subject = &*own;
    if (subject == nullptr) subject = earlier_subject(s, pos);  // named earlier in the sentence
    if (subject == nullptr) subject = mention_after(s, pos, c.end, false, true);  // "3 plants in Ohio"
    const bool in_clause = subject != nullptr && subject->begin >= c.begin && subject->end <= pos;
    std::size_t from = in_clause ? subject->end : c.begin;
    if (in_clause && s.english && inside_measured_phrase(s, c.begin, subject->begin)) from = c.begin;
    const bool company = !in_clause && !s.company.empty() && refers_to_company(s.text.substr(0, pos));
    d.fields["subject"] = company ? s.company : subject != nullptr ? subject->name : s.previous_entity;
    d.fields["attribute"] = clean_attribute(s, s.text.substr(from, pos - from));
    d.named = !d.fields["subject"].empty();
    d.begin = std::min(d.begin, in_clause ? subject->begin : from);
}

}  // namespace claimtrack::claims::detail
