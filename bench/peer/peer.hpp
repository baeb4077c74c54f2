#pragma once

// Run the peer extractor (Mozilla Readability on jsdom, bench/peer/readability.mjs) for
// `extract_eval --peer`, installing its npm packages into bench/peer/node_modules on first use.

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace peer {

namespace fs = std::filesystem;

struct Run {
    fs::path predictions;  // {id: {"articleBody": ...}}
    std::size_t pages = 0;
    double wall_seconds = 0;  // in jsdom + Readability only
    double cpu_seconds = 0;
};

// Return the folder holding readability.mjs and package.json (next to this header).
inline fs::path default_dir() { return fs::path(CLAIMTRACK_SOURCE_DIR) / "bench" / "peer"; }

inline std::string quoted(const fs::path& path) {
    std::string out = "'";
    for (const char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Return what `command` printed on stdout; throw when it fails.
inline std::string run(const std::string& command) {
    std::FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    const int status = pclose(pipe);
    if (status != 0) throw std::runtime_error("failed (status " + std::to_string(status) + "): " + command);
    return out;
}

// Install the peer's packages when they are missing (npm registry, into `dir`/node_modules).
inline void ensure_installed(const fs::path& dir) {
    if (fs::exists(dir / "node_modules" / "@mozilla" / "readability") && fs::exists(dir / "node_modules" / "jsdom")) return;
    std::fprintf(stderr, "extract_eval: installing @mozilla/readability and jsdom into %s\n",
                 (dir / "node_modules").c_str());
    run("npm install --prefix " + quoted(dir) + " --no-audit --no-fund --no-package-lock --loglevel=error 1>&2");
}

// Run Readability over `set` ("aeb" or "zh") of `data`, writing its predictions under `scratch`.
inline Run run_readability(const fs::path& dir, const fs::path& data, const std::string& set, const fs::path& scratch) {
    ensure_installed(dir);
    Run result;
    result.predictions = scratch / ("readability-" + set + ".json");
    const std::string out = run("node " + quoted(dir / "readability.mjs") + " " + set + " " + quoted(data) + " " +
                                quoted(result.predictions));
    const std::size_t at = out.rfind("pages ");
    if (at == std::string::npos ||
        std::sscanf(out.c_str() + at, "pages %zu wall %lf cpu %lf", &result.pages, &result.wall_seconds,
                    &result.cpu_seconds) != 3)
        throw std::runtime_error("unexpected output from readability.mjs: " + out);
    return result;
}

}  // namespace peer
