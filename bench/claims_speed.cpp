// Import and claim extraction speed on a large mixed Chinese/English article we generate, and the
// peak memory per input size (each size runs in its own process, so VmHWM is that run's peak).
//
//   claims_speed [--keep DIR] [--runs N] [MB ...]      default sizes: 10 50 200 (fractions allowed: 0.5)
//
// Prints, per size (CPU time of the process): MB/s of read+parse, of claims::extract alone, of import (extract + store
// write into a fresh SQLite file), of all three, with the article read whole; claims found; peak RSS. Then, in
// another process, the import as the CLI does it (the file streamed: app::import_file), its MB/s and peak RSS.
// With --runs N the streamed import runs N times (each in its own process) and a last row gives the
// median: on a shared machine one run can be off by a third.
#include <claimtrack/app.hpp>
#include <claimtrack/article.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/store.hpp>

#include "process_stats.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <ctime>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace claimtrack;
using Clock = std::chrono::steady_clock;

// Our own sentence shapes: figures, changes, roles, quotes, dates, hedges, superlatives, opinion.
const std::vector<std::string> k_en = {
    "{O} said its revenue rose from {a}% to {b}% in {M} {Y}, the third rise in a row.",
    "{P}, chief executive of {O}, told reporters in {C} that “the market for {T} will double by {Y}.”",
    "According to {O2}, shipments of {T} fell {a}% last quarter to {n} million units.",
    "{O} is now the largest maker of {T} in Europe for the first time, ahead of {O2}.",
    "In {M}, {O} said it would cut {n},{a}00 jobs, about {b}% of its workforce.",
    "{O2} reportedly paid about ${a}.{b} billion for the unit, a figure neither side confirmed.",
    "I think the new {T} is clever, but I am not sure anyone will buy it.",
    "The deal, signed on {M} {a}, values the company at {n} times its annual sales.",
};
const std::vector<std::string> k_zh = {
    "{zO}的CEO是{zP}，他今年{m}月在{zC}举行的峰会上直接说“{zT}的需求还会增长”。",
    "据{zO2}统计，{zO}在中国市场的份额由{a}%下降为{b}%，降幅为近五年最大。",
    "今年{m}月，{zO}宣布投资{n}亿元在{zC}建设新工厂，预计雇佣{a}00名工人。",
    "有消息说，{zO}正在研发一款新的{zT}，但这种消息很难证实。",
    "我觉得这款{zT}别说还真挺好用，太聪明了。",
    "{zO2}首次超过{zO}，成为全球最大的{zT}供应商，出货量达到{n}万台。",
    "博通的CEO陈福阳表示，公司去年的营收增长了{a}%，达到{n}亿美元。",
    "分析师认为，{zO}的毛利率从{a}%提高到{b}%，主要来自数据中心业务。",
};
const std::vector<std::string> k_noise = {"500", "Share", "Advertisement", "站务", "全部专栏", "分享到", "Subscribe", "1200"};
const std::vector<std::string> k_orgs = {"Larkspur", "Quillmark Analytics", "Northwind Devices", "Tidewater Semi", "Halcyon Labs"};
const std::vector<std::string> k_people = {"Maren Okafor", "Jonas Veldt", "Priya Raman", "Tomas Ekberg"};
const std::vector<std::string> k_cities = {"Lisbon", "Rotterdam", "Austin", "Osaka"};
const std::vector<std::string> k_things = {"handsets", "modems", "AI accelerators", "routers"};
const std::vector<std::string> k_months = {"January", "March", "April", "June", "September", "November"};
const std::vector<std::string> k_zorgs = {"星河半导体", "云杉科技", "北辰智能", "海蓝通信", "英伟达"};
const std::vector<std::string> k_zpeople = {"林海峰", "周明远", "陈思雨", "黄仁勋"};
const std::vector<std::string> k_zcities = {"深圳", "上海", "台北", "杭州"};
const std::vector<std::string> k_zthings = {"AI芯片", "手机", "服务器", "大模型"};

class Generator {
public:
    explicit Generator(unsigned seed) : m_random(seed) {}

    std::string paragraph() {
        const auto roll = pick(20);
        if (roll < 2) return k_noise[pick(k_noise.size())];
        const auto& shapes = roll % 2 == 0 ? k_en : k_zh;
        std::string out;
        const auto sentences = 1 + pick(3);
        for (std::size_t i = 0; i < sentences; ++i) out += fill(shapes[pick(shapes.size())]) + (roll % 2 == 0 ? " " : "");
        return out;
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }

