#include "json_ld.hpp"

#include <claimtrack/text.hpp>

namespace claimtrack::html::detail {
namespace {

void append_utf8(std::string& out, unsigned long code) {
    text::append_utf8(out, code > 0x10FFFF ? char32_t{0xFFFD} : static_cast<char32_t>(code));
}

unsigned long hex4(std::string_view s, std::size_t at) {
    if (at + 4 > s.size()) return 0xFFFD;
    unsigned long value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char c = s[i];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= static_cast<unsigned long>(c - '0');
        else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned long>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned long>(c - 'A' + 10);
        else return 0xFFFD;
    }
    return value;
}

// Read the JSON string literal starting at the quote at `at`.
std::string read_string(std::string_view json, std::size_t at) {
    std::string out;
    for (std::size_t i = at + 1; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') return out;
        if (c != '\\' || i + 1 >= json.size()) {
            out += c;
            continue;
        }
        const char escaped = json[++i];
        switch (escaped) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': case 'f': out += ' '; break;
        case 'u': {
            unsigned long code = hex4(json, i + 1);
            i += 4;
            if (code >= 0xD800 && code < 0xDC00 && json.substr(i + 1).starts_with("\\u")) {
                const unsigned long low = hex4(json, i + 3);
                if (low >= 0xDC00 && low < 0xE000) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            append_utf8(out, code >= 0xD800 && code < 0xE000 ? 0xFFFD : code);
            break;
        }
        default: out += escaped;
        }
    }
    return out;
}

std::size_t skip_space(std::string_view json, std::size_t i) {
    while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) ++i;
    return i;
}

constexpr int k_max_nesting = 4;

std::string value_of(std::string_view json, std::string_view key, int nesting) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    std::size_t at = 0;
    while ((at = json.find(quoted, at)) != std::string_view::npos) {
        std::size_t i = skip_space(json, at + quoted.size());
        at += quoted.size();
        if (i >= json.size() || json[i] != ':') continue;
        i = skip_space(json, i + 1);
        if (i < json.size() && json[i] == '[') i = skip_space(json, i + 1);
        if (i >= json.size()) return {};
        if (json[i] == '"') return read_string(json, i);
        if (json[i] == '{' && nesting < k_max_nesting) {
            const std::size_t close = json.find('}', i);
            const std::string_view object = json.substr(i, close == std::string_view::npos ? json.size() - i : close - i + 1);
            if (std::string name = value_of(object, "name", nesting + 1); !name.empty()) return name;
        }
    }
    return {};
}

}  // namespace

std::string json_value(std::string_view json, std::string_view key) { return value_of(json, key, 0); }

}  // namespace claimtrack::html::detail
