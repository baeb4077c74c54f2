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
    CHECK_FALSE(limits.is_common("polar", false));
}
