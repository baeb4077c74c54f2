// Report: claims that need attention, source archive and age, evidence fetch dates, quote context.
#include "report_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace report_fixture;

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

// `sample()` with source 1 answered "not modified" and archived, and source 3 archived.
Report archived() {
    Report r = sample();
    ArticleReport& a = r.articles[0];
    a.sources[0].outcome = "not-modified";
    a.sources[0].http_status = 304;
    a.sources[0].fetched_at = "2025-11-09T07:00:00Z";
    a.fetches[1] = {"samples/sources.warc.gz", "2025-11-01T08:00:00Z", "2025-11-01T08:00:00Z"};
    a.fetches[3] = {"run-7.warc.gz", "2025-11-06T10:00:00Z", ""};
    return r;
}

}  // namespace

TEST_SUITE("report sources") {

TEST_CASE("a claim counts as contradicted only when something contradicts it and nothing supports it") {
    auto mixed = entry(1, ClaimKind::quantity, Status::unreviewed, "a");
    mixed.evidence = {evidence(1, Stance::contradicts, 0.8, "x", "https://a.example/"),
                      evidence(2, Stance::supports, 0.7, "y", "https://a.example/")};
    auto against = entry(2, ClaimKind::quantity, Status::unreviewed, "b");
    against.evidence = {evidence(3, Stance::mentions, 0.3, "x", "https://a.example/"),
                        evidence(4, Stance::contradicts, 0.8, "y", "https://a.example/")};
    auto mentioned = entry(3, ClaimKind::event, Status::unreviewed, "c");
    mentioned.evidence = {evidence(5, Stance::mentions, 0.3, "x", "https://a.example/")};
    auto bare = entry(4, ClaimKind::event, Status::unreviewed, "d");
    const Coverage c = coverage_of({mixed, against, mentioned, bare});
    CHECK(c.only_contradicted == 1);
    CHECK(c.contradicted_claims == std::vector<Id>{2});
    CHECK(c.without_evidence == 1);
    CHECK(c.unsourced_claims == std::vector<Id>{4});
}

TEST_CASE("text and markdown name the claims that need attention") {
    const Report r = sample();
    const std::string text = render(r, Format::text, {});
    CHECK(contains(text, "Needs attention: without evidence 13, 14; only contradicted 12"));
    const std::string markdown = render(r, Format::markdown, {});
    CHECK(contains(markdown, "**Needs attention:** without evidence 13, 14; only contradicted 12"));
    const std::string html = render(r, Format::html, {});
    CHECK(contains(html, "2 without evidence: <a href=\"#claim-13\">#13</a>, <a href=\"#claim-14\">#14</a>"));
    CHECK(contains(html, "1 contradicted, with nothing in support: <a href=\"#claim-12\">#12</a>"));
}

TEST_CASE("a long attention list is cut after twenty ids with the total") {
    std::vector<ClaimEntry> claims;
    for (Id id = 1; id <= 25; ++id) claims.push_back(entry(id, ClaimKind::event, Status::unreviewed, "x"));
    Report r = sample();
    r.articles[0].claims = claims;
    r.articles[0].coverage = coverage_of(claims);
    const std::string text = render(r, Format::text, {});
    CHECK(contains(text, "without evidence 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, … (25 in all)"));
    CHECK_FALSE(contains(text, "20, 21"));
}

TEST_CASE("every readable format says which sources are unchanged since when and archived in which WARC") {
    const Report r = archived();
    for (const Format format : {Format::text, Format::markdown, Format::html}) {
        const std::string out = render(r, format, {});
        CAPTURE(static_cast<int>(format));
        CHECK(contains(out, "unchanged since 2025-11-01T08:00:00Z"));
        CHECK(contains(out, "archived in WARC samples/sources.warc.gz"));
        CHECK(contains(out, "archived in WARC run-7.warc.gz"));
    }
    const auto json = nlohmann::json::parse(render(r, Format::json, {}));
    const auto& sources = json["articles"][0]["sources"];
    CHECK(sources[0]["warc_file"] == "samples/sources.warc.gz");
    CHECK(sources[0]["unchanged_since"] == "2025-11-01T08:00:00Z");
    CHECK(sources[0]["text_fetched_at"] == "2025-11-01T08:00:00Z");
    CHECK(sources[1]["warc_file"] == "");
    CHECK(sources[1]["unchanged_since"].is_null());
    CHECK(sources[2]["unchanged_since"].is_null());
    CHECK(json["articles"][0]["coverage"]["unsourced_claims"] == nlohmann::json::array({13, 14}));
    CHECK(json["articles"][0]["coverage"]["contradicted_claims"] == nlohmann::json::array({12}));
}

TEST_CASE("evidence is dated by the fetch its text came from, not the latest fetch") {
    const Report r = archived();
    const std::string text = render(r, Format::text, {});
    CHECK(contains(text, "https://example.com/a  fetched 2025-11-01T08:00:00Z"));
    CHECK(contains(render(r, Format::html, {}), "fetched 2025-11-01T08:00:00Z"));
    const auto json = nlohmann::json::parse(render(r, Format::json, {}));
    CHECK(json["articles"][0]["claims"][0]["evidence"][0]["fetched_at"] == "2025-11-01T08:00:00Z");
    CHECK(json["articles"][0]["claims"][1]["evidence"][0]["fetched_at"] == "2025-11-06T10:00:00Z");
}

TEST_CASE("a source whose latest fetch failed says its text is from an earlier fetch") {
    Report r = sample();
    r.articles[0].fetches[1] = {"", "2025-10-30T08:00:00Z", ""};
    const std::string text = render(r, Format::text, {});
    CHECK(contains(text, "text from the fetch of 2025-10-30T08:00:00Z"));
    CHECK_FALSE(contains(text, "archived in WARC"));
}

TEST_CASE("the HTML quote context starts and ends on word boundaries") {
    Report r = sample();
    Evidence& e = r.articles[0].claims[0].evidence[0];
    e.quote = {"share fell to zero", "pany said that its ", " in two years, analy", 0, 0};
    const std::string html = render(r, Format::html, {});
    CHECK(contains(html, "<span class=\"context\">… said that its </span><strong>share fell to zero</strong>"
                         "<span class=\"context\"> in two years, …</span>"));
    // Chinese has no spaces to cut at: the context is kept whole.
    e.quote = {"份额降至0", "据报道，", "。此后", 0, 0};
    CHECK(contains(render(r, Format::html, {}), "<span class=\"context\">据报道，</span><strong>份额降至0</strong>"));
}

}  // TEST_SUITE
