#include <claimtrack/report.hpp>

#include "report/html_util.hpp"
#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>
#include <vector>

using namespace claimtrack;
using namespace claimtrack::report;

namespace {

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::size_t count(const std::string& s, std::string_view part) {
    std::size_t n = 0;
    for (auto at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
    return n;
}

struct Attribute {
    std::string name;
    std::string value;
};

struct Tag {
    std::string name;
    std::vector<Attribute> attributes;
    bool well_formed = true;  // every attribute value double-quoted, no stray quote
};

// Return the tags of `html` the way a browser would split them: outside <style>, every '<' opens one.
std::vector<Tag> tags_of(const std::string& html) {
    std::vector<Tag> tags;
    std::size_t at = 0;
    while ((at = html.find('<', at)) != std::string::npos) {
        Tag tag;
        std::size_t k = at + 1;
        while (k < html.size() && html[k] != '>' && !std::isspace(static_cast<unsigned char>(html[k])))
            tag.name += html[k++];
        while (k < html.size() && html[k] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[k])) || html[k] == '/') {
                ++k;
                continue;
            }
            Attribute attr;
            while (k < html.size() && html[k] != '=' && html[k] != '>' &&
                   !std::isspace(static_cast<unsigned char>(html[k])))
                attr.name += html[k++];
            if (k < html.size() && html[k] == '=') {
                if (html[++k] != '"') tag.well_formed = false;
                const auto close = html.find('"', k + 1);
                attr.value = html.substr(k + 1, close - k - 1);
                k = close + 1;
            }
            tag.attributes.push_back(attr);
        }
        if (lower(tag.name) == "style") at = html.find("</style>", k);  // CSS holds '>' selectors, no tags
        tags.push_back(tag);
        at = k;
    }
    return tags;
}

}  // namespace

