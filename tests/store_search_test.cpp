#include <claimtrack/store.hpp>

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// An article citing `urls` in order.
Id add_article_citing(Store& store, const std::string& sha, const std::vector<std::string>& urls) {
    Article a;
    a.title = sha;
    a.body = "body " + sha;
    a.sha256 = sha;
    for (std::size_t i = 0; i < urls.size(); ++i) a.sources.push_back({urls[i], "title", static_cast<int>(i)});
    return store.add_article(a);
}

// Snapshot of `source` whose text is `sentences` joined by spaces, one passage each.
Id add_text_snapshot(Store& store, Id source, const std::vector<std::string>& sentences) {
    Snapshot s;
    s.source = source;
    s.requested_url = "https://example.com/page";
    s.final_url = "https://example.com/page";
    s.http_status = 200;
    s.outcome = "ok";
    s.fetched_at = "2025-11-06T08:00:00Z";
    std::vector<Passage> passages;
    for (const std::string& sentence : sentences) {
        if (!s.text.empty()) s.text += ' ';
        Passage p;
        p.index = static_cast<int>(passages.size());
        p.span = {s.text.size(), s.text.size() + sentence.size()};
        p.text = sentence;
        s.text += sentence;
        passages.push_back(p);
    }
    return store.add_snapshot(s, passages);
}

Evidence evidence_on(Id passage, double score, Origin origin) {
    Evidence e;
    e.passage = passage;
    e.score = score;
    e.stance = Stance::supports;
    e.reason = "same subject";
    e.origin = origin;
    e.quote = {"exact", "before ", " after", 3, 8};
    return e;
}

}  // namespace

TEST_SUITE("store: snapshots, search and evidence") {

TEST_CASE("a snapshot round-trips with its body compressed and validators kept") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/a"});
    const Id source = store.sources(std::nullopt).at(0).id;
    Snapshot in;
    in.source = source;
    in.requested_url = "http://example.com/a";
    in.final_url = "https://example.com/a";
    in.http_status = 200;
    in.content_type = "text/html; charset=gbk";
    in.charset = "GBK";
    in.fetched_at = "2025-11-06T08:00:00Z";
    in.headers = "Content-Type: text/html\r\nETag: \"v1\"\r\nLast-Modified: Thu, 06 Nov 2025 08:00:00 GMT\r\n";
    in.body = std::string("<html>\0\xff binary ", 17) + std::string(5000, 'x');
    in.sha256 = "abc";
    in.title = "A page";
    in.published = "2025-11-05";
    in.text = "Nvidia fell.";
    in.outcome = "ok";
    in.warc_file = "sources.warc.gz";
    const Id id = store.add_snapshot(in, {});
    const auto out = store.latest_snapshot(source);
    REQUIRE(out.has_value());
    Snapshot expected = in;
    expected.id = id;
    CHECK(*out == expected);
    CHECK_FALSE(store.latest_snapshot(source + 1).has_value());
    const auto validators = store.validators(source);
    REQUIRE(validators.has_value());
    CHECK(validators->etag == "\"v1\"");
    CHECK(validators->last_modified == "Thu, 06 Nov 2025 08:00:00 GMT");

    const auto row = store.sources(std::nullopt).at(0);
    CHECK(row.http_status == 200);
    CHECK(row.outcome == "ok");
    CHECK(row.final_url == "https://example.com/a");
    CHECK(row.fetched_at == "2025-11-06T08:00:00Z");
}

TEST_CASE("a failed fetch is stored without status or body and shows in sources") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/gone"});
    const Id source = store.sources(std::nullopt).at(0).id;
    Snapshot failed;
    failed.source = source;
    failed.error = "connection refused";
    failed.outcome = "unreachable";
    store.add_snapshot(failed, {});
    const auto out = store.latest_snapshot(source);
    REQUIRE(out.has_value());
    CHECK_FALSE(out->http_status.has_value());
    CHECK(out->body.empty());
    CHECK_FALSE(out->fetched_at.empty());
    CHECK_FALSE(store.validators(source).has_value());
    const auto row = store.sources(std::nullopt).at(0);
    CHECK_FALSE(row.http_status.has_value());
    CHECK(row.error == "connection refused");
    CHECK(row.outcome == "unreachable");
}

