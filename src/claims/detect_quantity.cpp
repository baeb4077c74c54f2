#include "claims/claims_detail.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

using numbers::Quantity;

constexpr std::string_view k_zh_change_words = "为至到成";
constexpr std::string_view k_trailing_verbs[] = {
    "达到", "达", "为", "是", "有", "约", "超过", "将", "共", "了", "可能", "逾", "近", " of", " was", " is",
    " reached", " hit", " to", " at", " by", " about", " around", " nearly", " more than", " rose",
    " fell", " grew", " has", " had", " were", " are", " totalled", " totaled", " stood"};

bool is_change_between(const Sentence& s, const Quantity& a, const Quantity& b) {
    const auto between = s.text.substr(a.span.end, b.span.start - a.span.end);
    if (s.english) return between == " to ";
    if (between.empty() || between.size() > 12) return false;
    const auto last = between.substr(between.size() - 3);
    return k_zh_change_words.find(last) != std::string_view::npos;
}

bool preceded_by(std::string_view text, std::size_t pos, std::string_view cue) {
    return pos >= cue.size() && text.substr(pos - cue.size(), cue.size()) == cue;
}

std::string strip_trailing_verbs(std::string text) {
    for (bool again = true; again;) {
        again = false;
        text = trim_text(text);
        for (const std::string_view mark : {"“", "\"", "‘"}) {
            if (text.ends_with(mark)) {
                text.resize(text.size() - mark.size());
                again = true;
            }
        }
        for (const auto verb : k_trailing_verbs) {
            if (text.size() >= verb.size() && text.ends_with(verb)) {
                text.resize(text.size() - verb.size());
                again = true;
            }
        }
    }
    return text;
}

void strip_possessive(std::string& text) {
    for (const std::string_view mark : {"'s ", "’s ", "的"}) {
        if (text.starts_with(mark)) text.erase(0, mark.size());
    }
    text = trim_text(text);
}

// Fill `subject` and `attribute` from the clause text before `pos` ("英伟达在中国的市场份额").
void describe(const Sentence& s, std::size_t pos, Draft& d) {
    const Clause& c = s.clauses[clause_at(s, pos)];
    std::size_t from = c.begin;
    const Mention* subject = nullptr;
    for (const auto& m : s.mentions) {
        if (m.begin >= c.begin && m.end <= pos) {
            subject = &m;
            break;
        }
    }
    if (subject == nullptr) subject = mention_before(s, pos, true, true);  // named earlier in the sentence
    if (subject != nullptr && subject->begin >= c.begin) from = subject->end;
    std::string attribute = strip_trailing_verbs(std::string(s.text.substr(from, pos - from)));
    strip_possessive(attribute);
    if (attribute.size() <= 3) attribute.clear();
    d.fields["subject"] = subject != nullptr ? subject->name : "";
    d.fields["attribute"] = attribute;
    d.named = subject != nullptr;
    d.begin = std::min(d.begin, subject != nullptr && subject->begin >= c.begin ? subject->begin : from);
}

std::optional<Draft> change_draft(const Sentence& s, const Quantity& a, const Quantity& b) {
    Draft d;
    d.kind = ClaimKind::quantity;
    d.begin = a.span.start;
    d.end = b.span.end;
    std::size_t cue = a.span.start;
    if (s.english) {
        const auto from = s.text.rfind(" from ", a.span.start);
        if (from != std::string_view::npos && from + 6 == a.span.start) {
            cue = s.text.rfind(' ', from > 0 ? from - 1 : 0);  // drop the verb: "fell from"
            cue = cue == std::string_view::npos ? from : cue;
        } else {
            return std::nullopt;
        }
    } else if (preceded_by(s.text, a.span.start, "由") || preceded_by(s.text, a.span.start, "从")) {
        cue = a.span.start - 3;
    } else {
        return std::nullopt;
    }
    describe(s, cue, d);
    d.fields["from"] = numbers::format_number(a.value);
    d.fields["to"] = numbers::format_number(b.value);
    d.fields["unit"] = !a.unit.empty() ? a.unit : b.unit;
    return d;
}

// "dropped to 0 from 95%": the reverse order.
std::optional<Draft> reverse_change_draft(const Sentence& s, const Quantity& to_q, const Quantity& from_q) {
    if (!s.english || s.text.substr(to_q.span.end, from_q.span.start - to_q.span.end) != " from ") return std::nullopt;
    if (!preceded_by(s.text, to_q.span.start, " to ")) return std::nullopt;
    Draft d;
    d.kind = ClaimKind::quantity;
    d.begin = to_q.span.start;
    d.end = from_q.span.end;
    auto cue = s.text.rfind(' ', to_q.span.start - 5);
    describe(s, cue == std::string_view::npos ? to_q.span.start : cue, d);
    d.fields["from"] = numbers::format_number(from_q.value);
    d.fields["to"] = numbers::format_number(to_q.value);
    d.fields["unit"] = !from_q.unit.empty() ? from_q.unit : to_q.unit;
    return d;
}

bool worth_listing(const Quantity& q) {
    return !q.unit.empty() || q.upper.has_value() || q.value >= 1000;
}

Draft single_draft(const Sentence& s, const Quantity& q) {
    Draft d;
    d.kind = ClaimKind::quantity;
    d.begin = q.span.start;
    d.end = q.span.end;
    describe(s, q.span.start, d);
    if (d.fields["attribute"].empty()) {  // "50项不同法规": the noun after the counter
        const Clause& c = s.clauses[clause_at(s, q.span.start)];
        d.fields["attribute"] = trim_text(s.text.substr(q.span.end, std::min(c.end, q.span.end + 36) - q.span.end));
        for (const std::string_view mark : {"”", "\"", "’"}) {
            if (const auto at = d.fields["attribute"].find(mark); at != std::string::npos) d.fields["attribute"].resize(at);
        }
    }
    d.fields["value"] = numbers::format_number(q.value);
    if (q.upper) d.fields["upper"] = numbers::format_number(*q.upper);
    if (q.approximate) d.fields["approximate"] = "true";
    d.fields["unit"] = q.unit;
    return d;
}

}  // namespace

std::vector<Draft> detect_quantities(const Sentence& s) {
    std::vector<Draft> out;
    const auto& qs = s.quantities;
    for (std::size_t k = 0; k < qs.size(); ++k) {
        if (k + 1 < qs.size() && is_change_between(s, qs[k], qs[k + 1])) {
            auto d = change_draft(s, qs[k], qs[k + 1]);
            if (!d) d = reverse_change_draft(s, qs[k], qs[k + 1]);
            if (d) {
                out.push_back(std::move(*d));
                ++k;
                continue;
            }
        }
        if (k + 1 < qs.size()) {
            if (auto d = reverse_change_draft(s, qs[k], qs[k + 1])) {
                out.push_back(std::move(*d));
                ++k;
                continue;
            }
        }
        if (worth_listing(qs[k])) out.push_back(single_draft(s, qs[k]));
    }
    return out;
}

}  // namespace claimtrack::claims::detail
