#include <claimtrack/store.hpp>

#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// The JSON a claim's fields are stored as, written the plain way: a byte at a time.
std::string reference_json(const std::map<std::string, std::string>& fields) {
    constexpr std::array<char, 16> k_hex{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    const auto quoted = [&](const std::string& value) {
        std::string out = "\"";
        for (const char c : value) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (byte < 0x20) {
                out += "\\u00";
                out += k_hex[byte >> 4];
                out += k_hex[byte & 0x0f];
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

// Values with the bytes JSON escapes at every place in an eight-byte word, and runs without any.
std::vector<std::string> awkward_values() {
    std::vector<std::string> values{"",
                                    "95%",
                                    "英伟达在中国的市场份额",
                                    "between \"3\" and 5",
                                    "C:\\path\\to",
                                    std::string("nul\0byte", 8),
                                    "tab\there\nnewline\r\x01\x1f",
                                    "\x7f is not escaped, nor is \xc3\xa9",
                                    "abcdefghijklmnopqrstuvwxyz0123456789",
                                    "\"",
                                    "\\"};
    for (std::size_t at = 0; at < 18; ++at) {
        for (const char special : {'"', '\\', '\n', '\x1f'}) {
            std::string value(19, 'x');
            value[at] = special;
            values.push_back(value);
        }
    }
    return values;
}

bool has_nul(const std::map<std::string, std::string>& fields) {
    for (const auto& [key, value] : fields) {
        if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos) return true;
    }
    return false;
}

constexpr std::array<ClaimKind, 5> k_kinds{ClaimKind::quantity, ClaimKind::role, ClaimKind::quote, ClaimKind::event,
                                           ClaimKind::comparison};

}  // namespace

TEST_SUITE("store: writing claims") {

TEST_CASE("claims written in batches and one by one keep every column and their fields byte for byte") {
    test::TempDir dir;
    const std::string path = dir.file("claims.db");
    const std::vector<std::string> values = awkward_values();
    std::vector<Claim> claims;
    {
        Store store(path);
        Article article;
        article.title = "t";
        article.body = std::string(1000, 'x');
        article.sha256 = "body";
        const Id id = store.add_article(article);
        // More than one batch of 256, and a few left over.
        for (std::size_t k = 0; k < 600; ++k) {
            Claim c;
            c.article = id;
            c.kind = k_kinds[k % k_kinds.size()];
            c.text = "claim " + std::to_string(k) + " " + values[k % values.size()];
            c.span = {k, k + 1 + k % 7};
            c.checkworthiness = static_cast<double>(k % 11) / 10.0;
            c.hedged = k % 3 == 0;
            if (k % 5 != 4) {  // every fifth claim has no fields
                c.fields["value"] = values[k % values.size()];
                c.fields[values[(k + 3) % values.size()] + "key"] = values[(k * 7) % values.size()];
                if (k % 2 == 0) c.fields["unit"] = "%";
            }
            claims.push_back(c);
        }
        store.add_claims(claims);
        Claim manual = claims[1];
        manual.text = "by hand";
        store.add_claim(manual, Origin::manual);
        claims.push_back(manual);

        const std::vector<Claim> read = store.claims({.article = id, .kind = {}, .status = {}});
        REQUIRE(read.size() == claims.size());
        std::map<std::string, const Claim*> by_text;
        for (const Claim& c : read) by_text[c.text] = &c;
        for (const Claim& c : claims) {
            INFO(c.text);
            REQUIRE(by_text.count(c.text) == 1);
            const Claim& stored = *by_text[c.text];
            CHECK(stored.kind == c.kind);
            CHECK(stored.span.start == c.span.start);
            CHECK(stored.span.end == c.span.end);
            // SQLite's json_each ends a string at \u0000: a NUL is stored (see below) but not read back.
            if (!has_nul(c.fields)) CHECK(stored.fields == c.fields);
            CHECK(stored.checkworthiness == doctest::Approx(c.checkworthiness));
            CHECK(stored.hedged == c.hedged);
        }
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement rows(db, "SELECT fields, json_valid(fields), typeof(fields), typeof(kind), origin, created_at FROM claim ORDER BY id");
    std::size_t k = 0;
    while (rows.executeStep()) {
        REQUIRE(k < claims.size());
        INFO(k);
        CHECK(rows.getColumn(0).getString() == reference_json(claims[k].fields));
        CHECK(rows.getColumn(1).getInt() == 1);
        CHECK(rows.getColumn(2).getString() == "text");
        CHECK(rows.getColumn(3).getString() == "text");
        CHECK(rows.getColumn(4).getString() == (k + 1 == claims.size() ? "manual" : "auto"));
        CHECK_FALSE(rows.getColumn(5).getString().empty());
        ++k;
    }
    CHECK(k == claims.size());
    CHECK(db.execAndGet("SELECT count(*) FROM claim WHERE fields = '{}'").getInt() == 120);
}

}  // TEST_SUITE
