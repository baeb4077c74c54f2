// Main-text extraction quality and speed on public page sets.
// Usage: extract_eval DATA_DIR [--set aeb|zh|traf|gne] [--predictions FILE] [--worst N] [--peer [--peer-dir DIR]]
//   aeb  DATA_DIR/article-extraction-benchmark: 4-token shingles of \w+ runs, scored per page the way
//        the benchmark's evaluate.py does (tp/fp/fn normalised per page, P and R averaged, F1 of the means).
//   zh   DATA_DIR/chinese-web-content-extraction: the same with single letters/digits as tokens, plus the
//        date and author fields against their gold files.
//   traf DATA_DIR/trafilatura-eval-subset: share of `with` snippets found and `without` snippets leaked.
//   gne  DATA_DIR/gne-chinese-news-pages (no gold): every page must give a non-empty title and main
//        text; prints the counts and lists the pages that do not (and those with under 100 letters).
// --worst N lists the N pages with the fewest shared shingles; --dump DIR writes our text of each page;
// --repeat N extracts each page N times (speed over all runs; for steadier figures and for profiling).
// --predictions scores a JSON {id: {"articleBody": ...}} (another extractor's output) instead of ours.
// --peer (aeb, zh) also runs Mozilla Readability on jsdom (bench/peer, npm packages installed there on
//        first use) over the same pages and prints its scores and speed beside ours.
// Speed is pages per second of CPU time in extraction on one thread (wall clock beside it: on a
// shared machine the wall clock mostly measures the other processes).

#include "peer/peer.hpp"

#include <claimtrack/bytes.hpp>
#include <claimtrack/html.hpp>

#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    std::string data = out.str();
    return path.extension() == ".gz" ? claimtrack::bytes::gunzip(data) : data;
}

// Decode one code point at `i` (advancing it); invalid bytes come back as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i++]);
    if (b0 < 0x80) return b0;
    const int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t cp = b0 & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

// Return true for letters and digits, approximating Python's str.isalnum() from block ranges:
// punctuation, symbols, marks, emoji and private use are not; other scripts' letters are.
bool is_alnum(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0x100) {
        return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA ||
               in(cp, 0xBC, 0xBE) || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
    }
    if (in(cp, 0x02B0, 0x02FF)) return in(cp, 0x02B0, 0x02C1) || in(cp, 0x02C6, 0x02D1) || in(cp, 0x02E0, 0x02E4);
    if (in(cp, 0x0300, 0x036F)) return false;                          // combining marks
    if (in(cp, 0x2000, 0x2BFF)) return in(cp, 0x2070, 0x2079) || in(cp, 0x2150, 0x218F) || in(cp, 0x2460, 0x249B);
    if (in(cp, 0x2E00, 0x2E7F)) return false;                          // supplemental punctuation
    if (in(cp, 0x3000, 0x303F)) {                                      // CJK symbols and punctuation
        return in(cp, 0x3005, 0x3007) || in(cp, 0x3021, 0x3029) || in(cp, 0x3031, 0x3035) || in(cp, 0x3038, 0x303C);
    }
    if (cp == 0x30A0 || cp == 0x30FB || cp == 0x309B || cp == 0x309C) return false;
    if (in(cp, 0xD800, 0xF8FF) || in(cp, 0xFE00, 0xFE6F) || cp == 0xFFFD) return false;
    if (in(cp, 0xFF00, 0xFFEF)) return in(cp, 0xFF10, 0xFF19) || in(cp, 0xFF21, 0xFF3A) || in(cp, 0xFF41, 0xFF5A) || in(cp, 0xFF66, 0xFFDC);
    if (in(cp, 0x1F000, 0x1FAFF)) return false;                        // emoji and pictographs
    return true;
}

enum class Tokens { word_runs, characters };

// Return the tokens of `text`: `\w+` runs, or each letter/digit on its own.
std::vector<std::string> tokenize(std::string_view text, Tokens mode) {
    std::vector<std::string> out;
    std::string run;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(text, i);
        const bool word = is_alnum(cp) || (mode == Tokens::word_runs && cp == '_');
        if (word && mode == Tokens::characters) {
            out.emplace_back(text.substr(start, i - start));
        } else if (word) {
            run.append(text.substr(start, i - start));
        } else if (!run.empty()) {
            out.push_back(std::move(run));
            run.clear();
        }
    }
    if (!run.empty()) out.push_back(std::move(run));
    return out;
}

