#include <claimtrack/article.hpp>
#include <claimtrack/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Our own sample, shaped like a pasted Chinese column: title, image sizes, chrome, a source list.
const std::string k_zh_sample =
    "光刻机之争：荷兰设备商的中国生意还能做多久?\r\n"
    "\r\n"
    "500\r\n"
    "\r\n"
    "阿斯麦的CEO是傅恪礼,他上个月在阿姆斯特丹的投资者日上说,“中国客户的订单不会消失。”\r\n"
    "\r\n"
    "据该公司财报,中国大陆占其销售额的比例由49%下降为27%。\r\n"
    "\r\n"
    "500\r\n"
    "\r\n"
    "分享到\r\n"
    "\r\n"
    "阿斯麦财报:中国区收入占比回落 https://www.example.com/news/asml-q3.html?utm_source=wechat&id=7#top\r\n"
    "\r\n"
    "光刻机出口管制再收紧 https://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=abc&chksm=ff&scene=21#wechat_redirect\r\n"
    "\r\n"
    "傅恪礼:中国市场仍然重要_科技频道 tech.example.cn/2025/10/15/doc-123.shtml\r\n"
    "\r\n"
    "欧洲半导体设备商的亚洲布局 HTTP://News.Example.ORG:80/asia?from=timeline&page=2\r\n"
    "\r\n"
    "500\r\n"
    "\r\n"
    "站务\r\n"
    "\r\n"
    "全部专栏";

std::string slice(const Article& article, const Paragraph& paragraph) {
    return article.body.substr(paragraph.span.start, paragraph.span.end - paragraph.span.start);
}

std::vector<ParagraphKind> kinds(const Article& article) {
    std::vector<ParagraphKind> out;
    for (const auto& paragraph : article.paragraphs) out.push_back(paragraph.kind);
    return out;
}

}  // namespace

