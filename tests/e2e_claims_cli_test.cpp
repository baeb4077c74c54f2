// End to end: `claims` sorting, score filter and score explanations, on the English sample.
#include "e2e_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

namespace {

using e2e::run;
using nlohmann::json;

// A database holding the English sample article, imported once per test.
struct Sample {
    e2e::TempDir dir;
    std::string db = dir.file("claims.db");

    Sample() {
        const auto imported = run({"--db", db, "import", e2e::source_dir() + "/samples/article-en-chips.txt", "--date", "2025-11-10"});
        REQUIRE(imported.code == 0);
    }

    e2e::Run claims(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db, "claims"});
        return run(args);
    }

    json claims_json(std::vector<std::string> args) const {
        args.push_back("--json");
        const auto result = claims(args);
        REQUIRE(result.code == 0);
        return json::parse(result.out);
    }
};

void expect_usage_error(const e2e::Run& result, const std::string& option) {
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("claimtrack: error: " + option));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

std::vector<double> scores_of(const json& rows) {
    std::vector<double> out;
    for (const auto& row : rows) out.push_back(row.at("checkworthiness").get<double>());
    return out;
}

std::string fmt_score(double score) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.2f", score);
    return buffer.data();
}

}  // namespace

TEST_SUITE("e2e claims cli") {

TEST_CASE("claims are listed in article order by default and --sort order says the same") {
    const Sample sample;
    const json rows = sample.claims_json({});
    REQUIRE(rows.size() >= 5);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CHECK(rows[i - 1].at("start").get<std::size_t>() <= rows[i].at("start").get<std::size_t>());
    }
    CHECK(sample.claims_json({"--sort", "order"}) == rows);
}

TEST_CASE("--sort score lists the most check-worthy claims first, the same claims as article order") {
    const Sample sample;
    const json by_order = sample.claims_json({});
    const json by_score = sample.claims_json({"--sort", "score"});
    REQUIRE(by_score.size() == by_order.size());
    const auto scores = scores_of(by_score);
    CHECK(std::is_sorted(scores.begin(), scores.end(), std::greater<>()));
    CHECK(scores_of(by_order) != scores);  // the sample's claims are not already in score order
    std::set<int> ids_order, ids_score;
    for (const auto& row : by_order) ids_order.insert(row.at("id").get<int>());
    for (const auto& row : by_score) ids_score.insert(row.at("id").get<int>());
    CHECK(ids_order == ids_score);

    const auto text = sample.claims({"--sort", "score"});
    REQUIRE(text.code == 0);
    const auto first_row = text.out.substr(text.out.find('\n') + 1);
    CHECK(first_row.find(" " + std::to_string(by_score[0].at("id").get<int>()) + "  ") < 5);
}

TEST_CASE("--min-score keeps only the claims scored at least that, in text and JSON") {
    const Sample sample;
    const auto all = scores_of(sample.claims_json({}));
    const double floor = 0.85;
    const auto expected = std::count_if(all.begin(), all.end(), [&](double s) { return s >= floor; });
    REQUIRE(expected > 0);
    REQUIRE(static_cast<std::size_t>(expected) < all.size());
    const auto kept = scores_of(sample.claims_json({"--min-score", "0.85", "--sort", "score"}));
    CHECK(kept.size() == static_cast<std::size_t>(expected));
    CHECK(std::all_of(kept.begin(), kept.end(), [&](double s) { return s >= floor; }));
    CHECK(std::is_sorted(kept.begin(), kept.end(), std::greater<>()));

    const auto text = sample.claims({"--min-score", "0.85"});
    REQUIRE(text.code == 0);
    const std::regex row(R"(^\s*\d+  \w+\s+\w+\s+(\d\.\d\d)  )");
    std::size_t rows = 0;
    std::istringstream lines(text.out);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, row)) continue;
        ++rows;
        CHECK(std::stod(m[1]) >= floor - 0.005);
    }
    CHECK(rows == static_cast<std::size_t>(expected));
    CHECK(sample.claims({"--min-score", "1"}).out == "No claims match.\n");
    CHECK(sample.claims_json({"--min-score", "0"}).size() == all.size());
}

TEST_CASE("a bad --min-score or --sort is a one-line usage error") {
    const Sample sample;
    for (const std::string bad : {"1.5", "-0.1", "abc", "0.5x", "nan", ""}) {
        CAPTURE(bad);
        expect_usage_error(sample.claims({"--min-score", bad}), "--min-score");
    }
    expect_usage_error(sample.claims({"--sort", "worth"}), "--sort");
}

TEST_CASE("--explain prints the claim, its score terms and a total equal to the stored score") {
    const Sample sample;
    const json rows = sample.claims_json({"--sort", "score"});
    const json& top = rows.at(0);
    const int id = top.at("id").get<int>();
    const double score = top.at("checkworthiness").get<double>();
    const auto result = sample.claims({"--explain", std::to_string(id)});
    REQUIRE(result.code == 0);
    CHECK(result.out.starts_with("Claim " + std::to_string(id) + " (" + top.at("kind").get<std::string>()));
    CHECK(result.out.find(fmt_score(score)) != std::string::npos);

    const json explained = sample.claims_json({"--explain", std::to_string(id)});
    CHECK(explained.at("claim").at("id") == id);
    CHECK(explained.at("checkworthiness").get<double>() == doctest::Approx(score));
    const json& terms = explained.at("terms");
    if (terms.empty()) {
        CHECK(result.out.find("no score terms") != std::string::npos);
        return;
    }
    // Every term is a line with its signed weight; together they give the score (kept within 0..1).
    double sum = 0.0;
    for (const auto& term : terms) {
        sum += term.at("weight").get<double>();
        CHECK_FALSE(term.at("feature").get<std::string>().empty());
    }
    CHECK(std::clamp(sum, 0.0, 1.0) == doctest::Approx(score).epsilon(0.001));
    const std::regex weight(R"(^ +([+-]\d\.\d\d)  )");
    double printed = 0.0;
    std::size_t lines_seen = 0;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, weight)) continue;
        printed += std::stod(m[1]);
        ++lines_seen;
    }
    CHECK(lines_seen == terms.size());
    CHECK(std::clamp(printed, 0.0, 1.0) == doctest::Approx(score).epsilon(0.006 * static_cast<double>(terms.size())));
}

TEST_CASE("--explain of a claim that does not exist is a one-line error naming it") {
    const Sample sample;
    const auto result = sample.claims({"--explain", "9999"});
    CHECK(result.code == 1);
    CHECK(result.err == "claimtrack: error: claim 9999: database: no such claim (see `claimtrack claims`)\n");
}

TEST_CASE("claims --all still lists every claim alongside the new options") {
    const Sample sample;
    const auto plain = sample.claims_json({});
    const auto all = sample.claims_json({"--all"});
    CHECK(all.size() == plain.size());
    CHECK(all.at(0).contains("rejected"));
}

}  // TEST_SUITE