TEST_CASE("passages are stored in order with their snapshot id") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/a"});
    const Id source = store.sources(std::nullopt).at(0).id;
    const Id snapshot = add_text_snapshot(store, source, {"First one.", "Second one."});
    const auto list = store.passages_of(snapshot);
    REQUIRE(list.size() == 2);
    CHECK(list[0].snapshot == snapshot);
    CHECK(list[1].index == 1);
    CHECK(list[1].span == Span{11, 22});
    CHECK(list[1].text == "Second one.");
    CHECK(store.passage(list[0].id) == list[0]);
    CHECK_FALSE(store.passage(list[1].id + 100).has_value());
}

TEST_CASE("search finds passages by Chinese bigrams and Latin words, best first") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/a"});
    const Id source = store.sources(std::nullopt).at(0).id;
    add_text_snapshot(store, source,
                      {"英伟达在中国的市场份额由95%下降为0。", "Nvidia's share in China fell from 95% to zero.",
                       "Nvidia Nvidia Nvidia share share, and 英伟达 too.", "天气很好。"});
    const auto zh = store.search_passages("\"英伟 伟达\" AND \"份额\"", std::nullopt, 10);
    REQUIRE(zh.size() == 1);
    CHECK(zh[0].passage.text == "英伟达在中国的市场份额由95%下降为0。");
    CHECK(zh[0].source == source);
    CHECK(zh[0].url == "https://example.com/a");

    const auto en = store.search_passages("nvidia AND share", std::nullopt, 10);
    REQUIRE(en.size() == 2);
    CHECK(en[0].rank <= en[1].rank);
    CHECK(en[0].passage.text.rfind("Nvidia Nvidia", 0) == 0);  // more matches ranks first

    CHECK(store.search_passages("nvidia", std::nullopt, 1).size() == 1);
    CHECK(store.search_passages("\"天气\"", std::nullopt, 10).size() == 1);
    CHECK(store.search_passages("intel", std::nullopt, 10).empty());
}

TEST_CASE("the index tells how many passages hold a token or a prefix, and how many there are") {
    Store store(":memory:");
    CHECK(store.indexed_passages() == 0);
    CHECK(store.passages_with("nvidia", false) == 0);
    add_article_citing(store, "a", {"https://example.com/a"});
    add_text_snapshot(store, store.sources(std::nullopt).at(0).id,
                      {"Nvidia fell.", "Nvidia and AMD rose.", "Warming warmed the warm sea.", "英伟达的份额下降。"});
    CHECK(store.indexed_passages() == 4);
    CHECK(store.passages_with("nvidia", false) == 2);
    CHECK(store.passages_with("amd", false) == 1);
    CHECK(store.passages_with("warm", false) == 1);
    CHECK(store.passages_with("warm", true) == 3);  // warm, warmed, warming: once per token
    CHECK(store.passages_with("伟达", false) == 1);
    CHECK(store.passages_with("intel", true) == 0);
    CHECK(store.passages_with("", true) == 0);
}

TEST_CASE("ranked with given weights, search scores as FTS5 bm25 does with the same weights") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/a"});
    add_text_snapshot(store, store.sources(std::nullopt).at(0).id,
                      {"Nvidia fell.", "Nvidia and AMD rose as Nvidia said.", "AMD rose.", "Intel and AMD and Arm and others rose today.",
                       "Nothing here."});
    const std::string match = "\"nvidia\" OR \"amd\"";
    const auto by_bm25 = store.search_passages(match, std::nullopt, 10);
    // bm25's own weights: log((N - n + 0.5) / (n + 0.5)) with N = 5 and n = 2 and 3.
    const std::vector<double> idf{std::log(3.5 / 2.5), std::max(std::log(2.5 / 3.5), 1e-6)};
    const auto weighted = store.search_passages(match, std::nullopt, 10, idf);
    REQUIRE(by_bm25.size() == 4);
    REQUIRE(weighted.size() == by_bm25.size());
    for (std::size_t i = 0; i < weighted.size(); ++i) {
        CHECK(weighted[i].passage.id == by_bm25[i].passage.id);
        CHECK(weighted[i].rank == doctest::Approx(by_bm25[i].rank));
    }
    // Other weights, another order: AMD made to count most puts the AMD-only passage first.
    const auto amd_first = store.search_passages(match, std::nullopt, 10, std::vector<double>{0.1, 5.0});
    REQUIRE(amd_first.size() == 4);
    CHECK(amd_first.front().passage.text == "AMD rose.");
    CHECK(amd_first.front().rank < 0.0);
}

