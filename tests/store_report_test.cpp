// The store's batch reads for the report: an article's evidence and review history in one query each.
#include "support/sentence_snapshot.hpp"

#include <claimtrack/store.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

struct Fixture {
    Store store{":memory:"};
    Id source = 0;

    Id article(const std::string& sha) {
        Article a;
        a.title = "t";
        a.body = "Nvidia's share fell from 95% to zero. Tan is CEO.";
        a.sha256 = sha;
        a.sources.push_back({"https://example.com/a", "A", 0});
        const Id id = store.add_article(a);
        source = store.sources(std::nullopt).at(0).id;
        return id;
    }

    Id claim(Id article_id, const std::string& text) {
        Claim c;
        c.article = article_id;
        c.text = text;
        c.span = {0, text.size()};
        return store.add_claim(c);
    }

    std::vector<Passage> passages(const std::vector<std::string>& sentences) {
        const auto [snapshot, list] = test::sentence_snapshot(source, sentences);
        return store.passages_of(store.add_snapshot(snapshot, list));
    }

    Id log(Id claim_id, LogAction action, std::optional<Id> evidence, Status status = Status::unreviewed) {
        Review r;
        r.claim = claim_id;
        r.status = status;
        r.evidence = evidence;
        r.note = "note " + std::to_string(claim_id);
        r.reviewer = "lin";
        return store.record_log({r, action, {}});
    }
};

Evidence proposed(Id passage, double score) {
    Evidence e;
    e.passage = passage;
    e.score = score;
    e.origin = Origin::automatic;
    return e;
}

std::vector<Id> ids(const std::vector<Evidence>& rows) {
    std::vector<Id> list;
    for (const Evidence& e : rows) list.push_back(e.id);
    return list;
}

}  // namespace

TEST_SUITE("store: report reads") {

TEST_CASE("evidence_of_article returns each claim's evidence as evidence_of does: accepted first, rejected hidden") {
    Fixture f;
    const Id first = f.article("one");
    const Id other = f.article("two");
    const Id a = f.claim(first, "Nvidia's share fell from 95% to zero.");
    const Id b = f.claim(first, "Tan is CEO.");
    const Id none = f.claim(first, "Nothing backs this.");
    const Id elsewhere = f.claim(other, "Tan is CEO.");
    const auto p = f.passages({"Share fell to zero.", "Nvidia had 95%.", "Unrelated.", "Tan is the CEO."});
    f.store.replace_automatic_evidence(a, {proposed(p[0].id, 0.9), proposed(p[1].id, 0.5), proposed(p[2].id, 0.3)});
    f.store.replace_automatic_evidence(b, {proposed(p[3].id, 0.8), proposed(p[2].id, 0.8)});
    f.store.replace_automatic_evidence(elsewhere, {proposed(p[3].id, 0.7)});
    const auto rows = f.store.evidence_of(a);
    f.log(a, LogAction::evidence_accept, rows[1].id);  // the middle one comes first
    f.log(a, LogAction::evidence_reject, rows[2].id);  // the worst one is hidden

    const auto by_claim = f.store.evidence_of_article(first);
    REQUIRE(by_claim.size() == 2);  // `none` has no evidence, `elsewhere` is in another article
    CHECK(by_claim.count(none) == 0);
    CHECK(by_claim.count(elsewhere) == 0);
    REQUIRE(by_claim.at(a).size() == 2);
    CHECK(ids(by_claim.at(a)) == std::vector<Id>{rows[1].id, rows[0].id});
    CHECK(by_claim.at(a)[0].text == "Nvidia had 95%.");
    CHECK(by_claim.at(a)[0].url == "https://example.com/a");
    CHECK(by_claim.at(a)[0].claim == a);
    CHECK(by_claim.at(a)[1].score == doctest::Approx(0.9));
    CHECK(ids(by_claim.at(b)) == ids(f.store.evidence_of(b)));  // equal scores: lower id first
    CHECK(by_claim.at(b).size() == 2);
    CHECK(by_claim.at(a) == f.store.evidence_of(a));  // every field, `text` and `url` too
    CHECK(by_claim.at(b) == f.store.evidence_of(b));
    CHECK(f.store.evidence_of_article(other).at(elsewhere).size() == 1);
    CHECK(f.store.evidence_of_article(999).empty());
}

TEST_CASE("history_of_article returns each claim's log rows oldest first, as history does") {
    Fixture f;
    const Id first = f.article("one");
    const Id other = f.article("two");
    const Id a = f.claim(first, "Nvidia's share fell from 95% to zero.");
    const Id b = f.claim(first, "Tan is CEO.");
    const Id quiet = f.claim(first, "Never reviewed.");
    const Id elsewhere = f.claim(other, "Tan is CEO.");
    const Id r1 = f.log(a, LogAction::status, std::nullopt, Status::verified);
    const Id r2 = f.log(b, LogAction::status, std::nullopt, Status::disputed);
    const Id r3 = f.log(a, LogAction::claim_edit, std::nullopt);
    const Id r4 = f.log(elsewhere, LogAction::status, std::nullopt, Status::verified);
    const Id r5 = f.log(a, LogAction::status, std::nullopt, Status::unverifiable);

    const auto by_claim = f.store.history_of_article(first);
    REQUIRE(by_claim.size() == 2);
    CHECK(by_claim.count(quiet) == 0);
    REQUIRE(by_claim.at(a).size() == 3);
    CHECK(by_claim.at(a)[0].id == r1);
    CHECK(by_claim.at(a)[1].id == r3);
    CHECK(by_claim.at(a)[2].id == r5);
    CHECK(by_claim.at(a)[2].status == Status::unverifiable);
    CHECK(by_claim.at(a)[2].note == "note " + std::to_string(a));
    CHECK(by_claim.at(a) == f.store.history(a));
    REQUIRE(by_claim.at(b).size() == 1);
    CHECK(by_claim.at(b)[0].id == r2);
    CHECK(by_claim.at(b)[0].status == Status::disputed);
    const auto others = f.store.history_of_article(other);
    REQUIRE(others.size() == 1);
    CHECK(others.at(elsewhere).at(0).id == r4);
}

}
