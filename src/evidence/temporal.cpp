#include <claimtrack/evidence.hpp>
#include <claimtrack/numbers.hpp>

#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace claimtrack::evidence {

namespace {

using Days = std::chrono::sys_days;

std::optional<int> number_at(std::string_view iso, std::size_t pos, std::size_t len) {
    if (iso.size() < pos + len) return std::nullopt;
    int value = 0;
    const char* first = iso.data() + pos;
    const auto [end, error] = std::from_chars(first, first + len, value);
    if (error != std::errc() || end != first + len) return std::nullopt;
    return value;
}

// The first and last day an ISO date ("2025", "2025-04", "2025-04-03") can mean, and whether it names a month or day.
struct Range {
    Days first;
    Days last;
    bool precise = false;
};

std::optional<Range> range_of(std::string_view iso) {
    using namespace std::chrono;
    const auto y = number_at(iso, 0, 4);
    if (!y) return std::nullopt;
    const year yr{*y};
    if (iso.size() == 4) return Range{Days(yr / January / 1), Days(yr / December / 31), false};
    const auto m = number_at(iso, 5, 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    const month mo{static_cast<unsigned>(*m)};
    if (iso.size() == 7) return Range{Days(yr / mo / 1), Days(yr / mo / last), true};
    const auto d = number_at(iso, 8, 2);
    if (!d || iso.size() != 10) return std::nullopt;
    const year_month_day day{yr, mo, std::chrono::day{static_cast<unsigned>(*d)}};
    if (!day.ok()) return std::nullopt;
    return Range{Days(day), Days(day), true};
}

}  // namespace

std::string temporal_flag(std::string_view passage, std::string_view article_date) {
    using namespace std::chrono;
    const auto article = range_of(article_date);
    if (!article || article_date.size() != 10) return {};
    const Days limit_after = article->first + days(k_after_article_days);
    const year_month_day anchor(article->first);
    year_month_day back(anchor.year() - years(k_long_before_years), anchor.month(), anchor.day());
    if (!back.ok()) back = year_month_day(back.year() / back.month() / last);  // 29 February
    const Days limit_before(back);
    bool any = false;
    bool all_long_before = true;
    // Relative dates ("last week") are left out: they are relative to the source, not the article.
    for (const auto& mention : numbers::find_dates(passage, "")) {
        const auto r = range_of(mention.iso);
        if (!r) continue;
        any = true;
        // A bare year after the article is usually a forecast ("by 2030"), so only months and days count.
        if (r->precise && r->first > limit_after) return "after-article";
        if (r->last >= limit_before) all_long_before = false;
    }
    return any && all_long_before ? "long-before" : "";
}

}  // namespace claimtrack::evidence
