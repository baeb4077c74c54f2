#include <claimtrack/html.hpp>

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

std::string to_gbk(const std::string& utf8) {
    std::string out(utf8.size() * 2 + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t size = ucnv_convert("gbk", "utf-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(size));
    return out;
}

std::vector<std::string> paragraphs_of(const html::Document& doc) {
    std::vector<std::string> out;
    for (const Span& span : doc.paragraphs) out.push_back(doc.text.substr(span.start, span.end - span.start));
    return out;
}

const char* const k_cluttered = R"(<!doctype html>
<html lang="en"><head><title>Chip exports fall sharply - The Daily Ledger</title></head>
<body>
<header class="site-header"><a href="/">The Daily Ledger</a><nav><a href="/world">World</a> <a href="/tech">Tech</a></nav></header>
<div class="share-bar"><a href="#">Share on X</a> <a href="#">Share by email</a></div>
<main>
<article class="story">
<h1>Chip exports fall sharply</h1>
<p>Exports of advanced chips fell by a third in the second quarter, according to figures released on Monday by the trade ministry.</p>
<p>Officials said the decline, which followed new licensing rules, was steeper than analysts had expected, and that shipments to data centres were hit hardest.</p>
<h2>What comes next</h2>
<p>The ministry expects volumes to recover slowly, but several manufacturers have already cut their forecasts for the rest of the year.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><p>Something else entirely happened today in another story, with many words to read.</p></aside>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Memory prices climb again as demand returns</a></li><li><a href="/b">Factory output slows for a third month</a></li></ul></div>
<section id="comments"><div class="comment"><p>I have been saying this for years, and nobody listened to me at all, as usual.</p></div></section>
</main>
<footer><p>Copyright 2025 The Daily Ledger. All rights reserved, and then some more words here.</p></footer>
</body></html>)";

}  // namespace

