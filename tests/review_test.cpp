// Review rules: status decisions, notes, field edits, and the batch review file (RFC 4180 CSV).
#include <claimtrack/error.hpp>
#include <claimtrack/review.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

using namespace claimtrack;

namespace {

review::Decision decision(Status status, std::string note = {}) {
    return {7, status, std::nullopt, std::move(note), "lin"};
}

std::string error_of(std::string_view csv) {
    try {
        review::parse_batch(csv, "d.csv");
    } catch (const Error& e) {
        return e.input() + ": " + e.place() + ": " + e.reason();
    }
    return "no error";
}

}  // namespace

TEST_SUITE("review") {

TEST_CASE("a status decision records previous and new status, note, reviewer and time") {
    const Review row = review::make_review(Status::unreviewed, decision(Status::verified, "matches the filing"));
    CHECK(row.claim == 7);
    CHECK(row.previous == Status::unreviewed);
    CHECK(row.status == Status::verified);
    CHECK(row.note == "matches the filing");
    CHECK(row.reviewer == "lin");
    CHECK(row.created_at.size() == 20);
}

TEST_CASE("a dispute without a note is refused") {
    CHECK_THROWS_AS(review::make_review(Status::verified, decision(Status::disputed, "  ")), Error);
}

TEST_CASE("the reviewer defaults to CLAIMTRACK_REVIEWER") {
    setenv("CLAIMTRACK_REVIEWER", "desk-7", 1);
    review::Decision d = decision(Status::verified);
    d.reviewer.clear();
    CHECK(review::make_review(Status::unreviewed, d).reviewer == "desk-7");
    unsetenv("CLAIMTRACK_REVIEWER");
    CHECK_FALSE(review::default_reviewer().empty());
    CHECK(review::default_reviewer() != "desk-7");
}

TEST_CASE("reopen goes back to unreviewed and refuses a claim that is unreviewed already") {
    const Review row = review::make_reopen(Status::disputed, decision(Status::verified, "new filing"));
    CHECK(row.previous == Status::disputed);
    CHECK(row.status == Status::unreviewed);
    CHECK_THROWS_AS(review::make_reopen(Status::unreviewed, decision(Status::unreviewed)), Error);
}

TEST_CASE("a note row keeps the status and may require a note") {
    const Review row = review::make_note_row(Status::verified, decision(Status::disputed, "off topic"), "evidence reject",
                                             review::NoteRule::required);
    CHECK(row.previous == Status::verified);
    CHECK(row.status == Status::verified);
    CHECK_THROWS_AS(review::make_note_row(Status::verified, decision(Status::verified), "claim reject", review::NoteRule::required), Error);
    CHECK_NOTHROW(review::make_note_row(Status::verified, decision(Status::verified), "claim edit", review::NoteRule::optional));
}

TEST_CASE("field assignments are split at the first '=' and checked against the kind") {
    CHECK(review::parse_field("unit=%", ClaimKind::quantity) == std::pair<std::string, std::string>{"unit", "%"});
    CHECK(review::parse_field("value=a=b", ClaimKind::quantity).second == "a=b");
    CHECK(review::parse_field("unit=", ClaimKind::quantity).second.empty());
    CHECK_THROWS_AS(review::parse_field("unit", ClaimKind::quantity), Error);
    CHECK_THROWS_AS(review::parse_field("=x", ClaimKind::quantity), Error);
    CHECK_THROWS_AS(review::parse_field("speaker=Tan", ClaimKind::quantity), Error);
}

TEST_CASE("applying field edits sets, removes and describes the changes") {
    const auto edit = review::apply_fields({{"unit", "%"}, {"from", "95"}}, {{"unit", "percent"}, {"from", ""}, {"to", "0"}});
    CHECK(edit.fields == std::map<std::string, std::string>{{"unit", "percent"}, {"to", "0"}});
    CHECK(edit.change == "unit: '%' → 'percent'; from: '95' → ''; to: '' → '0'");
    CHECK(review::apply_fields({{"unit", "%"}}, {{"unit", "%"}}).change.empty());
}

TEST_CASE("CSV records handle quotes, doubled quotes, embedded commas and line breaks, CRLF and a BOM") {
    const auto records = review::parse_csv("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n,\n", "f.csv");
    REQUIRE(records.size() == 4);
    CHECK(records[0].fields == std::vector<std::string>{"a", "b"});
    CHECK(records[1].fields == std::vector<std::string>{"x, y", "say \"hi\""});
    CHECK(records[2].fields == std::vector<std::string>{"two\nlines", "z"});
    CHECK(records[2].row == 3);
    CHECK(records[3].fields == std::vector<std::string>{"", ""});
}

TEST_CASE("CSV errors name the row: an unclosed quote, text after a closing quote") {
    CHECK_THROWS_WITH_AS(review::parse_csv("a\n\"open", "f.csv"), doctest::Contains("quoted field"), Error);
    try {
        review::parse_csv("a,b\n1,2\n\"x\"y,2\n", "f.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.place() == "row 3");
        CHECK(e.input() == "f.csv");
    }
}

TEST_CASE("a batch file gives one decision per row, columns in any order, optional ones absent") {
    const auto rows = review::parse_batch("action,claim,note\nverify,4,\"ok, checked\"\n\ndispute, 5 ,90% not 95%\nreopen,6,\n", "d.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].claim == 4);
    CHECK(rows[0].action == review::BatchAction::verify);
    CHECK(rows[0].note == "ok, checked");
    CHECK(rows[0].row == 2);
    CHECK(rows[1].claim == 5);
    CHECK(rows[1].row == 4);
    CHECK(rows[2].action == review::BatchAction::reopen);
    CHECK_FALSE(rows[2].evidence);
}

TEST_CASE("a batch file with evidence and reviewer columns reads them") {
    const auto rows = review::parse_batch("claim,action,note,evidence,by\n4,unverifiable,,12,lin\n", "d.csv");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].evidence == 12);
    CHECK(rows[0].reviewer == "lin");
    CHECK(rows[0].action == review::BatchAction::unverifiable);
}

TEST_CASE("a bad batch row is named with its spreadsheet row and the reason") {
    const std::string header = "claim,action,note,evidence,by\n";
    CHECK(error_of(header + "1,verify,,,\n2,verify,,,\n3,verify,,,\n4,verify,,,\n5,verify,,,\n6,verfy,,,\n") ==
          "d.csv: row 7: unknown action 'verfy' (use verify, dispute, unverifiable, unreviewed, reopen)");
    CHECK(error_of(header + "x,verify,,,\n") == "d.csv: row 2: claim id 'x' is not a number");
    CHECK(error_of(header + "1,verify,,e,\n") == "d.csv: row 2: evidence id 'e' is not a number");
    CHECK(error_of(header + "1,verify,,,,extra\n") == "d.csv: row 2: 6 fields but the header has 5");
    CHECK(error_of("claim,verdict\n1,verify\n") == "d.csv: row 1: unknown column 'verdict' (use claim,action,note,evidence,by)");
    CHECK(error_of("claim,note\n1,x\n") ==
          "d.csv: row 1: the header must name the columns claim and action (claim,action,note,evidence,by)");
    CHECK(error_of("") == "d.csv: row 1: no header row (expected claim,action,note,evidence,by)");
    CHECK(error_of(header) == "d.csv: row 2: no decisions after the header row");
}

TEST_CASE("a quoted note with a line break does not shift the row numbers of later rows") {
    CHECK(error_of("claim,action,note\n1,verify,\"two\nlines\"\n2,nope,\n") ==
          "d.csv: row 3: unknown action 'nope' (use verify, dispute, unverifiable, unreviewed, reopen)");
}

}
