// Evidence linking on CLIMATE-FEVER: recall of the labelled sentences and stance per label.
// Usage: link_eval DATA_DIR   (reads DATA_DIR/climate-fever.jsonl)
// Every evidence sentence becomes a passage of one pooled corpus (one snapshot per Wikipedia
// article) in a temporary database, so the real FTS5 index is used. Each claim is read by
// claims::extract (a claim text it does not read becomes an event claim with the whole text as its
// action) and linked three ways over the same index: `link` (app::link_evidence, at most 10 rows),
// `search` (app::search on the claim text, 10 hits) and a plain bm25 baseline (OR of the claim's
// words). Gold passages of a claim are its sentences labelled SUPPORTS or REFUTES.

#include <claimtrack/app.hpp>
#include <claimtrack/app_search.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using claimtrack::Claim;
using claimtrack::Id;
using claimtrack::Stance;
using claimtrack::Store;

constexpr std::array<const char*, 3> k_labels{"SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"};
constexpr std::array<const char*, 3> k_stances{"supports", "contradicts", "mentions"};

struct Sentence {
    std::string id;       // "Article:sentence#"
    std::string article;  // Wikipedia article title
    std::string text;
    int label = 2;  // index into k_labels
};

struct Item {
    std::string claim;
    std::vector<Sentence> sentences;
};

int label_index(const std::string& label) {
    for (std::size_t i = 0; i < k_labels.size(); ++i) {
        if (label == k_labels[i]) return static_cast<int>(i);
    }
    return -1;
}

std::size_t stance_index(Stance stance) {
    switch (stance) {
        case Stance::supports: return 0;
        case Stance::contradicts: return 1;
        case Stance::mentions: return 2;
    }
    return 2;
}

std::vector<Item> load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<Item> items;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const auto json = nlohmann::json::parse(line);
        Item item{json.at("claim").get<std::string>(), {}};
        for (const auto& e : json.at("evidences")) {
            const int label = label_index(e.at("evidence_label").get<std::string>());
            if (label < 0) continue;
            item.sentences.push_back({e.at("evidence_id").get<std::string>(), e.at("article").get<std::string>(),
                                      e.at("evidence").get<std::string>(), label});
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::string url_of(const std::string& article) {
    std::string url = "https://en.wikipedia.example/wiki/";
    for (char c : article) url += c == ' ' ? '_' : c;
    return url;
}

// Return the claim `text` reads as (the most check-worthy one), if any.
std::optional<Claim> extracted_claim(const std::string& text) {
    claimtrack::Article article;
    article.body = text;
    article.language = "en";
    article.paragraphs = {{claimtrack::Span{0, text.size()}, claimtrack::ParagraphKind::text}};
    const auto found = claimtrack::claims::extract(article);
    if (found.empty()) return std::nullopt;
    return *std::max_element(found.begin(), found.end(),
                             [](const Claim& a, const Claim& b) { return a.checkworthiness < b.checkworthiness; });
}

// Return an event claim whose action is the whole text: what a reader without fields can check.
Claim fallback_claim(const std::string& text) {
    Claim fallback;
    fallback.kind = claimtrack::ClaimKind::event;
    fallback.text = text;
    fallback.span = {0, text.size()};
    fallback.fields = {{"action", text}};
    return fallback;
}

struct Corpus {
    Id article = 0;
    std::map<std::string, Id> passage_of;  // evidence id → passage id
    std::vector<Claim> claims;              // stored, with ids, one per item
    std::size_t extracted = 0;              // claims claims::extract read
};

// Store one article citing every Wikipedia article, one snapshot per Wikipedia article holding its
// sentences as passages, and one claim per item.
Corpus build(Store& store, const std::vector<Item>& items) {
    claimtrack::Article article;
    article.title = "CLIMATE-FEVER claims";
    article.language = "en";
    article.format = "text";
    std::map<std::string, std::vector<const Sentence*>> by_article;
    std::set<std::string> seen;
    for (const Item& item : items) {
        article.body += item.claim + "\n";
        for (const Sentence& s : item.sentences) {
            if (seen.insert(s.id).second) by_article[s.article].push_back(&s);
        }
    }
    for (const auto& [name, list] : by_article) {
        article.sources.push_back({url_of(name), name, static_cast<int>(article.sources.size())});
    }
    Corpus corpus;
    Store::Transaction transaction(store);
    corpus.article = store.add_article(article);
    std::map<std::string, Id> source_of;
    for (const auto& row : store.sources(corpus.article)) source_of[row.url] = row.id;
    for (const auto& [name, list] : by_article) {
        claimtrack::Snapshot snapshot;
        snapshot.source = source_of.at(url_of(name));
        snapshot.http_status = 200;
        snapshot.outcome = "ok";
        snapshot.title = name;  // what the extractor reads from a Wikipedia page's <title>
        snapshot.title = name;  // what the extractor reads from a Wikipedia page's <title>
        std::vector<claimtrack::Passage> passages;
        for (const Sentence* s : list) {
            claimtrack::Passage p;
            p.index = static_cast<int>(passages.size());
            p.span = {snapshot.text.size(), snapshot.text.size() + s->text.size()};
            p.text = s->text;
            snapshot.text += s->text + "\n";
            passages.push_back(std::move(p));
        }
        const Id id = store.add_snapshot(snapshot, passages);
        const auto stored = store.passages_of(id);
        for (std::size_t i = 0; i < stored.size(); ++i) corpus.passage_of[list[i]->id] = stored[i].id;
    }
    std::size_t offset = 0;
    for (const Item& item : items) {
        auto read = extracted_claim(item.claim);
        if (read) ++corpus.extracted;
        Claim claim = read ? std::move(*read) : fallback_claim(item.claim);
        claim.article = corpus.article;
        claim.span = {offset + claim.span.start, offset + claim.span.end};
        offset += item.claim.size() + 1;
        claim.id = store.add_claim(claim);
        corpus.claims.push_back(std::move(claim));
    }
    transaction.commit();
    return corpus;
}

// Recall@1/5/10 of the gold passages (averaged over claims that have any) and mean reciprocal rank.
struct Recall {
    std::array<double, 3> at{};
    double rr = 0.0;
    std::size_t claims = 0;

    void add(const std::vector<Id>& ranked, const std::set<Id>& gold) {
        if (gold.empty()) return;
        ++claims;
        constexpr std::array<std::size_t, 3> k_cut{1, 5, 10};
        for (std::size_t c = 0; c < k_cut.size(); ++c) {
            const auto end = ranked.begin() + static_cast<long>(std::min(k_cut[c], ranked.size()));
            const auto found = std::count_if(ranked.begin(), end, [&](Id id) { return gold.contains(id); });
            at[c] += static_cast<double>(found) / static_cast<double>(gold.size());
        }
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            if (gold.contains(ranked[i])) {
                rr += 1.0 / static_cast<double>(i + 1);
                break;
            }
        }
    }

    void print(const char* name, double seconds) const {
        const auto n = static_cast<double>(std::max<std::size_t>(claims, 1));
        std::printf("%-26s %8.3f %8.3f %8.3f %8.3f %9.2f\n", name, at[0] / n, at[1] / n, at[2] / n, rr / n, seconds);
    }
};

