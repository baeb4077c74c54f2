#include <claimtrack/html.hpp>
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <string>

// Hostile and broken pages: each must come back with a document (never a crash or a hang), and
// the real text in it must still be found where there is any.
using namespace claimtrack;

namespace {

constexpr const char* k_sentence = "The harbour authority counted 2.3 million containers in 2024, up 8% on the year before.";

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// Return `size` bytes from a fixed xorshift sequence, so every run sees the same noise.
std::string noise(std::size_t size, std::uint64_t seed) {
    std::string out(size, '\0');
    for (char& c : out) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        c = static_cast<char>(seed & 0xFF);
    }
    return out;
}

bool valid_utf8(const html::Document& doc) { return !text::first_invalid_utf8(doc.text) && !text::first_invalid_utf8(doc.title); }

}  // namespace

TEST_SUITE("html_robust") {
    // 3 MB by default, to stay fast under ASan; CLAIMTRACK_ROBUST_MB=50 runs the 50 MB page.
    TEST_CASE("a large page (3 MB, or CLAIMTRACK_ROBUST_MB) is extracted and its text kept") {
        const char* const env = std::getenv("CLAIMTRACK_ROBUST_MB");
        const std::size_t megabytes = env != nullptr ? std::strtoul(env, nullptr, 10) : 3;
        const std::string paragraph = "<div class=\"story\"><p>" + std::string(k_sentence) + " <a href=\"/x\">More</a></p></div>\n";
        const std::string page = "<html><head><title>Big</title></head><body><article>" +
                                 repeat(paragraph, megabytes * 1'000'000 / paragraph.size()) + "</article></body></html>";
        REQUIRE(page.size() >= megabytes * 990'000);
        const html::Document doc = html::extract(page, "text/html; charset=utf-8", "https://big.example/");
        CHECK(doc.is_text);
        CHECK(doc.text.find(k_sentence) != std::string::npos);
        CHECK(doc.text.size() < page.size());
        CHECK(valid_utf8(doc));
        // Past Limits::max_markup (8 MB after pruning) the rest of the page is not parsed.
        if (megabytes >= 12) CHECK(doc.truncated);
        if (megabytes <= 8) CHECK_FALSE(doc.truncated);
    }

    TEST_CASE("a page past the markup cap keeps its start, drops its end and is marked truncated") {
        const std::string paragraph = "<p>" + std::string(k_sentence) + "</p>\n";
        const std::string page = "<html><body><article><p>First words here.</p>" + repeat(paragraph, 30'000) +
                                 "<p>Last words here.</p></article></body></html>";
        const html::Limits limits{.max_markup = 1'000'000};
        const html::Document doc = html::extract(page, "text/html; charset=utf-8", "", limits);
        CHECK(doc.truncated);
        CHECK(doc.text.starts_with("First words here."));
        CHECK(doc.text.find("Last words here.") == std::string::npos);
        CHECK(doc.text.size() < limits.max_markup);
        CHECK(valid_utf8(doc));
        const html::Document whole = html::extract(page, "text/html; charset=utf-8", "");
        CHECK_FALSE(whole.truncated);
        CHECK(whole.text.find("Last words here.") != std::string::npos);
    }

    TEST_CASE("scripts, styles and comments are dropped before the cap counts, so the text after them is kept") {
        const std::string bloat = "<script>" + repeat("var x = 1; // <p>not text</p>\n", 60'000) + "</script><style>" +
                                  repeat(".a{color:red}\n", 60'000) + "</style><!--" + repeat("comment ", 100'000) + "-->";
        const std::string page = "<html><head>" + bloat + "</head><body><p>" + std::string(k_sentence) + "</p></body></html>";
        REQUIRE(page.size() > 2'000'000);
        const html::Document doc = html::extract(page, "text/html", "", html::Limits{.max_markup = 100'000});
        CHECK_FALSE(doc.truncated);
        CHECK(doc.text == k_sentence);
    }

    TEST_CASE("a GBK page cut at the cap is cut between characters and keeps its charset") {
        // 港口港口 in GBK and a space: the cut must back off to a byte that cannot be inside a character.
        const std::string han = repeat("\xB8\xDB\xBF\xDA\xB8\xDB\xBF\xDA ", 2'500);
        const std::string page = "<html><head><meta charset=\"gbk\"></head><body><p>" + std::string(k_sentence) + "</p><p>" + han +
                                 "</p><p>" + han + "</p></body></html>";
        for (const std::size_t cap : {std::size_t{20'001}, std::size_t{30'003}}) {
            CAPTURE(cap);
            const html::Document doc = html::extract(page, "text/html", "", html::Limits{.max_markup = cap});
            CHECK(doc.truncated);
            CHECK(doc.charset == "GB18030");
            CHECK(valid_utf8(doc));
            CHECK(doc.text.find("\uFFFD") == std::string::npos);
            CHECK(doc.text.find("港口港口") != std::string::npos);
        }
    }

    TEST_CASE("a self-closed or never-closed button or nav does not swallow the article after it") {
        for (const char* chrome : {"<button type=\"button\" onClick=\"go(this)\" />", "<nav><a href=\"/\">Home</a>"}) {
            CAPTURE(chrome);
            const std::string page = "<html><body><form>" + std::string(chrome) + "</form><div class=\"article\"><p>" +
                                     std::string(k_sentence) + "</p></div></body></html>";
            const html::Document doc = html::extract(page, "text/html", "");
            CHECK(doc.text.find(k_sentence) != std::string::npos);
        }
    }

    TEST_CASE("a UTF-16 page is decoded before it is pruned") {
        const std::string ascii = "<html><body><script>var a = 1;</script><p>" + std::string(k_sentence) + "</p></body></html>";
        std::string le = "\xFF\xFE";
        for (const char c : ascii) le += std::string{c, '\0'};
        const html::Document doc = html::extract(le, "text/html", "");
        CHECK(doc.text == k_sentence);
        CHECK_FALSE(doc.truncated);
    }

    TEST_CASE("100,000 nested elements neither overflow the stack nor lose the text inside") {
        for (const char* tag : {"div", "span", "b", "blockquote", "table"}) {
            CAPTURE(tag);
            const std::string open = std::string("<") + tag + ">";
            const std::string close = std::string("</") + tag + ">";
            const std::string page = "<html><body><p>" + std::string(k_sentence) + "</p>" + repeat(open, 100'000) + "deep text" +
                                     repeat(close, 100'000) + "</body></html>";
            const html::Document doc = html::extract(page, "text/html", "");
            CHECK(doc.is_text);
            CHECK(doc.text.find("The harbour authority") != std::string::npos);
            CHECK(valid_utf8(doc));
        }
    }

    TEST_CASE("tags left unclosed everywhere still give the text") {
        const std::string piece = "<div><p>" + std::string(k_sentence) + "<span><a href=x><b><i><table><tr><td><ul><li><select><option>";
        const std::string page = "<html><body>" + repeat(piece, 3'000);
        const html::Document doc = html::extract(page, "text/html", "");
        CHECK(doc.is_text);
        CHECK(doc.text.find("The harbour authority") != std::string::npos);
        CHECK(html::extract("<html><head><title>Cut", "text/html", "").is_text);
        CHECK(html::extract("<p>Half a tag <a href=\"", "text/html", "").is_text);
        CHECK(html::extract("<!-- a comment that never ends <p>text</p>", "text/html", "").is_text);
    }

    TEST_CASE("binary bytes never crash the extractor, whatever they are served as") {
        for (std::uint64_t seed = 1; seed <= 2; ++seed) {
            const std::string bytes = noise(100'000, seed * 7919);
            for (const char* type : {"text/html", "text/plain", "", "application/xml", "application/rss+xml", "image/png"}) {
                CAPTURE(type);
                const html::Document doc = html::extract(bytes, type, "https://noise.example/");
                CHECK(valid_utf8(doc));
            }
        }
        const std::string nul_page = "<html><body><p>Before\0after " + std::string(k_sentence) + "</p></body></html>";
        CHECK(html::extract(nul_page, "text/html", "").is_text);
        // Unknown type with binary content is not text.
        CHECK_FALSE(html::extract(noise(10'000, 99), "", "").is_text);
    }

    TEST_CASE("a page that is one giant script keeps only the text outside it") {
        const std::string script = repeat("var x = \"<p>not text</p>\"; if (a < b && c > d) { call(); }\n", 150'000);
        const std::string page = "<html><body><script>" + script + "</script><p>" + std::string(k_sentence) + "</p></body></html>";
        const html::Document doc = html::extract(page, "text/html", "");
        CHECK(doc.text == k_sentence);
        const html::Document unterminated = html::extract("<html><body><p>Intro.</p><script>" + script, "text/html", "");
        CHECK(unterminated.is_text);
        CHECK(unterminated.text.find("not text") == std::string::npos);
    }

    TEST_CASE("a wrong or missing charset still gives valid UTF-8") {
        // 港口 in GBK, declared as UTF-8, as ISO-8859-1, as an unknown label, and not declared.
        const std::string gbk = "<html><head><meta charset=\"gbk\"></head><body><p>\xB8\xDB\xBF\xDA " + std::string(k_sentence) + "</p></body></html>";
        for (const char* type : {"text/html; charset=utf-8", "text/html; charset=iso-8859-1", "text/html; charset=x-no-such-thing",
                                 "text/html", "text/html; charset="}) {
            CAPTURE(type);
            const html::Document doc = html::extract(gbk, type, "");
            CHECK(doc.is_text);
            CHECK(valid_utf8(doc));
            CHECK(doc.text.find("The harbour authority") != std::string::npos);
            CHECK_FALSE(doc.charset.empty());
        }
        const std::string utf8 = "<html><head><meta charset=\"big5\"></head><body><p>港口 " + std::string(k_sentence) + "</p></body></html>";
        const html::Document lying = html::extract(utf8, "text/html", "");
        CHECK(valid_utf8(lying));
        CHECK(lying.text.find("The harbour authority") != std::string::npos);
    }

    TEST_CASE("a zero-byte body gives an empty document for every content type") {
        for (const char* type : {"text/html", "text/plain", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
                                 "text/xml", "", "application/octet-stream"}) {
            CAPTURE(type);
            const html::Document doc = html::extract("", type, "https://empty.example/");
            CHECK(doc.text.empty());
            CHECK(doc.paragraphs.empty());
        }
    }

    TEST_CASE("broken and hostile feeds give a document, never a crash") {
        const std::string deep = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title><entry><title>E</title><content type=\"xhtml\">" +
                                 repeat("<div>", 100'000) + "inside" + repeat("</div>", 100'000) + "</content></entry></feed>";
        const html::Document doc = html::extract(deep, "application/atom+xml", "");
        CHECK(doc.title == "Deep");
        CHECK(html::extract("<rss><channel><item><title>Only a title", "application/rss+xml", "").is_text);
        CHECK(html::extract("<?xml version=\"1.0\" encoding=\"", "text/xml", "").text.empty());
        const html::Document many = html::extract("<rss><channel><title>Many</title>" + repeat("<item><title>Item</title><description>&lt;p&gt;Body text.&lt;/p&gt;</description></item>", 2'000) +
                                                      "</channel></rss>",
                                                  "application/rss+xml", "");
        CHECK(many.paragraphs.size() == 4'000);
    }
}
