#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

constexpr std::string_view k_leading[] = {"就", "也", "还", "又", "已经", "已", "曾经", "曾", "都", " "};
constexpr std::string_view k_commentary[] = {"所幸", "但", "不过", "可是", "然而", "彻底", "but ", "although ", "though "};

std::string strip_leading(std::string text) {
    for (bool again = true; again;) {
        again = false;
        for (const auto w : k_leading) {
            if (text.starts_with(w)) {
                text.erase(0, w.size());
                again = true;
            }
        }
    }
    return trim_text(text);
}

bool is_commentary(std::string_view clause) {
    const std::string trimmed = trim_text(clause);
    for (const auto w : k_commentary) {
        if (trimmed.starts_with(w)) return true;
    }
    return false;
}

constexpr std::string_view k_en_fillers[] = {"has", "have", "had", "also", "just", "never", "already",
                                              "recently", "repeatedly", "actually", "not", "once", "first"};

bool in_list(std::span<const std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::string_view word_at_pos(std::string_view text, std::size_t i) {
    std::size_t j = i;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || text[j] == '\'')) ++j;
    return text.substr(i, j - i);
}

bool is_filler(std::string_view word) {
    return std::find(std::begin(k_en_fillers), std::end(k_en_fillers), word) != std::end(k_en_fillers);
}

// Return the end of a past-tense verb phrase starting at `i` ("has also signed", "won"), or nothing.
std::optional<std::size_t> past_verb_end(std::string_view text, std::size_t i) {
    std::optional<std::size_t> found;
    for (int words = 0; words < 4 && i < text.size(); ++words) {
        const auto word = word_at_pos(text, i);
        if (word.empty()) break;
        const bool past = (word.size() > 3 && word.ends_with("ed")) || in_list(lexicon::en_past_verbs(), word);
        if (past) found = i + word.size();
        if (!is_filler(word)) break;  // a real verb, or something else, ends the phrase
        i += word.size() + 1;
        if (i > text.size() || text[i - 1] != ' ') break;
    }
    return found;
}

// An undated English statement of what a named actor did: "Senator Vance voted against the bill".
std::vector<Draft> english_fact(const Sentence& s) {
    for (const auto& m : s.mentions) {
        if (m.end + 1 >= s.text.size() || s.text[m.end] != ' ') continue;
        const auto verb_end = past_verb_end(s.text, m.end + 1);
        if (!verb_end) continue;
        const std::size_t end = s.clauses[clause_at(s, m.begin)].end;
        std::string action = trim_text(s.text.substr(m.end, end - m.end));
        if (action.find(' ') == std::string::npos) continue;  // a verb alone says too little
        Draft d;
        d.kind = ClaimKind::event;
        d.begin = m.begin;
        d.end = end;
        d.fields = {{"actor", m.name}, {"action", std::move(action)}, {"when", ""}};
        d.named = m.type != EntityType::name;
        return {d};
    }
    return {};
}

}  // namespace

std::vector<Draft> detect_events(const Sentence& s, bool hedged) {
    const std::string when = sentence_when(s);
    if (when.empty() && !hedged) return s.english ? english_fact(s) : std::vector<Draft>{};
    const std::size_t after = s.dates.empty() ? 0 : s.dates.front().span.end;
    const Mention* actor = mention_after(s, after, s.text.size(), true, true);
    if (actor == nullptr) actor = mention_after(s, 0, s.text.size(), true, true);  // "X lost half since January"
    if (actor == nullptr) return {};
    std::size_t k = clause_at(s, actor->begin);
    std::size_t end = s.clauses[k].end;
    std::string action = strip_leading(std::string(s.text.substr(actor->end, end - actor->end)));
    for (const std::string_view possessive : {"'s ", "’s "}) {
        if (action.starts_with(possessive)) action = actor->name + action;  // "Larkspur's shares have lost…"
    }
    if (action.size() < 12 && k + 1 < s.clauses.size() && !is_commentary(s.text.substr(s.clauses[k + 1].begin))) {
        end = s.clauses[k + 1].end;  // "SemiAnalysis就分析过，华为的方案…": the finding is the next clause
        action = strip_leading(std::string(s.text.substr(actor->end, end - actor->end)));
    }
    if (action.size() < 6 || action.starts_with("的")) return {};  // "星河的固态硬盘…": a possessor, not an actor
    Draft d;
    d.kind = ClaimKind::event;
    d.begin = s.dates.empty() ? actor->begin : std::min(actor->begin, s.dates.front().span.start);
    d.end = end;
    d.fields = {{"actor", actor->name}, {"action", action}, {"when", when}};
    d.named = actor->type != EntityType::name;
    return {d};
}

}  // namespace claimtrack::claims::detail