// Confusion of predicted stance against gold label, with precision and recall per label.
struct Matrix {
    std::array<std::array<std::size_t, 3>, 3> cells{};  // [gold][predicted]

    void print(const char* title) const {
        std::size_t right = 0;
        std::size_t all = 0;
        for (std::size_t g = 0; g < 3; ++g) {
            for (std::size_t p = 0; p < 3; ++p) {
                all += cells[g][p];
                if (g == p) right += cells[g][p];
            }
        }
        std::printf("\n== stance: %s ==\naccuracy %.3f (%zu of %zu pairs)\n", title,
                    all ? static_cast<double>(right) / static_cast<double>(all) : 0.0, right, all);
        std::printf("%-28s %9s %9s %7s   predicted as: %s %s %s\n", "label", "precision", "recall", "gold", k_stances[0],
                    k_stances[1], k_stances[2]);
        for (std::size_t k = 0; k < 3; ++k) {
            std::size_t predicted = 0;
            std::size_t gold = 0;
            for (std::size_t i = 0; i < 3; ++i) {
                predicted += cells[i][k];
                gold += cells[k][i];
            }
            const double p = predicted ? static_cast<double>(cells[k][k]) / static_cast<double>(predicted) : 0.0;
            const double r = gold ? static_cast<double>(cells[k][k]) / static_cast<double>(gold) : 0.0;
            const std::string name = std::string(k_stances[k]) + " ~ " + k_labels[k];
            std::printf("%-28s %9.3f %9.3f %7zu   %zu %zu %zu\n", name.c_str(), p, r, gold, cells[k][0], cells[k][1],
                        cells[k][2]);
        }
    }
};

