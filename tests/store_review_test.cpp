// The store's side of review: manual claims, edits, rejections, evidence verdicts, the action log.
#include "support/sentence_snapshot.hpp"

#include <claimtrack/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace claimtrack;

namespace {

struct Fixture {
    Store store{":memory:"};
    Id article = 0;
    Id source = 0;

    Fixture() {
        Article a;
        a.title = "t";
        a.body = "Nvidia's share fell from 95% to zero. Tan is CEO.";
        a.sha256 = "sha";
        a.sources.push_back({"https://example.com/a", "A", 0});
        article = store.add_article(a);
        source = store.sources(std::nullopt).at(0).id;
    }

    Id claim(const std::string& text, std::size_t start) {
        Claim c;
        c.article = article;
        c.text = text;
        c.span = {start, start + text.size()};
        c.fields = {{"unit", "%"}};
        return store.add_claim(c);
    }

    Id snapshot(const std::vector<std::string>& sentences) {
        const auto [s, passages] = test::sentence_snapshot(source, sentences);
        return store.add_snapshot(s, passages);
    }

    Id log(Id claim_id, LogAction action, std::optional<Id> evidence = std::nullopt) {
        Review r;
        r.claim = claim_id;
        r.evidence = evidence;
        r.note = "because";
        r.reviewer = "lin";
        return store.record_log({r, action, action == LogAction::claim_edit ? "unit: '%' → 'percent'" : ""});
    }
};

Evidence proposed(Id passage, double score) {
    Evidence e;
    e.passage = passage;
    e.score = score;
    e.origin = Origin::automatic;
    return e;
}

}  // namespace

