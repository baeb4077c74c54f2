// A plain-text file in another charset (UTF-16, GB18030, Big5, any --encoding) is imported as it
// streams, decoded chunk by chunk (app::import_file); the stored article, the charset reported
// and any error must be what read_article + import_article give for the same bytes read whole.
#include "app/import_detail.hpp"
#include "e2e_stored.hpp"
#include "e2e_support.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

using namespace claimtrack;

namespace {

constexpr std::size_t k_mb = 1 << 20;  // the import's read size

using e2e::Stored;
using e2e::stored;

app::ImportOptions options_for(const std::string& path, const std::string& encoding = "") {
    app::ImportOptions options;
    options.path = path;
    options.date = "2025-11-10";
    options.encoding = encoding;
    return options;
}

// Import `path` streamed into one database and read whole into another, and check that both store
// the same article, claims and charset; return the charset.
std::string same_both_ways(const e2e::TempDir& dir, const std::string& path, const std::string& encoding = "") {
    CAPTURE(path);
    CAPTURE(encoding);
    static int n = 0;
    const std::string name = std::to_string(++n);
    const app::ImportOptions options = options_for(path, encoding);
    REQUIRE(app::detail::scan(options).has_value());  // it streams
    Store streamed(dir.file(name + "-streamed.db"));
    const auto imported = app::import_file(options, [&]() -> Store& { return streamed; });
    Store whole(dir.file(name + "-whole.db"));
    const auto read = app::read_article(options);
    const auto result = app::import_article(whole, read.article);
    CHECK(imported.charset == read.charset);
    CHECK(imported.detected == read.detected);
    CHECK(imported.result.claims == result.claims);
    CHECK(imported.result.paragraphs == result.paragraphs);
    CHECK(imported.result.sources == result.sources);
    CHECK(imported.result.title == result.title);
    CHECK(imported.result.language == result.language);
    const Stored a = stored(streamed, imported.result.article);
    const Stored b = stored(whole, result.article);
    CHECK(a.article.body.size() == b.article.body.size());
    CHECK(a.article.body == b.article.body);
    CHECK(a.article.sha256 == b.article.sha256);
    CHECK(a.article.paragraphs == b.article.paragraphs);
    CHECK(a.article.sources == b.article.sources);
    CHECK(a.article == b.article);
    REQUIRE(a.claims.size() == b.claims.size());
    for (std::size_t i = 0; i < b.claims.size(); ++i) {
        CAPTURE(i);
        CHECK(a.claims[i] == b.claims[i]);
    }
    return imported.charset;
}

// Return the error read_article gives for `path` read whole, as run_cli prints it.
std::string whole_error(const std::string& path, const std::string& encoding = "") {
    try {
        (void)app::read_article(options_for(path, encoding));
    } catch (const Error& e) {
        return std::string("claimtrack: error: ") + e.what() + "\n";
    }
    FAIL("read whole, the file was imported");
    return {};
}

// Check that importing `path` into a database that already holds an article fails with
// `expected`, the error the whole read gives, and leaves the database as it was.
void refused_both_ways(const e2e::TempDir& dir, const std::string& path, const std::string& expected,
                       const std::string& encoding = "") {
    CAPTURE(path);
    CHECK(whole_error(path, encoding) == expected);
    const std::string db = dir.file("refused.db");
    if (!std::filesystem::exists(db)) {
        REQUIRE(e2e::run({"--db", db, "import", dir.write("good.txt", "标题\n星河半导体的营收增长了42%，达到120亿元。\n")}).code == 0);
    }
    const std::string before = e2e::read_file(db);
    std::vector<std::string> args{"--db", db, "import", path, "--max-size", "0"};
    if (!encoding.empty()) args.insert(args.end(), {"--encoding", encoding});
    const auto refused = e2e::run(args);
    CHECK(refused.code == 1);
    CHECK(refused.err == expected);
    CHECK(e2e::read_file(db) == before);
}

std::string utf16le(const std::string& utf8) { return e2e::encode_as(utf8, "UTF-16LE"); }

std::string sample(const std::string& name) { return e2e::read_file(e2e::source_dir() + "/samples/" + name); }

const std::string k_traditional =
    "星河半導體發布第三季財報\n\n2025年11月6日，星河半導體表示，公司第三季營收年增42%，達到新臺幣120億元。"
    "分析師認為，毛利率從72%提高到77%，主要來自資料中心業務。\r\n"
    "輝達執行長黃仁勳在高峰會上直接說「人工智慧晶片的需求還會成長」。\n";

// Chinese prose with no number in it, cheap to import, for padding files past a read.
const std::string k_filler_zh = "这一段文字只是为了把文件撑大，它讲的是天气和城市里的一些小事情，没有值得核查的内容。\n";
const std::string k_filler_en = "This line only pads the file, about the weather and small things in town, nothing to check.\n";

// Return `head` followed by filler lines (`filler`, encoded by `encode`) up to `at` bytes encoded,
// padded with ASCII so the next character starts exactly at `at`.
// `encode` is stateless (it may add a BOM): the sizes of encoded pieces add up.
template <typename Encode>
std::string pad_to(std::string head, const std::string& filler, std::size_t at, Encode encode) {
    const std::size_t none = encode("").size();
    const std::size_t step = encode(filler).size() - none;
    const std::size_t x = encode("x").size() - none;
    std::size_t size = encode(head).size();
    while (size + step < at) {
        head += filler;
        size += step;
    }
    while (size + x <= at) {
        head += 'x';
        size += x;
    }
    REQUIRE(encode(head).size() == at);
    return head;
}

}  // namespace