// Return the multiset of `n`-token shingles; a text shorter than `n` tokens is one shingle.
std::unordered_map<std::string, int> shingles(const std::vector<std::string>& tokens, std::size_t n) {
    std::unordered_map<std::string, int> out;
    const std::size_t count = tokens.size() >= n ? tokens.size() - n + 1 : 1;
    for (std::size_t i = 0; i < count && i < tokens.size(); ++i) {
        std::string key;
        for (std::size_t k = i; k < i + n && k < tokens.size(); ++k) {
            key += tokens[k];
            key += '\x1F';
        }
        ++out[key];
    }
    return out;
}

struct Match {
    double tp = 0, fp = 0, fn = 0;  // normalised to sum 1 (all 0 when both texts are empty)
};

Match shingle_match(std::string_view truth, std::string_view predicted, Tokens mode) {
    const auto t = shingles(tokenize(truth, mode), 4);
    auto p = shingles(tokenize(predicted, mode), 4);
    Match m;
    for (const auto& [key, count] : t) {
        const auto found = p.find(key);
        const int other = found == p.end() ? 0 : found->second;
        m.tp += std::min(count, other);
        m.fn += std::max(0, count - other);
        if (found != p.end()) found->second = std::max(0, other - count);
    }
    for (const auto& [key, count] : p) m.fp += count;
    const double sum = m.tp + m.fp + m.fn;
    if (sum > 0) m = {m.tp / sum, m.fp / sum, m.fn / sum};
    return m;
}

double precision_of(const Match& m) {
    if (m.fp == 0 && m.fn == 0) return 1.0;
    return m.tp == 0 && m.fp == 0 ? 0.0 : m.tp / (m.tp + m.fp);
}

double recall_of(const Match& m) {
    if (m.fp == 0 && m.fn == 0) return 1.0;
    return m.tp == 0 && m.fn == 0 ? 0.0 : m.tp / (m.tp + m.fn);
}

struct PageScore {
    std::string id;
    Match match;
};

struct Summary {
    double precision = 0, recall = 0, f1 = 0;
};

// Return P, R and F1 as evaluate.py computes them: means over pages that predicted (P) or expected (R) text.
Summary summarize(const std::vector<PageScore>& pages) {
    double p_sum = 0, r_sum = 0;
    std::size_t p_n = 0, r_n = 0;
    for (const PageScore& page : pages) {
        if (page.match.tp + page.match.fp > 0) p_sum += precision_of(page.match), ++p_n;
        if (page.match.tp + page.match.fn > 0) r_sum += recall_of(page.match), ++r_n;
    }
    Summary out;
    out.precision = p_n ? p_sum / static_cast<double>(p_n) : 0.0;
    out.recall = r_n ? r_sum / static_cast<double>(r_n) : 0.0;
    const double sum = out.precision + out.recall;
    out.f1 = sum > 0 ? 2 * out.precision * out.recall / sum : 0.0;
    return out;
}

void print_scores(const std::vector<PageScore>& pages, std::size_t worst) {
    const Summary s = summarize(pages);
    std::printf("pages %zu  precision %.4f  recall %.4f  F1 %.4f\n", pages.size(), s.precision, s.recall, s.f1);
    std::vector<PageScore> sorted = pages;
    std::sort(sorted.begin(), sorted.end(), [](const PageScore& a, const PageScore& b) { return a.match.tp < b.match.tp; });
    for (std::size_t i = 0; i < worst && i < sorted.size(); ++i) {
        const Match& m = sorted[i].match;
        std::printf("  worst %-40.40s  P %.3f  R %.3f\n", sorted[i].id.c_str(), precision_of(m), recall_of(m));
    }
}

double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double per_second(std::size_t pages, double seconds) { return seconds > 0 ? static_cast<double>(pages) / seconds : 0.0; }

// Times the extraction of each page, `repeat` times over (the scores use the last run).
struct Timer {
    double wall = 0;
    double cpu = 0;
    std::size_t pages = 0;
    std::size_t repeat = 1;
    claimtrack::html::Document run(std::string_view bytes, std::string_view url) {
        const auto start = Clock::now();
        const double start_cpu = thread_cpu_seconds();
        claimtrack::html::Document doc;
        for (std::size_t i = 0; i < repeat; ++i) doc = claimtrack::html::extract(bytes, "text/html", url);
        cpu += thread_cpu_seconds() - start_cpu;
        wall += std::chrono::duration<double>(Clock::now() - start).count();
        pages += repeat;
        return doc;
    }
    void print() const {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("speed %.1f pages/s of CPU time (%zu pages, %.2f s CPU, %.2f s wall = %.1f pages/s, one thread)  "
                    "peak memory %.1f MB\n",
                    per_second(pages, cpu), pages, cpu, wall, per_second(pages, wall),
                    static_cast<double>(usage.ru_maxrss) / 1024.0);
    }
};

