// Throughput of our fetcher against a loopback server of its own, beside curl --parallel and
// aria2c on the same URL list, in the same run.
// Usage: fetch_bench [--count N] [--jobs J] [--per-host P] [--small-bytes B] [--large-bytes B]
//                    [--large-every K] [--latency-ms MS] [--time-limit S] [--runs R] [--no-curl] [--no-aria2]
// Defaults: 1,000 URLs of ~50 KB, 100 ms latency, jobs 64, per host 64, 3 runs (the median is shown).
// Every K-th URL is a large response (K = 0: none); each response is held back MS first.

#include "fetch_bench_server.hpp"

#include <claimtrack/fetch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace {

using bench::Clock;

struct Settings {
    int count = 1000;
    int jobs = 64;
    int per_host = 0;  // 0: same as jobs, as curl --parallel has no per-host cap
    std::size_t small_bytes = 50u << 10;
    std::size_t large_bytes = 1u << 20;
    int large_every = 0;
    int latency_ms = 100;
    int time_limit_s = 120;
    int runs = 3;
    bool curl = true;
    bool aria2 = true;
};

struct Figures {
    double seconds = 0;
    std::size_t ok = 0;
    std::size_t failed = 0;
    double bytes = 0;
    std::vector<double> latencies;  // seconds; empty when the client does not say
    long peak_rss_kb = 0;
    double cpu_seconds = 0;  // user + system of the client
};

double cpu_seconds(const rusage& usage) {
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

void print(const std::string& name, const Figures& f) {
    const double n = static_cast<double>(f.ok + f.failed);
    std::printf("  %-22s %6.2f s %7.0f req/s %7.1f MB/s  median %6.1f ms  p95 %6.1f ms  cpu %5.2f s  peak RSS %6.1f MB  ok %zu failed %zu\n",
                name.c_str(), f.seconds, n / f.seconds, f.bytes / 1e6 / f.seconds, percentile(f.latencies, 0.5) * 1e3,
                percentile(f.latencies, 0.95) * 1e3, f.cpu_seconds, static_cast<double>(f.peak_rss_kb) / 1024.0, f.ok, f.failed);
}

Figures run_ours(const std::vector<std::string>& urls, const Settings& settings) {
    std::vector<claimtrack::fetch::Request> requests;
    for (const std::string& url : urls) requests.push_back({url, "", ""});
    std::vector<Clock::time_point> started(urls.size());
    std::atomic<bool> cancel{false};
    claimtrack::fetch::Options options;
    options.jobs = settings.jobs;
    options.per_host = settings.per_host > 0 ? settings.per_host : settings.jobs;
    options.private_addresses = claimtrack::fetch::PrivateAddresses::allow;
    options.timeout_ms = settings.time_limit_s * 1000L;
    options.cancel = &cancel;
    options.on_start = [&](std::size_t index, int) { started[index] = Clock::now(); };
    options.on_progress = [&](const claimtrack::fetch::Progress& progress) {
        if (progress.seconds > settings.time_limit_s) cancel = true;
    };
    Figures figures;
    rusage before{};
    ::getrusage(RUSAGE_SELF, &before);
    const auto begin = Clock::now();
    claimtrack::fetch::fetch_all(requests, options, [&](std::size_t index, claimtrack::FetchResult result) {
        figures.latencies.push_back(std::chrono::duration<double>(Clock::now() - started[index]).count());
        ++(result.http_status == 200 ? figures.ok : figures.failed);
        figures.bytes += static_cast<double>(result.body.size());
    });
    figures.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    figures.peak_rss_kb = usage.ru_maxrss;
    figures.cpu_seconds = cpu_seconds(usage) - cpu_seconds(before);
    return figures;
}

struct Child {
    std::string out;
    int status = -1;
    double seconds = 0;
    long peak_rss_kb = 0;
    double cpu_seconds = 0;
};

// Run `argv` as a child with stdout captured and stderr dropped; time it and take its own peak RSS.
Child run_child(const std::vector<std::string>& argv) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    Child child;
    const auto begin = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::close(fds[0]);
        ::close(fds[1]);
        std::freopen("/dev/null", "w", stderr);
        std::vector<char*> args;
        for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    char buffer[65536];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) child.out.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    rusage usage{};
    ::wait4(pid, &child.status, 0, &usage);
    child.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    child.peak_rss_kb = usage.ru_maxrss;
    child.cpu_seconds = cpu_seconds(usage);
    return child;
}