    std::string value(std::string_view key) {
        if (key == "O") return k_orgs[pick(k_orgs.size())];
        if (key == "O2") return k_orgs[pick(k_orgs.size())];
        if (key == "P") return k_people[pick(k_people.size())];
        if (key == "C") return k_cities[pick(k_cities.size())];
        if (key == "T") return k_things[pick(k_things.size())];
        if (key == "M") return k_months[pick(k_months.size())];
        if (key == "Y") return std::to_string(2018 + pick(10));
        if (key == "zO" || key == "zO2") return k_zorgs[pick(k_zorgs.size())];
        if (key == "zP") return k_zpeople[pick(k_zpeople.size())];
        if (key == "zC") return k_zcities[pick(k_zcities.size())];
        if (key == "zT") return k_zthings[pick(k_zthings.size())];
        if (key == "m") return std::to_string(1 + pick(12));
        if (key == "n") return std::to_string(2 + pick(900));
        return std::to_string(1 + pick(98));  // a, b
    }

    std::string fill(const std::string& shape) {
        std::string out;
        std::size_t at = 0;
        while (at < shape.size()) {
            const auto open = shape.find('{', at);
            if (open == std::string::npos) break;
            const auto close = shape.find('}', open);
            out.append(shape, at, open - at);
            out += value(std::string_view(shape).substr(open + 1, close - open - 1));
            at = close + 1;
        }
        out.append(shape, at);
        return out;
    }

    std::mt19937 m_random;
};

// Write an article of about `bytes` bytes: a title, paragraphs with noise lines, a source list.
void write_corpus(const std::string& path, std::size_t bytes) {
    std::ofstream out(path, std::ios::binary);
    Generator generator(42);
    out << "Chips, phones and the 算力 race: a long read\n\n";
    std::size_t written = 0;
    while (written < bytes) {
        const std::string paragraph = generator.paragraph() + "\n\n";
        out << paragraph;
        written += paragraph.size();
    }
    out << "Larkspur results https://news.example.com/larkspur/results?utm_source=feed\n\n"
        << "星河半导体财报解读 finance.example.cn/2025/11/06/doc-chips.shtml\n";
}

using bench::cpu_now;
using bench::peak_rss_kb;

double seconds_since(double start) { return cpu_now() - start; }

std::string corpus_path(const std::filesystem::path& dir, const std::string& megabytes) {
    return (dir / ("corpus-" + megabytes + ".txt")).string();
}

// Measure the stages of one size in this process and print one row: the article read whole.
int measure(const std::filesystem::path& dir, const std::string& megabytes) {
    const std::string corpus = corpus_path(dir, megabytes);
    const auto size_mb = static_cast<double>(std::filesystem::file_size(corpus)) / (1024.0 * 1024.0);
    const long rss_before = peak_rss_kb();

    const auto wall = Clock::now();
    double start = cpu_now();
    app::ImportOptions options;
    options.path = corpus;
    options.date = "2025-11-10";
    app::ReadArticle read = app::read_article(options);
    const double read_s = seconds_since(start);

    start = cpu_now();
    std::size_t found = 0;
    claims::extract_each(read.article, [&](const Claim&) { ++found; });  // streamed, as import does
    const double extract_s = seconds_since(start);

    const std::string db = (dir / ("speed-" + megabytes + ".db")).string();
    std::filesystem::remove(db);
    start = cpu_now();
    Store store(db);
    const app::ImportResult result = app::import_article(store, std::move(read.article));
    const double import_s = seconds_since(start);

    std::printf("%6.1f MB  read+parse %7.1f MB/s  extract %7.1f MB/s  import(extract+write) %7.1f MB/s  "
                "total %6.1f MB/s (%5.1f s CPU, %5.1f s wall)  %8zu claims  peak RSS %7.1f MB (%.2f× input)\n",
                size_mb, size_mb / read_s, size_mb / extract_s, size_mb / import_s, size_mb / (read_s + import_s),
                read_s + import_s, std::chrono::duration<double>(Clock::now() - wall).count(), found, static_cast<double>(peak_rss_kb()) / 1024.0,
                static_cast<double>(peak_rss_kb() - rss_before) / 1024.0 / size_mb);
    std::fflush(stdout);
    return result.claims == found ? 0 : 1;
}

