// Ranking through the real store and FTS5 index: the page's title counts, and the claim's words
// rank before its fields.
#include "e2e_support.hpp"
#include "support/sentence_snapshot.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/app_evidence.hpp>
#include <claimtrack/app_search.hpp>
#include <claimtrack/store.hpp>

namespace {

using namespace claimtrack;

// One article citing two pages whose only passages say the same words; only the first page's
// title names what the statement is about.
struct TwoPages {
    e2e::TempDir dir;
    Store store{dir.file("t.db")};
    Id article = 0;
    Id titled = 0;  // the passage on the page titled "Sea ice"

    TwoPages() {
        Article a;
        a.title = "Polar notes";
        a.body = "Sea ice keeps polar climates cool.";
        a.sha256 = "two-pages";
        a.sources = {{"https://example.test/snow", "Snow", 0}, {"https://example.test/sea-ice", "Sea ice", 1}};
        article = store.add_article(a);
        for (const auto& source : store.sources(article)) {
            auto [snapshot, passages] = test::sentence_snapshot(source.id, {"It keeps polar climates cool in summer."});
            snapshot.title = source.url.ends_with("sea-ice") ? "Sea ice - Wikipedia" : "Snow cover - Wikipedia";
            const Id id = store.add_snapshot(snapshot, passages);
            if (source.url.ends_with("sea-ice")) titled = store.passages_of(id).front().id;
        }
    }
};

}  // namespace

TEST_CASE("of two passages with the same words, the one on a page titled with the claim's subject ranks first") {
    TwoPages pages;
    const auto result = app::search(pages.store, {"Sea ice keeps polar climates cool", pages.article, 10});
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits.front().passage == pages.titled);
    CHECK(result.hits.front().score > result.hits.back().score);
}

TEST_CASE("a passage two queries recall keeps its better rank, and a fields query counts its share") {
    TwoPages pages;
    std::vector<app::RecalledPassage> recalled;
    app::recall_passages(pages.store, "\"polar\"", pages.article, 10, recalled, app::k_fields_share);
    REQUIRE(recalled.size() == 2);
    for (const auto& r : recalled) CHECK(r.bm25 == doctest::Approx(app::k_fields_share));
    app::recall_passages(pages.store, "\"polar\" OR \"cool\"", pages.article, 10, recalled);
    REQUIRE(recalled.size() == 2);  // found again, not added twice
    for (const auto& r : recalled) CHECK(r.bm25 == doctest::Approx(1.0));
}

TEST_CASE("query cost: no limits in a small store; in a large one, counts from the index") {
    TwoPages pages;
    app::QueryCost small(pages.store);
    CHECK_FALSE(small.limits().count);
    // Counted as large from one passage on: a token on both pages is common (the floor is far above).
    app::QueryCost large(pages.store, 1);
    const evidence::QueryLimits limits = large.limits();
    REQUIRE(limits.count);
    CHECK(limits.common == app::k_common_floor);
    CHECK(large.count("polar", false) == 2);
    CHECK(large.count("cool", true) == 2);
    CHECK(large.count("penguin", false) == 0);
    CHECK(large.count("polar climates", false) == 2);  // a phrase, counted by the index
    CHECK(large.count("climates polar", false) == 0);
    CHECK(pages.store.passages_matching("polar AND NOT cool") == 0);
    CHECK(pages.store.passages_matching("\"unbalanced") == 0);  // malformed: nothing, no throw
    CHECK_FALSE(limits.is_common("polar", false));
}

namespace {

// What link proposed for each claim of `article`, in claim order.
std::vector<std::string> proposed(const Store& store, Id article) {
    std::vector<std::string> rows;
    for (const Claim& claim : store.claims({.article = article, .kind = {}, .status = {}})) {
        for (const Evidence& e : store.evidence_of(claim.id)) {
            rows.push_back(std::to_string(claim.id) + " " + std::to_string(e.passage) + " " + std::to_string(e.score) + " " +
                           std::string(to_string(e.stance)) + " " + e.reason);
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("link proposes the same rows on one thread as on several") {
    e2e::TempDir dir;
    Store store(dir.file("jobs.db"));
    Article a;
    a.title = "Many claims";
    a.sha256 = "many-claims";
    a.sources = {{"https://example.test/figures", "Figures", 0}};
    std::vector<std::string> sentences;
    for (int i = 0; i < 300; ++i) {
        const std::string company = "Firm" + std::to_string(i % 40);
        sentences.push_back(company + " said its revenue reached " + std::to_string(10 + i) + " million dollars in " +
                            std::to_string(2000 + i % 25) + ".");
        a.body += company + "'s revenue was " + std::to_string(10 + i + (i % 3 == 0 ? 1 : 0)) + " million dollars.\n";
    }
    a.language = "en";
    const Id article = store.add_article(a);
    const Id source = store.sources(article).front().id;
    auto [snapshot, passages] = test::sentence_snapshot(source, sentences);
    store.add_snapshot(snapshot, passages);
    std::size_t at = 0;
    for (int i = 0; i < 300; ++i) {
        Claim c;
        c.article = article;
        c.kind = ClaimKind::quantity;
        c.text = a.body.substr(at, a.body.find('\n', at) - at);
        c.span = {at, at + c.text.size()};
        at += c.text.size() + 1;
        c.fields = {{"subject", "Firm" + std::to_string(i % 40)}, {"attribute", "revenue"}, {"value", std::to_string(10 + i) + " million dollars"}};
        store.add_claim(c);
    }
    const auto one = app::link_evidence(store, article, 1);
    const auto rows_one = proposed(store, article);
    const auto three = app::link_evidence(store, article, 3);
    CHECK(three.claims == 300);
    CHECK(three.evidence == one.evidence);
    CHECK(three.supports == one.supports);
    CHECK(three.contradicts == one.contradicts);
    CHECK(proposed(store, article) == rows_one);
    CHECK(one.supports > 0);
    CHECK(one.contradicts > 0);
}
