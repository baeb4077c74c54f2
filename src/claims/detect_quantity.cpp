#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

using numbers::Quantity;

constexpr std::string_view k_zh_change_words = "为至到成";
constexpr std::size_t k_zh_named_after = 4 * 3;  // "C轮融资", "新一轮融资": up to four characters' bytes

// "grew from 35 drones in 2023 to 120": words and a year may stand between the two levels of a
// "from … to …" change, not a clause break or another number.
bool english_from_to(const Sentence& s, const Quantity& a, std::string_view between) {
    if (between.size() > 40 || !between.starts_with(' ') || !between.ends_with(" to ")) return false;
    if (a.span.start < 6 || s.text.substr(a.span.start - 6, 6) != " from ") return false;
    return std::all_of(between.begin(), between.end(), [](char c) { return c == ' ' || is_latin_letter(c) || (c >= '0' && c <= '9'); });
}

bool is_change_between(const Sentence& s, const Quantity& a, const Quantity& b) {
    if (b.span.start < a.span.end) return false;
    const auto between = s.text.substr(a.span.end, b.span.start - a.span.end);
    if (s.english) return between == " to " || english_from_to(s, a, between);
    // The Chinese change words are one character each: three bytes at least ("5%,10%" is none).
    if (between.size() < 3 || between.size() > 12) return false;
    const auto last = between.substr(between.size() - 3);
    return k_zh_change_words.find(last) != std::string_view::npos;
}

bool preceded_by(std::string_view text, std::size_t pos, std::string_view cue) {
    return pos >= cue.size() && text.substr(pos - cue.size(), cue.size()) == cue;
}

std::optional<Draft> change_draft(const Sentence& s, const Quantity& a, const Quantity& b) {
    Draft d;
    d.kind = ClaimKind::quantity;
    d.begin = a.span.start;
    d.end = b.span.end;
    std::size_t cue = a.span.start;
    if (s.english) {
        const auto from = rfind_quick(s.text, " from ", a.span.start);
        if (from != std::string_view::npos && from + 6 == a.span.start) {
            cue = s.text.rfind(' ', from > 0 ? from - 1 : 0);  // drop the verb: "fell from"
            cue = cue == std::string_view::npos ? from : cue;
        } else {
            return std::nullopt;
        }
    } else if (preceded_by(s.text, a.span.start, "由") || preceded_by(s.text, a.span.start, "从") ||
               preceded_by(s.text, a.span.start, "從")) {
        cue = a.span.start - 3;
    } else {
        return std::nullopt;
    }
    describe(s, cue, d);
    if (s.english && d.fields["attribute"].empty()) d.fields["attribute"] = counted_noun(s, a.span.end);  // "from 3.1 million trips"
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

// "rose 12% to $3.5 billion", "fell by 3 points to 40%": a change by an amount to a new level.
std::optional<Draft> change_by_draft(const Sentence& s, const Quantity& by, const Quantity& to_q) {
    if (!s.english || s.text.substr(by.span.end, to_q.span.start - by.span.end) != " to ") return std::nullopt;
    std::size_t verb_end = by.span.start;
    if (preceded_by(s.text, verb_end, " by ")) verb_end -= 3;
    if (verb_end == 0 || s.text[verb_end - 1] != ' ') return std::nullopt;
    const auto verb_start = s.text.rfind(' ', verb_end - 2);
    const std::size_t begin = verb_start == std::string_view::npos ? 0 : verb_start + 1;
    const auto verb = s.text.substr(begin, verb_end - 1 - begin);
    const auto verbs = lexicon::en_change_verbs();
    if (std::find(verbs.begin(), verbs.end(), verb) == verbs.end()) return std::nullopt;
    Draft d;
    d.kind = ClaimKind::quantity;
    d.begin = by.span.start;
    d.end = to_q.span.end;
    describe(s, begin, d);
    d.fields["to"] = numbers::format_number(to_q.value);
    d.fields["unit"] = to_q.unit;
    d.fields["change"] = numbers::format_number(by.value);
    d.fields["change_unit"] = by.unit;
    return d;
}

// "过去两年", "五年前", "近十年来": a span of time that places a claim, not a claim.
bool time_expression(const Sentence& s, const Quantity& q) {
    if (s.english || (q.unit != "年" && q.unit != "个月" && q.unit != "天")) return false;
    for (const std::string_view after : {"前", "后", "来", "里", "内", "间", "多前"}) {
        if (has_at(s.text, q.span.end, after)) return true;
    }
    for (const std::string_view before : {"过去", "近", "最近", "这", "那", "前", "后"}) {
        if (preceded_by(s.text, q.span.start, before)) return true;
    }
    return false;
}

// A plain count is worth listing when it counts something ("3 plants", "300层") or is large.
bool worth_listing(const Sentence& s, const Quantity& q) {
    if (time_expression(s, q)) return false;
    if (!q.unit.empty() || q.upper.has_value() || q.value >= 1000) return true;
    if (!s.english && q.value < 10) return false;  // "一层一层": counting words, not counts
    const auto noun = counted_noun(s, q.span.end);
    for (const std::string_view time : {"年", "个月", "天", "岁"}) {  // "十几年工艺研发": a duration
        if (!s.english && noun.starts_with(time)) return false;
    }
    return !noun.empty();
}

// "完成了120亿元的新一轮融资": the measured thing named after the amount replaces a verb-like attribute.
void zh_attribute_after(const Sentence& s, const Quantity& q, Draft& d) {
    const auto attributes = lexicon::zh_attributes();
    const auto& current = d.fields["attribute"];
    if (last_attribute(current)) return;  // it names a measured thing already
    // "15亿元C轮融资": a short noun phrase right after the amount, ending the clause, names it too.
    const std::size_t limit = has_at(s.text, q.span.end, "的") ? 30 : k_zh_named_after;
    const std::size_t end = s.clauses[clause_at(s, q.span.start)].end;
    const auto after = s.text.substr(q.span.end, end - q.span.end);
    if (after.size() > limit || after.empty()) return;
    for (const auto a : attributes) {
        if (!a.empty() && after.back() == a.back() && after.ends_with(a)) {
            d.fields["attribute"] = std::string(a);
            return;
        }
    }
}

// "cut the library budget by 15%": the thing changed is the noun phrase between the verb and "by".
std::string changed_by_object(const Sentence& s, std::size_t by) {
    const std::size_t begin = s.clauses[clause_at(s, by)].begin;
    const auto part = s.text.substr(begin, by - begin);
    std::size_t best = std::string_view::npos;
    for (const std::string_view determiner : {" the ", " its ", " their "}) {
        const auto at = rfind_quick(part, determiner);
        if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) best = at + determiner.size();
    }
    if (best == std::string_view::npos) return {};
    const auto phrase = part.substr(best);
    const bool plain = std::all_of(phrase.begin(), phrase.end(), [](char c) { return c == ' ' || c == '-' || is_latin_letter(c); });
    const auto words = static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    return plain && !phrase.empty() && words <= 4 ? std::string(phrase) : std::string();
}

