// Unit: which charset html::decode picks when the Content-Type header names a Western
// single-byte charset (a common server default) for a page in another one.
#include <claimtrack/html.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace claimtrack;

namespace {

// 芯片出口下降 in GBK.
const std::string k_gbk_words = "\xD0\xBE\xC6\xAC\xB3\xF6\xBF\xDA\xCF\xC2\xBD\xB5";

}  // namespace

TEST_SUITE("html decode") {

TEST_CASE("a Western header charset loses to a GBK meta that decodes the page") {
    const std::string page = "<html><head><meta charset=\"gbk\"></head><body><p>" + k_gbk_words + "</p></body></html>";
    for (const char* type : {"text/html; charset=ISO-8859-1", "text/html; charset=windows-1252", "text/html; charset=us-ascii"}) {
        CAPTURE(type);
        const html::Decoded decoded = html::decode(page, type, html::Markup::html);
        CHECK(decoded.charset == "GB18030");
        CHECK(decoded.text.find("芯片出口下降") != std::string::npos);
    }
}

TEST_CASE("a Western header charset loses to UTF-8 bytes") {
    const html::Decoded decoded = html::decode("caf\xC3\xA9 \xE6\xB8\xAF\xE5\x8F\xA3", "text/plain; charset=latin1", html::Markup::plain);
    CHECK(decoded.charset == "UTF-8");
    CHECK(decoded.text == "caf\xC3\xA9 \xE6\xB8\xAF\xE5\x8F\xA3");
}

TEST_CASE("a Western header charset is kept for a page that is Western without it") {
    const std::string page = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 au lait</p></body></html>";
    const html::Decoded decoded = html::decode(page, "text/html; charset=ISO-8859-1", html::Markup::html);
    CHECK(decoded.charset == "windows-1252");
    CHECK(decoded.text.find("Caf\xC3\xA9 au lait") != std::string::npos);
}

TEST_CASE("a multi-byte header charset is not second-guessed by the same rule") {
    // Valid UTF-8 declared as UTF-8, with a Big5 meta: the header wins.
    const html::Decoded decoded = html::decode("<meta charset=big5><p>\xE6\xB8\xAF\xE5\x8F\xA3</p>", "text/html; charset=utf-8",
                                               html::Markup::html);
    CHECK(decoded.charset == "UTF-8");
}

}