TEST_SUITE("html") {

TEST_CASE("article extraction keeps only the article paragraphs, in order") {
    const html::Document doc = html::extract(k_cluttered, "text/html; charset=utf-8", "https://example.test/a");
    CHECK(doc.is_text);
    const std::vector<std::string> expected = {
        "Exports of advanced chips fell by a third in the second quarter, according to figures released on Monday by the trade ministry.",
        "Officials said the decline, which followed new licensing rules, was steeper than analysts had expected, and that shipments to data centres were hit hardest.",
        "What comes next",
        "The ministry expects volumes to recover slowly, but several manufacturers have already cut their forecasts for the rest of the year.",
    };
    CHECK(paragraphs_of(doc) == expected);
    CHECK(doc.text.find("\n\nWhat comes next\n\n") != std::string::npos);
    CHECK(doc.title == "Chip exports fall sharply");
    CHECK(doc.language == "en");
}

TEST_CASE("a GBK page declared by meta charset and no header is decoded") {
    const std::string page = "<html><head><meta charset=\"gbk\"><title>芯片出口下降</title></head><body><div id=\"artibody\">"
                             "<p>第二季度先进芯片出口下降了三分之一，贸易部周一公布的数据显示了这一点。</p>"
                             "<p>官员表示，这一降幅比分析师预期的更大，数据中心的出货量受到的冲击最大。</p></div></body></html>";
    const html::Document doc = html::extract(to_gbk(page), "text/html", "");
    CHECK(doc.charset == "GB18030");
    CHECK(doc.title == "芯片出口下降");
    CHECK(doc.text.find("第二季度先进芯片出口下降了三分之一") != std::string::npos);
    CHECK(doc.text.find("数据中心的出货量受到的冲击最大") != std::string::npos);
    CHECK(doc.language == "zh");
}

TEST_CASE("a header that says utf-8 loses to a meta gbk that decodes the bytes") {
    const std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                             "<body><p>英伟达的市场份额由百分之九十五下降为零，这是一个重要的变化。</p></body></html>";
    const html::Document doc = html::extract(to_gbk(page), "text/html; charset=UTF-8", "");
    CHECK(doc.charset == "GB18030");
    CHECK(doc.text == "英伟达的市场份额由百分之九十五下降为零，这是一个重要的变化。");
}

TEST_CASE("decode prefers the BOM and keeps valid utf-8") {
    CHECK(html::decode("\xEF\xBB\xBFhello", "", html::Markup::plain).text == "hello");
    const html::Decoded plain = html::decode("caf\xC3\xA9", "", html::Markup::plain);
    CHECK(plain.text == "caf\xC3\xA9");
    CHECK(plain.charset == "UTF-8");
}

TEST_CASE("the site name is stripped from the title element") {
    CHECK(html::extract_article("<title>Chips fall again | The Ledger</title><p>x</p>").title == "Chips fall again");
    CHECK(html::extract_article("<title>芯片出口再次下降_财新网</title>").title == "芯片出口再次下降");
}

TEST_CASE("og:title wins over h1 and the title element") {
    const html::Document doc = html::extract_article(
        "<head><meta property=\"og:title\" content=\"The real headline\"><meta property=\"og:site_name\" content=\"Ledger\">"
        "<title>Other - Ledger</title></head><body><h1>Shown headline</h1></body>");
    CHECK(doc.title == "The real headline");
    CHECK(doc.site == "Ledger");
}

TEST_CASE("JSON-LD gives the date and the author") {
    const html::Document doc = html::extract_article(
        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Caf\\u00e9 chips\","
        "\"datePublished\":\"2025-09-19T10:22:00+08:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Li Wei\"}]}"
        "</script></head><body><p>Body text.</p></body>");
    CHECK(doc.published == "2025-09-19T10:22:00+08:00");
    CHECK(doc.author == "Li Wei");
    CHECK(doc.title == "Caf\xC3\xA9 chips");
}

TEST_CASE("meta tags and time elements give the date and the author") {
    const html::Document doc = html::extract_article(
        "<head><meta name=\"author\" content=\"Ann Smith\"></head><body><h1>T</h1>"
        "<time datetime=\"2024-02-03\">Feb 3</time><p>Body.</p></body>");
    CHECK(doc.published == "2024-02-03");
    CHECK(doc.author == "Ann Smith");
}

TEST_CASE("a Chinese date written near the title becomes ISO 8601") {
    const html::Document doc = html::extract_article(
        "<body><h1>芯片出口下降</h1><div class=\"info\">2025年9月19日 10:22 来源：新华网</div>"
        "<p>第二季度先进芯片出口下降了三分之一，贸易部周一公布的数据显示了这一点。</p></body>");
    CHECK(doc.published == "2025-09-19T10:22");
}

TEST_CASE("dates in several forms are normalized") {
    CHECK(html::normalize_date("2025-09-19 10:22") == "2025-09-19T10:22");
    CHECK(html::normalize_date("September 19, 2025") == "2025-09-19");
    CHECK(html::normalize_date("19 Sept. 2025") == "2025-09-19");
    CHECK(html::normalize_date("2025/9/19") == "2025-09-19");
    CHECK(html::normalize_date("2025-09-19T02:22:00Z") == "2025-09-19T02:22:00Z");
    CHECK(html::normalize_date("2025年09月19日") == "2025-09-19");
    CHECK(html::normalize_date("next Mayor 12, 2025").empty());
    CHECK(html::normalize_date("2025-13-01").empty());
}

TEST_CASE("table rows become lines of cells") {
    const html::Document doc = html::extract_article(
        "<body><article><p>The figures for the quarter, as published by the ministry, were as follows in the table.</p>"
        "<table><tr><th>Year</th><th>Share</th></tr><tr><td>2023</td><td>95%</td></tr><tr><td>2025</td><td>0%</td></tr>"
        "</table></article></body>");
    const std::vector<std::string> paragraphs = paragraphs_of(doc);
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[1] == "Year | Share");
    CHECK(paragraphs[3] == "2025 | 0%");
}

TEST_CASE("hidden elements are dropped") {
    const html::Document doc = html::extract_article(
        "<body><article><p>Visible paragraph with enough words to count as prose, and a comma.</p>"
        "<p style=\"display: none\">Secret paragraph that nobody sees, with a comma too.</p>"
        "<div hidden><p>Another hidden paragraph, also long enough to score.</p></div>"
        "<p aria-hidden=\"true\">Screen readers skip this one, so do we.</p></article></body>");
    CHECK(doc.text == "Visible paragraph with enough words to count as prose, and a comma.");
}

TEST_CASE("text/plain is kept as is with normalized line endings") {
    const html::Document doc = html::extract("First line\r\nsecond line\r\n\r\nNext paragraph\r", "text/plain; charset=utf-8", "");
    CHECK(doc.is_text);
    CHECK(doc.text == "First line\nsecond line\n\nNext paragraph\n");
    REQUIRE(doc.paragraphs.size() == 2);
    CHECK(doc.text.substr(doc.paragraphs[1].start, doc.paragraphs[1].end - doc.paragraphs[1].start) == "Next paragraph");
}