TEST_SUITE("store: review") {

TEST_CASE("a rejected claim is hidden from listings unless asked for, and a restore brings it back") {
    Fixture f;
    const Id kept = f.claim("Tan is CEO.", 38);
    const Id rejected = f.claim("Nvidia's share fell from 95% to zero.", 0);
    f.log(rejected, LogAction::claim_reject);
    CHECK(f.store.claims({}).size() == 1);
    CHECK(f.store.claims({}).at(0).id == kept);
    ClaimFilter all;
    all.rejected = RejectedClaims::include;
    CHECK(f.store.claims(all).size() == 2);
    CHECK(f.store.claim(rejected).has_value());
    CHECK(f.store.claim_state(rejected)->rejected);
    CHECK_FALSE(f.store.claim_state(kept)->rejected);
    f.log(rejected, LogAction::claim_restore);
    CHECK(f.store.claims({}).size() == 2);
    CHECK_FALSE(f.store.claim_state(rejected)->rejected);
}

TEST_CASE("a manual claim keeps its origin; an unanchored one says so") {
    Fixture f;
    Claim c;
    c.article = f.article;
    c.kind = ClaimKind::event;
    c.text = "not in the body";
    const Id id = f.store.add_claim(c, Origin::manual);
    const auto state = f.store.claim_state(id);
    REQUIRE(state);
    CHECK(state->origin == Origin::manual);
    CHECK_FALSE(state->anchored);
    CHECK(f.store.claim_state(f.claim("Tan is CEO.", 38))->anchored);
    CHECK(f.store.find_claim(f.article, "not in the body") == id);
    CHECK_FALSE(f.store.find_claim(f.article, "nothing").has_value());
}

TEST_CASE("editing a claim changes its kind and fields, not its text or span") {
    Fixture f;
    const Id id = f.claim("Tan is CEO.", 38);
    Claim c = *f.store.claim(id);
    c.kind = ClaimKind::role;
    c.fields = {{"person", "Tan"}, {"role", "CEO"}};
    c.text = "ignored";
    f.store.update_claim(c);
    const Claim after = *f.store.claim(id);
    CHECK(after.kind == ClaimKind::role);
    CHECK(after.fields == std::map<std::string, std::string>{{"person", "Tan"}, {"role", "CEO"}});
    CHECK(after.text == "Tan is CEO.");
    CHECK(after.span == Span{38, 49});
}

TEST_CASE("the log keeps every action with its detail, and non-status rows leave the status alone") {
    Fixture f;
    const Id id = f.claim("Tan is CEO.", 38);
    Review verified;
    verified.claim = id;
    verified.status = Status::verified;
    f.store.record_review(verified);
    f.log(id, LogAction::claim_edit);
    f.log(id, LogAction::claim_reject);
    const auto log = f.store.log(id);
    REQUIRE(log.size() == 3);
    CHECK(log[0].action == LogAction::status);
    CHECK(log[1].action == LogAction::claim_edit);
    CHECK(log[1].detail == "unit: '%' → 'percent'");
    CHECK(log[2].action == LogAction::claim_reject);
    CHECK(log[2].review.note == "because");
    CHECK(f.store.history(id).size() == 3);
    CHECK(f.store.claim(id)->status == Status::verified);
    for (const LogAction action : {LogAction::status, LogAction::claim_add, LogAction::claim_edit, LogAction::claim_reject,
                                   LogAction::claim_restore, LogAction::evidence_accept, LogAction::evidence_reject}) {
        CHECK(log_action_from(to_string(action)) == action);
    }
}

TEST_CASE("a reviewed or manual claim cannot be deleted, and log rows cannot be changed") {
    const auto path = std::filesystem::temp_directory_path() / ("claimtrack-store-review-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    Id reviewed = 0, manual = 0, plain = 0;
    {
        Store store(path.string());
        Article a;
        a.body = "Tan is CEO.";
        a.sha256 = "sha";
        const Id article = store.add_article(a);
        Claim c;
        c.article = article;
        c.text = "Tan is CEO.";
        c.span = {0, c.text.size()};
        reviewed = store.add_claim(c);
        plain = store.add_claim(c);
        manual = store.add_claim(c, Origin::manual);
        Review r;
        r.claim = reviewed;
        store.record_log({r, LogAction::claim_edit, "x"});
    }
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA foreign_keys = ON");
        CHECK_THROWS_WITH(db.exec("DELETE FROM claim WHERE id = " + std::to_string(reviewed)), doctest::Contains("never deleted"));
        CHECK_THROWS_WITH(db.exec("DELETE FROM claim WHERE id = " + std::to_string(manual)), doctest::Contains("never deleted"));
        CHECK(db.exec("DELETE FROM claim WHERE id = " + std::to_string(plain)) == 1);
        CHECK_THROWS_WITH(db.exec("UPDATE review SET note = 'changed'"), doctest::Contains("append-only"));
        CHECK_THROWS_WITH(db.exec("DELETE FROM review"), doctest::Contains("append-only"));
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("accepted evidence comes first; rejected evidence is hidden and never proposed again") {
    Fixture f;
    const Id id = f.claim("Nvidia's share fell from 95% to zero.", 0);
    const auto p = f.store.passages_of(f.snapshot({"Share fell to zero.", "Nvidia had 95%.", "Unrelated."}));
    f.store.replace_automatic_evidence(id, {proposed(p[0].id, 0.9), proposed(p[1].id, 0.5), proposed(p[2].id, 0.3)});
    auto list = f.store.evidence_of(id);
    REQUIRE(list.size() == 3);
    const Id best = list[0].id, middle = list[1].id, worst = list[2].id;
    f.log(id, LogAction::evidence_accept, middle);
    f.log(id, LogAction::evidence_reject, worst);
    CHECK(f.store.evidence_verdict(middle) == EvidenceVerdict::accepted);
    CHECK(f.store.evidence_verdict(worst) == EvidenceVerdict::rejected);
    CHECK(f.store.evidence_verdict(best) == EvidenceVerdict::proposed);
    list = f.store.evidence_of(id);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == middle);
    CHECK(list[1].id == best);
    CHECK(f.store.evidence(worst).has_value());

    // A later link run proposes the rejected passage again, and a re-fetch repeats its text.
    f.store.replace_automatic_evidence(id, {proposed(p[2].id, 0.95)});
    list = f.store.evidence_of(id);
    REQUIRE(list.size() == 1);  // the unreviewed 0.9 row was replaced; the rejected one stays out
    CHECK(list[0].id == middle);
    const auto again = f.store.passages_of(f.snapshot({"Unrelated.", "Something new."}));
    f.store.replace_automatic_evidence(id, {proposed(again[0].id, 0.95), proposed(again[1].id, 0.4)});
    list = f.store.evidence_of(id);
    REQUIRE(list.size() == 2);  // the accepted row and the new passage, not the repeated rejected text
    CHECK(list[0].id == middle);
    CHECK(list[1].text == "Something new.");
}

TEST_CASE("accepting evidence after rejecting it brings it back") {
    Fixture f;
    const Id id = f.claim("Tan is CEO.", 38);
    const auto p = f.store.passages_of(f.snapshot({"Tan is the CEO."}));
    f.store.replace_automatic_evidence(id, {proposed(p[0].id, 0.8)});
    const Id row = f.store.evidence_of(id).at(0).id;
    f.log(id, LogAction::evidence_reject, row);
    CHECK(f.store.evidence_of(id).empty());
    f.log(id, LogAction::evidence_accept, row);
    CHECK(f.store.evidence_of(id).size() == 1);
}

}
