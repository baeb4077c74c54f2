#include "internal.hpp"

#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <optional>

namespace claimtrack::html {
namespace {

constexpr std::size_t k_meta_window = 4096;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Map a declared label to the decoder we use: browsers read gb2312 and gbk as gb18030 and
// latin-1 as windows-1252, because pages labelled so routinely contain the wider set.
std::string canonical(std::string_view label) {
    std::string name = detail::lower_ascii(trim(label));
    while (!name.empty() && (name.back() == '"' || name.back() == '\'' || name.back() == ';')) name.pop_back();
    while (!name.empty() && (name.front() == '"' || name.front() == '\'')) name.erase(0, 1);
    if (name.empty()) return {};
    if (name == "utf8" || name == "utf-8" || name == "unicode-1-1-utf-8") return "UTF-8";
    if (name == "gb2312" || name == "gbk" || name == "gb18030" || name == "x-gbk" || name == "cp936" ||
        name == "euc-cn")
        return "GB18030";
    if (name == "big5" || name == "big5-hkscs" || name == "x-x-big5") return "Big5";
    if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" ||
        name == "windows-1252" || name == "cp1252")
        return "windows-1252";
    return name;
}

// Return the value after `charset=` in `text`, stopping at a quote, semicolon or space.
std::string charset_param(std::string_view text) {
    const std::string lower = detail::lower_ascii(text);
    const auto at = lower.find("charset");
    if (at == std::string::npos) return {};
    std::size_t i = at + 7;
    while (i < lower.size() && is_space(lower[i])) ++i;
    if (i >= lower.size() || lower[i] != '=') return {};
    ++i;
    while (i < lower.size() && (is_space(lower[i]) || lower[i] == '"' || lower[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < lower.size() && !is_space(lower[end]) && lower[end] != '"' && lower[end] != '\'' &&
           lower[end] != ';' && lower[end] != '>' && lower[end] != '/')
        ++end;
    return canonical(text.substr(i, end - i));
}

// Return the charset a <meta charset> or <meta http-equiv content> declares in the first bytes.
std::string meta_charset(std::string_view bytes) {
    const std::string head = detail::lower_ascii(bytes.substr(0, k_meta_window));
    std::size_t at = 0;
    while ((at = head.find("<meta", at)) != std::string::npos) {
        const auto close = head.find('>', at);
        const std::string_view tag = std::string_view(head).substr(at, close == std::string::npos ? head.size() - at : close - at);
        if (auto found = charset_param(tag); !found.empty()) return found;
        at += 5;
    }
    return {};
}

std::string bom_charset(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return "UTF-8";
    if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
    return {};
}

// Return `bytes` decoded strictly from `charset`, or nothing if a sequence is invalid or the
// charset is unknown.
std::optional<std::string> decode_strict(std::string_view bytes, const std::string& charset) {
    if (charset == "UTF-8") {
        if (text::first_invalid_utf8(bytes)) return std::nullopt;
        return std::string(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes);
    }
    try {
        return text::to_utf8(bytes, charset, text::Strictness::strict);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

Decoded decode_lenient(std::string_view bytes, const std::string& charset) {
    try {
        return {text::to_utf8(bytes, charset, text::Strictness::lenient), charset};
    } catch (const std::exception&) {
        return {text::to_utf8(bytes, "UTF-8", text::Strictness::lenient), "UTF-8"};
    }
}

// Return the text between the tags of `bytes`, up to `k_sample` bytes: what charset detection needs
// (its cost grows with the input, and tags only dilute the evidence).
std::string detection_sample(std::string_view bytes) {
    constexpr std::size_t k_sample = 32 * 1024;
    std::string out;
    bool in_tag = false;
    for (std::size_t i = 0; i < bytes.size() && out.size() < k_sample; ++i) {
        const char c = bytes[i];
        if (c == '<') in_tag = true;
        if (!in_tag) out += c;
        if (c == '>') in_tag = false;
    }
    // A page that is all markup (or a lone '<' early on) keeps its bytes.
    return out.size() * 8 < std::min(bytes.size(), k_sample) ? std::string(bytes.substr(0, k_sample)) : out;
}

// Return `bytes` decoded without a header charset: <meta> (strict), UTF-8, <meta> (lenient),
// then detection.
Decoded decode_unlabelled(std::string_view bytes, const std::string& meta) {
    if (!meta.empty()) {
        if (auto done = decode_strict(bytes, meta)) return {std::move(*done), meta};
    }
    if (!text::first_invalid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
    if (!meta.empty()) return decode_lenient(bytes, meta);
    if (auto guess = text::detect_charset(detection_sample(bytes)); guess && !guess->charset.empty()) {
        return decode_lenient(bytes, canonical(guess->charset));
    }
    return decode_lenient(bytes, "UTF-8");
}

// A Western single-byte header charset is a common server default, so it loses to a page that
// reads as a multi-byte charset without it (a GBK page with a GBK <meta> served as ISO-8859-1).
bool is_western_default(const std::string& charset) { return charset == "windows-1252" || charset == "iso8859-1"; }

bool is_multi_byte(const std::string& charset) {
    return charset == "UTF-8" || charset == "GB18030" || charset == "Big5" || charset == "Shift_JIS" ||
           charset == "EUC-JP" || charset == "EUC-KR";
}

// Return true for charsets where a byte below 0x40 may be part of a character.
bool wide_or_stateful(std::string_view name) {
    return name.starts_with("utf-16") || name.starts_with("utf-32") || name.starts_with("ucs") ||
           name.starts_with("utf-7") || name.starts_with("hz") || name.starts_with("iso-2022") ||
           name.starts_with("csiso2022");
}

}  // namespace

bool detail::ascii_compatible(std::string_view bytes, std::string_view content_type) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
    if (bytes.substr(0, k_meta_window).find('\0') != std::string_view::npos) return false;  // UTF-16 without a BOM
    return !wide_or_stateful(lower_ascii(charset_param(content_type))) && !wide_or_stateful(lower_ascii(meta_charset(bytes)));
}

Decoded decode(std::string_view bytes, std::string_view content_type, Markup markup) {
    const std::string header = charset_param(content_type);
    const std::string bom = bom_charset(bytes);
    const std::string meta = markup == Markup::html ? meta_charset(bytes) : std::string();
    if (!bom.empty()) return decode_lenient(bytes, bom);
    if (header.empty()) return decode_unlabelled(bytes, meta);
    if (is_western_default(header)) {
        if (Decoded unlabelled = decode_unlabelled(bytes, meta); is_multi_byte(unlabelled.charset)) return unlabelled;
    }
    if (auto done = decode_strict(bytes, header)) return {std::move(*done), header};
    if (!meta.empty() && meta != header) {
        if (auto done = decode_strict(bytes, meta)) return {std::move(*done), meta};
    }
    return decode_lenient(bytes, header);
}

}  // namespace claimtrack::html
