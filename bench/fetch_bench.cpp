// Throughput of our fetcher against a loopback server of its own, beside curl --parallel.
// Usage: fetch_bench [--count N] [--jobs J] [--per-host P] [--small-bytes B] [--large-bytes B]
//                    [--large-every K] [--latency-ms MS] [--time-limit S] [--no-curl]
// Every K-th URL is a large response, the others small; each response is held back MS first.
// Prints requests/s, MB/s, median and p95 latency and peak RSS for each client.

#include <claimtrack/fetch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <list>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
    int count = 2000;
    int jobs = 16;
    int per_host = 0;  // 0: same as jobs, as curl --parallel has no per-host cap
    std::size_t small_bytes = 2048;
    std::size_t large_bytes = 1u << 20;
    int large_every = 50;
    int latency_ms = 0;
    int time_limit_s = 120;
    bool curl = true;
};

// One keep-alive connection of the server: one request answered at a time, like curl sends them.
struct Connection {
    int fd = -1;
    std::string in;
    std::string head;
    std::string_view body;
    std::size_t sent = 0;
    bool responding = false;
    Clock::time_point ready;
};

// An HTTP/1.1 server on 127.0.0.1 with one poll loop on its own thread: GET /s/N answers the small
// page, GET /l/N the large one, after `latency` each.
class LoopServer {
public:
    LoopServer(std::size_t small_bytes, std::size_t large_bytes, std::chrono::milliseconds latency)
        : m_small(page(small_bytes)), m_large(page(large_bytes)), m_latency(latency) {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(m_listener, 512) != 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            throw std::runtime_error("cannot listen on 127.0.0.1");
        }
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~LoopServer() {
        m_stop = true;
        m_thread.join();
        for (Connection& connection : m_connections) ::close(connection.fd);
        ::close(m_listener);
    }
    LoopServer(const LoopServer&) = delete;
    LoopServer& operator=(const LoopServer&) = delete;

    std::string url(bool large, int n) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + (large ? "/l/" : "/s/") + std::to_string(n);
    }

private:
    static std::string page(std::size_t size) {
        std::string body = "<!DOCTYPE html><html><head><title>Bench page</title></head><body><p>";
        while (body.size() + 20 < size) body += "Exports rose 12%. ";
        body += "</p></body></html>";
        return body;
    }

    void serve() {
        std::vector<pollfd> entries;
        while (!m_stop) {
            const auto now = Clock::now();
            entries.assign(1, pollfd{m_listener, POLLIN, 0});
            auto wait = std::chrono::milliseconds(50);
            for (const Connection& c : m_connections) {
                const bool due = c.responding && c.ready <= now;
                if (c.responding && !due) wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(c.ready - now));
                entries.push_back({c.fd, static_cast<short>(due ? POLLOUT : (c.responding ? 0 : POLLIN)), 0});
            }
            if (::poll(entries.data(), entries.size(), static_cast<int>(wait.count())) < 0) continue;
            std::size_t i = 1;
            for (auto it = m_connections.begin(); it != m_connections.end(); ++i) {
                const short events = entries[i].revents;
                bool open = (events & (POLLERR | POLLNVAL)) == 0;
                if (open && (events & (POLLIN | POLLHUP)) != 0) open = receive(*it);
                if (open && (events & POLLOUT) != 0) open = transmit(*it);
                if (open) {
                    ++it;
                } else {
                    ::close(it->fd);
                    it = m_connections.erase(it);
                }
            }
            if ((entries[0].revents & POLLIN) != 0) accept_all();
        }
    }

    void accept_all() {
        for (int fd; (fd = ::accept4(m_listener, nullptr, nullptr, SOCK_NONBLOCK)) >= 0;) {
            const int yes = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
            m_connections.push_back({});
            m_connections.back().fd = fd;
        }
    }

    // Read what arrived and start answering a complete request; return false when the peer left.
    bool receive(Connection& c) {
        char buffer[8192];
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        c.in.append(buffer, static_cast<std::size_t>(n));
        start_response(c);
        return true;
    }

    void start_response(Connection& c) {
        const auto end = c.in.find("\r\n\r\n");
        if (c.responding || end == std::string::npos) return;
        const std::string_view line = std::string_view(c.in).substr(0, c.in.find("\r\n"));
        const bool small = line.starts_with("GET /s/");
        const bool large = line.starts_with("GET /l/");
        c.body = small ? std::string_view(m_small) : large ? std::string_view(m_large) : std::string_view("no such page");
        c.head = std::string(small || large ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") +
                 "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + std::to_string(c.body.size()) + "\r\n\r\n";
        c.in.erase(0, end + 4);
        c.sent = 0;
        c.responding = true;
        c.ready = Clock::now() + m_latency;
    }

    // Write what the socket takes; return false when the peer left.
    bool transmit(Connection& c) {
        const std::size_t total = c.head.size() + c.body.size();
        iovec parts[2]{};
        int count = 0;
        if (c.sent < c.head.size()) {
            parts[count++] = {c.head.data() + c.sent, c.head.size() - c.sent};
            parts[count++] = {const_cast<char*>(c.body.data()), c.body.size()};
        } else {
            parts[count++] = {const_cast<char*>(c.body.data()) + (c.sent - c.head.size()), total - c.sent};
        }
        const ssize_t n = ::writev(c.fd, parts, count);
        if (n < 0) return errno == EAGAIN;
        c.sent += static_cast<std::size_t>(n);
        if (c.sent == total) {
            c.responding = false;
            start_response(c);  // a request that came in while we were answering
        }
        return true;
    }

    std::string m_small;
    std::string m_large;
    std::chrono::milliseconds m_latency;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::list<Connection> m_connections;
    std::thread m_thread;
};