// In Chinese text, Latin letters right after a number are its unit: "12.6GWh", "3nm", "500MW".
bool latin_unit(const Sentence& s, std::string_view noun) {
    return !s.english && !noun.empty() && noun.size() <= 5 && std::all_of(noun.begin(), noun.end(), is_latin_letter);
}

Draft single_draft(const Sentence& s, const Quantity& q) {
    Draft d;
    d.kind = ClaimKind::quantity;
    d.begin = q.span.start;
    d.end = q.span.end;
    const std::size_t change_to = s.english ? 0 : change_to_verb(s, q.span.start);
    describe(s, q.span.start - change_to, d);
    const bool counts = q.unit != "%" && q.unit != "pp" && q.unit.size() != 3;  // not a share or currency
    std::string unit = q.unit;
    if (counts || d.fields["attribute"].empty()) {
        auto noun = counted_noun(s, q.span.end);
        if (unit.empty() && latin_unit(s, noun)) {
            unit = std::move(noun);  // "出货量达到12.6GWh": GWh is the unit, 出货量 the thing measured
        } else if (!noun.empty()) {
            d.fields["attribute"] = std::move(noun);
        }
    }
    if (!s.english) zh_attribute_after(s, q, d);
    if (s.english && preceded_by(s.text, q.span.start, " by ")) {
        if (auto changed = changed_by_object(s, q.span.start - 4); !changed.empty()) d.fields["attribute"] = std::move(changed);
    }
    d.fields[change_to > 0 ? "to" : "value"] = numbers::format_number(q.value);
    if (q.upper) d.fields["upper"] = numbers::format_number(*q.upper);
    if (q.approximate) d.fields["approximate"] = "true";
    d.fields["unit"] = unit;
    return d;
}

// "replaced after 51 months, up from 33 months in 2018": the new level, then where it came from.
std::optional<Draft> up_from_draft(const Sentence& s, const Quantity& to_q, const Quantity& from_q) {
    const auto between = s.text.substr(to_q.span.end, from_q.span.start - to_q.span.end);
    bool matched = false;
    for (const std::string_view cue : {", up from ", ", down from ", " up from ", " down from "}) {
        matched = matched || between.ends_with(cue);
    }
    if (!s.english || !matched || between.size() > 30) return std::nullopt;
    Draft d = single_draft(s, to_q);
    d.end = from_q.span.end;
    d.fields.erase("value");
    d.fields.erase("approximate");
    d.fields["from"] = numbers::format_number(from_q.value);
    d.fields["to"] = numbers::format_number(to_q.value);
    if (d.fields["unit"].empty()) d.fields["unit"] = from_q.unit;
    return d;
}

// Return a draft for the pair of quantities at `k`, `k + 1` when they form one change.
std::optional<Draft> pair_draft(const Sentence& s, const Quantity& a, const Quantity& b) {
    if (auto d = up_from_draft(s, a, b)) return d;
    if (is_change_between(s, a, b)) {
        if (auto d = change_draft(s, a, b)) return d;
    }
    if (auto d = reverse_change_draft(s, a, b)) return d;
    return change_by_draft(s, a, b);
}

}  // namespace

std::vector<Draft> detect_quantities(const Sentence& s) {
    std::vector<Draft> out;
    detect_quantities(s, out);
    return out;
}

void detect_quantities(const Sentence& s, std::vector<Draft>& out) {
    const auto& qs = s.quantities;
    for (std::size_t k = 0; k < qs.size(); ++k) {
        if (k + 1 < qs.size()) {
            if (auto d = pair_draft(s, qs[k], qs[k + 1])) {
                out.push_back(std::move(*d));
                ++k;
                continue;
            }
        }
        if (worth_listing(s, qs[k])) out.push_back(single_draft(s, qs[k]));
    }
}

}  // namespace claimtrack::claims::detail