TEST_CASE("UTF-16 with a BOM, either order, CRLF or LF, streams and stores what the whole read stores") {
    e2e::TempDir dir;
    const std::string zh = sample("article-zh-chips.txt");
    const std::string en = sample("article-en-chips.txt");
    CHECK(same_both_ways(dir, dir.write("le.txt", "\xFF\xFE" + utf16le(zh))) == "UTF-16LE");
    CHECK(same_both_ways(dir, dir.write("be.txt", "\xFE\xFF" + e2e::encode_as(en, "UTF-16BE"))) == "UTF-16BE");
    std::string crlf;
    for (const char c : zh) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(same_both_ways(dir, dir.write("crlf.txt", "\xFF\xFE" + utf16le(crlf + "\r末行没有换行\r"))) == "UTF-16LE");
    CHECK(same_both_ways(dir, dir.write("named.txt", "\xFF\xFE" + utf16le(en)), "utf-16") == "utf-16");
}

TEST_CASE("BOM-less UTF-16, GB18030 and Big5 are detected, stream, and store what the whole read stores") {
    e2e::TempDir dir;
    CHECK(same_both_ways(dir, dir.write("bomless.txt", utf16le(sample("article-en-chips.txt")))) == "UTF-16LE");
    CHECK(same_both_ways(dir, dir.write("gb.txt", e2e::encode_as(sample("article-zh-chips.txt"), "GB18030"))) == "GB18030");
    CHECK(same_both_ways(dir, dir.write("big5.txt", e2e::encode_as(k_traditional, "BIG5"))) == "Big5");
    // The CLI still says which charset it used.
    const auto run = e2e::run({"--db", dir.file("cli.db"), "import", dir.file("gb.txt")});
    CHECK(run.code == 0);
    CHECK(run.err.find("not UTF-8; decoded as GB18030 (detected") != std::string::npos);
}

TEST_CASE("--encoding gbk and --encoding big5 stream and store what the whole read stores") {
    e2e::TempDir dir;
    CHECK(same_both_ways(dir, dir.write("gbk.txt", e2e::encode_as(sample("article-zh-chips.txt"), "GBK")), "gbk") == "gbk");
    CHECK(same_both_ways(dir, dir.write("big5.txt", e2e::encode_as(k_traditional, "BIG5")), "big5") == "big5");
}

TEST_CASE("characters split between two reads decode as read whole: GB18030 two and four bytes, a UTF-16 pair, CR LF") {
    e2e::TempDir dir;
    const auto gb = [](const std::string& s) { return e2e::encode_as(s, "GB18030"); };
    const std::string zh = sample("article-zh-chips.txt");
    // The first read ends after the lead byte of 星, then inside the four bytes of 🚀.
    const std::string two = pad_to(zh, k_filler_zh, k_mb - 1, gb) + "星河半导体的营收增长了42%。\n";
    CHECK(same_both_ways(dir, dir.write("gb2.txt", gb(two))) == "GB18030");
    const std::string four = pad_to(zh, k_filler_zh, k_mb - 2, gb) + "🚀星河半导体的营收增长了42%。\n";
    CHECK(same_both_ways(dir, dir.write("gb4.txt", gb(four))) == "GB18030");
    // UTF-16: a surrogate pair across the first read, a CR ending the second and its LF in the third.
    const auto wide = [](const std::string& s) { return "\xFF\xFE" + utf16le(s); };
    std::string text = pad_to(sample("article-en-chips.txt"), k_filler_en, k_mb - 2, wide) + "🚀 Larkspur sold 4 million handsets.\n";
    text = pad_to(text, k_filler_en, 2 * k_mb - 2, wide) + "\r\nNorthwind cut 1,200 jobs in April.\r\n";
    const std::string bytes = wide(text);
    REQUIRE(bytes.substr(k_mb - 2, 4) == utf16le("🚀"));
    REQUIRE(bytes.substr(2 * k_mb - 2, 4) == utf16le("\r\n"));
    CHECK(same_both_ways(dir, dir.write("u16.txt", bytes)) == "UTF-16LE");
}

