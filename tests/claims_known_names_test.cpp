#include "claims/claims_detail.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace claimtrack::claims::detail;

namespace {

// add_known_names as first written: every form searched in turn, in the map's order.
void add_known_names_one_by_one(std::string_view s, const std::map<std::string, std::string>& known, std::vector<Mention>& mentions) {
    for (const auto& [alias, name] : known) {
        for (const std::size_t at : find_all(s, alias)) {
            const std::size_t end = at + alias.size();
            const bool overlaps = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return at < m.end && m.begin < end; });
            if (!overlaps) mentions.push_back({at, end, name, claimtrack::claims::detail::EntityType::organization});
        }
    }
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

}  // namespace

TEST_CASE("known short forms found through the index are those found searching every form in turn") {
    // Forms that overlap each other and the sentence's own mentions, share first characters, and
    // one Latin form (searched as a word), in sentences with invalid bytes too.
    const std::vector<std::string> forms = {"星河", "星河半", "河半导", "云杉", "云", "北辰", "辰智", "海蓝", "蓝通", "Lark", "英伟", "3M", "\xE6"};
    const std::vector<std::string> pieces = {"星河", "半导体", "云杉", "科技", "北辰智能", "海蓝通信", "的", "，", "Lark", "Larkspur",
                                             " ", "a", "英伟达", "\xE6", "\xFF", "。", "星", "河", "3M", "13M"};
    std::mt19937 random(3);
    for (int n = 0; n < 3000; ++n) {
        KnownNames known;
        std::map<std::string, std::string> plain;
        for (int k = 0; k < 1 + n % 7; ++k) {
            const std::string& form = forms[random() % forms.size()];
            const std::string name = form + "集团" + std::to_string(k);
            known.add(form, name);
            plain.emplace(form, name);
        }
        std::string s;
        for (unsigned k = 0; k < 1 + random() % 12; ++k) s += pieces[random() % pieces.size()];
        const std::vector<Mention> start = n % 3 == 0 ? std::vector<Mention>{} : std::vector<Mention>{{0, std::min<std::size_t>(3, s.size()), "x", EntityType::person}};
        auto indexed = start;
        auto one_by_one = start;
        add_known_names(s, known, indexed);
        add_known_names_one_by_one(s, plain, one_by_one);
        REQUIRE(indexed.size() == one_by_one.size());
        for (std::size_t k = 0; k < indexed.size(); ++k) {
            CHECK(indexed[k].begin == one_by_one[k].begin);
            CHECK(indexed[k].end == one_by_one[k].end);
            CHECK(indexed[k].name == one_by_one[k].name);
        }
    }
}

TEST_CASE("a form is kept with the first name given for it") {
    KnownNames known;
    known.add("星河", "星河半导体");
    known.add("星河", "星河科技");
    known.add("", "空");
    REQUIRE(known.all().size() == 1);
    CHECK(known.all().at("星河") == "星河半导体");
    std::vector<Mention> mentions;
    add_known_names("星河的营收", known, mentions);
    REQUIRE(mentions.size() == 1);
    CHECK(mentions[0].name == "星河半导体");
}
