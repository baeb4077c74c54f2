#include <claimtrack/evidence.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace claimtrack;

namespace {

std::string at(std::string_view text, Span span) { return std::string(text.substr(span.start, span.end - span.start)); }

const std::string k_page =
    "Larkspur said on Wednesday it would cut 2,600 jobs. The cuts fall mostly on its modem unit. "
    "Shares fell 6% in Amsterdam trading.";

QuoteSelector selector_of(const std::string& document, const std::string& quote) {
    const auto start = document.find(quote);
    REQUIRE(start != std::string::npos);
    return evidence::make_selector(document, {start, start + quote.size()});
}

}  // namespace

TEST_SUITE("evidence anchors") {

TEST_CASE("a quote is found byte for byte first") {
    const auto span = evidence::find_quote(k_page, "cut 2,600 jobs");
    REQUIRE(span);
    CHECK(at(k_page, *span) == "cut 2,600 jobs");
}

TEST_CASE("a quote is found despite other whitespace, full-width forms and curly quotes") {
    const std::string page = "The chairman said:\n\xE2\x80\x9Cwe will cut  ２６００ jobs\xE2\x80\x9D in Rotterdam.";
    const auto span = evidence::find_quote(page, "  \"we will cut 2600 jobs\" ");
    REQUIRE(span);
    CHECK(at(page, *span) == "\xE2\x80\x9Cwe will cut  ２６００ jobs\xE2\x80\x9D");
}

TEST_CASE("a quote the page does not hold is not found") {
    CHECK_FALSE(evidence::find_quote(k_page, "cut 4,000 jobs"));
    CHECK_FALSE(evidence::find_quote(k_page, "   "));
}

TEST_CASE("an unchanged quote that moved is re-anchored exactly at its new place") {
    const QuoteSelector old = selector_of(k_page, "The cuts fall mostly on its modem unit.");
    const std::string changed = "Updated on Thursday. " + k_page;
    const auto anchor = evidence::reanchor(old, changed);
    REQUIRE(anchor);
    CHECK(anchor->score == doctest::Approx(1.0));
    CHECK(anchor->span.start == old.start + 21);
    CHECK(at(changed, anchor->span) == old.exact);
}

TEST_CASE("a quote that now occurs twice goes where its prefix and suffix still match") {
    const std::string document = "Intro. Shares fell 6%. Middle part of the story. Shares fell 6%. Closing words.";
    const std::string quote = "Shares fell 6%.";
    const auto second = document.rfind(quote);
    const QuoteSelector old = evidence::make_selector(document, {second, second + quote.size()});
    const std::string changed = "New lead paragraph here. " + document;
    const auto anchor = evidence::reanchor(old, changed);
    REQUIRE(anchor);
    CHECK(anchor->span.start == changed.rfind(quote));
}

TEST_CASE("a quote with a small edit is re-anchored on the edited text with a score below 1") {
    const std::string before = "Opening line. The restructureing falls mostly on its modem unit in Rotterdam. Closing line.";
    const QuoteSelector old = selector_of(before, "The restructureing falls mostly on its modem unit in Rotterdam.");
    const std::string after = "Opening line, revised. The restructuring falls mostly on its modem unit in Rotterdam. Closing line.";
    const auto anchor = evidence::reanchor(old, after);
    REQUIRE(anchor);
    CHECK(anchor->score < 1.0);
    CHECK(anchor->score >= evidence::k_min_anchor_score);
    CHECK(at(after, anchor->span) == "The restructuring falls mostly on its modem unit in Rotterdam.");
}

TEST_CASE("a quote whose figure changed is orphaned, not attached to the new figure") {
    const QuoteSelector old = selector_of(k_page, "Larkspur said on Wednesday it would cut 2,600 jobs.");
    std::string changed = k_page;
    changed.replace(changed.find("2,600"), 5, "2,900");
    CHECK_FALSE(evidence::reanchor(old, changed));
}

TEST_CASE("a quote that is gone or rewritten is orphaned") {
    const QuoteSelector old = selector_of(k_page, "The cuts fall mostly on its modem unit.");
    CHECK_FALSE(evidence::reanchor(old, "Larkspur said on Wednesday it would cut 2,600 jobs. Shares fell 6% in Amsterdam."));
    CHECK_FALSE(evidence::reanchor(old, "Most of the reductions hit the company's radio chip division."));
    CHECK_FALSE(evidence::reanchor(QuoteSelector{}, k_page));
}

TEST_CASE("a Chinese quote with one character changed is re-anchored") {
    const std::string before = "天穹科技周三表示，公司将在鹿特丹关闭两家工厂，并重组其调制解调器业务。其他内容。";
    const QuoteSelector old = selector_of(before, "公司将在鹿特丹关闭两家工厂，并重组其调制解调器业务。");
    const std::string after = "天穹科技周三表示，公司将在鹿特丹关闭两座工厂，并重组其调制解调器业务。其他内容。";
    const auto anchor = evidence::reanchor(old, after);
    REQUIRE(anchor);
    CHECK(at(after, anchor->span) == "公司将在鹿特丹关闭两座工厂，并重组其调制解调器业务。");
}

TEST_CASE("the passage holding most of a span is chosen") {
    const auto passages = evidence::split_passages(k_page);
    REQUIRE(passages.size() >= 2);
    const auto span = evidence::find_quote(k_page, "modem unit");
    REQUIRE(span);
    const auto index = evidence::passage_at(passages, *span);
    REQUIRE(index);
    CHECK(passages[*index].text.find("modem unit") != std::string::npos);
    CHECK_FALSE(evidence::passage_at(passages, Span{k_page.size() + 5, k_page.size() + 9}));
}

TEST_CASE("user alias pairs extend the built-in table") {
    const auto aliases = evidence::Aliases::with_user({{"天穹科技", "Skydome"}, {"skydome", "Skydome Technologies"}});
    const auto names = aliases.names_of("SKYDOME");
    CHECK(names.size() == 3);
    CHECK(aliases.same_entity("天穹科技", "Skydome Technologies"));
    CHECK(aliases.same_entity("英伟达", "NVIDIA"));
    CHECK_FALSE(aliases.same_entity("天穹科技", "Nvidia"));
    CHECK_FALSE(evidence::Aliases::builtin().same_entity("天穹科技", "Skydome"));
}

TEST_CASE("day numbers in datelines are not read as a claim's values") {
    Claim claim;
    claim.kind = ClaimKind::quantity;
    claim.fields = {{"subject", "Larkspur"}, {"attribute", "jobs"}, {"value", "4000"}};
    const auto en = evidence::assess(claim, "ROTTERDAM, April 2 — Larkspur said on Wednesday it would cut 2,600 jobs.", {});
    CHECK(en.stance == Stance::contradicts);
    CHECK(en.reason.find("2600") != std::string::npos);
    CHECK(en.reason.find("says 2,") == std::string::npos);
    CHECK(en.reason.find("2, ") == std::string::npos);

    const auto day_first = evidence::assess(claim, "Larkspur, 2 April: the company will cut 2,600 jobs.", {});
    CHECK(day_first.reason.find("2, ") == std::string::npos);

    Claim zh;
    zh.kind = ClaimKind::quantity;
    zh.fields = {{"subject", "天穹科技"}, {"attribute", "裁员"}, {"value", "4000"}, {"unit", "人"}};
    const auto cn = evidence::assess(zh, "新华社鹿特丹4月2日电 天穹科技周三宣布裁员2600人。", {});
    CHECK(cn.reason.find("2600") != std::string::npos);
    CHECK(cn.reason.find("says 4,") == std::string::npos);
    CHECK(cn.reason.find(" 2,") == std::string::npos);
}

TEST_CASE("a figure after a month name is still a value") {
    Claim claim;
    claim.kind = ClaimKind::quantity;
    claim.fields = {{"subject", "Larkspur"}, {"attribute", "jobs"}, {"value", "2600"}};
    const auto a = evidence::assess(claim, "In April, Larkspur said it would cut 2,600 jobs.", {});
    CHECK(a.stance == Stance::supports);
}

}
