#include "claims/claims_detail.hpp"

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

}  // namespace

std::vector<Draft> detect_events(const Sentence& s, bool hedged) {
    const std::string when = sentence_when(s);
    if (when.empty() && !hedged) return {};
    const std::size_t after = s.dates.empty() ? 0 : s.dates.front().span.end;
    const Mention* actor = mention_after(s, after, s.text.size(), true, true);
    if (actor == nullptr) return {};
    std::size_t k = clause_at(s, actor->begin);
    std::size_t end = s.clauses[k].end;
    std::string action = strip_leading(std::string(s.text.substr(actor->end, end - actor->end)));
    if (action.size() < 12 && k + 1 < s.clauses.size() && !is_commentary(s.text.substr(s.clauses[k + 1].begin))) {
        end = s.clauses[k + 1].end;  // "SemiAnalysis就分析过，华为的方案…": the finding is the next clause
        action = strip_leading(std::string(s.text.substr(actor->end, end - actor->end)));
    }
    if (action.size() < 6) return {};
    Draft d;
    d.kind = ClaimKind::event;
    d.begin = s.dates.empty() ? actor->begin : std::min(actor->begin, s.dates.front().span.start);
    d.end = end;
    d.fields = {{"actor", actor->name}, {"action", action}, {"when", when}};
    d.named = actor->type != EntityType::name;
    return {d};
}

}  // namespace claimtrack::claims::detail