std::string scratch(const std::string& name) { return "/tmp/fetch_bench_" + std::to_string(::getpid()) + "_" + name; }

// curl writes every body to /dev/null and prints one line per transfer for the figures.
std::vector<std::string> curl_command(const Settings& settings, const std::string& list) {
    return {"/usr/bin/curl", "--parallel", "--parallel-max", std::to_string(settings.jobs), "--silent", "--max-time",
            std::to_string(settings.time_limit_s), "-K", list, "-w", "%{time_total} %{size_download} %{http_code}\\n"};
}

// aria2c must write files, and it fsyncs each one as it completes: on a real disk shared with
// other work that alone took 33 s for 1,000 pages. On tmpfs the fsync costs nothing, which is
// fair to a peer that is measured beside clients writing to /dev/null or to memory.
std::string aria2_directory() {
    const bool shm = ::access("/dev/shm", W_OK) == 0;
    return (shm ? "/dev/shm/fetch_bench_" + std::to_string(::getpid()) + "_aria2" : scratch("aria2"));
}

// aria2c with keep-alive (its default), one connection per download (a 50 KB page is never
// split), no .aria2 control files saved, no console readout or periodic summary.
std::vector<std::string> aria2_command(const Settings& settings, const std::string& list, const std::string& directory) {
    return {"/usr/bin/aria2c", "-i", list, "-j", std::to_string(settings.jobs), "--max-connection-per-server=1", "--split=1",
            "-d", directory, "--quiet", "--console-log-level=error", "--summary-interval=0", "--file-allocation=none",
            "--allow-overwrite=true", "--auto-file-renaming=false", "--auto-save-interval=0", "--enable-http-keep-alive=true",
            "--timeout", std::to_string(settings.time_limit_s)};
}

std::string joined(const std::vector<std::string>& words) {
    std::string line;
    for (const std::string& word : words) line += (line.empty() ? "" : " ") + word;
    return line;
}

Figures run_curl(const std::vector<std::string>& urls, const Settings& settings) {
    const std::string list = scratch("curl.txt");
    {
        std::ofstream out(list);
        for (const std::string& url : urls) out << "url = \"" << url << "\"\noutput = \"/dev/null\"\n";
    }
    const Child child = run_child(curl_command(settings, list));
    std::remove(list.c_str());
    Figures figures;
    figures.seconds = child.seconds;
    figures.peak_rss_kb = child.peak_rss_kb;
    figures.cpu_seconds = child.cpu_seconds;
    std::istringstream lines(child.out);
    double seconds = 0;
    double size = 0;
    int code = 0;
    while (lines >> seconds >> size >> code) {
        figures.latencies.push_back(seconds);
        ++(code == 200 ? figures.ok : figures.failed);
        figures.bytes += size;
    }
    return figures;
}

Figures run_aria2(const std::vector<std::string>& urls, const Settings& settings) {
    const std::string list = scratch("aria2.txt");
    const std::string directory = aria2_directory();
    std::filesystem::create_directories(directory);
    {
        std::ofstream out(list);
        for (std::size_t i = 0; i < urls.size(); ++i) out << urls[i] << "\n  out=" << i << ".html\n";
    }
    const Child child = run_child(aria2_command(settings, list, directory));
    Figures figures;
    figures.seconds = child.seconds;
    figures.peak_rss_kb = child.peak_rss_kb;
    figures.cpu_seconds = child.cpu_seconds;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".html") continue;
        ++figures.ok;
        figures.bytes += static_cast<double>(entry.file_size());
    }
    figures.failed = urls.size() - std::min(urls.size(), figures.ok);
    std::filesystem::remove_all(directory);
    std::remove(list.c_str());
    return figures;
}

