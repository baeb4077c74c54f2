// Report speed: a store with one article of N claims (default 10,000), each with evidence from a
// few sources, some reviewed; then build the report model and render it in every format.
// Usage: report_bench [--claims N] [--evidence-per-claim K] [--sources S] [--keep DB]
// (`--keep` keeps the database; a DB that exists already is reused as it is, for profiling.)
// Prints wall and CPU ms and output size per step; the target is under 1 s per format for 10,000 claims.

#include <claimtrack/app.hpp>
#include <claimtrack/report.hpp>
#include <claimtrack/store.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace claimtrack;

struct Settings {
    int claims = 10000;
    int evidence_per_claim = 4;
    int sources = 20;
    std::string keep;  // keep the database at this path instead of a temporary one
};

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Return the CPU time this process has used, in ms: on a shared machine it says more than the wall clock.
double cpu_ms() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::string sentence(int k) {
    return "Company " + std::to_string(k % 97) + "'s share of the market rose from " + std::to_string(k % 50) + "% to " +
           std::to_string(k % 50 + 7) + "% in 2024, said <chief> \"Ana " + std::to_string(k) + "\" & co.";
}

Article make_article(const Settings& settings) {
    Article article;
    article.title = "Benchmark article";
    article.date = "2025-11-10";
    article.language = "en";
    article.format = "text";
    article.origin = "bench";
    for (int k = 0; k < settings.claims; ++k) article.body += sentence(k) + "\n\n";
    article.sha256 = std::to_string(std::random_device{}());
    for (int s = 0; s < settings.sources; ++s) {
        article.sources.push_back({"https://news" + std::to_string(s) + ".example.com/story/" + std::to_string(s),
                                   "Source story " + std::to_string(s), s});
    }
    return article;
}

// Store one snapshot per source with `per_source` passages; return every passage id with its source.
std::vector<Passage> add_snapshots(Store& store, Id article, int per_source) {
    std::vector<Passage> all;
    for (const SourceRow& row : store.sources(article)) {
        Snapshot snapshot;
        snapshot.source = row.id;
        snapshot.requested_url = snapshot.final_url = row.url;
        snapshot.http_status = 200;
        snapshot.fetched_at = "2025-11-10T08:00:00Z";
        snapshot.sha256 = std::to_string(row.id);
        snapshot.outcome = "ok";
        snapshot.warc_file = "sources.warc.gz";
        std::vector<Passage> passages;
        for (int k = 0; k < per_source; ++k) {
            const std::size_t start = snapshot.text.size();
            snapshot.text += sentence(k * 31 + static_cast<int>(row.id)) + " ";
            passages.push_back({0, 0, k, {start, snapshot.text.size() - 1}, sentence(k * 31 + static_cast<int>(row.id))});
        }
        const Id id = store.add_snapshot(snapshot, passages);
        for (const Passage& p : store.passages_of(id)) all.push_back(p);
    }
    return all;
}

void fill(Store& store, const Settings& settings) {
    Store::Transaction transaction(store);
    const Article article = make_article(settings);
    const Id article_id = store.add_article(article);
    const std::vector<Passage> passages = add_snapshots(store, article_id, 200);
    std::size_t at = 0;
    std::mt19937 random(7);
    for (int k = 0; k < settings.claims; ++k) {
        Claim claim;
        claim.article = article_id;
        claim.kind = static_cast<ClaimKind>(k % 5);
        claim.text = sentence(k);
        claim.span = {at, at + claim.text.size()};
        at += claim.text.size() + 2;
        claim.fields = {{"subject", "Company " + std::to_string(k % 97)}, {"from", std::to_string(k % 50)}, {"to", std::to_string(k % 50 + 7)}};
        claim.checkworthiness = 0.5 + static_cast<double>(k % 50) / 100.0;
        claim.id = store.add_claim(claim);
        std::vector<Evidence> rows;
        for (int e = 0; e < settings.evidence_per_claim; ++e) {
            const Passage& p = passages[random() % passages.size()];
            Evidence row;
            row.claim = claim.id;
            row.passage = p.id;
            row.score = 0.9 - 0.1 * e;
            row.stance = static_cast<Stance>((k + e) % 3);
            row.reason = "same subject and attribute";
            row.quote = {p.text, "before <b> ", " after & more", p.span.start, p.span.end};
            rows.push_back(row);
        }
        store.replace_automatic_evidence(claim.id, rows);
        if (k % 3 == 0) {
            store.record_review({0, claim.id, Status::unreviewed, static_cast<Status>(1 + k % 3), std::nullopt,
                                 "checked against the filing, page " + std::to_string(k % 40), "lin", "2025-11-11T09:00:00Z"});
        }
    }
    transaction.commit();
}

Settings parse(int argc, char** argv) {
    Settings settings;
    for (int k = 1; k + 1 < argc; k += 2) {
        const std::string flag = argv[k];
        const std::string value = argv[k + 1];
        if (flag == "--claims") settings.claims = std::atoi(value.c_str());
        else if (flag == "--evidence-per-claim") settings.evidence_per_claim = std::atoi(value.c_str());
        else if (flag == "--sources") settings.sources = std::atoi(value.c_str());
        else if (flag == "--keep") settings.keep = value;
    }
    return settings;
}

}  // namespace

int main(int argc, char** argv) {
    const Settings settings = parse(argc, argv);
    const auto dir = std::filesystem::temp_directory_path() / ("report-bench-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const std::string path = settings.keep.empty() ? (dir / "bench.db").string() : settings.keep;
    int status = 0;
    {
        const bool reuse = !settings.keep.empty() && std::filesystem::exists(path);
        Store store(path);
        auto start = Clock::now();
        if (reuse) {
            std::printf("store: reusing %s\n", path.c_str());
        } else {
            fill(store, settings);
            std::printf("store: %d claims, %d evidence each, %d sources: filled in %.0f ms\n", settings.claims,
                        settings.evidence_per_claim, settings.sources, ms_since(start));
        }

        start = Clock::now();
        double cpu = cpu_ms();
        const report::Report model = app::build_report(store, std::nullopt);
        const double build_cpu = cpu_ms() - cpu;
        std::printf("%-12s %9.1f ms wall %9.1f ms cpu\n", "build model", ms_since(start), build_cpu);
        for (const auto& [name, format] : {std::pair{"text", report::Format::text}, {"markdown", report::Format::markdown},
                                           {"html", report::Format::html}, {"json", report::Format::json},
                                           {"csv", report::Format::csv}, {"claimreview", report::Format::claimreview}}) {
            start = Clock::now();
            cpu = cpu_ms();
            const std::string out = report::render(model, format, {report::Color::off, report::History::show});
            const double render_cpu = cpu_ms() - cpu;
            std::printf("%-12s %9.1f ms wall %9.1f ms cpu %7.2f MB%s\n", name, ms_since(start), render_cpu,
                        static_cast<double>(out.size()) / 1e6, render_cpu > 1000.0 ? "  (over 1 s)" : "");
            if (out.empty()) status = 1;
        }
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return status;
}