TEST_CASE("a malformed or empty search expression returns nothing instead of throwing") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/a"});
    add_text_snapshot(store, store.sources(std::nullopt).at(0).id, {"Nvidia fell."});
    CHECK(store.search_passages("AND OR (", std::nullopt, 10).empty());
    CHECK(store.search_passages("\"unclosed", std::nullopt, 10).empty());
    CHECK(store.search_passages("", std::nullopt, 10).empty());
    CHECK(store.search_passages("nvidia", std::nullopt, 0).empty());
}

TEST_CASE("search sees only the latest fetched text of each source") {
    Store store(":memory:");
    add_article_citing(store, "a", {"https://example.com/a"});
    const Id source = store.sources(std::nullopt).at(0).id;
    add_text_snapshot(store, source, {"Old text says 90 percent."});
    const Id newer = add_text_snapshot(store, source, {"New text says 95 percent."});
    const auto hits = store.search_passages("percent", std::nullopt, 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].passage.snapshot == newer);

    // A later fetch that failed keeps the text fetched before searchable.
    Snapshot failed;
    failed.source = source;
    failed.outcome = "unreachable";
    const Id failed_id = store.add_snapshot(failed, {});
    const auto after = store.search_passages("percent", std::nullopt, 10);
    REQUIRE(after.size() == 1);
    CHECK(after[0].passage.snapshot == newer);
    CHECK(store.latest_snapshot(source)->id == failed_id);
    CHECK(store.snapshot(newer)->text == "New text says 95 percent.");
    CHECK(store.snapshot_text(newer) == "New text says 95 percent.");
    CHECK_FALSE(store.snapshot_text(failed_id + 1).has_value());
    CHECK_FALSE(store.snapshot(failed_id + 1).has_value());
}

TEST_CASE("what search remembers of snapshots is forgotten when this or another connection writes") {
    claimtrack::test::TempDir dir;
    Store store(dir.file("facts.db"));
    Store other(dir.file("facts.db"));
    const Id article = add_article_citing(store, "a", {"https://example.com/a"});
    const Id source = store.sources(std::nullopt).at(0).id;
    const Id first = add_text_snapshot(store, source, {"First text says 90 percent."});
    REQUIRE(store.search_passages("percent", article, 10).size() == 1);
    // Written here: the first page is no longer the latest.
    const Id second = add_text_snapshot(store, source, {"Second text says 95 percent."});
    auto hits = store.search_passages("percent", article, 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].passage.snapshot == second);
    // Written through another connection.
    const Id third = add_text_snapshot(other, source, {"Third text says 99 percent."});
    hits = store.search_passages("percent", article, 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].passage.snapshot == third);
    // Another article, which does not cite the source, sees none of it; the first still sees it.
    const Id elsewhere = add_article_citing(other, "b", {"https://example.com/b"});
    CHECK(store.search_passages("percent", elsewhere, 10).empty());
    CHECK(store.search_passages("percent", article, 10).size() == 1);
    CHECK(first < second);
}