TEST_CASE("images and binaries have no text") {
    CHECK_FALSE(html::extract("\x89PNG\r\n\x1a\n\0\0", "image/png", "").is_text);
    CHECK_FALSE(html::extract("%PDF-1.7", "application/pdf", "").is_text);
    CHECK_FALSE(html::extract(std::string("\0\x01\x02\x03junk", 8), "", "").is_text);
    CHECK(html::extract("<p>Hello, world.</p>", "application/xhtml+xml", "").text == "Hello, world.");
}

TEST_CASE("malformed, empty and deeply nested input does not crash") {
    CHECK(html::extract("", "text/html", "").text.empty());
    CHECK(html::extract_article("<div><p>Unclosed <b>bold <i>text<table><tr><td>cell").text.find("cell") != std::string::npos);
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "deep text, at the bottom of it all.";
    const html::Document doc = html::extract_article(deep);
    CHECK(doc.text == "deep text, at the bottom of it all.");
    std::string junk;
    for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 131) % 256);
    CHECK(html::extract(junk, "text/html", "").is_text);
}

TEST_CASE("photo galleries and caption credits are left out of the main text") {
    const std::string page = R"(<html><body><article class="story">
<p>The council approved the new budget on Tuesday after a long debate about road repairs and school funding.</p>
<ul class="photo-gallery"><li><p>A long caption under the first photo of the council chamber during the vote.</p>
<span class="credit">Photo: Jane Doe</span></li></ul>
<p>Members said the plan would take effect next month, although several amendments are still being drafted.</p>
</article></body></html>)";
    const html::Document doc = html::extract(page, "text/html", "");
    CHECK(paragraphs_of(doc).size() == 2);
    CHECK(doc.text.find("caption under the first photo") == std::string::npos);
    CHECK(doc.text.find("Photo: Jane Doe") == std::string::npos);
}

TEST_CASE("datelines and source credits are left out of the main text") {
    const std::string page = "<html><head><title>暴雨致多地停课</title></head><body><div class=\"article\">"
                             "<p>2005-04-05 06:40更新 来源：新华网</p>"
                             "<p>受持续强降雨影响，本市多个区县的中小学今天临时停课，相关部门已启动应急预案，全力保障群众安全。</p>"
                             "<p>气象部门预计，降雨将持续到周末，部分地区可能出现山洪和地质灾害，请市民减少外出。</p>"
                             "<p>编辑：山石</p></div></body></html>";
    const html::Document doc = html::extract(page, "text/html; charset=utf-8", "");
    CHECK(paragraphs_of(doc).size() == 2);
    CHECK(doc.text.find("来源") == std::string::npos);
    CHECK(doc.text.find("编辑") == std::string::npos);
}

TEST_CASE("the dateline near the title wins over dates in the prose and the sidebar") {
    const std::string page = "<html><head><title>新规出台</title></head><body>"
                             "<div class=\"side\"><p>热门文章 2001-01-01</p></div>"
                             "<h1>新规出台</h1><p>2022-02-13 09:57 来源：本报</p>"
                             "<p>2016年4月14日，有关部门首次提出了这项规定的草案，此后经过多轮讨论和修改，最终在今年正式出台实施。</p>"
                             "</body></html>";
    const html::Document doc = html::extract(page, "text/html; charset=utf-8", "");
    CHECK(doc.published == "2022-02-13T09:57");
}

TEST_CASE("a byline label in the page names the author, cut to the names") {
    const std::string page = "<html><head><meta name=\"author\" content=\"示例网\"><title>春耕</title></head><body>"
                             "<h1>春耕</h1><p>光明日报记者 王建宏 张文攀</p>"
                             "<p>田野里，农民们正忙着播种，今年的春耕比往年提前了一周，各地农资供应充足，价格保持稳定。</p>"
                             "</body></html>";
    const html::Document doc = html::extract(page, "text/html; charset=utf-8", "");
    CHECK(doc.author == "王建宏 张文攀");
    CHECK(doc.text.find("王建宏") == std::string::npos);
}

TEST_CASE("markup debris and keyword lists in meta author are not an author") {
    const std::string debris = "<html><head><meta name=\"author\" content='size=\"20\"'></head><body><p>Text.</p></body></html>";
    CHECK(html::extract(debris, "text/html", "").author.empty());
    const std::string keywords = "<html><head><meta name=\"author\" content=\"www.site.cn,Site News,Site Group\"></head>"
                                 "<body><p>Text.</p></body></html>";
    CHECK(html::extract(keywords, "text/html", "").author.empty());
}

}  // TEST_SUITE