TEST_CASE("a UTF-8 file with a byte that is not UTF-8 past the first read is detected as the whole read detects it") {
    e2e::TempDir dir;
    std::string text = "Title\n";
    while (text.size() < k_mb + 5000) text += "Larkspur sold 4 million handsets in 2024, up 12% from a year earlier.\n";
    text += "The caf\xE9 on Main Street closed.\n";
    CHECK(same_both_ways(dir, dir.write("late.txt", text)) == "windows-1252");
}

TEST_CASE("an invalid byte late in the file gives the whole read's error and byte offset, and stores nothing") {
    e2e::TempDir dir;
    const auto gb = [](const std::string& s) { return e2e::encode_as(s, "GB18030"); };
    const std::string head = pad_to(sample("article-zh-chips.txt"), k_filler_zh, k_mb + 300, gb);
    const std::string bytes = gb(head) + "\x81 " + gb(k_filler_zh);
    const std::string path = dir.write("bad.txt", bytes);
    const std::string at = std::to_string(k_mb + 300);
    refused_both_ways(dir, path, "claimtrack: error: " + path + ": byte " + at + ": invalid gbk byte sequence\n", "gbk");
    refused_both_ways(dir, path, whole_error(path));
    // UTF-16 with a lone surrogate past the first read.
    const auto wide = [](const std::string& s) { return "\xFF\xFE" + utf16le(s); };
    const std::string lone = wide(pad_to(sample("article-en-chips.txt"), k_filler_en, k_mb + 300, wide)) +
                             std::string("\x00\xD8", 2) + utf16le(k_filler_en);
    const std::string lone_path = dir.write("lone.txt", lone);
    refused_both_ways(dir, lone_path, "claimtrack: error: " + lone_path + ": byte " + at + ": invalid UTF-16LE byte sequence\n");
}

TEST_CASE("binary content in a UTF-16 file gives the whole read's error, wherever it is") {
    e2e::TempDir dir;
    const auto wide = [](const std::string& s) { return "\xFF\xFE" + utf16le(s); };
    const std::string en = sample("article-en-chips.txt");
    // NUL characters in the first 64 KB of text: binary.
    const std::string nul = wide(pad_to(en, k_filler_en, 60000, wide)) + std::string(16, '\0') + utf16le(en);
    const std::string nul_path = dir.write("nul.txt", nul);
    refused_both_ways(dir, nul_path, "claimtrack: error: " + nul_path + ": content: binary data (NUL bytes, an image or an archive), not text\n");
    // An image past the first read: its bytes are not UTF-16.
    const std::string png = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\x00\xDC\xFF\xFE", 24);
    const std::string image = wide(pad_to(en, k_filler_en, k_mb + 1000, wide)) + png + utf16le(en);
    const std::string image_path = dir.write("image.txt", image);
    refused_both_ways(dir, image_path, whole_error(image_path));
    // NUL characters past the first 64 KB of text are text to the whole read, and so streamed.
    const std::string late = wide(pad_to(en, k_filler_en, 300000, wide)) + std::string(16, '\0') + utf16le(en);
    CHECK(same_both_ways(dir, dir.write("late-nul.txt", late)) == "UTF-16LE");
}

TEST_CASE("a GB18030 file that changes between the two passes is refused and nothing is stored") {
    e2e::TempDir dir;
    const std::string text = sample("article-zh-chips.txt");
    const std::string path = dir.write("a.txt", e2e::encode_as(text, "GB18030"));
    const app::ImportOptions options = options_for(path);
    auto scanned = app::detail::scan(options);
    REQUIRE(scanned.has_value());
    REQUIRE(scanned->plan.has_value());
    CHECK(scanned->plan->charset == "GB18030");
    std::string changed = text;
    changed.replace(changed.find("合肥"), std::string("合肥").size(), "上海");
    REQUIRE(changed.size() == text.size());
    dir.write("a.txt", e2e::encode_as(changed, "GB18030"));
    Store store(dir.file("t.db"));
    try {
        (void)app::detail::import_scanned(store, options, std::move(*scanned));
        FAIL("the changed file was imported");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("changed while it was being imported") != std::string::npos);
    }
    CHECK(store.articles().empty());
    CHECK(store.claims({.article = {}, .kind = {}, .status = {}}).empty());
}