struct Figures {
    double seconds = 0;
    std::size_t ok = 0;
    std::size_t failed = 0;
    double bytes = 0;
    std::vector<double> latencies;  // seconds
    long peak_rss_kb = 0;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

void print(const std::string& name, const Figures& f) {
    const double n = static_cast<double>(f.ok + f.failed);
    std::printf("%-22s %7.2f s %9.0f req/s %8.1f MB/s  median %7.1f ms  p95 %7.1f ms  peak RSS %6.1f MB  ok %zu failed %zu\n",
                name.c_str(), f.seconds, n / f.seconds, f.bytes / 1e6 / f.seconds, percentile(f.latencies, 0.5) * 1e3,
                percentile(f.latencies, 0.95) * 1e3, static_cast<double>(f.peak_rss_kb) / 1024.0, f.ok, f.failed);
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
    return figures;
}

Figures run_curl(const std::vector<std::string>& urls, const Settings& settings) {
    const std::string list = "/tmp/fetch_bench_urls_" + std::to_string(::getpid()) + ".txt";
    {
        std::ofstream out(list);
        for (const std::string& url : urls) out << "url = \"" << url << "\"\noutput = \"/dev/null\"\n";
    }
    const std::string command = "/usr/bin/curl --parallel --parallel-max " + std::to_string(settings.jobs) +
                                " --silent --no-progress-meter --max-time " + std::to_string(settings.time_limit_s) + " -K " + list +
                                " -w '%{time_total} %{size_download} %{http_code}\\n'";
    std::printf("curl command: %s\n", command.c_str());
    Figures figures;
    const auto begin = Clock::now();
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return figures;
    double seconds = 0;
    double size = 0;
    int code = 0;
    while (std::fscanf(pipe, "%lf %lf %d", &seconds, &size, &code) == 3) {
        figures.latencies.push_back(seconds);
        ++(code == 200 ? figures.ok : figures.failed);
        figures.bytes += size;
    }
    ::pclose(pipe);
    figures.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    std::remove(list.c_str());
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    figures.peak_rss_kb = usage.ru_maxrss;
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
        else if (arg == "--no-curl") s.curl = false;
        else throw std::runtime_error("unknown option " + std::string(arg));
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Settings settings = parse(argc, argv);
        LoopServer server(settings.small_bytes, settings.large_bytes, std::chrono::milliseconds(settings.latency_ms));
        std::vector<std::string> urls;
        for (int i = 0; i < settings.count; ++i) {
            urls.push_back(server.url(settings.large_every > 0 && i % settings.large_every == settings.large_every - 1, i));
        }
        std::printf("%d URLs on one loopback host (small %zu B, every %d-th %zu B, latency %d ms), jobs %d\n", settings.count,
                    settings.small_bytes, settings.large_every, settings.large_every > 0 ? settings.large_bytes : 0,
                    settings.latency_ms, settings.jobs);
        if (settings.latency_ms > 0) {
            std::printf("ideal (count x latency / jobs): %.2f s\n", settings.count * settings.latency_ms / 1e3 / settings.jobs);
        }
        // curl first: a child's peak RSS includes what it inherited at fork, which is least now.
        rusage before{};
        ::getrusage(RUSAGE_SELF, &before);
        if (settings.curl && ::access("/usr/bin/curl", X_OK) == 0) {
            std::printf("(curl's peak RSS includes the %.1f MB this process had when it forked)\n",
                        static_cast<double>(before.ru_maxrss) / 1024.0);
            print("curl --parallel", run_curl(urls, settings));
        }
        print("claimtrack fetch_all", run_ours(urls, settings));
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "fetch_bench: " << error.what() << "\n";
        return 2;
    }
}
