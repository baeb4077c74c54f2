#include <claimtrack/numbers.hpp>

#include "text/numbers_detail.hpp"

#include <array>
#include <bitset>
#include <utility>

namespace claimtrack::numbers {

namespace {

using namespace detail;

// A quantity being read, in folded-text byte offsets.
struct Raw {
    std::size_t begin = 0;
    std::size_t end = 0;
    double value = 0;
    std::optional<double> upper;
    std::string unit;
    bool approximate = false;
    double magnitude = 1;  // the magnitude written after the number, shared by a range's lower end
    bool lone = false;     // a lone Chinese numeral character: only a number before a counter
};

constexpr std::array<std::pair<std::string_view, double>, 8> k_zh_magnitudes{{
    {"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"千万", 1e7}, {"百万", 1e6},
    {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}}};
constexpr std::array<std::pair<std::string_view, double>, 6> k_en_magnitudes{{
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"bn", 1e9}, {"mn", 1e6}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_prefix_currencies{{
    {"US$", "USD"}, {"$", "USD"}, {"¥", "CNY"}, {"€", "EUR"}, {"£", "GBP"}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> k_zh_units{{
    {"个百分点", "pp"}, {"百分点", "pp"}, {"%", "%"}, {"美元", "USD"}, {"欧元", "EUR"},
    {"日元", "JPY"}, {"港元", "HKD"}, {"元", "CNY"}, {"人民币", "CNY"}, {"纳米", "nm"}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_en_units{{
    {"percentage points", "pp"}, {"percent", "%"}, {"per cent", "%"}, {"us dollars", "USD"},
    {"dollars", "USD"}, {"dollar", "USD"}, {"usd", "USD"}, {"yuan", "CNY"}, {"rmb", "CNY"},
    {"cny", "CNY"}, {"euros", "EUR"}, {"nm", "nm"}}};
constexpr std::array<std::string_view, 22> k_counters{
    "项", "个", "家", "名", "位", "倍", "次", "款", "颗", "台", "座", "条",
    "所", "人", "种", "篇", "部", "辆", "架", "枚", "吨", "年"};
constexpr std::array<std::string_view, 18> k_approx_before{
    "约", "大约", "近", "超过", "逾", "将近", "接近", "多达", "about ", "around ", "nearly ",
    "almost ", "more than ", "over ", "roughly ", "approximately ", "some ", "up to "};

// Which ASCII case a byte filter of a table admits: the entries' own, or both.
enum class Letters { exact, any_case };

constexpr std::string_view entry_text(std::string_view entry) { return entry; }
template <typename T>
constexpr std::string_view entry_text(const std::pair<std::string_view, T>& entry) {
    return entry.first;
}

constexpr std::size_t byte_index(char c) { return static_cast<unsigned char>(c); }

// Per byte: true if some entry of `table` starts with it (`Edge::last`: ends with it;
// `Edge::before_last`: has it just before its last byte). A probe of the table at a byte outside
// the filter matches nothing, so it is not walked there.
enum class Edge { first, last, before_last };
template <typename Table>
constexpr std::array<bool, 256> byte_filter(const Table& table, Edge edge, Letters letters) {
    std::array<bool, 256> out{};
    for (const auto& entry : table) {
        const std::string_view text = entry_text(entry);
        if (edge == Edge::before_last && text.size() < 2) {  // an entry of one byte: the filter lets all pass
            out.fill(true);
            return out;
        }
        const char c = edge == Edge::first ? text.front() : edge == Edge::last ? text.back() : text[text.size() - 2];
        out[byte_index(c)] = true;
        if (letters == Letters::any_case && c >= 'a' && c <= 'z') out[byte_index(static_cast<char>(c - 'a' + 'A'))] = true;
    }
    return out;
}

constexpr auto k_zh_magnitude_firsts = byte_filter(k_zh_magnitudes, Edge::first, Letters::exact);
constexpr auto k_en_magnitude_firsts = byte_filter(k_en_magnitudes, Edge::first, Letters::any_case);
constexpr auto k_currency_firsts = byte_filter(k_prefix_currencies, Edge::first, Letters::exact);
constexpr auto k_zh_unit_firsts = byte_filter(k_zh_units, Edge::first, Letters::exact);
constexpr auto k_en_unit_firsts = byte_filter(k_en_units, Edge::first, Letters::any_case);
constexpr auto k_counter_firsts = byte_filter(k_counters, Edge::first, Letters::exact);
constexpr auto k_approx_lasts = byte_filter(k_approx_before, Edge::last, Letters::any_case);
constexpr auto k_approx_before_lasts = byte_filter(k_approx_before, Edge::before_last, Letters::any_case);

// Return true if some entry of the table `filter` was made from can start at byte `i` of `s`.
bool may_start_entry(const std::array<bool, 256>& filter, std::string_view s, std::size_t i) {
    return i < s.size() && filter[byte_index(s[i])];
}

bool ends_with_ci(std::string_view s, std::size_t end, std::string_view suffix) {
    if (end < suffix.size()) return false;
    for (std::size_t k = 0; k < suffix.size(); ++k) {
        char c = s[end - suffix.size() + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[k]) return false;
    }
    return true;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

bool is_han_numeral_char(char32_t c) {
    return chinese_digit(c) >= 0 || chinese_small_unit(c) > 0 || c == U'万' || c == U'亿' ||
           c == U'数' || c == U'几' || c == U'点' || c == U'成';
}

// Digits must not be glued to a Latin word or model name ("K2", "GPT-5", "H20").
bool digits_start_ok(std::string_view s, std::size_t i) {
    if (i == 0) return true;
    const char p = s[i - 1];
    if (is_ascii_alpha(p) || is_ascii_digit(p) || p == '.' || p == '_') return false;
    if (p == '-' && i >= 2 && is_ascii_alpha(s[i - 2])) return false;
    return true;
}

bool looks_like_date_or_time(std::string_view s, std::size_t end, std::size_t length) {
    if (has_at(s, end, "年") || has_at(s, end, "月") || has_at(s, end, "日") || has_at(s, end, "号")) return true;
    if (end + 1 < s.size() && s[end] == ':' && is_ascii_digit(s[end + 1])) return true;
    return length == 4 && end + 1 < s.size() && (s[end] == '-' || s[end] == '/') && is_ascii_digit(s[end + 1]);
}

// The extent of a run of Chinese numeral characters.
struct HanRun {
    std::size_t end = 0;
    std::size_t chars = 0;
    bool vague = false;    // 数, 几
    bool percent = false;  // ended with 成 (九成五)
};

HanRun scan_chinese(std::string_view s, std::size_t i) {
    HanRun run{i, 0, false, false};
    while (run.end < s.size()) {
        const auto cp = decode_at(s, run.end);
        if (!is_han_numeral_char(cp.value) || (cp.value == U'成' && run.chars == 0)) break;
        run.vague = run.vague || cp.value == U'数' || cp.value == U'几';
        run.end += cp.length;
        ++run.chars;
        if (cp.value == U'成') {  // at most one digit after 成
            if (run.end < s.size() && chinese_digit(decode_at(s, run.end).value) >= 0) run.end += decode_at(s, run.end).length;
            run.percent = true;
            break;
        }
    }
    // A trailing 点 or 成 belongs to the next word (三点钟 aside, 成本, 成为).
    while (run.end > i && (has_at(s, run.end - 3, "点") || (!run.percent && has_at(s, run.end - 3, "成")))) run.end -= 3;
    return run;
}

// Read a run of Chinese numeral characters at `i` into `raw`.
bool read_chinese(std::string_view s, std::size_t i, Raw& raw) {
    const auto first = decode_at(s, i);
    if (!(chinese_digit(first.value) >= 0 || first.value == U'十' || first.value == U'数' || first.value == U'几'))
        return false;
    const HanRun run = scan_chinese(s, i);
    const auto value = parse_chinese_numeral(s.substr(i, run.end - i));
    if (!value || run.end == i) return false;
    if (run.vague && run.chars == 1) return false;  // 数据, 几天
    if (run.percent) raw.unit.assign(1, '%');  // not `= "%"`: GCC 12 warns of it wrongly (-Wrestrict)
    raw.end = run.end;
    raw.value = *value;
    raw.approximate = run.vague;
    raw.lone = run.chars == 1 && first.value != U'零';
    return true;
}

// Read the number itself (digits, Chinese numerals or English words) at `i`.
bool read_core(std::string_view s, std::size_t i, Raw& raw) {
    if (const auto m = digits_at(s, i)) {
        if (!digits_start_ok(s, i) || looks_like_date_or_time(s, i + m->length, m->length)) return false;
        raw.value = m->value;
        raw.end = i + m->length;
        return true;
    }
    if (is_ascii_alpha(s[i])) {
        const auto m = english_number_at(s, i);
        if (!m) return false;
        raw.value = m->value;
        raw.end = i + m->length;
        raw.lone = has_word_at(s, i, "one") && m->length == 3;
        return true;
    }
    return read_chinese(s, i, raw);
}

void read_magnitude(std::string_view s, Raw& raw) {
    for (const auto& [name, factor] : k_zh_magnitudes) {
        if (!may_start_entry(k_zh_magnitude_firsts, s, raw.end)) break;
        if (has_at(s, raw.end, name)) {
            raw.value *= factor;
            raw.magnitude = factor;
            raw.end += name.size();
            raw.lone = false;
            return;
        }
    }
    const std::size_t j = skip_spaces(s, raw.end);
    for (const auto& [name, factor] : k_en_magnitudes) {
        if (!may_start_entry(k_en_magnitude_firsts, s, j)) break;
        if (has_word_at(s, j, name) && (j == raw.end || name.size() > 2)) {
            raw.value *= factor;
            raw.magnitude = factor;
            raw.end = j + name.size();
            raw.lone = false;
            return;
        }
    }
    if (!raw.unit.empty() && raw.end < s.size()) {  // $5m, $20k, $3b
        const char c = s[raw.end];
        const double factor = (c == 'm' || c == 'M') ? 1e6 : (c == 'k' || c == 'K') ? 1e3 : (c == 'b' || c == 'B') ? 1e9 : 0;
        if (factor > 0 && has_word_at(s, raw.end, std::string(1, static_cast<char>(c | 0x20)))) {
            raw.value *= factor;
            raw.magnitude = factor;
            raw.end += 1;
        }
    }
}

void read_unit(std::string_view s, Raw& raw) {
    if (has_at(s, raw.end, "多") || has_at(s, raw.end, "余")) {
        raw.approximate = true;
        raw.end += 3;
    }
    for (const auto& [name, unit] : k_zh_units) {
        if (!may_start_entry(k_zh_unit_firsts, s, raw.end)) break;
        if (has_at(s, raw.end, name)) {
            if (raw.unit.empty() || unit != "CNY") raw.unit = unit;
            raw.end += name.size();
            raw.lone = false;
            return;
        }
    }
    const std::size_t j = skip_spaces(s, raw.end);
    for (const auto& [name, unit] : k_en_units) {
        if (!may_start_entry(k_en_unit_firsts, s, j)) break;
        if (has_word_at(s, j, name)) {
            raw.unit = unit;
            raw.end = j + name.size();
            return;
        }
    }
    for (const auto counter : k_counters) {
        if (!may_start_entry(k_counter_firsts, s, raw.end)) break;
        if (has_at(s, raw.end, counter) && raw.unit.empty()) {
            if (counter == "年" && !raw.lone) return;  // "2025年" is a date, "三年" a duration
            raw.unit = counter;
            raw.end += counter.size();
            raw.lone = false;
            return;
        }
    }
}

}  // namespace

namespace {

std::optional<Raw> read_single(std::string_view s, std::size_t i) {
    Raw raw;
    raw.begin = i;
    std::size_t j = i;
    for (const auto& [sign, unit] : k_prefix_currencies) {
        if (!may_start_entry(k_currency_firsts, s, j)) break;
        if (has_at(s, j, sign)) {
            raw.unit = unit;
            j = skip_spaces(s, j + sign.size());
            break;
        }
    }
    bool percent_prefix = false;
    if (raw.unit.empty() && has_at(s, j, "百分之")) {
        percent_prefix = true;
        j += std::string_view("百分之").size();
    }
    if (j >= s.size() || !read_core(s, j, raw)) return std::nullopt;
    read_magnitude(s, raw);
    read_unit(s, raw);
    if (percent_prefix) {
        raw.unit.assign(1, '%');  // as above
        raw.lone = false;
    }
    if (raw.lone) return std::nullopt;
    if (s.substr(j, 3) == "一" && raw.end == j + 3 + raw.unit.size()) return std::nullopt;  // 一个, 一家
    const bool bare_year = raw.unit.empty() && raw.magnitude == 1 && raw.value >= 1800 && raw.value <= 2100 &&
                           raw.value == static_cast<double>(static_cast<long>(raw.value)) && raw.end - j == 4;
    if (bare_year) return std::nullopt;
    if (i > 0 && k_approx_lasts[byte_index(s[i - 1])] && (i < 2 || k_approx_before_lasts[byte_index(s[i - 2])])) {
        for (const auto cue : k_approx_before) {
            if (ends_with_ci(s, i, cue)) raw.approximate = true;
        }
    }
    return raw;
}

std::optional<std::size_t> range_separator(std::string_view s, const Raw& first) {
    const std::size_t j = skip_spaces(s, first.end);
    const std::size_t look = first.begin > 12 ? first.begin - 12 : 0;
    const auto before = s.substr(look, first.begin - look);
    const bool after_from = before.find("from") != std::string_view::npos ||
                            before.find("从") != std::string_view::npos || before.find("由") != std::string_view::npos;
    if (ends_with_ci(s, first.begin, "between ") && has_word_at(s, j, "and")) return skip_spaces(s, j + 3);
    for (const std::string_view sep : {"-", "–", "—", "~", "〜"}) {
        if (has_at(s, j, sep)) return skip_spaces(s, j + sep.size());
    }
    if (after_from) return std::nullopt;
    if (has_at(s, j, "至") || has_at(s, j, "到")) return j + 3;
    if (has_word_at(s, j, "to")) return skip_spaces(s, j + 2);
    return std::nullopt;
}

Raw with_range(std::string_view s, Raw first) {
    const auto next = range_separator(s, first);
    if (!next || *next >= s.size()) return first;
    auto second = read_single(s, *next);
    if (!second) return first;
    double lower = first.value;
    if (first.magnitude == 1 && second->magnitude != 1) lower *= second->magnitude;
    if (!(second->value > lower)) return first;
    if (!first.unit.empty() && !second->unit.empty() && first.unit != second->unit) return first;
    first.value = lower;
    first.upper = second->value;
    if (first.unit.empty()) first.unit = second->unit;
    first.approximate = first.approximate || second->approximate;
    first.end = second->end;
    return first;
}

// Per ASCII byte: true where `read_single` can start (a digit, '$' or a letter); false for the
// others, from which `skip_token` moves one byte on.
constexpr auto k_ascii_may_start = [] {
    std::array<bool, 128> out{};
    for (int c = 0; c < 128; ++c) out[static_cast<std::size_t>(c)] = is_ascii_digit(static_cast<char>(c)) || is_ascii_alpha(static_cast<char>(c)) || c == '$';
    return out;
}();

// The characters from U+0080 up that `read_single` can start at, one bit per BMP code point.
const std::bitset<0x10000>& quantity_starts() {
    static const std::bitset<0x10000> starts = [] {
        std::bitset<0x10000> out;
        for (const char32_t c : {U'¥', U'€', U'£', U'百', U'十', U'数', U'几'}) out.set(c);
        for (const char32_t c : k_chinese_digit_chars) out.set(c);
        return out;
    }();
    return starts;
}

// Skip past a run of digits and separators that did not read as a quantity ("2025-09-19").
std::size_t skip_token(std::string_view s, std::size_t i) {
    if (!is_ascii_digit(s[i])) return i + decode_at(s, i).length;
    while (i < s.size() && (is_ascii_digit(s[i]) ||
                            ((s[i] == '-' || s[i] == '/' || s[i] == '.' || s[i] == ':') && i + 1 < s.size() &&
                             is_ascii_digit(s[i + 1]))))
        ++i;
    return i;
}

}  // namespace

std::vector<Quantity> find_quantities(std::string_view text) {
    const std::shared_ptr<const Folded> shared = fold_width_shared(text);
    const Folded& folded = *shared;
    const std::string_view s = folded.view(text);
    // Found into a vector kept from call to call and copied out at its size: this runs on every
    // sentence, and growing the answer quantity by quantity cost an allocation for each.
    thread_local std::vector<Quantity> found;
    std::vector<Quantity>& out = found;
    out.clear();
    std::size_t i = 0;
    const std::bitset<0x10000>& wide_starts = quantity_starts();
    while (i < s.size()) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80u && !k_ascii_may_start[byte]) {  // what `skip_token` skips
            ++i;
            continue;
        }
        if (is_ascii_alpha(s[i])) {
            // A quantity starts only at the first letter of a word, not after a digit, so where none
            // starts at the first letter the rest of the word is skipped at once.
            // Elsewhere `read_single` needs "US$" or an English number word.
            const bool starts_word = i == 0 || (!is_ascii_alpha(s[i - 1]) && !is_ascii_digit(s[i - 1]));
            const std::size_t word_end = letters_end(s, i);
            if (!starts_word || !(has_at(s, i, "US$") || is_number_word(s.substr(i, word_end - i)))) {
                i = word_end;
                continue;
            }
        } else if (byte >= 0x80u) {  // what `skip_token` skips when nothing reads here
            const std::size_t next = skip_wide_outside(s, i, wide_starts);
            if (next != i) {
                i = next;
                continue;
            }
        }
        const auto raw = read_single(s, i);
        if (!raw) {
            i = skip_token(s, i);
            continue;
        }
        const Raw q = with_range(s, *raw);
        out.push_back({folded.to_origin(q.begin, q.end), q.value, q.upper, q.unit, q.approximate});
        i = q.end;
    }
    return {std::make_move_iterator(out.begin()), std::make_move_iterator(out.end())};
}

}  // namespace claimtrack::numbers
