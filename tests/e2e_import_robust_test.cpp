// End to end: `import` on hostile input. Nothing crashes or hangs; input that is an error stops with
// one line naming the file, the place and the reason, and leaves no database behind. Inputs are
// generated in a temp dir; the 100 MB run is in bench/claims_speed (too slow under ASan), here the
// size limit is tested with small limits and a sparse file.
#include "e2e_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace {

using e2e::run;
using nlohmann::json;

void expect_one_line_error(const e2e::Run& result, int code, const std::string& start) {
    CHECK(result.code == code);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("claimtrack: error: " + start));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

std::string repeat(std::string_view piece, std::size_t bytes) {
    std::string out;
    out.reserve(bytes + piece.size());
    while (out.size() < bytes) out += piece;
    return out;
}

// Return the claims stored for article 1 in `db`.
json claims_of(const std::string& db) {
    const auto listed = run({"--db", db, "claims", "--article", "1", "--json"});
    REQUIRE(listed.code == 0);
    return json::parse(listed.out);
}

const std::string k_prose =
    "Larkspur said its revenue rose from 38% to 41% in April. 英伟达的CEO是黄仁勋，他在台北说“中国市场非常重要”。\n\n";

}  // namespace

TEST_SUITE("e2e import robust") {

TEST_CASE("a file over --max-size is refused before it is read, naming its size and the override") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("big.txt", "Title\n\n" + repeat(k_prose, 20 << 10));
    const auto refused = run({"--db", db, "import", path, "--max-size", "2K"});
    expect_one_line_error(refused, 1, path + ": size: ");
    CHECK(refused.err.find(" KB is over the 2.0 KB limit for one article") != std::string::npos);
    CHECK(refused.err.find("--max-size 1M") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));

    const auto imported = run({"--db", db, "import", path, "--max-size", "1M"});
    REQUIRE(imported.code == 0);
    CHECK(imported.out.find("Imported article 1") != std::string::npos);
}

TEST_CASE("the default limit is 20 MB and --max-size 0 lifts it") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.file("huge.txt");
    { std::ofstream create(path); }
    std::filesystem::resize_file(path, (20u << 20) + 1);  // sparse: costs no disk and is never read
    const auto refused = run({"--db", db, "import", path});
    expect_one_line_error(refused, 1, path + ": size: 20.0 MB is over the 20.0 MB limit");
    CHECK(refused.err.find("--max-size 21M") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));

    // Past the limit the file is read, and 20 MB of NUL bytes is binary, not text.
    const auto read = run({"--db", db, "import", path, "--max-size", "0"});
    expect_one_line_error(read, 1, path + ": content: binary data");
}

TEST_CASE("standard input is read only up to the limit") {
    e2e::TempDir dir;
    const std::string path = dir.write("in.txt", "Title\n\n" + repeat(k_prose, 30 << 10));
    const std::string db = dir.file("t.db");
    const auto refused = e2e::run_binary("--db " + db + " import - --max-size 4K <" + path, dir.file("err"));
    CHECK(refused.code == 1);
    CHECK(refused.err == "claimtrack: error: <stdin>: size: more than the 4.0 KB limit for one article; if it is one, "
                         "pass --max-size a larger size (or 0: no limit)\n");
    CHECK_FALSE(std::filesystem::exists(db));
    const auto imported = e2e::run_binary("--db " + db + " import - <" + path, dir.file("err"));
    CHECK(imported.code == 0);
}

TEST_CASE("a --max-size that is not a size is a usage error") {
    e2e::TempDir dir;
    const std::string path = dir.write("a.txt", "Title\n\n" + k_prose);
    for (const std::string bad : {"lots", "5X", "-1", "M", ""}) {
        CAPTURE(bad);
        expect_one_line_error(run({"--db", dir.file("t.db"), "import", path, "--max-size", bad}), 2, "--max-size: ");
    }
}

TEST_CASE("empty, source-list-only and noise-only files stop with a reason and create no database") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string empty = dir.write("empty.txt", "");
    expect_one_line_error(run({"--db", db, "import", empty}), 1, empty + ": byte 0: the file is empty");
    const std::string blank = dir.write("blank.txt", "\n \n\t\n");
    expect_one_line_error(run({"--db", db, "import", blank}), 1, blank + ": text: no article text");
    const std::string sources = dir.write("sources.txt", "参考资料\n英伟达财报 https://news.example.com/a\nAMD results https://markets.example.org/b\n");
    expect_one_line_error(run({"--db", db, "import", sources}), 1, sources + ": line 1: no article text, only a list of sources");
    const std::string noise = dir.write("noise.txt", repeat("500\n\nShare\n站务\nAdvertisement\n", 2000));
    expect_one_line_error(run({"--db", db, "import", noise}), 1, noise + ": line 1: no article text, only lines that are not prose");
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("one long line imports as one paragraph with claims") {
    // 256 KB of dense claims (4,400 sentences) keeps this under ASan fast; bench/claims_speed and the
    // parser test read 5 MB lines.
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("line.txt", "A long line\n\n" + repeat("Larkspur cut 4,000 jobs in April 2025, about 14% of staff. ", 256 << 10) + "\n");
    const auto imported = run({"--db", db, "import", path});
    REQUIRE(imported.code == 0);
    CHECK(imported.out.find("2 paragraphs") != std::string::npos);
    CHECK(claims_of(db).size() > 4000);
}

