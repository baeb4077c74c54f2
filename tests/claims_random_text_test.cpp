#include <claimtrack/claims.hpp>

#include "support/claims_articles.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using claimtrack::Claim;
using claimtrack::test::text_article;

namespace {

// Extract from `text` (one paragraph, in a zh or en article) and check every claim lies in the body.
void extract_cleanly(const std::string& text, const char* language) {
    auto a = text_article({text});
    a.language = language;
    std::vector<Claim> claims;
    CHECK_NOTHROW(claims = claimtrack::claims::extract(a));
    for (const Claim& c : claims) {
        REQUIRE(c.span.start <= c.span.end);
        REQUIRE(c.span.end <= a.body.size());
        CHECK(c.text == a.body.substr(c.span.start, c.span.end - c.span.start));
    }
}

}  // namespace

TEST_CASE("two figures with one byte or none between them are no change, in either language") {
    // Found importing real news: "5%,10%" made the Chinese change check cut a substring before its start.
    extract_cleanly("星河半导体的营收增长了5%,10%来自海外市场。", "zh");
    extract_cleanly("The 2 3 firms said 95%.", "und");
    extract_cleanly("营收由5%为10%，再由10%至12%。", "zh");
}

TEST_CASE("a sentence or clause that ends in \"the\" is no superlative") {
    // Found by claims_fuzz: the check for "the …est" read past the end of the clause.
    extract_cleanly("Shipments rose 5% at the", "en");
    extract_cleanly("It was the largest, and the", "en");
    extract_cleanly("the", "en");
}

TEST_CASE("random sentences of figures, change words and cues never throw and keep claims in the body") {
    // Pieces that meet the quantity, change, date, role and quote detectors at odd places.
    const std::vector<std::string> pieces = {
        "5%", "10%", "95%", "0", "3.5", "2,600", "五十", "九成五", "两百七十万", "数千至数万", "１２％", "亿", "万", "美元",
        "billion", "million", "$", "from", "to", " to ", " from ", "fell", "rose", "由", "为", "至", "到", "成", "从",
        "增至", "下降为", "升至", ",", "，", "、", " ", "", "。", ".", "“", "”", "\"", "说", "said", "CEO", "的CEO是",
        "黄仁勋", "Lisa Su", "英伟达", "Nvidia", "今年4月", "in April", "2025年", "last week", "最大", "the largest",
        "首次", "for the first time", "据称", "reportedly", "他说", "he said", "between", "and", "-", "~", "%",
    };
    std::mt19937 random(2026);
    for (int n = 0; n < 4000; ++n) {
        std::string text;
        const auto count = 1 + random() % 14;
        for (unsigned k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
        extract_cleanly(text, n % 2 == 0 ? "zh" : "en");
        if (n % 500 == 0) extract_cleanly(text, "und");
    }
}