struct Options {
    fs::path data;
    std::string set = "aeb";
    std::optional<fs::path> predictions;
    std::size_t worst = 0;
    std::optional<fs::path> dump;  // write our text of each page to DIR/<id>.txt
    bool peer = false;
    std::size_t repeat = 1;  // extract each page this many times, for steadier speed figures and profiles
    fs::path peer_dir = peer::default_dir();
};

nlohmann::json load_json(const fs::path& path) { return nlohmann::json::parse(read_file(path)); }

std::string body_of(const nlohmann::json& entry) { return entry.value("articleBody", std::string()); }

// Score gold {id: {articleBody}} against predictions {id: {articleBody}} (missing ids predict nothing).
std::vector<PageScore> score_predictions(const nlohmann::json& gold, const fs::path& predictions, Tokens mode) {
    const nlohmann::json predicted = load_json(predictions);
    std::vector<PageScore> pages;
    for (const auto& [id, entry] : gold.items()) {
        const std::string text = predicted.contains(id) ? body_of(predicted[id]) : std::string();
        pages.push_back({id, shingle_match(body_of(entry), text, mode)});
    }
    return pages;
}

// Score one gold set of {id: {articleBody}} against our extraction of `page_of(id)` (or predictions).
std::vector<PageScore> score_set(const nlohmann::json& gold, const Options& options, Tokens mode, Timer& timer,
                                 const auto& page_of, const auto& on_doc) {
    if (options.predictions) return score_predictions(gold, *options.predictions, mode);
    std::vector<PageScore> pages;
    for (const auto& [id, entry] : gold.items()) {
        std::string text;
        {
            const claimtrack::html::Document doc = timer.run(read_file(page_of(id)), entry.value("url", std::string()));
            on_doc(id, doc);
            text = doc.text;
            if (options.dump) std::ofstream(*options.dump / (id + ".txt"), std::ios::binary) << text;
        }
        pages.push_back({id, shingle_match(body_of(entry), text, mode)});
    }
    return pages;
}

// Run Readability on the same pages and print its scores and speed beside `ours`.
void print_peer(const Options& options, const nlohmann::json& gold, Tokens mode, const std::vector<PageScore>& ours,
                const Timer& timer) {
    const fs::path scratch = fs::temp_directory_path();
    const peer::Run run = peer::run_readability(options.peer_dir, options.data, options.set, scratch);
    const Summary theirs = summarize(score_predictions(gold, run.predictions, mode));
    const Summary mine = summarize(ours);
    std::printf("\nside by side (same pages, same scorer, one thread; pages/s of CPU time, wall clock in brackets)\n");
    std::printf("  %-26s %9s %7s %7s %10s %12s\n", "extractor", "precision", "recall", "F1", "pages/s", "(wall)");
    std::printf("  %-26s %9.4f %7.4f %7.4f %10.1f %12.1f\n", "claimtrack", mine.precision, mine.recall, mine.f1,
                per_second(timer.pages, timer.cpu), per_second(timer.pages, timer.wall));
    std::printf("  %-26s %9.4f %7.4f %7.4f %10.1f %12.1f\n", "readability 0.6.0 + jsdom", theirs.precision,
                theirs.recall, theirs.f1, per_second(run.pages, run.cpu_seconds), per_second(run.pages, run.wall_seconds));
    std::printf("  (Readability's predictions: %s)\n", run.predictions.c_str());
}

int run_aeb(const Options& options) {
    const fs::path dir = options.data / "article-extraction-benchmark";
    const nlohmann::json gold = load_json(dir / "ground-truth.json");
    Timer timer{.repeat = options.repeat};
    const auto pages = score_set(
        gold, options, Tokens::word_runs, timer,
        [&dir](const std::string& id) { return dir / "html" / (id + ".html.gz"); },
        [](const std::string&, const claimtrack::html::Document&) {});
    std::printf("article-extraction-benchmark (\\w+ tokens, 4-token shingles)\n");
    print_scores(pages, options.worst);
    if (!options.predictions) timer.print();
    if (options.peer) print_peer(options, gold, Tokens::word_runs, pages, timer);
    return 0;
}

// Return the numbers in `value` ("2005-5-7 21:23:57" -> 2005 5 7 21 23 57).
std::vector<int> numbers_in(std::string_view value) {
    std::vector<int> out;
    for (std::size_t i = 0; i < value.size();) {
        if (value[i] < '0' || value[i] > '9') {
            ++i;
            continue;
        }
        int n = 0;
        while (i < value.size() && value[i] >= '0' && value[i] <= '9') n = n * 10 + (value[i++] - '0');
        out.push_back(n);
    }
    return out;
}