TEST_SUITE("report html") {
    TEST_CASE("escape_html escapes the five characters and replaces invalid UTF-8") {
        CHECK(detail::escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        CHECK(detail::escape_html("芯片\xff\xc0\x80ok") == "芯片\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDok");
        CHECK(detail::escape_html("a\x01\x1b[2Jb\nc") == "a  [2Jb\nc");
        CHECK(detail::escape_html("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    }

    TEST_CASE("safe_href accepts only http and https URLs") {
        CHECK(detail::safe_href("https://example.com/a?b=1&c=2") == "https://example.com/a?b=1&amp;c=2");
        CHECK(detail::safe_href("HTTP://example.com/") == "HTTP://example.com/");
        CHECK_FALSE(detail::safe_href("javascript:alert(1)"));
        CHECK_FALSE(detail::safe_href(" https://example.com/"));
        CHECK_FALSE(detail::safe_href("https://exa mple.com/"));
        CHECK_FALSE(detail::safe_href("https:///etc/passwd"));
        CHECK_FALSE(detail::safe_href("data:text/html,<script>"));
        CHECK(detail::link_html("javascript:alert(1)", "x<y") == "<span class=\"url\">x&lt;y</span>");
    }

    TEST_CASE("claim numbers and names are marked at the right places") {
        Claim c;
        c.text = "英伟达在中国的市场份额由95%下降为0，2025年<b>";
        c.fields = {{"subject", "英伟达"}, {"from", "95"}, {"to", "0"}, {"unit", "%"}};
        const std::string out = detail::highlight_claim(c);
        CHECK(contains(out, "<mark class=\"name\">英伟达</mark>在中国"));
        CHECK(contains(out, "由<mark class=\"num\">95%</mark>下降为<mark class=\"num\">0</mark>，2025年&lt;b&gt;"));
        CHECK(count(out, "<mark") == 3);  // the 0 inside 2025 is not marked
    }

    TEST_CASE("highlighting escapes names that look like markup and merges overlapping marks") {
        Claim c;
        c.text = "A<b> & A<b>c said";
        c.fields = {{"person", "A<b>"}, {"organization", "<b> & A"}};
        CHECK(detail::highlight_claim(c) == "<mark class=\"name\">A&lt;b&gt; &amp; A&lt;b&gt;</mark>c said");
    }

    TEST_CASE("html report is one self-contained page readable on a phone") {
        const std::string out = render(report_fixture::sample(), Format::html, {});
        CHECK(out.starts_with("<!DOCTYPE html>"));
        CHECK(contains(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        CHECK(contains(out, "@media (max-width:40rem)"));
        CHECK(contains(out, "default-src 'none'"));
        for (const char* external : {"<script", "<link", "<img", "<iframe", "src=", "@import", "url("}) {
            CHECK_MESSAGE(!contains(lower(out), external), external);
        }
        CHECK(contains(out, "<h2 lang=\"zh\">AI芯片竞争</h2>"));
        CHECK(contains(out, "2025-11-06"));
        CHECK(contains(out, "<a href=\"https://news.example.com/ai-chips\""));
        CHECK(out.ends_with("</html>\n"));
    }

    TEST_CASE("html coverage chart is inline SVG with one bar per status") {
        const std::string out = render(report_fixture::sample(), Format::html, {});
        CHECK(contains(out, "<svg class=\"chart\""));
        CHECK(count(out, "<rect ") == 4);
        CHECK(contains(out, "<title>Claims by status: 4 in all</title>"));
        CHECK(contains(out, "fill=\"#1a7f37\""));
        CHECK(contains(out, "<strong>4</strong> claims"));
        CHECK(contains(out, "2 without evidence"));
        CHECK(contains(out, "1 contradicted, with nothing in support"));
    }

    TEST_CASE("html claim cards show badge text, marks, quote in context, source, note and reviewer") {
        const std::string out = render(report_fixture::sample(), Format::html, {});
        CHECK(contains(out, "<article class=\"card verified\" id=\"claim-11\">"));
        CHECK(contains(out, "<span class=\"badge\">\u2713 verified</span>"));
        CHECK(contains(out, "<span class=\"badge\">\u2717 disputed</span>"));
        CHECK(contains(out, "<span class=\"badge\">? unverifiable</span>"));
        CHECK(contains(out, "quantity · #11 · checkworthiness 0.75"));
        CHECK(contains(out, "event · #14 · checkworthiness 0.75 · hedged"));
        CHECK(contains(out, "<mark class=\"name\">英伟达</mark>"));
        CHECK(contains(out, "<mark class=\"name\">张三</mark>"));
        CHECK(contains(out, "<mark class=\"name\">英特尔</mark>"));
        CHECK(contains(out, "<blockquote><span class=\"context\">据报道，</span><strong>市场份额由95%降至0</strong><span class=\"context\">。此后</span></blockquote>"));
        CHECK(contains(out, "Source: <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">"));
        CHECK(contains(out, "supports · score 0.90 · same subject and number · fetched 2025-11-06T10:00:00Z · 1 more"));
        CHECK(contains(out, "Note: matches, the &quot;source&quot;"));
        CHECK(contains(out, "— alice, 2025-11-07T08:00:00Z"));
        CHECK(contains(out, "No evidence linked."));
    }

    TEST_CASE("html sources flag dead ones and those never used as evidence") {
        const std::string out = render(report_fixture::sample(), Format::html, {});
        CHECK(
            contains(out, "<li class=\"dead\"><span class=\"flag\">DEAD</span> <a href=\"https://example.com/gone\""));
        CHECK(contains(out, "HTTP 404 · fetched"));
        CHECK(count(out, "never used as evidence") == 1);
        CHECK(count(out, "used as evidence 1×") == 2);
        CHECK_FALSE(contains(out, "<h3>History</h3>"));
    }

    TEST_CASE("html history table lists every review when asked") {
        const std::string out = render(report_fixture::sample(), Format::html, {Color::off, History::show});
        CHECK(contains(out, "<h3>History</h3>"));
        CHECK(contains(out,
                       "<td><a href=\"#claim-12\">12</a></td><td>2025-11-07T09:00:00Z</td><td>unreviewed</td>"
                       "<td>disputed</td><td>bob</td><td>6</td>"));
        CHECK(count(out, "<tr>") == 4);
    }

    TEST_CASE("html escapes every piece of article and source text") {
        const std::string out = render(report_fixture::hostile(), Format::html, {Color::off, History::show});
        const std::string low = lower(out);
        CHECK_FALSE(contains(low, "<script"));
        CHECK_FALSE(contains(low, "href=\"javascript:"));
        CHECK_FALSE(contains(low, "href=\" javascript:"));
        CHECK(contains(
            out,
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror=&quot;x&#39; onerror=&#39;x javascript:alert(1)"));
        CHECK(contains(out, "<span class=\"url\">javascript:alert(1)</span>"));
        CHECK(contains(out, "张三 <mark class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror"));
        const auto tags = tags_of(out);
        CHECK(tags.size() > 50);
        for (const auto& tag : tags) {
            CHECK_MESSAGE(tag.well_formed, tag.name);
            CHECK_MESSAGE(lower(tag.name).find("script") == std::string::npos, tag.name);
            for (const auto& attr : tag.attributes) {
                CHECK_MESSAGE(!lower(attr.name).starts_with("on"), (tag.name + " " + attr.name));
                CHECK_MESSAGE(attr.value.find_first_of("<>") == std::string::npos, attr.value);
                if (attr.name == "href") {
                    CHECK_MESSAGE((attr.value.starts_with("https://") || attr.value.starts_with("#")), attr.value);
                }
            }
        }
    }

    TEST_CASE("html renders an empty report") {
        const std::string out = render(Report{"2025-01-01T00:00:00Z", {}}, Format::html, {});
        CHECK(contains(out, "<p>No articles.</p>"));
    }

    TEST_CASE("format_from_name knows html, csv and the ClaimReview names") {
        CHECK(format_from_name("html") == Format::html);
        CHECK(format_from_name("csv") == Format::csv);
        CHECK(format_from_name("claimreview") == Format::claimreview);
        CHECK(format_from_name("jsonld") == Format::claimreview);
        CHECK(format_from_name("json-ld") == Format::claimreview);
    }
}
