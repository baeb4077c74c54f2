#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace claimtrack::text {
namespace {

enum class CharClass { cjk, word, other };

CharClass classify(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
        script == USCRIPT_HANGUL) {
        return CharClass::cjk;
    }
    if (c == 0x30FC) return CharClass::cjk;  // katakana prolonged sound mark is script Common
    if (u_isalnum(c) || (u_charType(c) == U_NON_SPACING_MARK)) return CharClass::word;
    return CharClass::other;
}

// A '.' or ',' joins digits when it sits between them: 3.5 stays one token, 1,200 becomes 1200.
bool joins_digits(const std::u32string& chars, std::size_t at) {
    if (at == 0 || at + 1 >= chars.size()) return false;
    if (!u_isdigit(static_cast<UChar32>(chars[at - 1])) || !u_isdigit(static_cast<UChar32>(chars[at + 1]))) {
        return false;
    }
    if (chars[at] == U'.') return true;
    if (chars[at] != U',') return false;
    std::size_t digits = 0;
    while (at + 1 + digits < chars.size() && u_isdigit(static_cast<UChar32>(chars[at + 1 + digits]))) ++digits;
    return digits == 3;
}

std::string encode(std::u32string_view chars) {
    return text::encode_utf8(chars);
}

void add_cjk_run(std::vector<std::string>& out, std::u32string_view run) {
    if (run.size() == 1) {
        out.push_back(encode(run));
        return;
    }
    for (std::size_t i = 0; i + 1 < run.size(); ++i) out.push_back(encode(run.substr(i, 2)));
}

std::u32string code_points(std::string_view utf8) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    std::u32string out;
    out.reserve(utf8.size() / 2);
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    }
    return out;
}

}  // namespace

std::vector<std::string> index_tokens(std::string_view text) {
    const std::u32string chars = code_points(fold(text));
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < chars.size()) {
        const CharClass kind = classify(static_cast<UChar32>(chars[i]));
        std::size_t end = i + 1;
        if (kind == CharClass::cjk) {
            while (end < chars.size() && classify(static_cast<UChar32>(chars[end])) == CharClass::cjk) ++end;
            add_cjk_run(out, std::u32string_view(chars).substr(i, end - i));
        } else if (kind == CharClass::word) {
            std::u32string word(1, chars[i]);
            while (end < chars.size()) {
                const auto c = static_cast<UChar32>(chars[end]);
                if (classify(c) == CharClass::word) {
                    word.push_back(chars[end]);
                } else if (!joins_digits(chars, end)) {
                    break;
                } else if (chars[end] == U'.') {
                    word.push_back(U'.');
                }
                ++end;
            }
            out.push_back(encode(word));
        }
        i = end;
    }
    return out;
}

}  // namespace claimtrack::text
