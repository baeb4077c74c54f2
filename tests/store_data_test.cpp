#include <claimtrack/store.hpp>

#include <claimtrack/error.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

Article sample_article(const std::string& sha, const std::vector<CitedSource>& sources) {
    Article a;
    a.title = "芯片之争";
    a.date = "2025-11-06";
    a.language = "zh";
    a.format = "text";
    a.origin = "article.txt";
    a.body = "芯片之争\n\n英伟达的份额由95%下降为0。\n\n站务";
    a.sha256 = sha;
    a.imported_at = "2025-11-06T08:00:00Z";
    a.paragraphs = {{{0, 12}, ParagraphKind::title},
                    {{14, 50}, ParagraphKind::text},
                    {{52, 58}, ParagraphKind::noise}};
    a.sources = sources;
    return a;
}

Claim sample_claim(Id article, ClaimKind kind, std::size_t start, const std::string& text) {
    Claim c;
    c.article = article;
    c.kind = kind;
    c.text = text;
    c.span = {start, start + text.size()};
    c.checkworthiness = 0.75;
    return c;
}

Review review_of(Id claim, Status previous, Status status, const std::string& note) {
    Review r;
    r.claim = claim;
    r.previous = previous;
    r.status = status;
    r.note = note;
    r.reviewer = "ann";
    r.created_at = "2025-11-07T09:00:00Z";
    return r;
}

}  // namespace

TEST_SUITE("store: articles, claims and reviews") {

TEST_CASE("an article round-trips with its paragraphs and cited sources") {
    Store store(":memory:");
    const Article in = sample_article("sha-1", {{"https://example.com/a", "Report A", 0},
                                                {"https://finance.example.cn/b", "报道 B", 1}});
    const Id id = store.add_article(in);
    const auto out = store.article(id);
    REQUIRE(out.has_value());
    Article expected = in;
    expected.id = id;
    CHECK(*out == expected);
    CHECK(store.find_article_by_sha256("sha-1") == id);
    CHECK_FALSE(store.find_article_by_sha256("sha-2").has_value());
    CHECK_FALSE(store.article(id + 1).has_value());
}

TEST_CASE("an article without import time, language or format gets defaults") {
    Store store(":memory:");
    Article a;
    a.body = "x";
    a.sha256 = "x";
    const Id id = store.add_article(a);
    const Article out = *store.article(id);
    CHECK(out.language == "und");
    CHECK(out.format == "text");
    CHECK(out.imported_at.size() == 20);
}

TEST_CASE("the same content cannot be stored twice") {
    Store store(":memory:");
    store.add_article(sample_article("same", {}));
    CHECK_THROWS(store.add_article(sample_article("same", {})));
    CHECK(store.articles().size() == 1);
}

TEST_CASE("a URL cited by two articles is one source with two citations") {
    Store store(":memory:");
    const Id first = store.add_article(sample_article("a1", {{"https://example.com/shared", "Shared", 0},
                                                             {"https://example.com/only-1", "One", 1}}));
    const Id second = store.add_article(sample_article("a2", {{"https://example.com/other", "Other", 0},
                                                              {"https://example.com/shared", "Shared again", 1}}));
    const auto all = store.sources(std::nullopt);
    REQUIRE(all.size() == 4);
    CHECK(all[0].article == first);
    CHECK(all[0].url == "https://example.com/shared");
    CHECK(all[3].article == second);
    CHECK(all[3].title == "Shared again");
    CHECK(all[0].id == all[3].id);
    CHECK(all[1].id != all[2].id);

    const auto of_second = store.sources(second);
    REQUIRE(of_second.size() == 2);
    CHECK(of_second[0].url == "https://example.com/other");
    CHECK(of_second[1].position == 1);
    CHECK_FALSE(of_second[1].http_status.has_value());
    CHECK(of_second[1].outcome.empty());
}

TEST_CASE("articles are listed oldest first and the latest is known") {
    Store store(":memory:");
    const Id first = store.add_article(sample_article("one", {}));
    const Id second = store.add_article(sample_article("two", {}));
    const auto list = store.articles();
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == first);
    CHECK(list[1].id == second);
    CHECK(list[1].paragraphs.size() == 3);
    CHECK(store.latest_article() == second);
}

