// Import speed on real news text: the hand-checked article bodies of two public data sets, English
// (article-extraction-benchmark, 181 pages) and Chinese (chinese-web-content-extraction, 35 pages),
// taken in turn and repeated into one plain-text article of the size asked. claims_speed measures
// our generated corpus, whose every sentence is built to hold a claim (about 17 claims per KB);
// real articles hold far fewer (the reference article about 4 per KB), so this is the speed a
// newsroom would see. Each size runs in its own process, as the CLI imports a file.
//
//   import_speed_real [--data DIR] [MB ...]     DIR defaults to ../shared/data; sizes to 5 20
#include <claimtrack/app.hpp>
#include <claimtrack/store.hpp>

#include "process_stats.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace claimtrack;
namespace fs = std::filesystem;

// The `articleBody` of every entry of a ground-truth file (an object of objects).
std::vector<std::string> bodies(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    const auto json = nlohmann::json::parse(in);
    std::vector<std::string> out;
    for (const auto& [key, entry] : json.items()) {
        if (entry.contains("articleBody") && entry["articleBody"].is_string()) out.push_back(entry["articleBody"].get<std::string>());
    }
    if (out.empty()) throw std::runtime_error(file.string() + " has no articleBody");
    return out;
}

// Write about `bytes` of English and Chinese article bodies in turn, with a title.
void write_corpus(const fs::path& path, std::size_t bytes, const std::vector<std::string>& english,
                  const std::vector<std::string>& chinese) {
    std::ofstream out(path, std::ios::binary);
    out << "News of the week, in two languages\n\n";
    std::size_t written = 0;
    for (std::size_t i = 0; written < bytes; ++i) {
        const std::string& body = i % 2 == 0 ? english[(i / 2) % english.size()] : chinese[(i / 2) % chinese.size()];
        out << body << "\n\n";
        written += body.size() + 2;
    }
}

using bench::cpu_now;
using bench::peak_rss_kb;

// Import `corpus` as the CLI does (app::import_file) into a new database and print one row.
int measure(const fs::path& corpus, const fs::path& db) {
    const auto bytes = static_cast<double>(fs::file_size(corpus));
    const double size_mb = bytes / (1024.0 * 1024.0);
    fs::remove(db);
    const auto wall = std::chrono::steady_clock::now();
    const double start = cpu_now();
    Store store(db.string());
    app::ImportOptions options;
    options.path = corpus.string();
    options.date = "2025-11-10";
    const app::ImportedFile imported = app::import_file(options, [&]() -> Store& { return store; });
    const double seconds = cpu_now() - start;
    std::printf("%6.1f MB real news  streamed import %6.1f MB/s (%5.2f s CPU, %5.2f s wall)  %8zu claims (%.1f per KB)  "
                "peak RSS %6.1f MB\n",
                size_mb, size_mb / seconds, seconds,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(), imported.result.claims,
                static_cast<double>(imported.result.claims) * 1024.0 / bytes, static_cast<double>(peak_rss_kb()) / 1024.0);
    std::fflush(stdout);
    return imported.result.claims > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = fs::path(CLAIMTRACK_SOURCE_DIR) / ".." / "shared" / "data";
    std::vector<double> sizes;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--data" && i + 1 < argc) {
            data = argv[++i];
        } else if (!arg.empty() && arg.find_first_not_of("0123456789.") == std::string::npos && arg != ".") {
            sizes.push_back(std::stod(arg));
        } else {
            std::fprintf(stderr, "usage: import_speed_real [--data DIR] [MB ...]\n");
            return 2;
        }
    }
    if (sizes.empty()) sizes = {5, 20};
    try {
        const auto english = bodies(data / "article-extraction-benchmark" / "ground-truth.json");
        const auto chinese = bodies(data / "chinese-web-content-extraction" / "eval" / "cleaned_ground.json");
        const fs::path dir = fs::temp_directory_path() / ("import-speed-real-" + std::to_string(getpid()));
        fs::create_directories(dir);
        int failed = 0;
        for (const double megabytes : sizes) {
            const fs::path corpus = dir / "corpus.txt";
            write_corpus(corpus, static_cast<std::size_t>(megabytes * 1024.0 * 1024.0), english, chinese);
            if (bench::in_child("import_speed_real", corpus.string(), [&] { return measure(corpus, dir / "real.db"); }) != 0) ++failed;
        }
        fs::remove_all(dir);
        return failed == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "import_speed_real: %s\n", e.what());
        return 1;
    }
}
