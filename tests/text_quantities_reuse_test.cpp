// find_quantities gathers into a vector kept from call to call: what it returns must not depend
// on the calls before.
#include <claimtrack/numbers.hpp>

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace claimtrack;

namespace {

void check_same(const std::vector<numbers::Quantity>& a, const std::vector<numbers::Quantity>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].span == b[i].span);
        CHECK(a[i].value == b[i].value);
        CHECK(a[i].upper == b[i].upper);
        CHECK(a[i].unit == b[i].unit);
        CHECK(a[i].approximate == b[i].approximate);
    }
}

}  // namespace

TEST_CASE("find_quantities keeps nothing from one call to the next") {
    const std::vector<std::string> texts = {
        "Revenue rose 12% to $3.5 billion, up from between 2 and 3 billion, about 40 people and 7 stores.",
        "",
        "no numbers here",
        "营收增长１２％，达到三百五十亿元，约有数千至数万人参加，股价涨了５.２元。",
        "5",
        "from 10 to 20 million euros; €30; £4; ¥500; 两成",
        "Sales were 7 percent higher.",
    };
    std::vector<std::vector<numbers::Quantity>> fresh;
    for (const std::string& text : texts) {
        std::vector<numbers::Quantity> found;
        std::thread([&] { found = numbers::find_quantities(text); }).join();
        fresh.push_back(found);
    }
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            CAPTURE(i);
            check_same(numbers::find_quantities(texts[i]), fresh[i]);
        }
    }
    CHECK(!fresh[0].empty());
    CHECK(!fresh[3].empty());
}
