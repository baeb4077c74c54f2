#include <claimtrack/claims_eval.hpp>

#include <doctest/doctest.h>

// The evaluation set itself is scored in e2e_claims_eval_test.cpp, read by the product's article reader.
namespace eval = claimtrack::claims::eval;

TEST_SUITE("claims_eval") {

TEST_CASE("the scorer matches by kind and overlap and counts wrong fields") {
    eval::Case c;
    c.name = "mini";
    c.text = "Title\n\nAcme's revenue rose from 10 to 12 million dollars.\n";
    c.gold = {{claimtrack::ClaimKind::quantity, "rose from 10 to 12", {{"from", "10000000"}, {"to", "12000000"}, {"unit", "USD"}}, false}};
    claimtrack::Article article;  // the scorer reads only the body
    article.body = c.text;
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

}  // TEST_SUITE
