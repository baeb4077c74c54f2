// A Markdown file is imported as it streams (app::import_file renders it a line at a time); the
// stored article must be the one read_article + import_article store from the same file read whole,
// and the import's peak memory must not grow with the file.
#include "app/import_detail.hpp"
#include "e2e_stored.hpp"
#include "e2e_support.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/store.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack;

namespace {

using e2e::Stored;
using e2e::stored;

app::ImportOptions options_for(const std::string& path) {
    app::ImportOptions options;
    options.path = path;
    options.date = "2025-11-10";
    return options;
}

// Import `path` as import_file does and read whole into another database; check both store the same.
void same_both_ways(const e2e::TempDir& dir, const std::string& path, const std::string& name) {
    CAPTURE(path);
    const auto options = options_for(path);
    Store streamed(dir.file(name + "-streamed.db"));
    const auto imported = app::import_file(options, [&]() -> Store& { return streamed; });
    Store whole(dir.file(name + "-whole.db"));
    const auto read = app::read_article(options);
    const auto whole_import = app::import_article(whole, read.article);
    CHECK(imported.charset == read.charset);
    CHECK(imported.result.claims == whole_import.claims);
    CHECK(imported.result.paragraphs == whole_import.paragraphs);
    CHECK(imported.result.sources == whole_import.sources);
    CHECK(imported.result.title == whole_import.title);
    const Stored a = stored(streamed, imported.result.article);
    const Stored b = stored(whole, whole_import.article);
    CHECK(a.article.format == "markdown");
    CHECK(a.article.body == b.article.body);
    CHECK(a.article.paragraphs == b.article.paragraphs);
    CHECK(a.article.sources == b.article.sources);
    CHECK(a.article == b.article);
    REQUIRE(a.claims.size() == b.claims.size());
    for (std::size_t i = 0; i < b.claims.size(); ++i) {
        CAPTURE(i);
        CHECK(a.claims[i] == b.claims[i]);
    }
}

bool streams(const std::string& path) { return app::detail::scan(options_for(path), article::Format::markdown).has_value(); }

const char* const k_article =
    "# 星河半导体发布三季报\n\n"
    "2025年11月6日，星河半导体表示，公司第三季度营收同比增长42%，\n达到120亿元。据[路透社](https://news.example.com/r/1?utm_source=x)报道，"
    "英伟达在中国的市场份额由95%下降为0。\n\n"
    "Northwind Devices said its share of the market *fell* from 31% to 18% last year,\n"
    "according to [a report][larkspur] by **Larkspur *Research***. Lisa Su, CEO of AMD, said\n"
    "\"demand for AI chips is still growing\" at the Computex summit.  \n"
    "A hard break above.\n\n"
    "- Larkspur sold 4 million handsets in 2024, up 12% from a year earlier.\n"
    "- See <https://example.org/item/7> and `code` and https://bare.example.com/path.\n\n"
    "```\n[in code]: https://code.example.com/x\n# not a heading\n```\n\n"
    "---\n\n"
    "> 博通的CEO是陈福阳。\n> 他说“需求很强”。\n\n"
    "500\n\nShare\n\n"
    "## Sources\n\n"
    "- [Reuters report](https://news.example.com/r/1), Reuters\n"
    "- [Larkspur][larkspur]\n"
    "星河半导体财报 https://finance.example.cn/2025/doc-1.shtml\n\n"
    "[larkspur]: https://research.example.com/larkspur\n"
    "[unused]: https://unused.example.com/u\n";

// A long Markdown article of `bytes` or a little more: sections that cite the same sources again and
// again, reference links defined at the end.
std::string generated(std::size_t bytes) {
    std::string out = "# 星河半导体 and Northwind: a long report\n\n";
    for (std::size_t n = 1; out.size() < bytes; ++n) {
        const std::string k = std::to_string(n % 100);
        out += "## Section " + std::to_string(n) + "\n\n"
               "英伟达在中国的市场份额由95%下降为0，博通的CEO是陈福阳。据[路透社](https://news.example.com/r/" + k + ")报道，\n"
               "星河半导体第三季度营收同比增长42%，达到120亿元。\n\n"
               "Northwind Devices said its share of the market *fell* from 31% to 18% last year,\n"
               "according to [a report][r" + std::to_string(n % 50) + "] by **Larkspur Research** on page " + std::to_string(n) + ".\n\n"
               "- Larkspur sold " + std::to_string(n) + " million handsets in 2024, up 12% from a year earlier.\n"
               "- See <https://example.org/item/" + k + "> for `details`.\n\n"
               "```\ncode line\n```\n\n---\n\n";
    }
    out += "## Sources\n\n";
    for (int i = 0; i < 50; ++i) out += "[r" + std::to_string(i) + "]: https://research.example.com/report/" + std::to_string(i) + "\n";
    out += "- [Reuters](https://news.example.com/r/1)\n- [Larkspur](https://larkspur.example.com)\n";
    return out;
}

// Return the value in KB of the line `key` ("VmHWM:") of /proc/self/status, or -1.
long status_kb(std::string_view key) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with(key)) return std::strtol(line.c_str() + key.size(), nullptr, 10);
    }
    return -1;
}

struct Measured {
    int code = -1;
    long grown_kb = -1;  // the peak resident memory above what the process held before, or -1
};

