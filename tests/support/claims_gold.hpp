#pragma once

// The claim-extraction evaluation set (tests/claims_eval/): reading its gold files and scoring the
// extractor on its articles as `claimtrack import` reads them. Shared by
// tests/e2e_claims_eval_test.cpp and bench/claims_eval.cpp.

#include "temp_dir.hpp"

#include <claimtrack/article.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/claims_eval.hpp>
#include <claimtrack/error.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack::test {

namespace gold_detail {

inline claims::eval::GoldClaim gold_claim(const nlohmann::json& v, std::string_view origin, std::size_t index) {
    const auto bad = [&](const std::string& reason) {
        return Error(ErrorKind::input, std::string(origin), "claim " + std::to_string(index + 1), reason);
    };
    if (!v.is_object()) throw bad("not an object");
    claims::eval::GoldClaim g;
    const auto kind = v.contains("kind") && v["kind"].is_string() ? claim_kind_from(v["kind"].get<std::string>()) : std::nullopt;
    if (!kind) throw bad("missing or unknown \"kind\"");
    g.kind = *kind;
    if (!v.contains("text") || !v["text"].is_string() || v["text"].get<std::string>().empty()) throw bad("missing \"text\"");
    g.text = v["text"].get<std::string>();
    if (v.contains("fields") && v["fields"].is_object()) {
        for (const auto& [name, value] : v["fields"].items()) g.fields[name] = value.is_string() ? value.get<std::string>() : value.dump();
    }
    g.hedged = v.contains("hedged") && v["hedged"].is_boolean() && v["hedged"].get<bool>();
    return g;
}

}  // namespace gold_detail

// Return the gold list in `json` (see tests/claims_eval/README.md for the format); stop with
// claimtrack::Error (input) naming `origin` and the byte offset when it is malformed.
inline claims::eval::Case parse_gold(std::string_view json, std::string_view origin) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorKind::input, std::string(origin), "byte " + std::to_string(e.byte), e.what());
    }
    if (!root.is_object()) throw Error(ErrorKind::input, std::string(origin), "top", "not an object");
    claims::eval::Case c;
    if (root.contains("date") && root["date"].is_string()) c.date = root["date"].get<std::string>();
    if (root.contains("claims") && root["claims"].is_array()) {
        for (std::size_t i = 0; i < root["claims"].size(); ++i) c.gold.push_back(gold_detail::gold_claim(root["claims"][i], origin, i));
    }
    if (root.contains("not_claims") && root["not_claims"].is_array()) {
        for (const auto& phrase : root["not_claims"]) c.not_claims.push_back(phrase.is_string() ? phrase.get<std::string>() : phrase.dump());
    }
    return c;
}

// Return every NAME.txt with its NAME.gold.json in `dir`, by name; stop with claimtrack::Error when
// the directory is missing, a gold file is malformed or one of its phrases is not in the article.
inline std::vector<claims::eval::Case> load_cases(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) throw Error(ErrorKind::input, dir.string(), "directory", "not found");
    std::vector<std::filesystem::path> texts;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") texts.push_back(entry.path());
    }
    std::sort(texts.begin(), texts.end());
    std::vector<claims::eval::Case> cases;
    for (const auto& path : texts) {
        auto gold_path = path;
        gold_path.replace_extension(".gold.json");
        if (!std::filesystem::exists(gold_path)) continue;
        claims::eval::Case c = parse_gold(read_file(gold_path.string()), gold_path.string());
        c.name = path.stem().string();
        c.text = read_file(path.string());
        for (const auto& g : c.gold) {
            if (c.text.find(g.text) == std::string::npos) {
                throw Error(ErrorKind::input, gold_path.string(), "claim \"" + g.text + "\"", "phrase not in the article");
            }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// Return the article of `c` as `claimtrack import` reads a pasted text file.
inline Article read_case(const claims::eval::Case& c) {
    return article::parse(c.text, article::Format::text, {"", c.date, c.name});
}

// Return the extractor's result on every case in `cases`, summed; a claim counts as listed when its
// check-worthiness is at least `threshold`.
inline claims::eval::Result evaluate(const std::vector<claims::eval::Case>& cases, double threshold = 0.5) {
    claims::eval::Result total;
    for (const auto& c : cases) {
        const Article article = read_case(c);
        total += claims::eval::score(c, article, claims::extract(article), threshold);
    }
    return total;
}

}  // namespace claimtrack::test
