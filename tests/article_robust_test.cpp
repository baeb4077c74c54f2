// The article reader on hostile input: huge lines, deep quotes, every script, control characters,
// inputs with no prose at all. Each must parse (or stop with an input error) quickly and keep spans
// on character boundaries.
#include <claimtrack/article.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

bool on_boundary(const std::string& body, std::size_t at) {
    return at == body.size() || (static_cast<unsigned char>(body[at]) & 0xC0) != 0x80;
}

// Every paragraph lies inside the body, in order, starting and ending on a character boundary.
void check_spans(const Article& article) {
    std::size_t previous_end = 0;
    for (const Paragraph& p : article.paragraphs) {
        REQUIRE(p.span.start < p.span.end);
        REQUIRE(p.span.end <= article.body.size());
        CHECK(p.span.start >= previous_end);
        CHECK(on_boundary(article.body, p.span.start));
        CHECK(on_boundary(article.body, p.span.end));
        previous_end = p.span.end;
    }
}

std::size_t count_kind(const Article& article, ParagraphKind kind) {
    return static_cast<std::size_t>(std::count_if(article.paragraphs.begin(), article.paragraphs.end(),
                                                  [&](const Paragraph& p) { return p.kind == kind; }));
}

std::string repeat(std::string_view piece, std::size_t bytes) {
    std::string out;
    out.reserve(bytes + piece.size());
    while (out.size() < bytes) out += piece;
    return out;
}

void expect_no_text(std::string_view input, std::string_view reason_start) {
    try {
        article::parse(std::string(input), article::Format::text, {"", "", "in.txt"});
        FAIL("expected an input error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::input);
        CHECK(error.input() == "in.txt");
        CHECK(error.reason().starts_with(reason_start));
        CHECK(error.reason().find('\n') == std::string::npos);
    }
}

}  // namespace

