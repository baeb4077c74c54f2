#include <claimtrack/report.hpp>

#include "report_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace claimtrack;
using namespace claimtrack::report;
using nlohmann::json;

TEST_SUITE("report claimreview") {
    TEST_CASE("claimreview has one ClaimReview per reviewed claim, unreviewed ones left out") {
        const json j = json::parse(render(report_fixture::sample(), Format::claimreview, {}));
        REQUIRE(j.is_array());
        REQUIRE(j.size() == 3);
        for (const auto& r : j) {
            CHECK(r["@context"] == "https://schema.org");
            CHECK(r["@type"] == "ClaimReview");
        }
        CHECK(j[0]["identifier"] == "claimtrack:claim:11");
        CHECK(j[2]["identifier"] == "claimtrack:claim:13");
    }

    TEST_CASE("claimreview fields follow schema.org and the documented rating scale") {
        const json j = json::parse(render(report_fixture::sample(), Format::claimreview, {}));
        const json& v = j[0];
        CHECK(v["claimReviewed"] == "英伟达在中国的市场份额由95%下降为0");
        CHECK(v["reviewRating"] == json{{"@type", "Rating"},
                                        {"ratingValue", 5},
                                        {"bestRating", 5},
                                        {"worstRating", 1},
                                        {"alternateName", "Verified"}});
        CHECK(j[1]["reviewRating"]["ratingValue"] == 1);
        CHECK(j[1]["reviewRating"]["alternateName"] == "Disputed");
        CHECK(j[2]["reviewRating"]["ratingValue"] == 3);
        CHECK(j[2]["reviewRating"]["alternateName"] == "Unverifiable");
        CHECK(v["author"] == json{{"@type", "Person"}, {"name", "alice"}});
        CHECK(v["datePublished"] == "2025-11-07");
        CHECK(v["reviewBody"] == "matches, the \"source\"");
        const json& item = v["itemReviewed"];
        CHECK(item["@type"] == "Claim");
        CHECK(item["datePublished"] == "2025-11-06");
        CHECK(item["appearance"] == json{{"@type", "CreativeWork"},
                                         {"headline", "AI芯片竞争"},
                                         {"datePublished", "2025-11-06"},
                                         {"url", "https://news.example.com/ai-chips"}});
        CHECK(v["citation"] == json{"https://example.com/a", "https://example.com/c"});
        CHECK(j[1]["citation"] == json{"https://example.com/b"});
        CHECK(j[2]["citation"].empty());
        CHECK_FALSE(j[2].contains("reviewBody"));
    }

    TEST_CASE("claimreview names the speaker of a quote and skips a URL for a file origin") {
        Report r = report_fixture::sample();
        r.articles[0].article.origin = "samples/article.txt";
        const json j = json::parse(render(r, Format::claimreview, {}));
        CHECK(j[2]["itemReviewed"]["author"] == json{{"@type", "Person"}, {"name", "黄仁勋"}});
        CHECK_FALSE(j[0]["itemReviewed"].contains("author"));
        CHECK_FALSE(j[0]["itemReviewed"]["appearance"].contains("url"));
    }

    TEST_CASE("claimreview cites the evidence the review rests on first and drops non-web URLs") {
        Report r = report_fixture::sample();
        auto& share = r.articles[0].claims[0];
        share.history.back().evidence = 7;
        share.evidence.push_back(report_fixture::evidence(8, Stance::supports, 0.3, "x", "javascript:alert(1)"));
        const json j = json::parse(render(r, Format::claimreview, {}));
        CHECK(j[0]["citation"] == json{"https://example.com/c", "https://example.com/a"});
    }

    TEST_CASE("claimreview can be embedded in an HTML script block") {
        const std::string out = render(report_fixture::hostile(), Format::claimreview, {});
        CHECK(out.find('<') == std::string::npos);
        CHECK(out.find('>') == std::string::npos);
        const json j = json::parse(out);
        CHECK(j[0]["claimReviewed"].get<std::string>().find("<script>alert(1)</script>") != std::string::npos);
        CHECK_FALSE(j[0]["itemReviewed"]["appearance"].contains("url"));
    }

    TEST_CASE("claimreview of a report with nothing reviewed is an empty array") {
        CHECK(json::parse(render(Report{}, Format::claimreview, {})) == json::array());
    }
}
