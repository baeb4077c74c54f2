// ParagraphStream must give every paragraph the kind `parse` gives it, whatever the lines are.
#include <claimtrack/article.hpp>
#include <claimtrack/error.hpp>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Give `reader` the lines of `body`, then finish it.
void feed(article::ParagraphStream& reader, const std::string& body) {
    std::size_t start = 0;
    while (start <= body.size()) {
        const auto end = std::min(body.find('\n', start), body.size());
        reader.add_line(std::string_view(body).substr(start, end - start), start);
        start = end + 1;
    }
    reader.finish();
}

std::vector<article::ParagraphStream::Finished> stream(const std::string& body) {
    std::vector<article::ParagraphStream::Finished> out;
    article::ParagraphStream reader([&](article::ParagraphStream::Finished&& f) { out.push_back(std::move(f)); });
    feed(reader, body);
    reader.require_text("test");
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    return out;
}

void same_as_parse(const std::string& body) {
    const Article parsed = article::parse(body, article::Format::text, {});
    const auto streamed = stream(body);
    REQUIRE(streamed.size() == parsed.paragraphs.size());
    for (std::size_t i = 0; i < streamed.size(); ++i) {
        CAPTURE(i);
        CHECK(streamed[i].index == i);
        CHECK(streamed[i].paragraph == parsed.paragraphs[i]);
        const Span span = parsed.paragraphs[i].span;
        CHECK(streamed[i].text == body.substr(span.start, span.end - span.start));
    }
}

// Lines of every kind the source-list rules look at.
const std::vector<std::string> k_lines = {
    "英伟达在中国的市场份额由95%下降为0，这是黄仁勋在十月的一次采访中说的。",
    "Northwind Devices said on Tuesday that its revenue rose from 12% to 18% in the third quarter of the year.",
    "短句",
    "Share",
    "500",
    "全部专栏",
    "参考资料",
    "Sources:",
    "新浪科技 https://finance.sina.example/tech/2025-10-11/doc-1.shtml",
    "- Quillmark report https://quillmark.example/report?utm_source=x",
    "[3] https://news.example/a/b",
    "caixin.example/2025/ai-chips.html",
    "   ",
    "",
    "Read more at https://blog.example/post and elsewhere, said the editor in a long line of prose.",
    "图片来源：网络",
};

}  // namespace

TEST_CASE("the stream classifier agrees with parse on the samples' shapes") {
    same_as_parse("标题\n正文第一段，内容很长很长很长很长很长很长很长很长很长很长很长。\n\n参考资料\n新浪 https://a.example/1\n财新 b.example/2\n");
    same_as_parse("Title\nBody text that is long enough to be prose for the article.\nSources:\nA https://a.example/1\nShare\nSubscribe\n");
    same_as_parse("only one paragraph of prose, which is therefore not a title at all");
    same_as_parse("A https://a.example/1\nB https://b.example/2\nprose after the list that is long enough to be text here\n");
}

TEST_CASE("the stream classifier agrees with parse on random articles") {
    std::mt19937 random(20261207);
    for (int round = 0; round < 3000; ++round) {
        const std::size_t count = 1 + random() % 24;
        std::string body = k_lines[random() % 2] + "\n";  // always some prose
        for (std::size_t i = 0; i < count; ++i) {
            // Weight the tail towards sources and short lines, where the rules are subtle.
            const std::size_t pick = random() % (k_lines.size() + 6);
            body += pick < k_lines.size() ? k_lines[pick] : pick % 2 == 0 ? k_lines[8] : k_lines[2];
            if (random() % 5 != 0) body += "\n";
            else body += "\r\n"[random() % 2] == '\r' ? "\n" : "\n\n";
        }
        CAPTURE(body);
        same_as_parse(body);
    }
}

TEST_CASE("the stream classifier gives the error parse gives for an input without prose") {
    for (const std::string body : {"500\nShare\n", "参考资料\n新浪 https://a.example/1\n财新 https://b.example/2\n", "  \n\n"}) {
        std::string parse_error;
        std::string stream_error;
        try {
            (void)article::parse(body, article::Format::text, {.title = {}, .date = {}, .origin = "x.txt"});
        } catch (const Error& e) {
            parse_error = e.what();
        }
        article::ParagraphStream reader([](article::ParagraphStream::Finished&&) {});
        feed(reader, body);
        try {
            reader.require_text("x.txt");
        } catch (const Error& e) {
            stream_error = e.what();
        }
        CHECK_FALSE(parse_error.empty());
        CHECK(stream_error == parse_error);
    }
}

TEST_CASE("the stream classifier holds little: a long run of source lines is given out past 1 MB") {
    std::size_t given = 0;
    std::size_t most_waiting = 0;
    std::size_t added = 0;
    article::ParagraphStream reader([&](article::ParagraphStream::Finished&&) { ++given; });
    std::size_t offset = 0;
    const std::string line = "A source https://sources.example/a/very/long/path/to/a/page/that/is/cited.html";
    reader.add_line("Some prose that opens the article and is long enough to be text.", offset);
    for (int i = 0; i < 40000; ++i) {
        offset += line.size() + 1;
        reader.add_line(line, offset);
        ++added;
        most_waiting = std::max(most_waiting, added + 1 - given);
    }
    reader.finish();
    CHECK(given == added + 1);
    CHECK(most_waiting * line.size() < (1u << 20) + 2 * line.size());
}
