#include "text/numbers_detail.hpp"

#include <claimtrack/numbers.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace claimtrack::numbers {

namespace detail {

std::optional<CodePoint> decode_before(std::string_view s, std::size_t i) {
    if (i == 0) return std::nullopt;
    std::size_t start = i - 1;
    while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u) --start;
    const CodePoint cp = decode_at(s, start);
    if (start + cp.length != i) return CodePoint{static_cast<unsigned char>(s[i - 1]), 1};
    return cp;
}

constexpr bool is_continuation(unsigned char b) { return (b & 0xC0u) == 0x80u; }

// Return true if `text` holds a character `fold_width` changes: U+FF01..U+FF5E (EF BC 81 .. EF BD 9E)
// or U+3000 (E3 80 80), or an overlong four-byte form `decode_at` would also read as a BMP character.
// Eight ASCII bytes are passed at once, and a three-byte character led by E4..EE whole: its last two
// bytes, continuation bytes, lead nothing that folds.
bool needs_folding(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i + 2 < size) {
        if (i + 8 <= size) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, p + i, sizeof eight);
            if ((eight & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char b0 = p[i];
        const unsigned char b1 = p[i + 1];
        const unsigned char b2 = p[i + 2];
        if (b0 < 0xE3) {
            ++i;
            continue;
        }
        if (b0 < 0xEF && b0 != 0xE3) {  // most Han characters start with E4..E9
            i += is_continuation(b1) && is_continuation(b2) ? 3 : 1;
            continue;
        }
        if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return true;
        if (b0 == 0xF0 && b1 < 0x90) return true;
        if (b0 == 0xEF && ((b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E))) return true;
        ++i;
    }
    return false;
}

namespace {

// Return the end of the run of characters from `i` on that `fold_all_into` keeps as they are,
// three bytes long: led by E0..EF but not E3 or EF (outside U+3000..U+3FFF and U+F000..U+FFFF,
// nothing folds), with two continuation bytes (`b ^ 0x80` below 0x40 for both).
std::size_t kept_three_end(const unsigned char* in, std::size_t i, std::size_t size) {
    while (i + 2 < size) {
        const unsigned char b0 = in[i];
        if ((b0 & 0xF0u) != 0xE0u || b0 == 0xE3u || b0 == 0xEFu) break;
        if (((in[i + 1] ^ 0x80u) | (in[i + 2] ^ 0x80u)) >= 0x40u) break;
        i += 3;
    }
    return i;
}

// Fold `text` into `out`, whose buffers are reused; `text` holds at least one character to fold.
// The folded text is never longer than the original (a folded character shrinks from three bytes
// to one), so both buffers are sized once and written in place. Runs of ASCII and of kept
// three-byte characters, nearly all of a text, are copied a run at a time.
void fold_all_into(std::string_view text, Folded& out) {
    out.unchanged = false;
    out.text.resize(text.size());
    out.origin.resize(text.size() + 1);
    const auto* in = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    char* folded = out.text.data();
    std::size_t* origin = out.origin.data();
    std::size_t n = 0;
    std::size_t i = 0;
    while (i < size) {
        std::size_t end = i;
        while (end < size && in[end] < 0x80u) ++end;
        if (end > i) {  // ASCII: itself
            std::memcpy(folded + n, in + i, end - i);
            for (std::size_t k = i; k < end; ++k) origin[n++] = k;
            i = end;
            continue;
        }
        end = kept_three_end(in, i, size);
        if (end > i) {
            std::memcpy(folded + n, in + i, end - i);
            for (std::size_t k = i; k < end; k += 3) {
                origin[n] = origin[n + 1] = origin[n + 2] = k;
                n += 3;
            }
            i = end;
            continue;
        }
        const CodePoint cp = decode_at(text, i);
        if (cp.value >= 0xFF01 && cp.value <= 0xFF5E) {
            folded[n] = static_cast<char>(cp.value - 0xFEE0);
            origin[n++] = i;
        } else if (cp.value == 0x3000) {
            folded[n] = ' ';
            origin[n++] = i;
        } else {
            for (std::size_t k = 0; k < cp.length; ++k) {
                folded[n] = static_cast<char>(in[i + k]);
                origin[n++] = i;
            }
        }
        i += cp.length;
    }
    out.text.resize(n);
    out.origin[n] = text.size();
    out.origin.resize(n + 1);
}

Folded fold_all(std::string_view text) {
    Folded out;
    fold_all_into(text, out);
    return out;
}

}  // namespace

Folded fold_width(std::string_view text) {
    if (!needs_folding(text)) {
        Folded out;
        out.unchanged = true;
        return out;
    }
    return fold_all(text);
}

std::shared_ptr<const Folded> fold_width_shared(std::string_view text) {
    static const auto k_unchanged = std::make_shared<const Folded>(Folded{{}, {}, true});
    constexpr std::size_t k_kept = 64 << 10;  // a longer text is folded afresh, not kept after the call
    // The text last asked for and its answer, whether or not it needed folding: the quantity finder
    // asks again for the sentence the date finder just read, and then neither scans it again.
    thread_local std::string last_text;
    thread_local std::shared_ptr<const Folded> last;
    // The last text folded here, kept: when no caller holds it any more it is folded into again,
    // its buffers reused instead of three allocations a sentence.
    thread_local std::shared_ptr<Folded> spare;
    if (last && text.size() == last_text.size() && text == last_text) return last;
    if (!needs_folding(text)) {
        if (text.size() <= k_kept) {
            last_text.assign(text);
            last = k_unchanged;
        }
        return k_unchanged;
    }
    if (text.size() > k_kept) return std::make_shared<const Folded>(fold_all(text));
    const long holders = last == spare ? 2 : 1;  // `spare` itself, and `last` when it is the same
    if (!spare || spare.use_count() != holders) spare = std::make_shared<Folded>();
    fold_all_into(text, *spare);
    last_text.assign(text);
    last = spare;
    return last;
}

