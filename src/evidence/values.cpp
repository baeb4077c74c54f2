#include <claimtrack/evidence.hpp>
#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include "evidence/match.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace claimtrack::evidence::detail {

namespace {

constexpr double k_relative_tolerance = 0.01;

std::string normal_unit(std::string_view unit) {
    const std::string u = text::fold(unit);
    if (u == "%" || u == "percent" || u == "per cent" || u == "pct" || u == "百分之") return "%";
    if (u == "$" || u == "usd" || u == "美元" || u == "dollars" || u == "dollar") return "USD";
    if (u == "cny" || u == "rmb" || u == "元" || u == "人民币" || u == "yuan") return "CNY";
    return u;
}

int han_digit(char32_t c) {
    static constexpr std::u32string_view digits = U"一二三四五六七八九";
    const auto pos = digits.find(c);
    return pos == std::u32string_view::npos ? 0 : static_cast<int>(pos) + 1;
}

struct Tenths {
    Span span;
    double percent = 0.0;
};

// Find "九成五", "三成": tenths written with 成, which the general number reader may not know.
std::vector<Tenths> find_tenths(std::string_view text) {
    std::vector<Tenths> found;
    std::vector<std::size_t> offsets;
    const std::u32string cps = decode(text);
    // `decode` yields one code point per lead byte (or per invalid byte), so offsets follow the same walk.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) offsets.push_back(i);
    }
    if (offsets.size() != cps.size()) return found;
    offsets.push_back(text.size());
    for (std::size_t k = 0; k + 1 < cps.size(); ++k) {
        const int tens = han_digit(cps[k]);
        if (tens == 0 || cps[k + 1] != U'成') continue;
        int ones = 0;
        std::size_t end = k + 2;
        if (end < cps.size() && han_digit(cps[end]) != 0) ones = han_digit(cps[end++]);
        found.push_back({{offsets[k], offsets[end]}, tens * 10.0 + ones});
    }
    return found;
}

bool overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

bool close(double x, double y) {
    if (std::fabs(x) < 1e-9 && std::fabs(y) < 1e-9) return true;
    return std::fabs(x - y) <= k_relative_tolerance * std::max(std::fabs(x), std::fabs(y));
}

}  // namespace

std::vector<Value> values_in(std::string_view written) {
    // Read Traditional magnitudes (億, 萬) as the Simplified ones the number reader knows.
    const std::string simplified = text::to_simplified(written);
    const std::string_view text = simplified;
    const auto tenths = find_tenths(text);
    auto dates = numbers::find_dates(text, "");
    for (const Span day : day_spans(text)) dates.push_back({day, ""});
    std::vector<std::pair<Span, Value>> found;
    for (const auto& t : tenths) {
        found.push_back({t.span, {t.percent, "%", std::string(text.substr(t.span.start, t.span.end - t.span.start))}});
    }
    for (const auto& q : numbers::find_quantities(text)) {
        const bool in_date = std::any_of(dates.begin(), dates.end(), [&](const auto& d) { return overlaps(d.span, q.span); });
        const bool in_tenths = std::any_of(tenths.begin(), tenths.end(), [&](const auto& t) { return overlaps(t.span, q.span); });
        if (in_date || in_tenths || q.span.end > text.size()) continue;
        found.push_back({q.span, {q.value, normal_unit(q.unit), std::string(text.substr(q.span.start, q.span.end - q.span.start))}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
    std::vector<Value> values;
    for (auto& f : found) values.push_back(std::move(f.second));
    return values;
}

bool same_value(const Value& a, const Value& b) {
    const std::string ua = normal_unit(a.unit);
    const std::string ub = normal_unit(b.unit);
    if (ua == ub) return close(a.value, b.value);
    if (ua.empty() || ub.empty()) {
        const Value& unitless = ua.empty() ? a : b;
        const Value& other = ua.empty() ? b : a;
        if (close(unitless.value, other.value)) return true;
        // A ratio such as 0.95 says 95%.
        return normal_unit(other.unit) == "%" && std::fabs(unitless.value) <= 1.0 && close(unitless.value * 100.0, other.value);
    }
    return false;
}

bool comparable(const Value& a, const Value& b) {
    const std::string ua = normal_unit(a.unit);
    const std::string ub = normal_unit(b.unit);
    if (ua == ub) return true;
    // "zero" carries no unit but still answers "how much".
    return (ua.empty() && std::fabs(a.value) < 1e-9) || (ub.empty() && std::fabs(b.value) < 1e-9);
}

std::string describe(const Value& v) {
    const std::string u = normal_unit(v.unit);
    const std::string number = numbers::format_number(v.value);
    if (u.empty()) return number;
    if (u == "%") return number + "%";
    return number + " " + u;
}

std::vector<Value> missing_values(const std::vector<Value>& wanted, const std::vector<Value>& stated) {
    std::vector<Value> missing;
    for (const auto& w : wanted) {
        const bool found = std::any_of(stated.begin(), stated.end(), [&](const Value& s) { return same_value(s, w); });
        if (!found) missing.push_back(w);
    }
    return missing;
}

std::vector<Value> rival_values(const std::vector<Value>& stated, const std::vector<Value>& wanted,
                                const std::vector<Value>& missing) {
    std::vector<Value> rivals;
    for (const auto& s : stated) {
        const bool is_claimed = std::any_of(wanted.begin(), wanted.end(), [&](const Value& w) { return same_value(s, w); });
        const bool fits = std::any_of(missing.begin(), missing.end(), [&](const Value& m) { return comparable(s, m); });
        if (!is_claimed && fits) rivals.push_back(s);
    }
    return rivals;
}

std::string join_values(const std::vector<Value>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + describe(v);
    return out;
}

double term_overlap(const std::vector<std::string>& terms, std::string_view folded_passage) {
    if (terms.empty()) return 0.0;
    const auto hits = std::count_if(terms.begin(), terms.end(), [&](const std::string& t) {
        return contains_term(folded_passage, t);
    });
    return static_cast<double>(hits) / static_cast<double>(terms.size());
}

double token_overlap(std::string_view words, std::string_view folded_passage) {
    return term_overlap(text::index_tokens(words), folded_passage);
}

}  // namespace claimtrack::evidence::detail