// Return the claim's words as quoted FTS5 strings joined by OR: the plain bm25 baseline.
std::string words_query(const std::string& text) {
    std::string query;
    std::set<std::string> seen;
    for (const auto& token : claimtrack::text::index_tokens(text)) {
        if (!seen.insert(token).second) continue;
        std::string quoted = "\"";
        for (char c : token) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        query += (query.empty() ? "" : " OR ") + quoted + "\"";
    }
    return query;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Gold {
    std::vector<std::set<Id>> passages;              // per claim: SUPPORTS or REFUTES passages
    std::vector<std::map<Id, int>> labels;           // per claim: passage → label
};

Gold gold_of(const std::vector<Item>& items, const Corpus& corpus) {
    Gold gold;
    for (const Item& item : items) {
        std::set<Id> relevant;
        std::map<Id, int> labels;
        for (const Sentence& s : item.sentences) {
            const Id id = corpus.passage_of.at(s.id);
            labels[id] = s.label;
            if (s.label != 2) relevant.insert(id);
        }
        gold.passages.push_back(std::move(relevant));
        gold.labels.push_back(std::move(labels));
    }
    return gold;
}

void run(const std::vector<Item>& items) {
    const auto db_path = std::filesystem::temp_directory_path() / ("link_eval_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(db_path);
    {
        Store store(db_path.string());
        auto start = std::chrono::steady_clock::now();
        const Corpus corpus = build(store, items);
        std::printf("claims: %zu (%zu read by claims::extract), passages: %zu, build %.2f s\n", corpus.claims.size(),
                    corpus.extracted, corpus.passage_of.size(), seconds_since(start));
        const Gold gold = gold_of(items, corpus);

        start = std::chrono::steady_clock::now();
        claimtrack::app::link_evidence(store, corpus.article);
        const double link_seconds = seconds_since(start);
        Recall link;
        Matrix linked;
        for (std::size_t i = 0; i < corpus.claims.size(); ++i) {
            std::vector<Id> ranked;
            for (const auto& row : store.evidence_of(corpus.claims[i].id)) {
                ranked.push_back(row.passage);
                const auto label = gold.labels[i].find(row.passage);
                if (label != gold.labels[i].end()) ++linked.cells[static_cast<std::size_t>(label->second)][stance_index(row.stance)];
            }
            link.add(ranked, gold.passages[i]);
        }

        start = std::chrono::steady_clock::now();
        Recall search;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto result = claimtrack::app::search(store, {items[i].claim, corpus.article, 10});
            std::vector<Id> ranked;
            for (const auto& hit : result.hits) ranked.push_back(hit.passage);
            search.add(ranked, gold.passages[i]);
        }
        const double search_seconds = seconds_since(start);

        start = std::chrono::steady_clock::now();
        Recall baseline;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::vector<Id> ranked;
            for (const auto& hit : store.search_passages(words_query(items[i].claim), corpus.article, 10)) ranked.push_back(hit.passage.id);
            baseline.add(ranked, gold.passages[i]);
        }
        const double baseline_seconds = seconds_since(start);

        std::printf("claims with a SUPPORTS or REFUTES sentence: %zu\n\n", link.claims);
        std::printf("%-26s %8s %8s %8s %8s %9s\n", "ranking", "R@1", "R@5", "R@10", "MRR", "seconds");
        link.print("link (kept rows, <= 10)", link_seconds);
        search.print("search (claim text)", search_seconds);
        baseline.print("bm25 baseline (words OR)", baseline_seconds);
        const auto n = static_cast<double>(std::max<std::size_t>(link.claims, 1));
        std::printf("link R@5 - baseline R@5: %+.3f (target >= +0.10)\n", (link.at[1] - baseline.at[1]) / n);

        Matrix pairs;
        const auto aliases = claimtrack::evidence::Aliases::builtin();
        for (std::size_t i = 0; i < items.size(); ++i) {
            for (const Sentence& s : items[i].sentences) {
                const auto a = claimtrack::evidence::assess(corpus.claims[i], s.text, aliases);
                ++pairs.cells[static_cast<std::size_t>(s.label)][stance_index(a.stance)];
            }
        }
        pairs.print("every labelled claim-sentence pair (assess)");
        linked.print("linked rows whose sentence is labelled for the claim");
    }
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path.string() + "-wal");
    std::filesystem::remove(db_path.string() + "-shm");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: link_eval DATA_DIR (with climate-fever.jsonl)\n";
        return 2;
    }
    try {
        run(load(std::filesystem::path(argv[1]) / "climate-fever.jsonl"));
    } catch (const std::exception& e) {
        std::cerr << "link_eval: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
