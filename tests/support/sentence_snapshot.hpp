#pragma once

// A stored-looking page for store tests: a 200 snapshot of `source` whose text is `sentences`
// joined by spaces, with one passage per sentence at its offsets.

#include <claimtrack/model.hpp>

#include <string>
#include <utility>
#include <vector>

namespace claimtrack::test {

inline std::pair<Snapshot, std::vector<Passage>> sentence_snapshot(Id source, const std::vector<std::string>& sentences) {
    Snapshot s;
    s.source = source;
    s.http_status = 200;
    s.outcome = "ok";
    std::vector<Passage> passages;
    for (const std::string& sentence : sentences) {
        if (!s.text.empty()) s.text += ' ';
        passages.push_back({0, 0, static_cast<int>(passages.size()), {s.text.size(), s.text.size() + sentence.size()}, sentence});
        s.text += sentence;
    }
    return {std::move(s), std::move(passages)};
}

}  // namespace claimtrack::test