// Run `claimtrack ARGS…` in a child process (run_cli, as the binary does) and return its exit status
// and how far its peak memory rose above its memory at the start. The child starts with this
// process's pages and peak, so its peak is first reset to its pages (/proc/self/clear_refs, Linux 4.0).
Measured run_measured(const std::vector<std::string>& args) {
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    const pid_t child = fork();
    if (child == 0) {
        close(pipe_ends[0]);
        long grown = -1;
        int code = 1;
        {
            std::ofstream clear("/proc/self/clear_refs");
            clear << "5";
            clear.close();
            const bool reset = clear.good();
            const long start = status_kb("VmHWM:");
            std::vector<std::string> full{"claimtrack"};
            full.insert(full.end(), args.begin(), args.end());
            std::ostringstream out;
            std::ostringstream err;
            code = claimtrack::run_cli(full, out, err);
            if (reset) grown = status_kb("VmHWM:") - start;
        }
        const Measured measured{code, grown};
        const auto written = write(pipe_ends[1], &measured, sizeof measured);
        _exit(written == static_cast<ssize_t>(sizeof measured) ? 0 : 1);
    }
    close(pipe_ends[1]);
    Measured measured;
    const auto got = read(pipe_ends[0], &measured, sizeof measured);
    close(pipe_ends[0]);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(got == static_cast<ssize_t>(sizeof measured));
    return measured;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif
#else
constexpr bool k_sanitized = false;
#endif

}  // namespace

TEST_SUITE("e2e import stream markdown") {
    TEST_CASE("a streamed Markdown import stores what reading the file whole stores") {
        e2e::TempDir dir;
        const std::string path = dir.write("article.md", k_article);
        CHECK(streams(path));
        same_both_ways(dir, path, "article");
    }

    TEST_CASE("CRLF, a BOM, no last newline, --format markdown and a GBK file stream as read whole") {
        e2e::TempDir dir;
        std::string crlf;
        for (const char c : std::string(k_article)) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        const std::string bom = dir.write("bom.md", "\xEF\xBB\xBF" + crlf);
        CHECK(streams(bom));
        same_both_ways(dir, bom, "bom");
        std::string cut = k_article;
        cut.pop_back();
        same_both_ways(dir, dir.write("cut.markdown", cut), "cut");
        const std::string gbk = dir.write("gbk.md", e2e::encode_as(k_article, "GBK"));
        CHECK(streams(gbk));
        same_both_ways(dir, gbk, "gbk");
        auto options = options_for(dir.write("named.txt", k_article));
        options.format = "markdown";
        CHECK(app::detail::scan(options, article::Format::markdown).has_value());
        Store store(dir.file("named.db"));
        const auto imported = app::import_file(options, [&]() -> Store& { return store; });
        CHECK(store.article(imported.result.article)->format == "markdown");
    }

    TEST_CASE("a Markdown file longer than a read, with references defined at its end, streams as read whole") {
        e2e::TempDir dir;
        const std::string path = dir.write("long.md", generated((3u << 20) / 2));
        CHECK(streams(path));
        same_both_ways(dir, path, "long");
    }

    TEST_CASE("a label ending in white space at a soft line break makes the import read the file whole, storing the same") {
        e2e::TempDir dir;
        const std::string path = dir.write("inexact.md", "# Title\n\n中文[标签 ][r]\n字很多的一段文字。\n\n[r]: https://example.com/r\n");
        CHECK_FALSE(streams(path));
        same_both_ways(dir, path, "inexact");
    }

    TEST_CASE("importing the same Markdown again, streamed or read whole, finds the text already stored") {
        e2e::TempDir dir;
        const std::string path = dir.write("again.md", k_article);
        const std::string db = dir.file("t.db");
        {
            Store store(db);
            (void)app::import_article(store, app::read_article(options_for(path)).article);
        }
        const auto again = e2e::run({"--db", db, "import", path, "--date", "2025-11-10"});
        CHECK(again.code == 0);
        CHECK(again.out.find("already holds this text") != std::string::npos);
    }

    TEST_CASE("the peak memory of a streamed Markdown import does not grow with the file") {
        e2e::TempDir dir;
        // Under the sanitizers the sizes shrink and memory is not compared: their allocator keeps
        // freed memory aside for a while, so its peak grows with what was allocated.
        const std::size_t small = k_sanitized ? (1u << 20) : 5'000'000;
        const std::size_t large = k_sanitized ? (3u << 20) : 30'000'000;
        const std::string small_path = dir.write("small.md", generated(small));
        const std::string large_path = dir.write("large.md", generated(large));
        const Measured small_run = run_measured({"--db", dir.file("small.db"), "import", small_path, "--max-size", "0"});
        const Measured large_run = run_measured({"--db", dir.file("large.db"), "import", large_path, "--max-size", "0"});
        REQUIRE(small_run.code == 0);
        REQUIRE(large_run.code == 0);
        MESSAGE("peak memory above the start: " << small / 1'000'000 << " MB file " << small_run.grown_kb << " KB, "
                                                << large / 1'000'000 << " MB file " << large_run.grown_kb << " KB");
        if (small_run.grown_kb < 0 || large_run.grown_kb < 0) {
            MESSAGE("the peak resident memory cannot be reset here (/proc/self/clear_refs): not compared");
        } else if (!k_sanitized) {
            // Read whole, the 30 MB file alone would add over 25 MB (its body); streamed, it adds none.
            CHECK(large_run.grown_kb < small_run.grown_kb + 8 * 1024);
            // The measure sees a whole read: the same file with a construct that is read whole.
            const std::string whole_path = dir.write("whole.md", "中文[标签 ][r0]\n字\n\n" + generated(large));
            const Measured whole_run = run_measured({"--db", dir.file("whole.db"), "import", whole_path, "--max-size", "0"});
            REQUIRE(whole_run.code == 0);
            MESSAGE("read whole: " << whole_run.grown_kb << " KB");
            CHECK(whole_run.grown_kb > large_run.grown_kb + 25 * 1024);
        }
        Store store(dir.file("large.db"));
        const auto articles = store.articles();
        REQUIRE(articles.size() == 1);
        CHECK(articles.front().format == "markdown");
        CHECK(articles.front().sources.size() == 251);
    }
}
