// End to end: the review workflow (decisions, reopen, history, claim corrections, evidence
// verdicts, batch review from CSV) and two reviewers writing to one database at once.
#include "e2e_support.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>
#include <sys/types.h>
#include <unistd.h>

namespace {

using e2e::run;
using nlohmann::json;

// A short column of our own: a CEO claim, a market share that moved, an opinion.
const std::string k_article =
    "Quiet phones, loud numbers\n"
    "\n"
    "Ferrow's chief executive is Anika Brandt, who took over in 2022.\n"
    "\n"
    "Ferrow's share of the tablet market fell from 31% to 12% between 2020 and 2024.\n"
    "\n"
    "In June, Ferrow said it would close two factories in Ghent.\n"
    "\n"
    "Most of its buyers were schools in Flanders.\n"
    "\n"
    "I think the tablets were simply too heavy.\n";

struct Db {
    e2e::TempDir dir;
    std::string path = dir.file("t.db");

    Db() { REQUIRE(run({"--db", path, "import", dir.write("a.txt", k_article), "--date", "2025-11-10"}).code == 0); }

    e2e::Run cli(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", path});
        return run(args);
    }

    json claims(const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{"claims", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto result = cli(args);
        REQUIRE(result.code == 0);
        return json::parse(result.out);
    }

    // Return the id of the claim whose text contains `needle`.
    std::string claim_id(const std::string& needle) const {
        for (const auto& claim : claims({"--all"})) {
            if (claim["text"].get<std::string>().find(needle) != std::string::npos) return std::to_string(claim["id"].get<long>());
        }
        FAIL("no claim with " << needle);
        return {};
    }

    json history(const std::string& claim) const {
        const auto result = cli({"history", claim, "--json"});
        REQUIRE(result.code == 0);
        return json::parse(result.out);
    }
};

bool has_id(const json& claims, const std::string& id) {
    for (const auto& claim : claims) {
        if (std::to_string(claim["id"].get<long>()) == id) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("e2e review") {

TEST_CASE("verify, dispute and reopen are logged with previous and new status, note, reviewer and time") {
    Db db;
    const std::string id = db.claim_id("fell from 31%");
    CHECK(db.cli({"verify", id, "--note", "matches the annual report", "--by", "lin"}).code == 0);
    const auto no_note = db.cli({"dispute", id});
    CHECK(no_note.code == 2);
    setenv("CLAIMTRACK_REVIEWER", "desk-7", 1);
    CHECK(db.cli({"dispute", id, "--note", "the report says 13%"}).code == 0);
    unsetenv("CLAIMTRACK_REVIEWER");
    const auto reopened = db.cli({"reopen", id, "--note", "asked the company", "--by", "lin"});
    CHECK(reopened.code == 0);
    CHECK(reopened.out.find("disputed → unreviewed") != std::string::npos);
    const auto again = db.cli({"reopen", id});
    CHECK(again.code == 2);
    CHECK(again.err.find("unreviewed already") != std::string::npos);

    const json log = db.history(id);
    REQUIRE(log.size() == 3);
    CHECK(log[0]["previous"] == "unreviewed");
    CHECK(log[0]["status"] == "verified");
    CHECK(log[0]["reviewer"] == "lin");
    CHECK(log[0]["note"] == "matches the annual report");
    CHECK(log[1]["previous"] == "verified");
    CHECK(log[1]["status"] == "disputed");
    CHECK(log[1]["reviewer"] == "desk-7");
    CHECK(log[2]["status"] == "unreviewed");
    CHECK(log[2]["action"] == "status");
    CHECK(log[2]["created_at"].get<std::string>().size() == 20);
    const auto text = db.cli({"history", id});
    CHECK(text.out.find("verified → disputed") != std::string::npos);
    CHECK(text.out.find("the report says 13%") != std::string::npos);
}

TEST_CASE("claim add anchors the text in the body when it is there, and marks it unanchored when not") {
    Db db;
    const auto anchored = db.cli({"claim", "add", "1", "Most of its buyers were schools in Flanders.", "--kind", "event",
                                  "--field", "actor=Ferrow", "--by", "lin"});
    REQUIRE(anchored.code == 0);
    CHECK(anchored.out.find("anchored at bytes") != std::string::npos);
    const auto loose = db.cli({"claim", "add", "1", "Ferrow employs 9,000 people.", "--kind", "quantity", "--field", "unit=people"});
    REQUIRE(loose.code == 0);
    CHECK(loose.out.find("[unanchored]") != std::string::npos);

    const std::string near = db.claim_id("schools in Flanders");
    const std::string far = db.claim_id("9,000 people");
    for (const auto& claim : db.claims({"--all"})) {
        const std::string id = std::to_string(claim["id"].get<long>());
        if (id == far) {
            CHECK(claim["start"] == 0);
            CHECK(claim["end"] == 0);
            CHECK(claim["anchored"] == false);
            CHECK(claim["origin"] == "manual");
            CHECK(claim["fields"]["unit"] == "people");
        }
        if (id == near) {
            CHECK(claim["anchored"] == true);
            CHECK(claim["end"].get<long>() - claim["start"].get<long>() == 44);
            CHECK(claim["fields"]["actor"] == "Ferrow");
        }
    }
    CHECK(db.cli({"claims", "--all"}).out.find("[unanchored]") != std::string::npos);
    CHECK(db.history(far).at(0)["action"] == "claim-add");
    const auto twice = db.cli({"claim", "add", "1", "Ferrow employs 9,000 people."});
    CHECK(db.cli({"claim", "add", "1", "In June, Ferrow said it would close two factories in Ghent."}).code == 2);  // extracted already
    CHECK(twice.code == 2);
    CHECK(twice.err.find("has this claim already") != std::string::npos);
    CHECK(db.cli({"claim", "add", "99", "x"}).code == 1);
    CHECK(db.cli({"claim", "add", "1", "x", "--field", "speaker=Tan", "--kind", "quantity"}).code == 2);
}

TEST_CASE("claim edit changes fields and kind, logged with what changed") {
    Db db;
    const std::string id = db.claim_id("fell from 31%");
    const auto edited = db.cli({"claim", "edit", id, "--field", "to=12%", "--field", "subject=Ferrow", "--note", "fix"});
    REQUIRE(edited.code == 0);
    CHECK(edited.out.find("to: ") != std::string::npos);
    json claim;
    for (const auto& each : db.claims()) {
        if (std::to_string(each["id"].get<long>()) == id) claim = each;
    }
    CHECK(claim["fields"]["to"] == "12%");
    CHECK(claim["fields"]["subject"] == "Ferrow");
    const json log = db.history(id);
    REQUIRE(log.size() == 1);
    CHECK(log[0]["action"] == "claim-edit");
    CHECK(log[0]["detail"].get<std::string>().find("→ '12%'") != std::string::npos);
    CHECK(log[0]["note"] == "fix");
    const auto nothing = db.cli({"claim", "edit", id, "--field", "to=12%"});
    CHECK(nothing.code == 2);
    CHECK(nothing.err.find("nothing to change") != std::string::npos);
}

TEST_CASE("a rejected claim is kept in the log, hidden from claims and the report, listed by claims --all") {
    Db db;
    const std::string id = db.claim_id("two factories");
    CHECK(db.cli({"claim", "reject", id}).code == 2);  // a note is required
    REQUIRE(db.cli({"claim", "reject", id, "--note", "announcement, not a claim to check", "--by", "lin"}).code == 0);
    CHECK_FALSE(has_id(db.claims(), id));
    const json all = db.claims({"--all"});
    CHECK(has_id(all, id));
    const auto report = db.cli({"report", "--format", "json"});
    REQUIRE(report.code == 0);
    const json parsed = json::parse(report.out);
    for (const auto& claim : parsed["articles"][0]["claims"]) {
        CHECK(std::to_string(claim["id"].get<long>()) != id);
    }
    CHECK(db.cli({"claims", "--all"}).out.find("[rejected]") != std::string::npos);
    CHECK(db.cli({"verify", id}).code == 2);
    CHECK(db.history(id).at(0)["action"] == "claim-reject");

    // Re-importing the same article changes nothing: the rejection and edits stand.
    CHECK(db.cli({"import", db.dir.file("a.txt")}).code == 0);
    CHECK_FALSE(has_id(db.claims(), id));

    // reopen restores it.
    REQUIRE(db.cli({"reopen", id, "--note", "it is checkable after all"}).code == 0);
    CHECK(has_id(db.claims(), id));
    CHECK(db.history(id).at(1)["action"] == "claim-restore");
}

TEST_CASE("evidence accept puts a link first; evidence reject hides it and link never proposes it again") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string samples = e2e::source_dir() + "/samples";
    REQUIRE(run({"--db", db, "import", samples + "/article-en-chips.txt", "--date", "2025-11-10"}).code == 0);
    REQUIRE(run({"--db", db, "fetch", "--from-warc", samples + "/sources.warc.gz"}).code == 0);
    REQUIRE(run({"--db", db, "link"}).code == 0);
    // Find a claim with at least two evidence rows.
    std::string claim;
    json rows;
    for (const auto& each : json::parse(run({"--db", db, "claims", "--json"}).out)) {
        const std::string id = std::to_string(each["id"].get<long>());
        rows = json::parse(run({"--db", db, "evidence", id, "--json"}).out);
        if (rows.size() >= 2) {
            claim = id;
            break;
        }
    }
    REQUIRE_FALSE(claim.empty());
    const std::string first = std::to_string(rows[0]["id"].get<long>());
    const std::string last = std::to_string(rows[rows.size() - 1]["id"].get<long>());
    const std::size_t count = rows.size();

    CHECK(run({"--db", db, "evidence", "reject", first}).code == 2);  // a note is required
    REQUIRE(run({"--db", db, "evidence", "reject", first, "--note", "about another company", "--by", "lin"}).code == 0);
    REQUIRE(run({"--db", db, "evidence", "accept", last, "--by", "lin"}).code == 0);
    CHECK(run({"--db", db, "evidence", "accept", last}).code == 2);  // accepted already

    auto check_rows = [&] {
        const json now = json::parse(run({"--db", db, "evidence", claim, "--json"}).out);
        REQUIRE(now.size() >= 1);
        CHECK(std::to_string(now[0]["id"].get<long>()) == last);
        for (const auto& row : now) CHECK(std::to_string(row["id"].get<long>()) != first);
        CHECK(now.size() <= count);
    };
    check_rows();
    REQUIRE(run({"--db", db, "link"}).code == 0);  // a new link run does not bring the rejected passage back
    check_rows();

    const json log = json::parse(run({"--db", db, "history", claim, "--json"}).out);
    REQUIRE(log.size() == 2);
    CHECK(log[0]["action"] == "evidence-reject");
    CHECK(std::to_string(log[0]["evidence"].get<long>()) == first);
    CHECK(log[1]["action"] == "evidence-accept");
    CHECK(run({"--db", db, "evidence"}).code == 2);
    CHECK(run({"--db", db, "evidence", "accept", "99999"}).code == 1);
}

TEST_CASE("review --from applies a spreadsheet of decisions, all of them or none") {
    Db db;
    const std::string a = db.claim_id("fell from 31%");
    const std::string b = db.claim_id("two factories");
    const std::string good = db.dir.write("ok.csv", "\xEF\xBB\xBF" "claim,action,note,evidence,by\r\n" + a +
                                                        ",dispute,\"the report says 13%, not 12%\",,lin\r\n" + b +
                                                        ",verify,\"company page,\nchecked twice\",,ann\r\n" + a + ",reopen,,,lin\r\n");
    const auto applied = db.cli({"review", "--from", good});
    REQUIRE(applied.code == 0);
    CHECK(applied.out.find("3 decisions recorded") != std::string::npos);
    const json log_a = db.history(a);
    REQUIRE(log_a.size() == 2);
    CHECK(log_a[0]["note"] == "the report says 13%, not 12%");
    CHECK(log_a[1]["status"] == "unreviewed");
    CHECK(db.history(b).at(0)["note"] == "company page,\nchecked twice");
    CHECK(db.history(b).at(0)["reviewer"] == "ann");

    std::string bad_rows = "claim,action,note,evidence,by\n";
    for (int i = 0; i < 5; ++i) bad_rows += b + ",unverifiable,row " + std::to_string(i) + ",,lin\n";
    bad_rows += a + ",verfy,,,lin\n";
    const auto bad = db.cli({"review", "--from", db.dir.write("bad.csv", bad_rows)});
    CHECK(bad.code == 1);
    CHECK(bad.err == "claimtrack: error: " + db.dir.file("bad.csv") +
                         ": row 7: unknown action 'verfy' (use verify, dispute, unverifiable, unreviewed, reopen)\n");
    CHECK(db.history(b).size() == 1);

    // A row that parses but breaks a rule (no such claim, a dispute without a note) also writes nothing.
    const auto missing = db.cli({"review", "--from", db.dir.write("missing.csv", "claim,action\n" + b + ",unverifiable\n999,verify\n")});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("missing.csv: row 3: claim 999: no such claim") != std::string::npos);
    const auto no_note = db.cli({"review", "--from", db.dir.write("nonote.csv", "claim,action\n" + b + ",unverifiable\n" + a + ",dispute\n")});
    CHECK(no_note.code == 1);
    CHECK(no_note.err.find("row 3: claim " + a + ": a note saying why is required") != std::string::npos);
    CHECK(db.history(b).size() == 1);
    CHECK(db.cli({"review", "--from", db.dir.file("nope.csv")}).code == 1);
}

TEST_CASE("two reviewers writing at once from two processes lose no review row") {
    Db db;
    const std::string a = db.claim_id("fell from 31%");
    const std::string b = db.claim_id("two factories");
    constexpr int k_each = 30;
    auto spawn = [&](const std::string& name) {
        // Each writer is a real claimtrack process per decision, like a person at a terminal.
        const std::string script = "for i in $(seq 1 " + std::to_string(k_each) + "); do " + std::string(CLAIMTRACK_BINARY) +
                                   " --db '" + db.path + "' verify " + a + " --note \"" + name + " $i\" --by " + name +
                                   " >/dev/null || exit 1; " + std::string(CLAIMTRACK_BINARY) + " --db '" + db.path + "' mark " + b +
                                   " unverifiable --note \"" + name + " $i\" --by " + name + " >/dev/null || exit 1; done";
        const pid_t pid = fork();
        if (pid == 0) {
            setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
            execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        return pid;
    };
    const pid_t ann = spawn("ann");
    const pid_t bob = spawn("bob");
    int status_ann = 0;
    int status_bob = 0;
    waitpid(ann, &status_ann, 0);
    waitpid(bob, &status_bob, 0);
    CHECK(WIFEXITED(status_ann));
    CHECK(WEXITSTATUS(status_ann) == 0);
    CHECK(WIFEXITED(status_bob));
    CHECK(WEXITSTATUS(status_bob) == 0);
    for (const std::string& claim : {a, b}) {
        const json log = db.history(claim);
        CHECK(log.size() == 2 * k_each);
        std::set<std::string> notes;
        for (const auto& row : log) notes.insert(row["note"].get<std::string>());
        for (int i = 1; i <= k_each; ++i) {
            CHECK(notes.count("ann " + std::to_string(i)) == 1);
            CHECK(notes.count("bob " + std::to_string(i)) == 1);
        }
    }
}

TEST_CASE("every review command explains itself with an example") {
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"verify"}, {"dispute"}, {"mark"}, {"reopen"}, {"history"}, {"review"}, {"claim"},
          {"claim", "add"}, {"claim", "edit"}, {"claim", "reject"}, {"evidence"}, {"evidence", "accept"}, {"evidence", "reject"}}) {
        std::vector<std::string> args = command;
        args.push_back("--help");
        const auto help = run(args);
        CAPTURE(command.back());
        CHECK(help.code == 0);
        CHECK(help.out.find("Example") != std::string::npos);
    }
}

}