// Return true if `ours` agrees with every date field `gold` gives, up to the day (year, month, day).
bool same_date(std::string_view gold, std::string_view ours) {
    const std::vector<int> g = numbers_in(gold);
    const std::vector<int> o = numbers_in(ours);
    const std::size_t fields = std::min<std::size_t>(g.size(), 3);
    if (fields == 0 || o.size() < fields) return false;
    return std::equal(g.begin(), g.begin() + static_cast<std::ptrdiff_t>(fields), o.begin());
}

// Return `name` without spaces and list separators, for comparing author fields.
std::string squeeze(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(name, i);
        if (cp == ' ' || cp == 0x3000 || cp == 0xA0 || cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == '&' || cp == '/' || cp == ';') continue;
        out.append(name.substr(start, i - start));
    }
    return out;
}

bool is_unknown(std::string_view gold) {
    const std::string s = squeeze(gold);
    return s.empty() || s == "UNKNOWN" || s == "UNKNWON";
}

struct FieldScore {
    std::size_t known = 0, known_right = 0, unknown = 0, unknown_empty = 0;
    void add(std::string_view gold, std::string_view ours, bool right) {
        if (is_unknown(gold)) {
            ++unknown;
            unknown_empty += ours.empty() ? 1 : 0;
        } else {
            ++known;
            known_right += right ? 1 : 0;
        }
    }
    void print(const char* name) const {
        std::printf("%s right on %zu/%zu pages that have one; left empty on %zu/%zu pages that have none\n", name,
                    known_right, known, unknown_empty, unknown);
    }
};

int run_zh(const Options& options) {
    const fs::path dir = options.data / "chinese-web-content-extraction";
    const nlohmann::json dates = load_json(dir / "eval" / "date_ground.json");
    const nlohmann::json authors = load_json(dir / "eval" / "author_ground.json");
    FieldScore date_score, author_score;
    const nlohmann::json gold = load_json(dir / "eval" / "cleaned_ground.json");
    Timer timer{.repeat = options.repeat};
    const auto pages = score_set(
        gold, options, Tokens::characters, timer,
        [&dir](const std::string& id) { return dir / "original" / (id + ".html"); },
        [&](const std::string& id, const claimtrack::html::Document& doc) {
            const std::string gold_date = dates.contains(id) ? body_of(dates[id]) : "";
            const std::string gold_author = authors.contains(id) ? body_of(authors[id]) : "";
            date_score.add(gold_date, doc.published, same_date(gold_date, doc.published));
            author_score.add(gold_author, doc.author, !doc.author.empty() && squeeze(gold_author) == squeeze(doc.author));
            if (options.worst > 0) {
                std::printf("  %.8s date %-20s gold %-20s author %-16s gold %s\n", id.c_str(), doc.published.c_str(),
                            gold_date.c_str(), doc.author.c_str(), gold_author.c_str());
            }
        });
    std::printf("chinese-web-content-extraction (single letters/digits, 4-token shingles)\n");
    print_scores(pages, options.worst);
    if (!options.predictions) {
        date_score.print("date (to the day)");
        author_score.print("author");
        timer.print();
    }
    if (options.peer) print_peer(options, gold, Tokens::characters, pages, timer);
    return 0;
}

