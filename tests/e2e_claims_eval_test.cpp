#include "support/claims_gold.hpp"

#include <claimtrack/claims.hpp>
#include <claimtrack/claims_eval.hpp>
#include <claimtrack/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace eval = claimtrack::claims::eval;
namespace gold = claimtrack::test;

namespace {

std::filesystem::path eval_dir() { return std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "tests" / "claims_eval"; }

}  // namespace

TEST_SUITE("e2e_claims_eval") {

TEST_CASE("the extractor keeps recall and precision on our evaluation set") {
    const auto cases = gold::load_cases(eval_dir());
    REQUIRE(cases.size() >= 6);
    const auto result = gold::evaluate(cases);
    const bool dropped = result.overall.recall() < 0.90 || result.overall.precision() < 0.85;
    for (const auto& problem : result.problems) {
        if (dropped) MESSAGE(problem);
    }
    CHECK(result.overall.recall() >= 0.90);
    CHECK(result.overall.precision() >= 0.85);
    CHECK(result.overall.field_accuracy() >= 0.80);
}

TEST_CASE("no opinion or noise sentence of the evaluation set is listed") {
    for (const auto& c : gold::load_cases(eval_dir())) {
        for (const auto& claim : claimtrack::claims::extract(gold::read_case(c))) {
            for (const auto& phrase : c.not_claims) {
                const bool inside = claim.text.find(phrase) != std::string::npos;
                CHECK_MESSAGE(!(inside && claim.checkworthiness >= 0.5), c.name << ": " << claim.text);
            }
        }
    }
}

TEST_CASE("a malformed gold file names the file and the byte offset") {
    try {
        gold::parse_gold(R"({"claims": [ {"kind": "quantity", )", "bad.gold.json");
        FAIL("no error");
    } catch (const claimtrack::Error& e) {
        CHECK(e.input() == "bad.gold.json");
        CHECK(e.place().starts_with("byte "));
    }
    CHECK_THROWS_AS(gold::parse_gold(R"({"claims": [{"kind": "opinion", "text": "x"}]})", "k.json"), claimtrack::Error);
    const auto c = gold::parse_gold(R"({"date": "2025-01-02", "claims": [{"kind": "role", "text": "CEO", "hedged": true,
        "fields": {"person": "Ada"}}], "not_claims": ["I think"]})", "ok.json");
    CHECK(c.date == "2025-01-02");
    REQUIRE(c.gold.size() == 1);
    CHECK(c.gold[0].kind == claimtrack::ClaimKind::role);
    CHECK(c.gold[0].hedged);
    CHECK(c.gold[0].fields.at("person") == "Ada");
    CHECK(c.not_claims == std::vector<std::string>{"I think"});
}

}  // TEST_SUITE
