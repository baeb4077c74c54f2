#include <claimtrack/html.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace claimtrack;

namespace {

html::Document extract_html(const std::string& page) { return html::extract(page, "text/html", "https://news.example/a"); }

const std::string k_prose =
    "The harbour authority said on Monday that container traffic rose by a fifth last year, "
    "the largest increase since the port reopened, and that new cranes would arrive in spring.";

}  // namespace

TEST_SUITE("html extraction quality") {
    TEST_CASE("links, sources and data attributes are dropped before parsing without losing class, meta or text") {
        const std::string page =
            "<html lang=\"en-GB\"><head><meta property=\"og:title\" content=\"Port traffic rises\">"
            "<meta name=\"author\" content=\"Ada Quill\"></head><body>"
            "<div class=\"article-body\" data-track=\"x\" onclick=\"go()\"><p data-id=\"7\">" + k_prose + "</p>"
            "<p>Second paragraph with <a href=\"https://other.example/x?very=long&amp;query=1\" data-x=\"y\">a link</a>"
            " inside, which stays in the text of the article as well.</p></div></body></html>";
        const html::Document doc = extract_html(page);
        CHECK(doc.title == "Port traffic rises");
        CHECK(doc.author == "Ada Quill");
        CHECK(doc.language == "en");
        CHECK(doc.text.find("container traffic rose by a fifth") != std::string::npos);
        CHECK(doc.text.find("with a link inside") != std::string::npos);
    }

    TEST_CASE("drawings, menus and frames are skipped and the text after them is kept") {
        const std::string page =
            "<html><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World</a></li></ul></nav>"
            "<article><svg viewBox=\"0 0 10 10\"><text>chart label</text><path d=\"M0 0L10 10\"/></svg>"
            "<p>" + k_prose + "</p><iframe src=\"https://ads.example/\">frame text</iframe>"
            "<p>After the frame, the authority added that fees would not change this year.</p></article></body></html>";
        const html::Document doc = extract_html(page);
        CHECK(doc.text.find("chart label") == std::string::npos);
        CHECK(doc.text.find("Home") == std::string::npos);
        CHECK(doc.text.find("frame text") == std::string::npos);
        CHECK(doc.text.find("fees would not change") != std::string::npos);
    }

    TEST_CASE("no-break and ideographic spaces collapse to one space") {
        const std::string page = "<html><body><article><p>Traffic\xC2\xA0\xC2\xA0rose \xE3\x80\x80 by a fifth, "
                                 "the authority said in a statement on Monday, adding that cranes would follow.</p>"
                                 "</article></body></html>";
        const html::Document doc = extract_html(page);
        CHECK(doc.text.starts_with("Traffic rose by a fifth,"));
    }

    TEST_CASE("on a page of several posts the first post is the main text") {
        const std::string first = "First post about the harbour, which the page is about, told at length with many "
                                  "details, figures and quotes, so that it reads as a proper article of its own.";
        std::string page = "<html><body><table><tr><td><table><tr><td><table><tr><td><table><tr><td>"
                           "<div class=\"post-body\"><p>" + first + "</p></div>"
                           "</td></tr></table></td></tr></table></td></tr></table></td></tr>"
                           "<tr><td><table><tr><td><table><tr><td><table><tr><td><div class=\"post-body\">";
        for (int i = 0; i < 3; ++i) page += "<p>An older, longer post about something else, with a lot more words, commas, and sentences in it.</p>";
        page += "</div></td></tr></table></td></tr></table></td></tr></table></td></tr></table></body></html>";
        const html::Document doc = extract_html(page);
        CHECK(doc.text == first);
    }

    TEST_CASE("table rows that are lists of links are not part of the text") {
        const std::string page =
            "<html><body><table><tr><td><p>" + k_prose + "</p><p>" + k_prose + "</p></td></tr>"
            "<tr><td><a href=\"/a\">[Top] Another story entirely</a></td></tr>"
            "<tr><td><a href=\"/b\">[Focus] Yet another headline here</a></td></tr></table></body></html>";
        const html::Document doc = extract_html(page);
        CHECK(doc.text.find("container traffic") != std::string::npos);
        CHECK(doc.text.find("Another story") == std::string::npos);
        CHECK(doc.text.find("Yet another headline") == std::string::npos);
    }

    TEST_CASE("the writer is read from a closing reporter credit or a forum poster line") {
        const std::string body = "港口集装箱吞吐量去年增长两成，为重新开放以来最大增幅，新的起重机将于明年春天到货，"
                                 "港务局表示费用今年不会调整，航运公司对此表示欢迎。";
        const html::Document credit = extract_html("<html><body><div class=\"content\"><p>" + body +
                                                   "（晨报记者 林小雨）</p></div></body></html>");
        CHECK(credit.author == "林小雨");
        const html::Document reported = extract_html("<html><body><div class=\"content\"><p>" + body +
                                                     "（周安 宁波报道）</p></div></body></html>");
        CHECK(reported.author == "周安");
        const html::Document forum = extract_html("<html><body><div>港口论坛 航运迷 发表于 2005-9-15</div><div class=\"content\"><p>" +
                                                  body + "</p></div></body></html>");
        CHECK(forum.author == "航运迷");
    }
}
