#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include "text/charset_detail.hpp"
#include "text/unicode_utf16.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <array>
#include <memory>
#include <string>

namespace claimtrack::text {
namespace {

using detail::Converter;
using detail::open_converter;

struct DetectorDeleter {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// Replace every invalid or unmapped sequence with U+FFFD (ICU's own substitute may be U+001A).
void replace_with_fffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                       UConverterCallbackReason reason, UErrorCode* status) {
    if (reason > UCNV_IRREGULAR) return;
    const UChar replacement = 0xFFFD;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

}  // namespace

Converter detail::open_converter(std::string_view charset, Strictness strictness) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(charset.empty() ? std::string_view("UTF-8") : charset);
    Converter converter(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status) || !converter) {
        throw Error(ErrorKind::input, "input", "charset " + name, "unknown character set");
    }
    if (strictness == Strictness::strict) {
        ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    } else {
        ucnv_setToUCallBack(converter.get(), replace_with_fffd, nullptr, nullptr, nullptr, &status);
    }
    return converter;
}

namespace {

[[noreturn]] void throw_invalid(UConverter* converter, const char* begin, const char* at, std::string_view charset) {
    std::array<char, 32> invalid{};
    int8_t length = static_cast<int8_t>(invalid.size());
    UErrorCode status = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, invalid.data(), &length, &status);
    if (U_FAILURE(status)) length = 0;
    const auto offset = static_cast<std::size_t>(at - begin) - static_cast<std::size_t>(length);
    throw Error(ErrorKind::input, "input", "byte " + std::to_string(offset),
                "invalid " + std::string(charset.empty() ? "UTF-8" : charset) + " byte sequence");
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string to_utf8(std::string_view bytes, std::string_view charset, Strictness strictness) {
    Converter converter = open_converter(charset, strictness);
    icu::UnicodeString result;
    std::array<UChar, 4096> buffer{};
    const char* source = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    for (;;) {
        UChar* target = buffer.data();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, limit, nullptr, true, &status);
        result.append(buffer.data(), 0, static_cast<int32_t>(target - buffer.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND) {
            throw_invalid(converter.get(), bytes.data(), source, charset);
        }
        if (U_FAILURE(status)) throw Error(ErrorKind::input, "input", "text", u_errorName(status));
        break;
    }
    if (!result.isEmpty() && result.charAt(0) == 0xFEFF) result.remove(0, 1);
    return detail::to_utf8(result);
}

std::optional<CharsetGuess> detect_charset(std::string_view bytes) {
    if (starts_with(bytes, "\xEF\xBB\xBF")) return CharsetGuess{"UTF-8", 100};
    if (starts_with(bytes, "\xFF\xFE")) return CharsetGuess{"UTF-16LE", 100};
    if (starts_with(bytes, "\xFE\xFF")) return CharsetGuess{"UTF-16BE", 100};
    if (bytes.empty()) return std::nullopt;
    // Valid UTF-8 with any multi-byte sequence is almost never another charset by chance.
    if (!first_invalid_utf8(bytes)) return CharsetGuess{"UTF-8", 100};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorDeleter> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return std::nullopt;
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)),
                   &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return std::nullopt;
    const char* name = ucsdet_getName(match, &status);
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || name == nullptr) return std::nullopt;
    return CharsetGuess{name, confidence};
}

bool looks_binary(std::string_view bytes) {
    static constexpr std::array<std::string_view, 8> k_magic{
        "\x89PNG\r\n\x1A\n", "\xFF\xD8\xFF", "GIF87a", "GIF89a", "%PDF-", "PK\x03\x04", "PK\x05\x06", "\x1F\x8B",
    };
    for (const auto magic : k_magic) {
        if (starts_with(bytes, magic)) return true;
    }
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) return false;  // UTF-16 text
    const std::string_view sample = bytes.substr(0, 64 * 1024);
    std::size_t control = 0;
    for (const char ch : sample) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte == 0) return true;
        const bool text_control = byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == 0x0B ||
                                  byte == 0x1B;
        if ((byte < 0x20 && !text_control) || byte == 0x7F) ++control;
    }
    return control * 10 > sample.size();
}

}  // namespace claimtrack::text
