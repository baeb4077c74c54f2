#include <claimtrack/evidence.hpp>
#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include "evidence/kinds.hpp"
#include "evidence/match.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace claimtrack::evidence {

namespace detail {

std::string Context::field(std::string_view name) const {
    const auto it = claim.fields.find(std::string(name));
    return it == claim.fields.end() ? std::string() : it->second;
}

std::optional<std::string> Context::entity(std::string_view name) const {
    const std::string value = field(name);
    if (value.empty()) return std::nullopt;
    auto found = find_entity(folded, value, aliases);
    const std::string line = std::string(name) + " " + value;
    if (!found) note(line + ": not found");
    else if (text::fold(*found) == text::fold(value)) note(line + ": found");
    else note(line + ": found as \"" + *found + "\"");
    return found;
}

bool Context::words(std::string_view name, double min_overlap) const {
    const std::string value = field(name);
    if (value.empty()) return false;
    if (auto found = find_entity(folded, value, aliases)) {
        note(std::string(name) + " " + value + ": found as \"" + *found + "\"");
        return true;
    }
    const double overlap = token_overlap(value, folded);
    const bool enough = overlap >= min_overlap;
    note(std::string(name) + " " + value + ": " + std::to_string(static_cast<int>(std::lround(overlap * 100.0))) +
         "% of its words (" + (enough ? "enough" : "too few") + ")");
    return enough;
}

namespace {

// Return the claim's values: `from`, `to` and `value`, with the claim's `unit` where the number has none.
std::vector<Value> claim_values(const Context& c) {
    std::vector<Value> values;
    const std::string unit = c.field("unit");
    for (auto name : {"from", "to", "value"}) {
        const std::string written = c.field(name);
        if (written.empty()) continue;
        auto found = values_in(written);
        if (found.empty()) {
            if (auto n = numbers::parse_number(written)) found.push_back({*n, "", written});
            else if (auto z = numbers::parse_chinese_numeral(written)) found.push_back({*z, "", written});
        }
        if (found.empty()) continue;
        Value v = found.front();
        if (v.unit.empty()) v.unit = unit;
        values.push_back(v);
    }
    return values;
}

// Return true if `attribute` names only a unit of time or count ("years", "个月"): it says nothing of
// what was measured, so another number beside the same unit is no contradiction.
bool names_only_a_unit(std::string_view attribute) {
    static constexpr std::array<std::string_view, 24> k_units{
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "times", "percent",
        "\u5e74",          // 年
        "\u6708",          // 月
        "\u4e2a\u6708",    // 个月
        "\u5929",          // 天
        "\u65e5",          // 日
        "\u5468",          // 周
        "\u5c0f\u65f6",    // 小时
        "\u6b21",          // 次
        "\u500d",          // 倍
        "\u4eba",          // 人
        "\u4e2a",          // 个
        "\u5bb6",          // 家
    };
    const auto tokens = meaningful_tokens(attribute);
    return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const std::string& t) {
        return std::find(k_units.begin(), k_units.end(), t) != k_units.end();
    });
}

}  // namespace

std::optional<Assessment> assess_quantity(const Context& c) {
    const auto wanted = claim_values(c);
    if (wanted.empty()) return std::nullopt;
    const auto subject = c.entity("subject");
    const bool unit_only = names_only_a_unit(c.field("attribute"));
    if (unit_only) c.note("attribute \"" + c.field("attribute") + "\" names only a unit: not compared");
    const bool attribute = !unit_only && c.words("attribute", 0.5);
    const bool no_attribute = c.field("attribute").empty();
    const auto stated = values_in(c.passage);
    c.note("numbers: claim " + join_values(wanted) + "; source " + (stated.empty() ? "none" : join_values(stated)));
    const std::vector<Value> missing = missing_values(wanted, stated);
    if (subject && missing.empty()) {
        return verdict(attribute ? 0.9 : 0.75, Stance::supports,
                          "same subject" + std::string(attribute ? " and attribute" : "") + "; source says " +
                              join_values(wanted) + " as the claim does");
    }
    if (subject && (attribute || no_attribute)) {
        const auto other = rival_values(stated, wanted, missing);
        if (!other.empty()) {
            return verdict(attribute ? 0.8 : 0.65, Stance::contradicts,
                              std::string(attribute ? "same subject and attribute" : "same subject") + "; source says " +
                                  join_values(other) + ", claim says " + join_values(missing));
        }
    }
    if (subject) {
        const bool some = missing.size() < wanted.size();
        std::string what = some ? "; only some of the values stated" : "; values not stated";
        if (!some && !stated.empty()) what = "; source states " + join_values(stated) + " but not the claim's attribute";
        return verdict(some ? 0.4 : 0.3, Stance::mentions, "mentions " + *subject + what);
    }
    if (missing.empty()) {
        return verdict(0.25, Stance::mentions, "values " + join_values(wanted) + " found, subject not named");
    }
    return std::nullopt;
}

std::optional<Assessment> assess_comparison(const Context& c) {
    const auto subject = c.entity("subject");
    if (!subject) return std::nullopt;
    const bool relation = c.words("relation", 0.6);
    const bool object = c.field("object").empty() || c.words("object", 0.6);
    if (relation && object) {
        return verdict(0.8, Stance::supports, "same subject " + *subject + ", relation and object stated");
    }
    if (relation) return verdict(0.5, Stance::mentions, "same subject and relation; object not stated");
    return std::nullopt;
}

}  // namespace detail

namespace {

constexpr std::array<std::string_view, 6> k_entity_fields{"subject", "person", "organization", "speaker", "actor", "object"};

Assessment entity_only(const detail::Context& c) {
    for (auto name : k_entity_fields) {
        if (auto found = c.entity(name)) return detail::verdict(0.2, Stance::mentions, "mentions " + *found);
    }
    return detail::verdict(0.0, Stance::mentions, "no entity of the claim found");
}

}  // namespace

Assessment assess(const Claim& claim, std::string_view passage, const Aliases& aliases) {
    const detail::Context c{claim, passage, text::fold(passage), aliases, {}};
    std::optional<Assessment> result;
    switch (claim.kind) {
        case ClaimKind::quantity: result = detail::assess_quantity(c); break;
        case ClaimKind::role: result = detail::assess_role(c); break;
        case ClaimKind::quote: result = detail::assess_quote(c); break;
        case ClaimKind::event: result = detail::assess_event(c); break;
        case ClaimKind::comparison: result = detail::assess_comparison(c); break;
    }
    Assessment out = result ? *result : entity_only(c);
    out.score = std::clamp(out.score, 0.0, 1.0);
    // Checks may look at the same field twice; keep each line once, in first-seen order.
    for (auto& line : c.features) {
        if (std::find(out.features.begin(), out.features.end(), line) == out.features.end()) out.features.push_back(std::move(line));
    }
    return out;
}

}  // namespace claimtrack::evidence