TEST_CASE("search limited to an article sees only the sources it cites") {
    Store store(":memory:");
    const Id first = add_article_citing(store, "a", {"https://example.com/one"});
    const Id second = add_article_citing(store, "b", {"https://example.com/two", "https://example.com/one"});
    const auto rows = store.sources(std::nullopt);
    add_text_snapshot(store, rows.at(0).id, {"Chips from one."});
    add_text_snapshot(store, rows.at(1).id, {"Chips from two."});
    CHECK(store.search_passages("chips", std::nullopt, 10).size() == 2);
    const auto only_first = store.search_passages("chips", first, 10);
    REQUIRE(only_first.size() == 1);
    CHECK(only_first[0].url == "https://example.com/one");
    CHECK(store.search_passages("chips", second, 10).size() == 2);
    CHECK(store.search_passages("chips", Id{99}, 10).empty());
}

TEST_CASE("evidence is listed best first with its passage text and source url") {
    Store store(":memory:");
    const Id article = add_article_citing(store, "a", {"https://example.com/a"});
    const Id snapshot = add_text_snapshot(store, store.sources(std::nullopt).at(0).id, {"Low.", "High."});
    const auto passages = store.passages_of(snapshot);
    Claim c;
    c.article = article;
    c.text = "x";
    c.span = {0, 1};
    const Id claim = store.add_claim(c);
    store.replace_automatic_evidence(claim, {evidence_on(passages[0].id, 0.2, Origin::automatic),
                                             evidence_on(passages[1].id, 0.9, Origin::automatic)});
    const auto list = store.evidence_of(claim);
    REQUIRE(list.size() == 2);
    CHECK(list[0].score == doctest::Approx(0.9));
    CHECK(list[0].text == "High.");
    CHECK(list[0].url == "https://example.com/a");
    CHECK(list[0].claim == claim);
    CHECK(list[0].quote == QuoteSelector{"exact", "before ", " after", 3, 8});
    CHECK(list[0].stance == Stance::supports);
    CHECK(list[0].reason == "same subject");
    CHECK(store.evidence(list[1].id) == list[1]);
    CHECK_FALSE(store.evidence(list[1].id + 100).has_value());
}

TEST_CASE("replacing automatic evidence keeps manual rows and rows a review refers to") {
    Store store(":memory:");
    const Id article = add_article_citing(store, "a", {"https://example.com/a"});
    const Id snapshot = add_text_snapshot(store, store.sources(std::nullopt).at(0).id, {"P0.", "P1.", "P2.", "P3."});
    const auto p = store.passages_of(snapshot);
    Claim c;
    c.article = article;
    c.text = "x";
    c.span = {0, 1};
    const Id claim = store.add_claim(c);

    Evidence manual = evidence_on(p[0].id, 0.5, Origin::manual);
    manual.claim = claim;
    const auto manual_id = store.add_evidence(manual);
    REQUIRE(manual_id.has_value());
    CHECK_FALSE(store.add_evidence(manual).has_value());  // same passage again

    store.replace_automatic_evidence(claim, {evidence_on(p[1].id, 0.7, Origin::automatic),
                                             evidence_on(p[2].id, 0.6, Origin::automatic)});
    const auto first = store.evidence_of(claim);
    REQUIRE(first.size() == 3);
    const Id reviewed = first[0].id;  // the 0.7 row on P1
    Review r;
    r.claim = claim;
    r.status = Status::verified;
    r.evidence = reviewed;
    store.record_review(r);

    // A new link run proposes P3 and P1 again (plus the manual passage): no duplicates appear.
    store.replace_automatic_evidence(claim, {evidence_on(p[3].id, 0.4, Origin::automatic),
                                             evidence_on(p[1].id, 0.3, Origin::automatic),
                                             evidence_on(p[0].id, 0.9, Origin::automatic)});
    const auto after = store.evidence_of(claim);
    REQUIRE(after.size() == 3);
    CHECK(after[0].id == reviewed);
    CHECK(after[0].score == doctest::Approx(0.7));
    CHECK(after[1].id == *manual_id);
    CHECK(after[1].origin == Origin::manual);
    CHECK(after[2].passage == p[3].id);
    CHECK(store.history(claim).at(0).evidence == reviewed);
}

}  // TEST_SUITE
