// Stance of our agreement checks on CLIMATE-FEVER claim–evidence pairs.
// Usage: evidence_eval DATA_DIR   (reads DATA_DIR/climate-fever.jsonl)
// Each claim becomes a Claim through claims::extract (the most check-worthy one); a claim text the
// extractor does not read becomes a fallback event claim with the whole text as its action. Each of its
// five evidence sentences is assessed; supports ~ SUPPORTS, contradicts ~ REFUTES, mentions ~ NOT_ENOUGH_INFO.

#include <claimtrack/claims.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

using claimtrack::Claim;
using claimtrack::Stance;

constexpr std::array<const char*, 3> k_labels{"SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"};
constexpr std::array<const char*, 3> k_stances{"supports", "contradicts", "mentions"};

struct Pair {
    std::size_t claim = 0;  // index into the claims
    std::string evidence;
    int gold = 2;
};

int label_index(const std::string& label) {
    for (std::size_t i = 0; i < k_labels.size(); ++i) {
        if (label == k_labels[i]) return static_cast<int>(i);
    }
    return -1;
}

int stance_index(Stance stance) {
    switch (stance) {
        case Stance::supports: return 0;
        case Stance::contradicts: return 1;
        case Stance::mentions: return 2;
    }
    return 2;
}

// Return the claim `text` reads as (the most check-worthy one), if any.
std::optional<Claim> read_claim(const std::string& text) {
    claimtrack::Article article;
    article.body = text;
    article.language = "en";
    article.paragraphs = {{claimtrack::Span{0, text.size()}, claimtrack::ParagraphKind::text}};
    const auto found = claimtrack::claims::extract(article);
    if (found.empty()) return std::nullopt;
    return *std::max_element(found.begin(), found.end(),
                             [](const Claim& a, const Claim& b) { return a.checkworthiness < b.checkworthiness; });
}

// Return an event claim with the whole text as its action: what a reader without fields can check.
Claim fallback_claim(const std::string& text) {
    Claim fallback;
    fallback.kind = claimtrack::ClaimKind::event;
    fallback.text = text;
    fallback.span = {0, text.size()};
    fallback.fields = {{"action", text}};
    return fallback;
}

struct Matrix {
    std::array<std::array<std::size_t, 3>, 3> cells{};  // [gold][predicted]

    void print_scores() const {
        std::size_t right = 0;
        std::size_t all = 0;
        for (std::size_t g = 0; g < 3; ++g) {
            for (std::size_t p = 0; p < 3; ++p) {
                all += cells[g][p];
                if (g == p) right += cells[g][p];
            }
        }
        std::printf("stance accuracy: %.3f (%zu of %zu pairs)\n", all ? static_cast<double>(right) / static_cast<double>(all) : 0.0, right, all);
        std::printf("%-28s %9s %9s %9s %7s\n", "class", "precision", "recall", "F1", "gold");
        double macro = 0.0;
        for (std::size_t k = 0; k < 3; ++k) {
            std::size_t predicted = 0;
            std::size_t gold = 0;
            for (std::size_t i = 0; i < 3; ++i) {
                predicted += cells[i][k];
                gold += cells[k][i];
            }
            const double p = predicted ? static_cast<double>(cells[k][k]) / static_cast<double>(predicted) : 0.0;
            const double r = gold ? static_cast<double>(cells[k][k]) / static_cast<double>(gold) : 0.0;
            const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
            macro += f / 3.0;
            const std::string name = std::string(k_stances[k]) + " vs " + k_labels[k];
            std::printf("%-28s %9.3f %9.3f %9.3f %7zu\n", name.c_str(), p, r, f, gold);
        }
        std::printf("macro F1: %.3f\n", macro);
        std::printf("confusion (rows gold, columns predicted):\n%-18s %11s %11s %11s\n", "", k_stances[0], k_stances[1], k_stances[2]);
        for (std::size_t g = 0; g < 3; ++g) {
            std::printf("%-18s %11zu %11zu %11zu\n", k_labels[g], cells[g][0], cells[g][1], cells[g][2]);
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: evidence_eval DATA_DIR (with climate-fever.jsonl)\n";
        return 2;
    }
    const std::filesystem::path path = std::filesystem::path(argv[1]) / "climate-fever.jsonl";
    std::ifstream in(path);
    if (!in) {
        std::cerr << "evidence_eval: cannot read " << path << "\n";
        return 1;
    }
    std::vector<Claim> claims;
    std::vector<bool> extracted;
    std::vector<Pair> pairs;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const auto item = nlohmann::json::parse(line);
        const std::string text = item.at("claim").get<std::string>();
        auto parsed = read_claim(text);
        extracted.push_back(parsed.has_value());
        claims.push_back(parsed ? std::move(*parsed) : fallback_claim(text));
        for (const auto& e : item.at("evidences")) {
            const int gold = label_index(e.at("evidence_label").get<std::string>());
            if (gold >= 0) pairs.push_back({claims.size() - 1, e.at("evidence").get<std::string>(), gold});
        }
    }
    const auto aliases = claimtrack::evidence::Aliases::builtin();
    Matrix all;
    Matrix read;  // only the claims the extractor read
    std::array<std::size_t, 5> kinds{};
    const auto start = std::chrono::steady_clock::now();
    for (const Pair& pair : pairs) {
        const auto assessment = claimtrack::evidence::assess(claims[pair.claim], pair.evidence, aliases);
        const auto predicted = static_cast<std::size_t>(stance_index(assessment.stance));
        ++all.cells[static_cast<std::size_t>(pair.gold)][predicted];
        if (extracted[pair.claim]) ++read.cells[static_cast<std::size_t>(pair.gold)][predicted];
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        if (extracted[i]) ++kinds[static_cast<std::size_t>(claims[i].kind)];
    }
    const auto read_count = static_cast<std::size_t>(std::count(extracted.begin(), extracted.end(), true));
    std::printf("claims: %zu (%zu read by claims::extract: quantity %zu, role %zu, quote %zu, event %zu, comparison %zu)\n",
                claims.size(), read_count, kinds[0], kinds[1], kinds[2], kinds[3], kinds[4]);
    std::printf("pairs: %zu\n\n== all pairs ==\n", pairs.size());
    all.print_scores();
    std::printf("\n== pairs whose claim the extractor read ==\n");
    read.print_scores();
    std::printf("\nassess: %.0f pairs/s (%.3f s for %zu pairs)\n", seconds > 0 ? static_cast<double>(pairs.size()) / seconds : 0.0,
                seconds, pairs.size());
    return 0;
}