Settings parse(int argc, char** argv) {
    Settings s;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto number = [&] { return i + 1 < argc ? std::atol(argv[++i]) : 0L; };
        if (arg == "--count") s.count = static_cast<int>(std::clamp(number(), 1L, 100'000L));
        else if (arg == "--jobs") s.jobs = static_cast<int>(std::clamp(number(), 1L, 1024L));
        else if (arg == "--per-host") s.per_host = static_cast<int>(std::clamp(number(), 1L, 1024L));
        else if (arg == "--small-bytes") s.small_bytes = static_cast<std::size_t>(std::clamp(number(), 64L, 1L << 24));
        else if (arg == "--large-bytes") s.large_bytes = static_cast<std::size_t>(std::clamp(number(), 64L, 1L << 26));
        else if (arg == "--large-every") s.large_every = static_cast<int>(std::clamp(number(), 0L, 100'000L));
        else if (arg == "--latency-ms") s.latency_ms = static_cast<int>(std::clamp(number(), 0L, 10'000L));
        else if (arg == "--time-limit") s.time_limit_s = static_cast<int>(std::clamp(number(), 1L, 3600L));
        else if (arg == "--runs") s.runs = static_cast<int>(std::clamp(number(), 1L, 25L));
        else if (arg == "--no-curl") s.curl = false;
        else if (arg == "--no-aria2") s.aria2 = false;
        else throw std::runtime_error("unknown option " + std::string(arg));
    }
    return s;
}

// Return the run with the median wall time.
Figures median(std::vector<Figures> runs) {
    std::sort(runs.begin(), runs.end(), [](const Figures& a, const Figures& b) { return a.seconds < b.seconds; });
    return runs[runs.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Settings settings = parse(argc, argv);
        bench::LoopServer server(settings.small_bytes, settings.large_bytes, std::chrono::milliseconds(settings.latency_ms));
        std::vector<std::string> urls;
        for (int i = 0; i < settings.count; ++i) {
            urls.push_back(server.url(settings.large_every > 0 && i % settings.large_every == settings.large_every - 1, i));
        }
        const int per_host = settings.per_host > 0 ? settings.per_host : settings.jobs;
        std::printf("%d URLs on one loopback host (%zu B pages, every %d-th %zu B, latency %d ms), jobs %d, per host %d\n",
                    settings.count, settings.small_bytes, settings.large_every, settings.large_every > 0 ? settings.large_bytes : 0,
                    settings.latency_ms, settings.jobs, per_host);
        std::printf("options:\n  claimtrack fetch_all: jobs %d, per host %d, keep-alive, in-memory bodies\n", settings.jobs, per_host);
        if (settings.curl) std::printf("  curl: %s\n", joined(curl_command(settings, "LIST")).c_str());
        if (settings.aria2) std::printf("  aria2c: %s\n", joined(aria2_command(settings, "LIST", aria2_directory())).c_str());
        const double ideal = settings.count * settings.latency_ms / 1e3 / settings.jobs;
        if (settings.latency_ms > 0) std::printf("ideal (count x latency / jobs): %.2f s\n", ideal);

        std::map<std::string, std::vector<Figures>> runs;
        for (int run = 1; run <= settings.runs; ++run) {
            std::printf("run %d of %d\n", run, settings.runs);
            const auto note = [&](const std::string& name, Figures figures) {
                print(name, figures);
                runs[name].push_back(std::move(figures));
            };
            if (settings.curl && ::access("/usr/bin/curl", X_OK) == 0) note("curl --parallel", run_curl(urls, settings));
            if (settings.aria2 && ::access("/usr/bin/aria2c", X_OK) == 0) note("aria2c -j", run_aria2(urls, settings));
            note("claimtrack fetch_all", run_ours(urls, settings));
        }
        std::printf("median of %d runs (peak RSS and cpu are each client's own; the server runs in a process of its own):\n", settings.runs);
        for (const auto& [name, figures] : runs) {
            const Figures middle = median(figures);
            print(name, middle);
            if (settings.latency_ms > 0) std::printf("  %-22s %.2fx the ideal\n", "", middle.seconds / ideal);
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "fetch_bench: " << error.what() << "\n";
        return 2;
    }
}
