// Precision and recall of the claim extractor on our own evaluation set (tests/claims_eval).
// Usage: claims_eval [DIR] [THRESHOLD] [--problems]
// DIR defaults to tests/claims_eval in the source tree; a claim counts as listed when its
// check-worthiness is at least THRESHOLD (default 0.5). --problems prints each miss and extra.

#include "../tests/support/claims_gold.hpp"

#include <claimtrack/claims_eval.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

namespace eval = claimtrack::claims::eval;

void print_row(const std::string& name, const eval::Tally& t) {
    const std::size_t gold = t.true_positives + t.false_negatives;
    std::printf("  %-12s %5zu %5zu %5zu %5zu   P %.3f  R %.3f  F1 %.3f  fields %.3f  hedged %.3f\n", name.c_str(), gold,
                t.true_positives, t.false_positives, t.false_negatives, t.precision(), t.recall(), t.f1(),
                t.field_accuracy(), t.true_positives ? static_cast<double>(t.hedged_right) / static_cast<double>(t.true_positives) : 0.0);
}

void print_result(const char* title, const eval::Result& r) {
    std::printf("%s\n  %-12s %5s %5s %5s %5s\n", title, "kind", "gold", "tp", "fp", "fn");
    for (const auto& [kind, t] : r.kinds) print_row(std::string(claimtrack::to_string(kind)), t);
    print_row("overall", r.overall);
    std::printf("  redundant (a second kind for a sentence already found): %zu\n", r.redundant);
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path dir = std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "tests" / "claims_eval";
    double threshold = 0.5;
    bool problems = false;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--problems") problems = true;
        else if (positional++ == 0) dir = arg;
        else threshold = std::stod(arg);
    }
    try {
        const auto cases = claimtrack::test::load_cases(dir);
        std::size_t gold = 0;
        for (const auto& c : cases) gold += c.gold.size();
        std::printf("claims_eval: %zu articles, %zu gold claims, threshold %.2f (%s)\n", cases.size(), gold, threshold,
                    dir.string().c_str());
        const auto result = claimtrack::test::evaluate(cases, threshold);
        print_result("read as `claimtrack import` reads them:", result);
        if (problems) {
            for (const auto& p : result.problems) std::printf("  - %s\n", p.c_str());
        }
    } catch (const std::exception& e) {
        std::cerr << "claims_eval: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