TEST_CASE("add_claims stores many claims as add_claim would, in order, batches and the rest alike") {
    Store one_by_one(":memory:");
    Store batched(":memory:");
    const Id a = one_by_one.add_article(sample_article("b1", {}));
    REQUIRE(batched.add_article(sample_article("b1", {})) == a);
    std::vector<Claim> claims;
    for (std::size_t k = 0; k < 150; ++k) {  // two full batches of 64 and 22 more
        Claim c = sample_claim(a, k % 2 == 0 ? ClaimKind::quantity : ClaimKind::quote, k * 10, "第" + std::to_string(k) + "条");
        c.fields = {{"value", std::to_string(k)}, {"note", "quote \" and \\ " + std::to_string(k)}};
        c.checkworthiness = static_cast<double>(k % 5) / 4.0;
        c.hedged = k % 3 == 0;
        claims.push_back(c);
        one_by_one.add_claim(c);
    }
    batched.add_claims(claims);
    batched.add_claims({});
    const auto expected = one_by_one.claims({});
    const auto stored = batched.claims({});
    REQUIRE(stored.size() == 150);
    CHECK(stored == expected);
    CHECK(stored.front().id == 1);
    CHECK(stored.back().id == 150);
    CHECK(stored[149].fields.at("value") == "149");
}

TEST_CASE("claims round-trip with their fields and are filtered by article, kind and status") {
    Store store(":memory:");
    const Id a1 = store.add_article(sample_article("c1", {}));
    const Id a2 = store.add_article(sample_article("c2", {}));
    Claim quantity = sample_claim(a1, ClaimKind::quantity, 20, "份额由95%下降为0");
    quantity.fields = {{"subject", "英伟达"}, {"attribute", "份额"}, {"from", "95%"}, {"to", "0"},
                       {"note", "quote \" backslash \\ tab \t newline \n"}};
    quantity.hedged = true;
    const Id q = store.add_claim(quantity);
    const Id r = store.add_claim(sample_claim(a1, ClaimKind::role, 5, "CEO是黄仁勋"));
    const Id e = store.add_claim(sample_claim(a2, ClaimKind::event, 0, "今年4月分析过"));

    const auto back = store.claim(q);
    REQUIRE(back.has_value());
    Claim expected = quantity;
    expected.id = q;
    CHECK(*back == expected);

    const auto all = store.claims({});
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == r);  // article 1, start 5
    CHECK(all[1].id == q);  // article 1, start 20
    CHECK(all[2].id == e);

    CHECK(store.claims({a2, std::nullopt, std::nullopt}).size() == 1);
    const auto roles = store.claims({std::nullopt, ClaimKind::role, std::nullopt});
    REQUIRE(roles.size() == 1);
    CHECK(roles[0].id == r);
    CHECK(store.claims({a1, ClaimKind::event, std::nullopt}).empty());

    store.record_review(review_of(q, Status::unreviewed, Status::verified, ""));
    const auto verified = store.claims({std::nullopt, std::nullopt, Status::verified});
    REQUIRE(verified.size() == 1);
    CHECK(verified[0].id == q);
    CHECK(store.claims({std::nullopt, std::nullopt, Status::unreviewed}).size() == 2);
    CHECK_FALSE(store.claim(999).has_value());
}

TEST_CASE("a claim's status is its latest review and reviews are kept oldest first") {
    Store store(":memory:");
    const Id article = store.add_article(sample_article("s", {}));
    const Id claim = store.add_claim(sample_claim(article, ClaimKind::quantity, 0, "95%"));
    CHECK(store.claim(claim)->status == Status::unreviewed);

    const Id first = store.record_review(review_of(claim, Status::unreviewed, Status::disputed, "source says 90%"));
    CHECK(store.claim(claim)->status == Status::disputed);
    const Id second = store.record_review(review_of(claim, Status::disputed, Status::verified, "corrected"));
    CHECK(store.claim(claim)->status == Status::verified);
    store.record_review(review_of(claim, Status::verified, Status::unreviewed, "reopened"));
    CHECK(store.claim(claim)->status == Status::unreviewed);

    const auto log = store.history(claim);
    REQUIRE(log.size() == 3);
    CHECK(log[0].id == first);
    CHECK(log[0].note == "source says 90%");
    CHECK(log[0].reviewer == "ann");
    CHECK(log[0].created_at == "2025-11-07T09:00:00Z");
    CHECK_FALSE(log[0].evidence.has_value());
    CHECK(log[1].id == second);
    CHECK(log[1].previous == Status::disputed);
    CHECK(log[2].status == Status::unreviewed);
}

TEST_CASE("a review of an unknown claim is refused by the foreign key") {
    Store store(":memory:");
    CHECK_THROWS(store.record_review(review_of(42, Status::unreviewed, Status::verified, "")));
}

}  // TEST_SUITE
