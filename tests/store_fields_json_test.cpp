#include <claimtrack/model.hpp>

#include "store/store_impl.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// The JSON of `fields` written the plain way, a byte at a time: what the store's writer must give.
std::string reference_json(const std::map<std::string, std::string>& fields) {
    const auto quoted = [](const std::string& text) {
        std::string out = "\"";
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (byte < 0x20) {
                constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0x0f];
            } else {
                out += c;
            }
        }
        return out + "\"";
    };
    std::string out = "{";
    for (const auto& [key, value] : fields) {
        if (out.size() > 1) out += ',';
        out += quoted(key) + ":" + quoted(value);
    }
    return out + "}";
}

// Return a string of `length` bytes drawn from `alphabet`.
std::string random_text(std::mt19937& random, const std::vector<std::string>& alphabet, std::size_t length) {
    std::string out;
    while (out.size() < length) out += alphabet[random() % alphabet.size()];
    return out;
}

}  // namespace

TEST_SUITE("store: fields JSON") {

TEST_CASE("claim fields are written as JSON the way a byte-at-a-time writer writes them") {
    const std::vector<std::map<std::string, std::string>> cases{
        {},
        {{"", ""}},
        {{"unit", "%"}},
        {{"from", "95"}, {"to", "0"}, {"unit", "%"}},
        {{"speaker", "黄仁勋 \"Jensen\""}},
        {{"quote", "a\\b"}, {"x", std::string("nul\0here", 8)}},
        {{"tab", "a\tb"}, {"newline", "line\n"}, {"esc", "\x1f"}, {"del", "\x7f"}},
        {{"eight", "12345678"}, {"nine", "123456789"}, {"seven", "1234567"}},
        {{"last", "1234567\""}, {"first", "\"2345678"}, {"ninth", "12345678\\"}},
        {{"k\"ey", "v"}, {"plain", "英伟达的份额由95%下降为0"}},
    };
    for (const auto& fields : cases) {
        CAPTURE(reference_json(fields));
        CHECK(store_detail::fields_to_json(fields) == reference_json(fields));
    }
}

TEST_CASE("random claim fields, plain and escaped, are written as the byte-at-a-time writer does") {
    std::mt19937 random(20261207);
    const std::vector<std::string> plain{"a", "Z", "0", " ", "%", "中", "份", "é", "{", "}", ":", ","};
    std::vector<std::string> any = plain;
    for (const char* c : {"\"", "\\", "\n", "\t", "\x01", "\x1f"}) any.emplace_back(c);
    std::vector<Claim> claims;
    for (int round = 0; round < 2000; ++round) {
        const auto& alphabet = round % 3 == 0 ? any : plain;
        std::map<std::string, std::string> fields;
        const auto count = random() % 6;
        for (std::uint32_t k = 0; k < count; ++k) {
            fields[random_text(random, alphabet, random() % 12)] = random_text(random, alphabet, random() % 40);
        }
        CAPTURE(reference_json(fields));
        REQUIRE(store_detail::fields_to_json(fields) == reference_json(fields));
        Claim claim;
        claim.fields = fields;
        claims.push_back(claim);
    }
    // A batch's buffer holds the same objects, each NUL-terminated.
    const store_detail::FieldsJson batch(claims);
    for (std::size_t k = 0; k < claims.size(); ++k) CHECK(std::string(batch[k]) == reference_json(claims[k].fields));
}

}