std::string times_path(const std::filesystem::path& dir, const std::string& megabytes) {
    return (dir / ("streamed-" + megabytes + ".seconds")).string();
}

// Measure the import as the CLI does it (app::import_file: a UTF-8 text file streams) and print one row.
int measure_streamed(const std::filesystem::path& dir, const std::string& megabytes) {
    const std::string corpus = corpus_path(dir, megabytes);
    const auto size_mb = static_cast<double>(std::filesystem::file_size(corpus)) / (1024.0 * 1024.0);
    const long rss_before = peak_rss_kb();
    const std::string db = (dir / ("streamed-" + megabytes + ".db")).string();
    std::filesystem::remove(db);
    const auto wall = Clock::now();
    const double start = cpu_now();
    Store store(db);
    app::ImportOptions options;
    options.path = corpus;
    options.date = "2025-11-10";
    const app::ImportedFile imported = app::import_file(options, [&]() -> Store& { return store; });
    const double seconds = seconds_since(start);
    std::printf("%6.1f MB  streamed import (as the CLI)  %6.1f MB/s (%5.1f s CPU, %5.1f s wall)  %8zu claims  peak RSS %7.1f MB "
                "(+%.1f MB over the process before it)\n",
                size_mb, size_mb / seconds, seconds, std::chrono::duration<double>(Clock::now() - wall).count(),
                imported.result.claims, static_cast<double>(peak_rss_kb()) / 1024.0,
                static_cast<double>(peak_rss_kb() - rss_before) / 1024.0);
    std::fflush(stdout);
    std::ofstream(times_path(dir, megabytes), std::ios::app) << seconds << '\n';
    return imported.result.claims > 0 ? 0 : 1;
}

// Print the median MB/s of the streamed runs of one size, from the CPU times they wrote.
void print_median(const std::filesystem::path& dir, const std::string& megabytes) {
    const std::string corpus = corpus_path(dir, megabytes);
    const auto size_mb = static_cast<double>(std::filesystem::file_size(corpus)) / (1024.0 * 1024.0);
    std::vector<double> seconds;
    std::ifstream in(times_path(dir, megabytes));
    for (double s = 0; in >> s;) seconds.push_back(s);
    if (seconds.empty()) return;
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds.size() % 2 == 1 ? seconds[seconds.size() / 2]
                                                  : (seconds[seconds.size() / 2 - 1] + seconds[seconds.size() / 2]) / 2.0;
    std::printf("%6.1f MB  streamed import, median of %zu runs  %6.1f MB/s (%5.2f s CPU; fastest %.1f, slowest %.1f MB/s)\n", size_mb,
                seconds.size(), size_mb / median, median, size_mb / seconds.front(), size_mb / seconds.back());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> sizes;
    std::string keep;
    int runs = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep" && i + 1 < argc) {
            keep = argv[++i];
        } else if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg.find_first_not_of("0123456789.") == std::string::npos && !arg.empty() && arg != ".") {
            sizes.push_back(arg);
        } else {
            std::fprintf(stderr, "usage: claims_speed [--keep DIR] [--runs N] [MB ...]\n");
            return 2;
        }
    }
    if (sizes.empty()) sizes = {"10", "50", "200"};
    const std::filesystem::path dir = keep.empty() ? std::filesystem::temp_directory_path() / ("claims-speed-" + std::to_string(getpid()))
                                                   : std::filesystem::path(keep);
    std::filesystem::create_directories(dir);
    int failed = 0;
    for (const std::string& megabytes : sizes) {
        write_corpus(corpus_path(dir, megabytes), static_cast<std::size_t>(std::stod(megabytes) * 1024.0 * 1024.0));
        if (bench::in_child("claims_speed", megabytes + " MB", [&] { return measure(dir, megabytes); }) != 0) ++failed;
        std::filesystem::remove(times_path(dir, megabytes));
        for (int run = 0; run < runs; ++run) {
            if (bench::in_child("claims_speed", megabytes + " MB", [&] { return measure_streamed(dir, megabytes); }) != 0) ++failed;
        }
        if (runs > 1) print_median(dir, megabytes);
    }
    if (keep.empty()) std::filesystem::remove_all(dir);
    return failed == 0 ? 0 : 1;
}