std::string normalize_space(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

int run_traf(const Options& options) {
    const fs::path dir = options.data / "trafilatura-eval-subset";
    const nlohmann::json pages = load_json(dir / "evaldata.subset.json");
    std::size_t tp = 0, fn = 0, fp = 0, tn = 0;
    Timer timer{.repeat = options.repeat};
    for (const auto& [url, entry] : pages.items()) {
        const claimtrack::html::Document doc = timer.run(read_file(dir / entry.value("stored_html", std::string())), url);
        const std::string text = normalize_space(doc.title + "\n" + doc.text);
        for (const auto& snippet : entry.value("with", nlohmann::json::array())) {
            const bool found = text.find(normalize_space(snippet.get<std::string>())) != std::string::npos;
            (found ? tp : fn) += 1;
            if (!found && options.worst > 0) std::printf("  missed  %-50.50s %s\n", url.c_str(), snippet.get<std::string>().c_str());
        }
        for (const auto& snippet : entry.value("without", nlohmann::json::array())) {
            const bool found = text.find(normalize_space(snippet.get<std::string>())) != std::string::npos;
            (found ? fp : tn) += 1;
            if (found && options.worst > 0) std::printf("  leaked  %-50.50s %s\n", url.c_str(), snippet.get<std::string>().c_str());
        }
    }
    const auto share = [](std::size_t a, std::size_t b) { return a + b ? static_cast<double>(a) / static_cast<double>(a + b) : 0.0; };
    const double p = share(tp, fp), r = share(tp, fn);
    std::printf("trafilatura-eval-subset (%zu pages)\n", pages.size());
    std::printf("with snippets found %zu/%zu (%.4f)  without snippets leaked %zu/%zu (%.4f)\n", tp, tp + fn, r, fp,
                fp + tn, share(fp, tn));
    std::printf("precision %.4f  recall %.4f  F1 %.4f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    timer.print();
    return 0;
}

// Return the number of letters and digits in `text` (what the zh scorer counts as tokens).
std::size_t letters_in(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) count += is_alnum(next_code_point(text, i)) ? 1 : 0;
    return count;
}

// The gne pages are stored as html/<upstream path with '/' -> "__">.html.gz, saved by a browser
// (most as UTF-8 whatever their <meta> says; a few GBK ones keep their <meta charset>), so they are
// decoded the way a fetched page is: no header charset, then BOM, <meta>, detection.
int run_gne(const Options& options) {
    constexpr std::size_t k_short = 100;  // letters of main text below which a page is listed as short
    const fs::path dir = options.data / "gne-chinese-news-pages" / "html";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().string().ends_with(".html.gz")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    Timer timer{.repeat = options.repeat};
    std::size_t titled = 0, with_text = 0, both = 0;
    std::vector<std::string> failing, short_text;
    for (const fs::path& file : files) {
        const std::string id = file.filename().string().substr(0, file.filename().string().size() - 8);
        const claimtrack::html::Document doc = timer.run(read_file(file), "");
        const std::size_t letters = letters_in(doc.text);
        titled += doc.title.empty() ? 0 : 1;
        with_text += doc.text.empty() ? 0 : 1;
        both += !doc.title.empty() && !doc.text.empty() ? 1 : 0;
        if (doc.title.empty() || doc.text.empty()) {
            failing.push_back(id + (doc.title.empty() ? "  (no title)" : "") + (doc.text.empty() ? "  (no text)" : ""));
        } else if (letters < k_short) {
            short_text.push_back(id + "  (" + std::to_string(letters) + " letters)");
        }
        if (options.worst > 0) {
            std::printf("  %-36.36s %-8s %6zu letters  title %.60s\n", id.c_str(), doc.charset.c_str(), letters,
                        doc.title.c_str());
        }
        if (options.dump) std::ofstream(*options.dump / (id + ".txt"), std::ios::binary) << doc.title << "\n\n" << doc.text;
    }
    std::printf("gne-chinese-news-pages (%zu pages, no gold: non-empty title and main text)\n", files.size());
    std::printf("title %zu/%zu  main text %zu/%zu  both %zu/%zu\n", titled, files.size(), with_text, files.size(), both,
                files.size());
    for (const std::string& page : failing) std::printf("  fails  %s\n", page.c_str());
    for (const std::string& page : short_text) std::printf("  short  %s\n", page.c_str());
    timer.print();
    return both == files.size() ? 0 : 3;
}

std::optional<Options> parse_args(int argc, char** argv) {
    if (argc < 2) return std::nullopt;
    Options options;
    options.data = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--peer") {
            options.peer = true;
            continue;
        }
        if (i + 1 >= argc) return std::nullopt;
        if (arg == "--set") options.set = argv[++i];
        else if (arg == "--predictions") options.predictions = argv[++i];
        else if (arg == "--worst") options.worst = std::stoul(argv[++i]);
        else if (arg == "--dump") options.dump = argv[++i];
        else if (arg == "--repeat") options.repeat = std::max<std::size_t>(1, std::stoul(argv[++i]));
        else if (arg == "--peer-dir") options.peer_dir = argv[++i];
        else return std::nullopt;
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parse_args(argc, argv);
    if (!options) {
        std::cerr << "usage: extract_eval DATA_DIR [--set aeb|zh|traf|gne] [--predictions FILE] [--worst N] [--dump DIR] [--repeat N] "
                     "[--peer [--peer-dir DIR]]\n";
        return 2;
    }
    try {
        if (options->set == "aeb") return run_aeb(*options);
        if (options->set == "zh") return run_zh(*options);
        if (options->set == "traf") return run_traf(*options);
        if (options->set == "gne") return run_gne(*options);
        std::cerr << "extract_eval: unknown set " << options->set << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "extract_eval: " << e.what() << "\n";
        return 1;
    }
}
