// The extractor's shortcuts must not change what it finds: claims found without their score terms
// (as import finds them) equal those found with them, and each score is the clamped sum of its terms
// added in order, to the bit.
#include "claims/claims_detail.hpp"
#include "support/claims_articles.hpp"

#include <claimtrack/claims.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Return the evaluation articles of tests/claims_eval, each split at blank lines into text paragraphs.
std::vector<Article> eval_articles() {
    std::vector<Article> out;
    const auto dir = std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "tests" / "claims_eval";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream read;
        read << in.rdbuf();
        const std::string text = read.str();
        std::vector<std::string> paragraphs;
        std::size_t begin = 0;
        while (begin < text.size()) {
            const auto end = std::min(text.find("\n\n", begin), text.size());
            if (end > begin) paragraphs.push_back(text.substr(begin, end - begin));
            begin = end + 2;
        }
        out.push_back(test::text_article(paragraphs));
    }
    return out;
}

}  // namespace

TEST_SUITE("claims_speed_paths") {

TEST_CASE("claims found without their score terms equal those found with them, scores to the bit") {
    auto articles = eval_articles();
    REQUIRE(articles.size() >= 6);
    articles.push_back(test::text_article({"我觉得英伟达的芯片太聪明了，市场份额还会回到50%吗？",
                                           "Harbor Line said on Tuesday it would drop four of its eleven routes.",
                                           "I think Acme will sell 3 million phones next year, he said."}));
    std::size_t claims_seen = 0;
    for (const auto& article : articles) {
        const auto plain = claims::extract(article);
        const auto scored = claims::detail::extract_scored(article);
        REQUIRE(plain.size() == scored.size());
        for (std::size_t k = 0; k < plain.size(); ++k) {
            CHECK(plain[k] == scored[k].claim);
            REQUIRE_FALSE(scored[k].terms.empty());
            double sum = 0.0;
            for (const auto& t : scored[k].terms) sum += t.weight;
            CHECK(std::clamp(sum, 0.0, 1.0) == plain[k].checkworthiness);  // exactly, not approximately
        }
        claims_seen += plain.size();
    }
    CHECK(claims_seen > 50);
}

}  // TEST_SUITE
