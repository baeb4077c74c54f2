#pragma once

// Random texts for tests that compare a fast path with the plain code it replaces.

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace claimtrack::test {

// Return `count` texts, each `fewest`..`most` pieces drawn from `pieces` (any container of
// string-like values); the same seed gives the same texts.
template <class Pieces>
std::vector<std::string> random_texts(const Pieces& pieces, std::size_t count, std::size_t fewest, std::size_t most,
                                      unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_int_distribution<std::size_t> length(fewest, most);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::vector<std::string> out;
    for (std::size_t n = 0; n < count; ++n) {
        std::string text;
        for (std::size_t k = length(gen); k > 0; --k) text += pieces[pick(gen)];
        out.push_back(std::move(text));
    }
    return out;
}

}  // namespace claimtrack::test
