#include <claimtrack/report.hpp>

#include "report_fixture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;
using namespace claimtrack::report;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Return the records of RFC 4180 `csv`; CHECK-fails on a stray quote inside an unquoted field.
Rows parse_csv(const std::string& csv) {
    Rows rows(1);
    std::string value;
    bool quoted = false;
    bool was_quoted = false;
    for (std::size_t k = 0; k < csv.size(); ++k) {
        const char c = csv[k];
        if (quoted) {
            if (c == '"' && k + 1 < csv.size() && csv[k + 1] == '"')
                value += csv[++k];
            else if (c == '"')
                quoted = false;
            else
                value += c;
        } else if (c == '"') {
            CHECK(value.empty());
            quoted = was_quoted = true;
        } else if (c == ',' || c == '\r') {
            if (c == '\r') CHECK(csv[k + 1] == '\n');
            rows.back().push_back(value);
            value.clear();
            was_quoted = false;
            if (c == '\r') {
                ++k;
                rows.emplace_back();
            }
        } else {
            CHECK_FALSE(was_quoted);
            value += c;
        }
    }
    CHECK_FALSE(quoted);
    CHECK(rows.back().empty());  // the last record ends in CRLF
    rows.pop_back();
    return rows;
}

}  // namespace

TEST_SUITE("report csv") {
    TEST_CASE("csv has a header row and one row per claim with the best evidence") {
        const std::string out = render(report_fixture::sample(), Format::csv, {});
        const Rows rows = parse_csv(out);
        REQUIRE(rows.size() == 5);
        CHECK(rows[0] == std::vector<std::string>{"article", "claim_id", "kind", "status", "checkworthiness", "hedged",
                                                  "text", "evidence_url", "stance", "score", "quote", "reviewer",
                                                  "note"});
        CHECK(rows[1] == std::vector<std::string>{"1", "11", "quantity", "verified", "0.75", "false",
                                                  "英伟达在中国的市场份额由95%下降为0", "https://example.com/a",
                                                  "supports", "0.90", "市场份额由95%降至0", "alice",
                                                  "matches, the \"source\""});
        CHECK(rows[3][8].empty());
        CHECK(rows[3][11] == "carol");
        CHECK(rows[4][5] == "true");
        CHECK(rows[4][11].empty());
        for (const auto& row : rows) CHECK(row.size() == 13);
    }

    TEST_CASE("csv quotes commas, quotes and line breaks and doubles quotes") {
        const std::string out = render(report_fixture::sample(), Format::csv, {});
        CHECK(out.find(",\"matches, the \"\"source\"\"\"\r\n") != std::string::npos);
        Report r = report_fixture::sample();
        r.articles[0].claims[0].claim.text = "line one\nline \"two\"\r\nthree";
        const Rows rows = parse_csv(render(r, Format::csv, {}));
        REQUIRE(rows.size() == 5);
        CHECK(rows[1][6] == "line one\nline \"two\"\r\nthree");
    }

    TEST_CASE("csv defuses cells a spreadsheet would run as formulas") {
        Report r = report_fixture::sample();
        auto& claims = r.articles[0].claims;
        claims[0].claim.text = "=HYPERLINK(\"http://evil\")";
        claims[1].claim.text = "+1 point";
        claims[2].claim.text = "@SUM(A1)";
        const Rows rows = parse_csv(render(r, Format::csv, {}));
        CHECK(rows[1][6] == "'=HYPERLINK(\"http://evil\")");
        CHECK(rows[2][6] == "'+1 point");
        CHECK(rows[2][12] == "'=SUM(A1) names another CEO");
        CHECK(rows[3][6] == "'@SUM(A1)");
        CHECK(rows[4][6] == "'-2 points, said the board");
        CHECK(rows[1][4] == "0.75");
    }

    TEST_CASE("csv of an empty report is just the header") {
        const std::string out = render(Report{}, Format::csv, {});
        CHECK(parse_csv(out).size() == 1);
        CHECK(out.ends_with("note\r\n"));
    }
}
