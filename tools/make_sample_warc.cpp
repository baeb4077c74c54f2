// make_sample_warc SAMPLES_DIR OUT.warc.gz
//
// Archive the pages the sample articles cite: serve SAMPLES_DIR/sources/<host>/<path> from a
// local server, fetch every cited URL through claimtrack's own fetcher, and write the results
// to a WARC file under the URLs the articles cite.
#include <claimtrack/article.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/fetch.hpp>
#include <claimtrack/warc.hpp>

#include <httplib.h>
#include <iconv.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

// A cited URL split into the parts the local server and the request record need.
struct CitedUrl {
    std::string url;     // normalized, as the article module stores it
    std::string host;    // without port
    std::string path;    // starts with '/', no query or fragment
    std::string target;  // path plus query, as a request line carries it
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::optional<CitedUrl> split_url(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) {
        return std::nullopt;
    }
    const auto rest = std::string_view(url).substr(scheme_end + 3);
    const auto authority_end = std::min(rest.find_first_of("/?#"), rest.size());
    CitedUrl cited;
    cited.url = url;
    cited.host = std::string(rest.substr(0, authority_end));
    cited.host = cited.host.substr(0, cited.host.find(':'));
    const auto tail = rest.substr(authority_end);
    cited.target = std::string(tail.substr(0, std::min(tail.find('#'), tail.size())));
    cited.path = cited.target.substr(0, cited.target.find('?'));
    if (cited.path.empty()) {
        cited.path = "/";
    }
    if (cited.target.empty() || cited.target.front() != '/') {
        cited.target = "/" + cited.target;
    }
    return cited;
}

// Return the cited URLs of every samples/article-*.txt, in file name order, without duplicates.
std::vector<CitedUrl> cited_urls(const fs::path& samples) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(samples)) {
        const auto name = entry.path().filename().string();
        if (name.starts_with("article-") && name.ends_with(".txt")) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<CitedUrl> urls;
    for (const auto& file : files) {
        claimtrack::article::ParseOptions options;
        options.origin = file.string();
        const auto article = claimtrack::article::parse(read_file(file), claimtrack::article::Format::text, options);
        std::cout << file.filename().string() << ": " << article.sources.size() << " cited sources\n";
        for (const auto& source : article.sources) {
            const auto cited = split_url(source.url);
            const bool seen = std::any_of(urls.begin(), urls.end(), [&](const CitedUrl& u) { return u.url == source.url; });
            if (cited && !seen) {
                urls.push_back(*cited);
            }
        }
    }
    return urls;
}

struct IconvCloser {
    void operator()(void* handle) const { iconv_close(static_cast<iconv_t>(handle)); }
};

// Return `utf8` converted to GBK with glibc's iconv.
std::string utf8_to_gbk(const std::string& utf8) {
    iconv_t raw = iconv_open("GBK", "UTF-8");
    if (raw == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        throw std::runtime_error("iconv cannot convert UTF-8 to GBK");
    }
    const std::unique_ptr<void, IconvCloser> handle(raw);
    std::string in = utf8;
    std::string out(in.size() * 2 + 16, '\0');
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size();
    std::size_t out_left = out.size();
    if (iconv(raw, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
        throw std::runtime_error("a source page has characters GBK cannot hold");
    }
    out.resize(out.size() - out_left);
    return out;
}

bool declares_gbk(std::string_view html) {
    return html.find("charset=\"gbk\"") != std::string_view::npos ||
           html.find("charset=gbk") != std::string_view::npos;
}

// Serve `root`/<host>/<path> for GET /<host>/<path>; 404 when the file is missing. A page whose
// <meta> declares GBK is sent in GBK with no charset in Content-Type, as old Chinese sites do.
void serve_file(const fs::path& root, const httplib::Request& request, httplib::Response& response) {
    const fs::path relative = fs::path(request.path).relative_path().lexically_normal();
    const bool escapes = relative.empty() || relative.begin()->string() == "..";
    const fs::path file = root / relative;
    if (escapes || !fs::is_regular_file(file)) {
        response.status = 404;
        response.set_content("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                             "<body><h1>Not Found</h1><p>The page you asked for does not exist.</p></body></html>",
                             "text/html; charset=utf-8");
        return;
    }
    const std::string page = read_file(file);
    if (declares_gbk(page)) {
        response.set_content(utf8_to_gbk(page), "text/html");
    } else {
        response.set_content(page, "text/html; charset=utf-8");
    }
}

// Return `request` (a raw request block sent to the local server) as if sent to `cited`.
std::string rewrite_request(const std::string& request, const CitedUrl& cited) {
    std::istringstream in(request);
    std::string out;
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const auto method_end = line.find(' ');
        const auto version = line.rfind(' ');
        if (first && method_end != std::string::npos && version > method_end) {
            line = line.substr(0, method_end) + " " + cited.target + line.substr(version);
        }
        if (first) {
            first = false;
        } else if (line.size() >= 5 && (line.starts_with("Host:") || line.starts_with("host:"))) {
            line = "Host: " + cited.host;
        }
        out += line + "\r\n";
    }
    return out;
}

