// The date and number finders skip positions by cheap tests; each test must pass wherever the full
// matcher finds something, checked at every position of many random texts made of the words the
// matchers read, their near misses and odd bytes. The width folding is checked against a plain fold.
#include "text/dates_detail.hpp"
#include "text/numbers_detail.hpp"

#include "support/random_texts.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack::numbers::detail;

namespace {

// Words and pieces the English date and number matchers read, in several cases, with near misses.
const std::vector<std::string_view> k_pieces = {
    "January", "february", "MARCH", "April", "May", "may", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb", "Mar.", "Apr", "Aug.", "Sept.", "Sep.", "Oct", "Nov.", "Dec.", "Sept",
    "Monday", "tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "sunday", "last", "Last", "next", "this",
    "This", "week", "month", "year", "yesterday", "Today", "tomorrow", "a", "A", "few", "several", "days", "ago",
    "earlier", "Earlier", "in", "since", "by", "of", "early", "late", "mid-", "end", "the", "Mayday", "Marching",
    "lastly", "todays", "one", "Two", "three", "twenty", "ninety", "seventeen", "hundred", "thousand", "million",
    "billion", "trillion", "zero", "and", "ten", "tens", "oneself", "US$", "USD", "1", "3", "21st", "2025", "1999",
    "12", "31", "4th", "nd", "rd", ",", ".", "-", "/", "  ", " ", " ", " ", "年", "月", "日", "今年", "上周", "周五",
    "a few days ago", "A few days ago", "several days ago", "days ago", "earlier this month", "last week",
    "This Week", "next month", "last year", "next Tuesday", "last Friday", "on Monday", "April 3, 2025",
    "3 April 2025", "in 2024", "May 5", "Sept. 9", "twenty-one", "two hundred and five", "five thousand",
    "\xEF\xBC\x91", "\xE3\x80\x80", "\xEF\xBD\x8D", "\xF0\x8F\xBC\x91", "\xC0\xB1", "\x80", "\xE4", "x", "Q",
};

std::vector<std::string> random_texts(std::size_t count, unsigned seed) {
    return claimtrack::test::random_texts(k_pieces, count, 1, 12, seed);
}

// `number_word_at` as it read before it compared the whole run of letters: each word tried in turn.
bool plain_number_word_at(std::string_view s, std::size_t i) {
    for (const std::string_view word :
         {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
          "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
          "trillion"}) {
        if (has_word_at(s, i, word)) return true;
    }
    return false;
}

// `fold_width` as it read first: one character at a time, appended.
Folded plain_fold(std::string_view text) {
    Folded out;
    std::size_t i = 0;
    while (i < text.size()) {
        const CodePoint cp = decode_at(text, i);
        const std::size_t before = out.text.size();
        if (cp.value >= 0xFF01 && cp.value <= 0xFF5E) {
            out.text += static_cast<char>(cp.value - 0xFEE0);
        } else if (cp.value == 0x3000) {
            out.text += ' ';
        } else {
            out.text.append(text.substr(i, cp.length));
        }
        out.origin.insert(out.origin.end(), out.text.size() - before, i);
        i += cp.length;
    }
    out.origin.push_back(text.size());
    return out;
}

}  // namespace

TEST_SUITE("text numbers fast paths") {

TEST_CASE("an English date is found only where may_start_english_date lets it be tried") {
    const std::optional<Ymd> anchor = Ymd{2025, 11, 10};
    std::size_t hits = 0;
    for (const auto& text : random_texts(20000, 7)) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (!is_ascii_alpha(text[i]) || (i > 0 && is_ascii_alpha(text[i - 1]))) continue;
            const auto with_anchor = english_date_at(text, i, anchor);
            const auto without = english_date_at(text, i, std::nullopt);
            if (!with_anchor && !without) continue;
            ++hits;
            CAPTURE(text);
            CAPTURE(i);
            CHECK(may_start_english_date(text, i));
        }
    }
    CHECK(hits > 1000);
    CHECK_FALSE(may_start_english_date("market", 0));
    CHECK_FALSE(may_start_english_date("Marching", 0));
    CHECK(may_start_english_date("Mar.", 0));
    CHECK(may_start_english_date("EARLIER", 0));
}

TEST_CASE("a number word is read where the plain word-by-word test reads one, and only there") {
    std::size_t hits = 0;
    for (const auto& text : random_texts(20000, 11)) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const bool plain = plain_number_word_at(text, i);
            CAPTURE(text);
            CAPTURE(i);
            CHECK(starts_number_word(text, i) == plain);
            if (english_number_at(text, i)) CHECK(starts_number_word(text, i));  // what may_start_quantity relies on
            hits += plain ? 1 : 0;
        }
    }
    CHECK(hits > 1000);
}

TEST_CASE("fold_width folds as a plain character-by-character fold does") {
    std::size_t folded = 0;
    for (const auto& text : random_texts(20000, 13)) {
        const Folded fast = fold_width(text);
        const Folded plain = plain_fold(text);
        CAPTURE(text);
        if (fast.unchanged) {
            CHECK(plain.text == text);
            continue;
        }
        ++folded;
        CHECK(fast.text == plain.text);
        CHECK(fast.origin == plain.origin);
        CHECK(fold_width_shared(text)->origin == plain.origin);
    }
    CHECK(folded > 1000);
}

TEST_CASE("fold_width_shared gives what fold_width gives, asked again for the same text or not") {
    const auto texts = random_texts(3000, 29);
    std::mt19937 gen(31);
    std::uniform_int_distribution<std::size_t> pick(0, texts.size() - 1);
    std::size_t again = 0;
    std::size_t folded = 0;
    std::string_view previous;
    for (std::size_t n = 0; n < 20000; ++n) {
        // Often the text just asked for (as the quantity finder asks after the date finder), else another.
        const std::string_view text = n % 3 == 1 && !previous.empty() ? previous : std::string_view(texts[pick(gen)]);
        again += text == previous ? 1 : 0;
        const Folded plain = fold_width(text);
        const auto shared = fold_width_shared(text);
        CAPTURE(text);
        REQUIRE(shared != nullptr);
        CHECK(shared->unchanged == plain.unchanged);
        CHECK(shared->view(text) == plain.view(text));
        CHECK(shared->origin == plain.origin);
        folded += plain.unchanged ? 0 : 1;
        previous = text;
    }
    CHECK(again > 5000);
    CHECK(folded > 2000);
    CHECK(folded < 18000);
}

}  // TEST_SUITE
