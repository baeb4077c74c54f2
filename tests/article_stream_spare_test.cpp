// ParagraphStream reuses the strings of paragraphs it has given for the text of later lines: a
// taker that reads without keeping must still see each paragraph's own text, whatever came before.
#include <claimtrack/article.hpp>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Stream `body`; check every paragraph's text against its span of the body, the taker keeping
// (moving out) the text of every `keep_every`-th paragraph only and leaving the others.
void check_texts(const std::string& body, std::size_t keep_every) {
    std::size_t given = 0;
    std::vector<std::string> kept;
    article::ParagraphStream reader([&](article::ParagraphStream::Finished&& f) {
        const Span span = f.paragraph.span;
        CHECK(f.text == body.substr(span.start, span.end - span.start));
        if (keep_every != 0 && given % keep_every == 0) kept.push_back(std::move(f.text));
        ++given;
    });
    std::size_t start = 0;
    while (start <= body.size()) {
        const auto end = std::min(body.find('\n', start), body.size());
        reader.add_line(std::string_view(body).substr(start, end - start), start);
        start = end + 1;
    }
    reader.finish();
    CHECK(given == reader.paragraphs());
}

}  // namespace

TEST_CASE("paragraph texts stay their own when strings are reused") {
    std::mt19937 random(7);
    const std::vector<std::string> pieces = {
        "短", "A sentence of ordinary prose that runs on for a while, longer than a small string.",
        "https://example.com/a/long/path/to/a/source/page.html", "评论(23)", "Sources", "x",
        "第二段文字，讲的是另一件事情，比第一段更长一些，也要超过小字符串的长度。", "  padded line  ",
    };
    for (int round = 0; round < 20; ++round) {
        std::string body;
        const int lines = 1 + static_cast<int>(random() % 60);
        for (int i = 0; i < lines; ++i) {
            std::string line = pieces[random() % pieces.size()];
            if (random() % 5 == 0) line = std::string(random() % 3000, 'w') + line;  // past a spare's size, sometimes
            body += line;
            body += '\n';
        }
        body += "The last paragraph of prose, to be sure there is text here at all.";
        for (const std::size_t keep_every : {0, 1, 2, 3}) check_texts(body, keep_every);
    }
}