TEST_SUITE("article") {

TEST_CASE("a pasted Chinese column yields title, noise, text and the trailing source list") {
    const Article article = article::parse(k_zh_sample, article::Format::text, {"", "2025-11-10", "zh.txt"});
    CHECK(article.title == "光刻机之争：荷兰设备商的中国生意还能做多久?");
    CHECK(article.language == "zh");
    CHECK(article.date == "2025-11-10");
    CHECK(article.origin == "zh.txt");
    CHECK(article.format == "text");
    CHECK(article.body.find('\r') == std::string::npos);
    CHECK(article.sha256.size() == 64);
    using K = ParagraphKind;
    CHECK(kinds(article) == std::vector<K>{K::title, K::noise, K::text, K::text, K::noise, K::noise, K::source_list,
                                           K::source_list, K::source_list, K::source_list, K::noise, K::noise, K::noise});
    CHECK(slice(article, article.paragraphs[2]).starts_with("阿斯麦的CEO是傅恪礼"));
    REQUIRE(article.sources.size() == 4);
    CHECK(article.sources[0] == CitedSource{"https://www.example.com/news/asml-q3.html?id=7", "阿斯麦财报:中国区收入占比回落", 0});
    CHECK(article.sources[1] ==
          CitedSource{"https://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=abc", "光刻机出口管制再收紧", 1});
    CHECK(article.sources[2] ==
          CitedSource{"https://tech.example.cn/2025/10/15/doc-123.shtml", "傅恪礼:中国市场仍然重要_科技频道", 2});
    CHECK(article.sources[3] == CitedSource{"http://news.example.org/asia?page=2", "欧洲半导体设备商的亚洲布局", 3});
}

TEST_CASE("the title option overrides the detected title and spans point into the body") {
    const Article article = article::parse(k_zh_sample, article::Format::text, {"自定义标题", "", ""});
    CHECK(article.title == "自定义标题");
    CHECK(article.paragraphs[0].kind == ParagraphKind::title);
    for (const auto& paragraph : article.paragraphs) {
        CHECK(paragraph.span.start < paragraph.span.end);
        CHECK(paragraph.span.end <= article.body.size());
    }
    CHECK(slice(article, article.paragraphs.back()) == "全部专栏");
}

TEST_CASE("Markdown links become text in the body and cited sources") {
    const std::string md =
        "# Chip *export* rules tighten\n"
        "\n"
        "Nvidia's **share** fell from 95% to 0, [Reuters reported](https://www.reuters.com/tech/a?utm_medium=x) "
        "on Monday, see also <https://example.com/b>.\n"
        "\n"
        "![chart](https://img.example.com/c.png)\n"
        "\n"
        "A snake_case name stays.\n"
        "\n"
        "## Sources\n"
        "\n"
        "- [Reuters story](https://www.reuters.com/tech/a)\n"
        "- [Company filing](https://investor.example.com/q3.pdf#page=2)\n";
    const Article article = article::parse(md, article::Format::markdown, {});
    CHECK(article.title == "Chip export rules tighten");
    CHECK(article.language == "en");
    CHECK(article.format == "markdown");
    CHECK(article.body.find("Nvidia's share fell from 95% to 0, Reuters reported on Monday, see also "
                            "https://example.com/b.") != std::string::npos);
    CHECK(article.body.find("snake_case") != std::string::npos);
    CHECK(article.body.find("chart") == std::string::npos);
    using K = ParagraphKind;
    CHECK(kinds(article) == std::vector<K>{K::title, K::text, K::text, K::source_list, K::source_list, K::source_list});
    REQUIRE(article.sources.size() == 3);
    CHECK(article.sources[0] == CitedSource{"https://www.reuters.com/tech/a", "Reuters reported", 0});
    CHECK(article.sources[1] == CitedSource{"https://example.com/b", "https://example.com/b", 1});
    CHECK(article.sources[2] == CitedSource{"https://investor.example.com/q3.pdf", "Company filing", 2});
}

TEST_CASE("Markdown keeps bare URLs intact and reads reference links") {
    const std::string md = "微信文章\n\n见 https://mp.weixin.qq.com/s?__biz=Mz_A&mid=1&idx=1&sn=a_b_c 与[财报][q3]。\n\n"
                           "[q3]: https://investor.example.com/q3?utm_campaign=x\n";
    const Article article = article::parse(md, article::Format::markdown, {});
    CHECK(article.body.find("https://mp.weixin.qq.com/s?__biz=Mz_A&mid=1&idx=1&sn=a_b_c") != std::string::npos);
    CHECK(article.body.find("[q3]") == std::string::npos);
    REQUIRE(article.sources.size() == 2);
    CHECK(article.sources[0].url == "https://mp.weixin.qq.com/s?__biz=Mz_A&mid=1&idx=1&sn=a_b_c");
    CHECK(article.sources[1] == CitedSource{"https://investor.example.com/q3", "财报", 1});
}

TEST_CASE("plain URLs anywhere in the text are cited sources") {
    const std::string text =
        "Intel names a new chief\n"
        "Intel's CEO Lip-Bu Tan spoke in Santa Clara (details: https://example.com/intel?id=1), officials said.\n"
        "更多内容见 www.example.cn/news/1.html 。\n";
    const Article article = article::parse(text, article::Format::text, {});
    REQUIRE(article.sources.size() == 2);
    CHECK(article.sources[0].url == "https://example.com/intel?id=1");
    CHECK(article.sources[0].title.empty());
    CHECK(article.sources[1].url == "https://www.example.cn/news/1.html");
    CHECK(article.paragraphs[1].kind == ParagraphKind::text);
}

TEST_CASE("the same source cited twice is stored once with its first label") {
    const std::string text = "Title line\nSome text here.\nFirst label https://a.example.com/x?utm_source=1\n"
                             "Second label https://A.example.com:443/x#frag\n";
    const Article article = article::parse(text, article::Format::text, {});
    REQUIRE(article.sources.size() == 1);
    CHECK(article.sources[0] == CitedSource{"https://a.example.com/x", "First label", 0});
}

TEST_CASE("HTML input keeps block text and anchor targets") {
    const std::string html = "<html><head><title>x</title><script>var a=1;</script></head><body>"
                             "<h1>Chips &amp; power</h1><p>Huawei links <b>thousands</b> of chips, "
                             "<a href=\"https://example.com/h?spm=1\">a report</a> said.</p></body></html>";
    const Article article = article::parse(html, article::Format::html, {});
    CHECK(article.title == "Chips & power");
    CHECK(article.body.find("var a") == std::string::npos);
    REQUIRE(article.sources.size() == 1);
    CHECK(article.sources[0] == CitedSource{"https://example.com/h", "a report", 0});
}

TEST_CASE("normalize_url canonicalizes http(s) URLs and bare domains") {
    using article::normalize_url;
    CHECK(normalize_url("finance.sina.com.cn/tech/discovery/2025-11-06/doc-x.shtml") ==
          "https://finance.sina.com.cn/tech/discovery/2025-11-06/doc-x.shtml");
    CHECK(normalize_url("HTTPS://WWW.Example.COM:443/Path?b=2&utm_source=x&a=1#section") ==
          "https://www.example.com/Path?b=2&a=1");
    CHECK(normalize_url("http://example.com:80") == "http://example.com/");
    CHECK(normalize_url("http://example.com:8080/a") == "http://example.com:8080/a");
    CHECK(normalize_url("https://www.caixin.com/2025-09-19/102364176.html?originReferrer=caixinsearch_pc") ==
          "https://www.caixin.com/2025-09-19/102364176.html");
    CHECK(normalize_url("https://x.com/a?spm=1.2&from=groupmessage&fbclid=z&gclid=q&share_token=t") ==
          "https://x.com/a");
    CHECK(normalize_url("https://mp.weixin.qq.com/s?__biz=Mz&mid=1&idx=2&sn=ab&scene=21") ==
          "https://mp.weixin.qq.com/s?__biz=Mz&mid=1&idx=2&sn=ab");
    CHECK_FALSE(normalize_url("javascript:alert(1)").has_value());
    CHECK_FALSE(normalize_url("ftp://example.com/file").has_value());
    CHECK_FALSE(normalize_url("mailto:desk@example.com").has_value());
    CHECK_FALSE(normalize_url("example.com").has_value());
    CHECK_FALSE(normalize_url("3.5/4").has_value());
    CHECK_FALSE(normalize_url("").has_value());
}

TEST_CASE("empty and noise-only input stop with an input error") {
    CHECK_THROWS_AS(article::parse("", article::Format::text, {}), Error);
    try {
        article::parse("\n\n500\n\n站务\n全部专栏\n", article::Format::text, {"", "", "noise.txt"});
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::input);
        CHECK(error.input() == "noise.txt");
        CHECK(error.place() == "line 3");
        CHECK(error.reason().starts_with("no article text, only lines that are not prose"));
    }
    try {
        article::parse("  \n\t\n", article::Format::text, {});
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.place() == "text");
    }
    CHECK_THROWS_AS(article::parse("Only a source https://example.com/a\n", article::Format::text, {}), Error);
}

