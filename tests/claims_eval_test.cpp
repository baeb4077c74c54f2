#include <claimtrack/claims.hpp>
#include <claimtrack/claims_eval.hpp>
#include <claimtrack/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace eval = claimtrack::claims::eval;

namespace {

std::filesystem::path eval_dir() { return std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "tests" / "claims_eval"; }

}  // namespace

TEST_SUITE("claims_eval") {

TEST_CASE("the extractor keeps recall and precision on our evaluation set") {
    const auto cases = eval::load_cases(eval_dir());
    REQUIRE(cases.size() >= 6);
    const auto result = eval::evaluate(cases);
    const bool dropped = result.overall.recall() < 0.90 || result.overall.precision() < 0.85;
    for (const auto& problem : result.problems) {
        if (dropped) MESSAGE(problem);
    }
    CHECK(result.overall.recall() >= 0.90);
    CHECK(result.overall.precision() >= 0.85);
    CHECK(result.overall.field_accuracy() >= 0.80);
}

TEST_CASE("no opinion or noise sentence of the evaluation set is listed") {
    for (const auto& c : eval::load_cases(eval_dir())) {
        const auto article = eval::plain_article(c.text, c.date);
        for (const auto& claim : claimtrack::claims::extract(article)) {
            for (const auto& phrase : c.not_claims) {
                const bool inside = claim.text.find(phrase) != std::string::npos;
                CHECK_MESSAGE(!(inside && claim.checkworthiness >= 0.5), c.name << ": " << claim.text);
            }
        }
    }
}

TEST_CASE("the scorer matches by kind and overlap and counts wrong fields") {
    eval::Case c;
    c.name = "mini";
    c.text = "Title\n\nAcme's revenue rose from 10 to 12 million dollars.\n";
    c.gold = {{claimtrack::ClaimKind::quantity, "rose from 10 to 12", {{"from", "10000000"}, {"to", "12000000"}, {"unit", "USD"}}, false}};
    const auto article = eval::plain_article(c.text, "2025-01-01");
    claimtrack::Claim right;
    right.kind = claimtrack::ClaimKind::quantity;
    right.span = {7, 50};
    right.checkworthiness = 0.8;
    right.fields = {{"from", "10000000"}, {"to", "12000000"}, {"unit", "EUR"}};
    claimtrack::Claim wrong_kind = right;
    wrong_kind.kind = claimtrack::ClaimKind::event;
    claimtrack::Claim elsewhere = right;
    elsewhere.span = {0, 5};
    claimtrack::Claim low = elsewhere;
    low.checkworthiness = 0.3;
    const auto r = eval::score(c, article, {right, wrong_kind, elsewhere, low});
    CHECK(r.overall.true_positives == 1);
    CHECK(r.overall.false_positives == 1);  // the title span; the low-scoring one is not listed
    CHECK(r.redundant == 1);                // the event on the same sentence
    CHECK(r.overall.fields_right == 2);
    CHECK(r.overall.fields_total == 3);
    const auto none = eval::score(c, article, {});
    CHECK(none.overall.false_negatives == 1);
    CHECK(none.overall.recall() == 0.0);
}

TEST_CASE("a malformed gold file names the file and the byte offset") {
    try {
        eval::parse_gold(R"({"claims": [ {"kind": "quantity", )", "bad.gold.json");
        FAIL("no error");
    } catch (const claimtrack::Error& e) {
        CHECK(e.input() == "bad.gold.json");
        CHECK(e.place().starts_with("byte "));
    }
    CHECK_THROWS_AS(eval::parse_gold(R"({"claims": [{"kind": "opinion", "text": "x"}]})", "k.json"), claimtrack::Error);
    const auto c = eval::parse_gold(R"({"date": "2025-01-02", "claims": [{"kind": "role", "text": "CEO", "hedged": true,
        "fields": {"person": "Ada"}}], "not_claims": ["I think"]})", "ok.json");
    CHECK(c.date == "2025-01-02");
    REQUIRE(c.gold.size() == 1);
    CHECK(c.gold[0].kind == claimtrack::ClaimKind::role);
    CHECK(c.gold[0].hedged);
    CHECK(c.gold[0].fields.at("person") == "Ada");
    CHECK(c.not_claims == std::vector<std::string>{"I think"});
}

TEST_CASE("the plain reader marks the title, noise lines and source lines") {
    const auto a = eval::plain_article("Title here\n\n2025-03-12\n\nShare\n\nA sentence that says 5 things.\n\n500\n\nA page https://x.example/a\n", "");
    REQUIRE(a.paragraphs.size() == 6);
    CHECK(a.paragraphs[0].kind == claimtrack::ParagraphKind::title);
    CHECK(a.paragraphs[1].kind == claimtrack::ParagraphKind::noise);
    CHECK(a.paragraphs[2].kind == claimtrack::ParagraphKind::noise);
    CHECK(a.paragraphs[3].kind == claimtrack::ParagraphKind::text);
    CHECK(a.paragraphs[4].kind == claimtrack::ParagraphKind::noise);
    CHECK(a.paragraphs[5].kind == claimtrack::ParagraphKind::noise);
}

}  // TEST_SUITE
