#include <claimtrack/evidence.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace claimtrack;

TEST_SUITE("evidence relevance") {

TEST_CASE("stem folds English inflections to one stem and leaves other tokens alone") {
    CHECK(evidence::stem("warming") == evidence::stem("warm"));
    CHECK(evidence::stem("warmed") == evidence::stem("warm"));
    CHECK(evidence::stem("policies") == evidence::stem("policy"));
    CHECK(evidence::stem("increases") == evidence::stem("increase"));
    CHECK(evidence::stem("running") == "run");
    CHECK(evidence::stem("falling") == "fall");  // the double l is kept
    CHECK(evidence::stem("glass") == "glass");   // -ss is not a plural
    CHECK(evidence::stem("census") == "census"); // nor is -us
    CHECK(evidence::stem("sea") == "sea");       // too short to strip
    CHECK(evidence::stem("2024") == "2024");
    CHECK(evidence::stem("份额") == "份额");
}

TEST_CASE("stems_query asks for English stems as prefixes, quotes every term, and keeps to max_words") {
    const std::string query = evidence::stems_query("Global warming increases sea levels", 10);
    CHECK(query.find("\"warm\"*") != std::string::npos);
    CHECK(query.find(" OR ") != std::string::npos);
    CHECK(query.find("\"sea\"") != std::string::npos);  // short stems are whole words, no prefix
    const std::string two = evidence::stems_query("Global warming increases sea levels", 2);
    CHECK(two.find(" OR ") != std::string::npos);
    CHECK(two.find(" OR ", two.find(" OR ") + 1) == std::string::npos);
    CHECK(evidence::stems_query("the and of", 10).empty());
    // A quote inside a term is doubled, never ends the term.
    CHECK(evidence::stems_query("O\"Brien resigned", 10).find("\"\"\"") == std::string::npos);
}

TEST_CASE("ClaimWords measures shared stemmed words and kept phrases in a passage") {
    const evidence::ClaimWords claim("Arctic sea ice is melting faster than expected");
    const auto close = claim.in("Sea ice in the Arctic melted faster than scientists expected.");
    const auto far = claim.in("The city council approved a new budget for parks.");
    CHECK(close.shared >= 4);
    CHECK(close.words > 0.6);
    CHECK(close.pairs > 0.0);
    CHECK(far.shared == 0);
    CHECK(far.words == doctest::Approx(0.0));
    CHECK(close.words > far.words);
    CHECK(evidence::ClaimWords("").in("anything at all").words == doctest::Approx(0.0));
}

TEST_CASE("ClaimWords::cover says how much of a page title the claim names") {
    const evidence::ClaimWords claim("Global warming is driving polar bears toward extinction");
    CHECK(claim.cover("Polar bear") == doctest::Approx(1.0));        // stems: bears ~ bear
    CHECK(claim.cover("Global warming") == doctest::Approx(1.0));
    CHECK(claim.cover("Polar vortex") == doctest::Approx(0.5));
    CHECK(claim.cover("Volcano") == doctest::Approx(0.0));
    CHECK(claim.cover("") == doctest::Approx(0.0));
    CHECK(claim.cover("The") == doctest::Approx(0.0));  // no content word to cover
}

}  // TEST_SUITE