int chinese_digit(char32_t c) {
    switch (c) {
        case U'零': case U'〇': return 0;
        case U'一': case U'壹': return 1;
        case U'二': case U'两': case U'贰': return 2;
        case U'三': case U'叁': return 3;
        case U'四': case U'肆': return 4;
        case U'五': case U'伍': return 5;
        case U'六': case U'陆': return 6;
        case U'七': case U'柒': return 7;
        case U'八': case U'捌': return 8;
        case U'九': case U'玖': return 9;
        default: return -1;
    }
}

int chinese_small_unit(char32_t c) {
    switch (c) {
        case U'十': case U'拾': return 10;
        case U'百': case U'佰': return 100;
        case U'千': case U'仟': return 1000;
        default: return 0;
    }
}

std::optional<MonthMatch> english_month_at(std::string_view s, std::size_t i) {
    static constexpr std::array<std::pair<std::string_view, int>, 23> k_months{{
        {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
        {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
        {"december", 12}, {"jan.", 1}, {"feb.", 2}, {"mar.", 3}, {"apr.", 4}, {"aug.", 8},
        {"sept.", 9}, {"sep.", 9}, {"oct.", 10}, {"nov.", 11}, {"dec.", 12}, {"sept", 9}}};
    if (i >= s.size() || !(s[i] >= 'A' && s[i] <= 'Z')) return std::nullopt;  // months are capitalised
    if (i > 0 && is_ascii_alpha(s[i - 1])) return std::nullopt;
    for (const auto& [name, month] : k_months) {
        if (name.back() == '.') {
            if (i + name.size() <= s.size() && has_word_at(s, i, name.substr(0, name.size() - 1)) &&
                s[i + name.size() - 1] == '.') {
                return MonthMatch{month, name.size()};
            }
        } else if (has_word_at(s, i, name)) {
            return MonthMatch{month, name.size()};
        }
    }
    return std::nullopt;
}

}  // namespace detail

namespace {

using detail::chinese_digit;
using detail::chinese_small_unit;
using detail::decode_at;

// Read "3.5" style digits after 点 in a Chinese numeral.
double chinese_fraction(std::string_view s, std::size_t i) {
    double scale = 0.1;
    double value = 0.0;
    while (i < s.size()) {
        const auto cp = decode_at(s, i);
        const int d = chinese_digit(cp.value);
        if (d < 0) break;
        value += d * scale;
        scale /= 10.0;
        i += cp.length;
    }
    return value;
}

// A Chinese numeral being read: `total` above 万/亿, `section` below, `number` the last digit.
struct NumeralState {
    double total = 0;
    double section = 0;
    double number = 0;
    bool any_unit = false;
    bool pending = false;  // a digit waits for its unit
    std::size_t digits = 0;      // how many digits were read
    double digit_by_digit = 0;  // their value read one after the other (二〇二五 = 2025)
};

// Apply one digit or unit character to `st`; return false if `c` is not one.
bool apply_numeral_char(NumeralState& st, char32_t c) {
    const int d = chinese_digit(c);
    const int unit = chinese_small_unit(c);
    if (d >= 0 || c == U'数' || c == U'几') {  // 数千: a vague digit counts as one
        st.number = d >= 0 ? d : 1;
        ++st.digits;
        st.digit_by_digit = st.digit_by_digit * 10 + (d >= 0 ? d : 1);
        st.pending = true;
    } else if (unit > 0) {
        st.section += (st.pending || st.number > 0 ? st.number : 1) * unit;
        st.number = 0;
        st.pending = false;
        st.any_unit = true;
    } else if (c == U'万' || c == U'亿') {
        st.total = c == U'万' ? st.total + (st.section + st.number) * 1e4 : (st.total + st.section + st.number) * 1e8;
        st.section = st.number = 0;
        st.pending = false;
        st.any_unit = true;
    } else {
        return false;
    }
    return true;
}

// 九成五 = 95%: tenths, with an optional single digit after 成 for hundredths.
std::optional<double> tenths_value(const NumeralState& st, std::string_view rest) {
    double extra = 0;
    if (!rest.empty()) {
        const auto next = decode_at(rest, 0);
        const int digit = chinese_digit(next.value);
        if (digit < 0 || next.length != rest.size()) return std::nullopt;
        extra = digit;
    }
    return (st.section + st.number) * 10 + extra;
}

double numeral_value(const NumeralState& st, double fraction) {
    if (!st.any_unit && st.digits > 1) return st.digit_by_digit;  // 二〇二五 reads digit by digit
    return st.total + st.section + st.number + fraction;
}

}  // namespace

std::optional<double> parse_chinese_numeral(std::string_view text) {
    NumeralState st;
    double fraction = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto cp = decode_at(text, i);
        if (cp.value == U'成') return tenths_value(st, text.substr(i + cp.length));
        if (cp.value == U'点' && st.pending) {
            fraction = chinese_fraction(text, i + cp.length);
            break;
        }
        if (!apply_numeral_char(st, cp.value)) return std::nullopt;
        i += cp.length;
    }
    if (i == 0) return std::nullopt;
    return numeral_value(st, fraction);
}

std::string format_number(double value) {
    if (!std::isfinite(value)) return "0";
    if (std::abs(value) < 1e15 && value == std::floor(value)) {
        return std::to_string(static_cast<std::int64_t>(value));
    }
    std::array<char, 64> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
    return std::string(buf.data(), result.ptr);
}

}  // namespace claimtrack::numbers