// A cpp-httplib server on 127.0.0.1 (port chosen by the kernel) serving the sample sources,
// stopped and joined when it goes out of scope.
class LocalServer {
public:
    explicit LocalServer(const fs::path& root) {
        m_server.Get(".*", [root](const httplib::Request& request, httplib::Response& response) {
            serve_file(root, request, response);
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0) {
            throw std::runtime_error("cannot bind a local port");
        }
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // cpp-httplib 0.11 has no wait_until_ready; a stop() before the loop starts would be lost.
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~LocalServer() {
        m_server.stop();
        m_thread.join();
    }
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;
    int port() const { return m_port; }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
};

// Fetch every URL of `urls` from the local server at `port`, in the order of `urls`.
std::vector<claimtrack::FetchResult> fetch_local(const std::vector<CitedUrl>& urls, int port) {
    std::vector<claimtrack::fetch::Request> requests;
    for (const auto& cited : urls) {
        requests.push_back({"http://127.0.0.1:" + std::to_string(port) + "/" + cited.host + cited.path, "", ""});
    }
    claimtrack::fetch::Options options;
    options.jobs = 4;
    options.retries = 0;
    options.timeout_ms = 10'000;
    options.private_addresses = claimtrack::fetch::PrivateAddresses::allow;
    options.accept_language = "zh-CN,zh;q=0.9,en;q=0.8";
    std::vector<claimtrack::FetchResult> results(urls.size());
    claimtrack::fetch::fetch_all(requests, options,
                                 [&](std::size_t index, claimtrack::FetchResult result) { results[index] = std::move(result); });
    return results;
}

int run(const fs::path& samples, const std::string& out_path) {
    const auto urls = cited_urls(samples);
    if (urls.empty()) {
        std::cerr << "make_sample_warc: " << samples.string() << ": no cited URLs found\n";
        return 1;
    }
    auto results = [&] {
        const LocalServer server(samples / "sources");
        return fetch_local(urls, server.port());
    }();

    claimtrack::warc::Writer writer(out_path, "claimtrack make_sample_warc (samples served from a local server)");
    int failures = 0;
    for (std::size_t i = 0; i < urls.size(); ++i) {
        auto& result = results[i];
        result.requested_url = urls[i].url;
        result.final_url = urls[i].url;
        result.request = rewrite_request(result.request, urls[i]);
        const auto status = result.http_status ? std::to_string(*result.http_status) : "no response";
        std::cout << status << "  " << urls[i].url << (result.error.empty() ? "" : "  (" + result.error + ")") << "\n";
        failures += result.http_status ? 0 : 1;
        writer.write(result);
    }
    std::cout << "wrote " << out_path << "\n";
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv, argv + argc);
    if (args.size() != 3) {
        std::cerr << "usage: make_sample_warc SAMPLES_DIR OUT.warc.gz\n"
                     "Archive the pages cited by SAMPLES_DIR/article-*.txt, served from SAMPLES_DIR/sources.\n";
        return 2;
    }
    try {
        return run(args[1], args[2]);
    } catch (const claimtrack::Error& e) {
        std::cerr << "make_sample_warc: error: " << e.input() << ": " << e.place() << ": " << e.reason() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "make_sample_warc: error: " << e.what() << "\n";
    }
    return 1;
}