TEST_CASE("a 512 KB line with no sentence stop imports in windows, each still yielding claims") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("run-on.txt", "Run on\n\n" + repeat("Larkspur cut 4,000 jobs and 14% of staff and ", 512 << 10) + "\n");
    const auto imported = run({"--db", db, "import", path});
    REQUIRE(imported.code == 0);
    CHECK(imported.out.find("2 paragraphs") != std::string::npos);
    const json claims = claims_of(db);
    CHECK(claims.size() >= 25);  // one run-on sentence, cut into 20 KB windows
    CHECK(std::all_of(claims.begin(), claims.end(), [](const json& c) { return c.at("text").get<std::string>().size() <= (20u << 10); }));
}

TEST_CASE("10,000 levels of nested quotes import, and the quote inside is still a claim") {
    const std::string opens[] = {"“", "「", "『"};
    const std::string closes[] = {"”", "」", "』"};
    std::string nested;
    for (int i = 0; i < 10000; ++i) nested += opens[i % 3];
    nested += "中国将赢得AI竞赛";
    for (int i = 9999; i >= 0; --i) nested += closes[i % 3];
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("nested.txt", "嵌套引语\n\n黄仁勋在台北的峰会上说" + nested + "。\n\n" + k_prose);
    const auto imported = run({"--db", db, "import", path});
    REQUIRE(imported.code == 0);
    const json claims = claims_of(db);
    CHECK(std::any_of(claims.begin(), claims.end(), [](const json& c) { return c.at("kind") == "quote"; }));
}

TEST_CASE("a line from every Unicode block imports without error, its body kept") {
    std::string input = "Every script\n\n" + k_prose;
    const auto put = [&](char32_t c) {
        if (c < 0x80) {
            input += static_cast<char>(c);
        } else if (c < 0x800) {
            input += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        } else if (c < 0x10000) {
            input += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (c & 0x3F))};
        } else {
            input += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                      static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
        }
    };
    for (char32_t block = 0x20; block < 0x30000; block += 0x80) {
        for (char32_t c = block; c < block + 3; ++c) {
            const bool excluded = (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE ||
                                  c < 0x20 || (c >= 0x7F && c < 0xA0);
            if (!excluded) put(c);
        }
        input += '\n';
    }
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const auto imported = run({"--db", db, "import", dir.write("scripts.txt", input)});
    REQUIRE(imported.code == 0);
    const auto articles = run({"--db", db, "articles", "--json"});
    REQUIRE(articles.code == 0);
    CHECK(claims_of(db).size() >= 2);
}

TEST_CASE("a few control characters in prose import; a file that is mostly control bytes is binary") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    std::string controls;
    for (char c = 1; c < 0x20; ++c) {
        if (c != '\n' && c != '\r') controls += c;
    }
    controls += "\u0085\u0090\u009F";
    const std::string text = dir.write("ctl.txt", "Title\n\n" + repeat(k_prose, 10 << 10) + "Larkspur said" + controls + " sales rose 5%.\n");
    const auto imported = run({"--db", db, "import", text});
    REQUIRE(imported.code == 0);
    const std::string junk = dir.write("junk.txt", "Title\n\n" + repeat(controls, 2000));
    expect_one_line_error(run({"--db", dir.file("other.db"), "import", junk}), 1, junk + ": content: binary data");
    const std::string nul = dir.write("nul.txt", std::string("Title\n\nA NUL\0here.\n", 19));
    expect_one_line_error(run({"--db", dir.file("other.db"), "import", nul}), 1, nul + ": content: binary data");
    CHECK_FALSE(std::filesystem::exists(dir.file("other.db")));
}

TEST_CASE("UTF-16 with a lone surrogate is an error naming the place, not a crash") {
    e2e::TempDir dir;
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string("Title\n\nLarkspur said sales rose 5%.\n")) utf16 += {c, '\0'};
    utf16 += std::string("\x00\xD8", 2);  // a high surrogate with no low one after it
    for (const char c : std::string(" more\n")) utf16 += {c, '\0'};
    const std::string path = dir.write("lone.txt", utf16);
    const auto result = run({"--db", dir.file("t.db"), "import", path});
    // The surrogate's two bytes follow the BOM (2 bytes) and 36 characters of two bytes each.
    expect_one_line_error(result, 1, path + ": byte 74: invalid UTF-16LE byte sequence");
    CHECK_FALSE(std::filesystem::exists(dir.file("t.db")));
}

}  // TEST_SUITE