TEST_CASE("a one-line article is text without a title") {
    const Article article = article::parse("Nvidia's share in China fell to zero.", article::Format::text, {});
    CHECK(article.title.empty());
    REQUIRE(article.paragraphs.size() == 1);
    CHECK(article.paragraphs[0].kind == ParagraphKind::text);
}

TEST_CASE("formats are named by option or file extension") {
    CHECK(article::format_from_name("md") == article::Format::markdown);
    CHECK(article::format_from_name("HTML") == article::Format::html);
    CHECK_FALSE(article::format_from_name("pdf").has_value());
    CHECK(article::format_from_path("notes/a.markdown") == article::Format::markdown);
    CHECK(article::format_from_path("a.htm") == article::Format::html);
    CHECK(article::format_from_path("dir.v2/README") == article::Format::text);
}

TEST_CASE("the reference seed article parses with its four sources") {
    const std::filesystem::path seed = std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "../shared/seed/article-zh-ai-chips.txt";
    if (!std::filesystem::exists(seed)) return;
    std::ifstream in(seed, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const Article article = article::parse(buffer.str(), article::Format::text, {});
    CHECK(article.title == "中国人太聪明了,“中美竞争”变成“中中竞争”了?");
    REQUIRE(article.sources.size() == 4);
    CHECK(article.sources[3].url ==
          "https://finance.sina.com.cn/tech/discovery/2025-11-06/doc-infwmkvf2158208.shtml");
    CHECK(article.sources[2].url == "https://www.caixin.com/2025-09-19/102364176.html");
    CHECK(article.sources[0].title == "黄仁勋力挺中国AI背后,实则怕英伟达丢全球芯片江山?");
    CHECK(article.paragraphs.back().kind == ParagraphKind::noise);
}

TEST_CASE("Markdown lines wrapped inside a paragraph join into one paragraph") {
    const std::string md =
        "# Wrapped\n"
        "\n"
        "Nvidia's share in China fell\n"
        "from 95% to zero, its chief\n"
        "executive said.\n"
        "\n"
        "英伟达在中国的份额\n"
        "由95%下降为0。\n"
        "黄仁勋说中国将赢得AI竞赛。\n"
        "\n"
        "- first item\n"
        "  continues here\n"
        "- second item\n"
        "\n"
        "Hard break  \n"
        "after two spaces\n"
        "Reuters story https://www.reuters.com/a\n"
        "Company filing https://investor.example.com/q3\n";
    const Article article = article::parse(md, article::Format::markdown, {});
    std::vector<std::string> texts;
    for (const auto& paragraph : article.paragraphs) texts.push_back(slice(article, paragraph));
    CHECK(texts == std::vector<std::string>{"Wrapped", "Nvidia's share in China fell from 95% to zero, its chief executive said.",
                                            "英伟达在中国的份额由95%下降为0。", "黄仁勋说中国将赢得AI竞赛。",
                                            "first item continues here", "second item", "Hard break", "after two spaces",
                                            "Reuters story https://www.reuters.com/a",
                                            "Company filing https://investor.example.com/q3"});
    REQUIRE(article.sources.size() == 2);
    CHECK(article.sources[1] == CitedSource{"https://investor.example.com/q3", "Company filing", 1});
}

TEST_CASE("site furniture in Chinese and English is noise, with counters and in Traditional script") {
    const std::string text =
        "Chips and power\n"
        "Huawei links thousands of chips into one system, the company said.\n"
        "Read more\nFollow us\nSign up\nNewsletter\nCookie\n12 Comments\nPrint\nEmail\nTweet\n"
        "分享到：微信 微博\n扫码关注\n举报\n返回頂部\n责任编辑：王小明\n相关阅读\n点击查看\n广告\n评论(23)\n"
        "The final sentence of the story is here.\n";
    const Article article = article::parse(text, article::Format::text, {});
    using K = ParagraphKind;
    std::vector<K> expected{K::title, K::text};
    expected.insert(expected.end(), 18, K::noise);
    expected.push_back(K::text);
    CHECK(kinds(article) == expected);
}

TEST_CASE("unknown short lines after the source list do not hide it") {
    const std::string text =
        "芯片之争\n"
        "英伟达的CEO是黄仁勋,他说中国将赢得AI竞赛。\n"
        "黄仁勋力挺中国AI背后 https://mp.weixin.qq.com/s/abc\n"
        "华为力推算力替代路径_财新网 https://www.caixin.com/2025-09-19/102364176.html\n"
        "500\n"
        "我的书架\n"
        "Terms & Conditions apply\n";
    const Article article = article::parse(text, article::Format::text, {});
    using K = ParagraphKind;
    CHECK(kinds(article) == std::vector<K>{K::title, K::text, K::source_list, K::source_list, K::noise, K::noise, K::noise});
    REQUIRE(article.sources.size() == 2);
    CHECK(article.sources[0].title == "黄仁勋力挺中国AI背后");
    CHECK(article.sources[1].title == "华为力推算力替代路径_财新网");
}

TEST_CASE("a short closing line with no source list above it stays article text") {
    const std::string text = "Title here\nThe company said revenue rose.\nSee https://example.com/a\nThat is all.\n";
    const Article article = article::parse(text, article::Format::text, {});
    using K = ParagraphKind;
    CHECK(kinds(article) == std::vector<K>{K::title, K::text, K::text, K::text});
}

}  // TEST_SUITE
