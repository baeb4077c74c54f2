// Check-worthiness of our claim extractor on public English sentence sets.
// Usage: checkworthiness DATA_DIR [THRESHOLD]
// Reads DATA_DIR/claimbuster-2.5xncs/kfold_25ncs.csv and DATA_DIR/clef2019-checkthat-task1/training/*.tsv.
// A sentence is predicted check-worthy when it yields a claim scoring at least THRESHOLD (default 0.5);
// its score for ranking is the highest check-worthiness of its claims (0 without claims).

#include <claimtrack/claims.hpp>
#include <claimtrack/review.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Item {
    std::string text;
    bool positive = false;
    double score = 0.0;
    bool any_claim = false;
};

struct Counts {
    std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<Item> load_claimbuster(const std::filesystem::path& dir) {
    const auto path = dir / "kfold_25ncs.csv";
    const auto records = claimtrack::review::parse_csv(read_file(path), path.string());
    std::vector<Item> items;
    for (std::size_t i = 1; i < records.size(); ++i) {  // after the header: sentence_id,screening,label,text
        const auto& fields = records[i].fields;
        if (fields.size() < 4) continue;
        items.push_back({fields[3], fields[2] == "1"});
    }
    return items;
}

struct Debate {
    std::string name;
    std::vector<Item> items;
};

// Return the debates of CLEF 2019 task 1, one per file, in file-name order.
std::vector<Debate> load_clef(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "training")) {
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Debate> debates;
    for (const auto& file : files) {
        std::istringstream in(read_file(file));
        std::vector<Item> items;
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            std::vector<std::string> cols;
            std::istringstream fields(line);
            for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
            if (cols.size() < 4 || cols[1] == "SYSTEM") continue;
            items.push_back({cols[2], cols[3] == "1"});
        }
        debates.push_back({file.stem().string(), std::move(items)});
    }
    return debates;
}

void score(Item& item) {
    claimtrack::Article article;
    article.language = "en";
    article.body = item.text;
    article.paragraphs.push_back({{0, item.text.size()}, claimtrack::ParagraphKind::text});
    for (const auto& claim : claimtrack::claims::extract(article)) {
        item.any_claim = true;
        item.score = std::max(item.score, claim.checkworthiness);
    }
}

Counts count(const std::vector<Item>& items, double threshold) {
    Counts c;
    for (const auto& item : items) {
        const bool predicted = item.any_claim && item.score >= threshold;
        if (predicted && item.positive) ++c.tp;
        if (predicted && !item.positive) ++c.fp;
        if (!predicted && item.positive) ++c.fn;
        if (!predicted && !item.positive) ++c.tn;
    }
    return c;
}

void print_prf(const char* name, const Counts& c) {
    const double p = c.tp + c.fp > 0 ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 0.0;
    const double r = c.tp + c.fn > 0 ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 0.0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    std::printf("  %-28s P %.3f  R %.3f  F1 %.3f  (tp %zu fp %zu fn %zu tn %zu)\n", name, p, r, f, c.tp, c.fp, c.fn,
                c.tn);
}

// Return the items ranked by score, highest first; ties keep their order in the debate.
std::vector<const Item*> ranked(const std::vector<Item>& items) {
    std::vector<const Item*> order;
    for (const auto& item : items) order.push_back(&item);
    std::stable_sort(order.begin(), order.end(), [](const Item* a, const Item* b) { return a->score > b->score; });
    return order;
}

double average_precision(const std::vector<const Item*>& order) {
    double sum = 0.0;
    std::size_t hits = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (!order[k]->positive) continue;
        ++hits;
        sum += static_cast<double>(hits) / static_cast<double>(k + 1);
    }
    return hits > 0 ? sum / static_cast<double>(hits) : 0.0;
}

double precision_at(const std::vector<const Item*>& order, std::size_t k) {
    std::size_t hits = 0;
    for (std::size_t i = 0; i < k && i < order.size(); ++i) hits += order[i]->positive ? 1 : 0;
    return static_cast<double>(hits) / static_cast<double>(k);
}

void report_clef(const std::vector<Debate>& debates, double threshold) {
    std::vector<Item> all;
    double map = 0.0, p5 = 0.0, p10 = 0.0, p20 = 0.0;
    std::printf("clef2019-checkthat-task1 (training, %zu debates)\n", debates.size());
    std::printf("  %-40s %9s %9s %7s %7s\n", "debate", "sentences", "positive", "AP", "P@10");
    for (const auto& debate : debates) {
        const auto order = ranked(debate.items);
        const double ap = average_precision(order);
        const double at10 = precision_at(order, 10);
        const auto positives = std::count_if(debate.items.begin(), debate.items.end(), [](const Item& i) { return i.positive; });
        std::printf("  %-40s %9zu %9td %7.3f %7.3f\n", debate.name.c_str(), debate.items.size(), positives, ap, at10);
        map += ap;
        p5 += precision_at(order, 5);
        p10 += at10;
        p20 += precision_at(order, 20);
        all.insert(all.end(), debate.items.begin(), debate.items.end());
    }
    const auto n = static_cast<double>(debates.empty() ? 1 : debates.size());
    std::printf("  overall: %zu sentences\n", all.size());
    print_prf("any claim", count(all, 0.0));
    print_prf(("score >= " + std::to_string(threshold).substr(0, 4)).c_str(), count(all, threshold));
    std::printf("  MAP %.3f  P@5 %.3f  P@10 %.3f  P@20 %.3f (mean over debates)\n", map / n, p5 / n, p10 / n, p20 / n);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: checkworthiness DATA_DIR [THRESHOLD]\n";
        return 2;
    }
    const std::filesystem::path data = argv[1];
    const double threshold = argc > 2 ? std::stod(argv[2]) : 0.5;
    try {
        auto claimbuster = load_claimbuster(data / "claimbuster-2.5xncs");
        auto debates = load_clef(data / "clef2019-checkthat-task1");
        const auto start = std::chrono::steady_clock::now();
        std::size_t sentences = 0;
        for (auto& item : claimbuster) score(item), ++sentences;
        for (auto& debate : debates) {
            for (auto& item : debate.items) score(item), ++sentences;
        }
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
        std::printf("claimbuster-2.5xncs (%zu sentences)\n", claimbuster.size());
        print_prf("any claim", count(claimbuster, 0.0));
        print_prf(("score >= " + std::to_string(threshold).substr(0, 4)).c_str(), count(claimbuster, threshold));
        report_clef(debates, threshold);
        std::printf("speed: %zu sentences in %.2f s, %.0f sentences/s\n", sentences, seconds.count(),
                    static_cast<double>(sentences) / seconds.count());
    } catch (const std::exception& e) {
        std::cerr << "checkworthiness: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