TEST_SUITE("article robust") {

TEST_CASE("one 5 MB line is one text paragraph, not a title, and its language is found") {
    const std::string line = repeat("Larkspur said revenue rose from 38% to 41% in April. 份额由95%下降为0。", 5 << 20);
    const Article article = article::parse("Headline\n\n" + line + "\n", article::Format::text, {});
    check_spans(article);
    REQUIRE(article.paragraphs.size() == 2);
    CHECK(article.paragraphs[0].kind == ParagraphKind::title);
    CHECK(article.paragraphs[1].kind == ParagraphKind::text);
    CHECK(article.paragraphs[1].span.end - article.paragraphs[1].span.start == line.size());
    CHECK(article.language == "en");
    CHECK(article.sources.empty());
}

TEST_CASE("a 1.5 MB run of URL characters ending in punctuation is read in linear time") {
    // A long token whose tail is punctuation used to be trimmed one character at a time with a
    // recount of its brackets each time.
    const std::string token = "example.com/" + repeat("a(", 256 << 10) + repeat(")", 256 << 10) + repeat(".", 1 << 20);
    const Article article = article::parse("Title\n\nSee " + token + "\n\nA second paragraph.\n", article::Format::text, {});
    check_spans(article);
    CHECK(article.paragraphs.size() == 3);
}

TEST_CASE("10,000 levels of nested quotes parse as one paragraph with the body kept byte for byte") {
    const std::string opens[] = {"“", "「", "『"};
    const std::string closes[] = {"”", "」", "』"};
    std::string quote = "黄仁勋说";
    for (int i = 0; i < 10000; ++i) quote += opens[i % 3];
    quote += "中国将赢得AI竞赛";
    for (int i = 9999; i >= 0; --i) quote += closes[i % 3];
    quote += "。";
    const std::string input = "嵌套引语\n\n" + quote + "\n";
    const Article article = article::parse(input, article::Format::text, {});
    check_spans(article);
    CHECK(article.body == input);
    REQUIRE(article.paragraphs.size() == 2);
    CHECK(article.paragraphs[1].kind == ParagraphKind::text);
    CHECK(article.language == "zh");
}

TEST_CASE("a line from every Unicode block keeps every line and every span on a character boundary") {
    std::string input = "Every script\n";
    std::size_t lines = 1;
    for (char32_t block = 0x20; block < 0x30000; block += 0x80) {
        std::string line;
        for (char32_t c = block; c < block + 0x80 && line.size() < 120; ++c) {
            const bool surrogate = c >= 0xD800 && c <= 0xDFFF;
            const bool noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
            if (!surrogate && !noncharacter && c != '\n' && c != '\r' && c != 0x85) text::append_utf8(line, c);
        }
        if (line.empty()) continue;
        input += line + "\n";
        ++lines;
    }
    const Article article = article::parse(input, article::Format::text, {});
    check_spans(article);
    CHECK(article.body == input);
    CHECK(article.paragraphs.size() >= lines - 8);  // a few blocks are only white space
    CHECK(count_kind(article, ParagraphKind::text) > lines / 2);
}

TEST_CASE("C0 and C1 control characters inside prose are kept and do not split or end it") {
    std::string controls;
    for (char32_t c = 1; c < 0x20; ++c) {
        if (c != '\n' && c != '\r') text::append_utf8(controls, c);
    }
    for (char32_t c = 0x80; c < 0xA0; ++c) text::append_utf8(controls, c);
    const std::string input = "Title\n\nLarkspur said" + controls + " revenue rose 5%.\n\nAnother line.\n";
    const Article article = article::parse(input, article::Format::text, {});
    check_spans(article);
    CHECK(article.body == input);
    REQUIRE(article.paragraphs.size() == 3);
    CHECK(article.paragraphs[1].kind == ParagraphKind::text);
}

TEST_CASE("a NUL inside text given to the parser is kept as a character, not an end of string") {
    std::string input = "Title\n\nBefore";
    input += '\0';
    input += "after the NUL.\n";
    const Article article = article::parse(input, article::Format::text, {});
    check_spans(article);
    CHECK(article.body.size() == input.size());
    REQUIRE(article.paragraphs.size() == 2);
    CHECK(article.paragraphs[1].span.end - article.paragraphs[1].span.start == 21);
}

TEST_CASE("empty, blank, source-list-only and noise-only inputs stop with a one-line reason") {
    expect_no_text("", "no article text (the input is empty");
    expect_no_text(" \n\u3000\n\t\n", "no article text (the input is empty");
    expect_no_text("Sources\n英伟达财报 https://news.example.com/a\nAMD results https://markets.example.org/b\n",
                   "no article text, only a list of sources");
    expect_no_text(repeat("500\n\nShare\n站务\n1/3\n", 4000), "no article text, only lines that are not prose");
}

TEST_CASE("thousands of cited sources are collected once each, in order") {
    std::string input = "Title\n\nOne sentence of prose here.\n\n";
    for (int i = 0; i < 2000; ++i) input += "Report " + std::to_string(i) + " https://news.example.com/r/" + std::to_string(i) + "\n";
    input += "Again https://news.example.com/r/7\n";
    const Article article = article::parse(input, article::Format::text, {});
    REQUIRE(article.sources.size() == 2000);
    CHECK(article.sources[7].url == "https://news.example.com/r/7");
    CHECK(article.sources[7].title == "Report 7");
    CHECK(article.sources.back().position == 1999);
}

TEST_CASE("a long line that starts like site chrome is noise; one that only contains it is not") {
    const std::string tail = repeat("文字", 400);
    const Article article = article::parse("Title\n\n本文来自网络，" + tail + "\n\nLarkspur said 站务 " + tail + "\n",
                                           article::Format::text, {});
    REQUIRE(article.paragraphs.size() == 3);
    CHECK(article.paragraphs[1].kind == ParagraphKind::noise);
    CHECK(article.paragraphs[2].kind == ParagraphKind::text);
}

}  // TEST_SUITE
