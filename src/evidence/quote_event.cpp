#include <claimtrack/evidence.hpp>
#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include "evidence/kinds.hpp"
#include "evidence/match.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace claimtrack::evidence::detail {

namespace {

constexpr double k_near_verbatim = 0.8;
constexpr std::size_t k_max_passage_chars = 4000;

// Keep letters, digits and ideographs: quotes are compared without punctuation or spacing.
std::u32string letters_only(std::string_view folded) {
    std::u32string out;
    for (char32_t c : decode(folded)) {
        const bool ascii_word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
        const bool other_script = c >= 0x80 && !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x3000 && c <= 0x303F) &&
                                  !(c >= 0xFF00 && c <= 0xFF0F) && c != 0xFF0C && c != 0xFF1A && c != 0xFF1B && c != 0xFF1F;
        if (ascii_word || other_script) out.push_back(c);
    }
    return out;
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100.0))) + "%"; }

// Return true if the passage states the claim's action: half its content words (at least one), or an alias.
bool action_stated(const Context& c) {
    const std::string action = c.field("action");
    const auto tokens = meaningful_tokens(action);
    if (action.empty() || tokens.empty() || find_entity(c.folded, action, c.aliases)) return c.words("action", 0.5);
    const double overlap = term_overlap(tokens, c.folded);
    const bool enough = overlap >= 0.5;
    std::string listed;
    for (const auto& t : tokens) listed += (listed.empty() ? "" : " ") + t;
    c.note("action " + action + ": " + percent(overlap) + " of its content words [" + listed + "] (" +
           (enough ? "enough" : "too few") + ")");
    return enough;
}

// Return a contradiction when the action's numbers are not in the passage but others of their kind are.
std::optional<Assessment> number_conflict(const Context& c) {
    const auto wanted = values_in(c.field("action"));
    if (wanted.empty()) return std::nullopt;
    const auto stated = values_in(c.passage);
    c.note("numbers: claim " + join_values(wanted) + "; source " + (stated.empty() ? "none" : join_values(stated)));
    const std::vector<Value> missing = missing_values(wanted, stated);
    const std::vector<Value> rivals = rival_values(stated, wanted, missing);
    if (missing.empty() || rivals.empty()) return std::nullopt;
    return verdict(0.7, Stance::contradicts,
                   "same actor and action; source says " + join_values(rivals) + ", claim says " + join_values(missing));
}

}  // namespace

std::optional<Assessment> assess_quote(const Context& c) {
    const std::string words = c.field("quote");
    if (words.empty()) return std::nullopt;
    const auto speaker = c.entity("speaker");
    const std::u32string quote = letters_only(text::fold(words));
    std::u32string passage = letters_only(c.folded);
    if (passage.size() > k_max_passage_chars) passage.resize(k_max_passage_chars);
    if (quote.empty()) return std::nullopt;
    const double similarity =
        1.0 - static_cast<double>(substring_distance(quote, passage)) / static_cast<double>(quote.size());
    c.note("quote: edit-distance similarity " + percent(similarity) + " (" + std::to_string(quote.size()) +
           " characters compared; near-verbatim from " + percent(k_near_verbatim) + ")");
    const bool verbatim = similarity >= 0.999;
    if (similarity >= k_near_verbatim) {
        const std::string how = verbatim ? "verbatim" : "near-verbatim (" + percent(similarity) + ")";
        if (speaker) return verdict(verbatim ? 0.95 : 0.85, Stance::supports, "speaker " + *speaker + " and quote " + how);
        return verdict(0.5, Stance::mentions, "quote " + how + ", speaker not named");
    }
    const double overlap = token_overlap(words, c.folded);
    c.note("quote: " + percent(overlap) + " of its words in the source");
    if (speaker && overlap >= 0.5) {
        return verdict(0.5, Stance::mentions, "speaker " + *speaker + "; words paraphrased (" + percent(overlap) + " shared)");
    }
    return std::nullopt;
}

std::optional<Assessment> assess_event(const Context& c) {
    const auto actor = c.entity("actor");
    if (!actor) return std::nullopt;
    if (!action_stated(c)) return verdict(0.3, Stance::mentions, "mentions " + *actor + "; action not stated");
    if (auto conflict = number_conflict(c)) return conflict;
    const std::string when = c.field("when");
    std::vector<std::string> dates;
    for (const auto& d : numbers::find_dates(c.passage, "")) dates.push_back(d.iso);
    std::string listed;
    for (const auto& d : dates) listed += (listed.empty() ? "" : ", ") + d;
    c.note("dates: claim " + (when.empty() ? std::string("none") : when) + "; source " + (listed.empty() ? "none" : listed));
    const auto fits = [&](const std::string& d) { return !d.empty() && (when.starts_with(d) || d.starts_with(when)); };
    // A source often gives the day without the year ("3月18日", "In March") and names other years
    // for its figures ("2024年的自给率"): read such days in the claim's year, and let them agree
    // only; a contradiction still needs a dated mention of another time.
    bool agrees = std::any_of(dates.begin(), dates.end(), fits);
    if (!agrees && when.size() >= 7) {
        const std::string anchor = when.substr(0, 4) + "-12-31";
        for (const auto& d : numbers::find_dates(c.passage, anchor)) agrees = agrees || (d.iso.size() >= 7 && fits(d.iso));
        if (agrees) c.note("dates: the source's day without a year read in the claim's year " + when.substr(0, 4));
    }
    if (when.empty() || (dates.empty() && !agrees)) {
        return verdict(0.65, Stance::supports, "same actor " + *actor + " and action; time not compared");
    }
    if (agrees) return verdict(0.9, Stance::supports, "same actor " + *actor + ", action and time " + when);
    return verdict(0.55, Stance::contradicts,
                      "same actor and action; source dates it " + dates.front() + ", claim says " + when);
}

}  // namespace claimtrack::evidence::detail
