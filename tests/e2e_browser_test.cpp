// End to end in headless Chromium (Debian's chromium package): hostile article and source text
// never runs in the HTML report, and the sample report renders at desktop and phone widths.
// Without Chromium these tests fail; set CLAIMTRACK_NO_BROWSER=1 to skip them on purpose, or
// CLAIMTRACK_CHROMIUM=/path/to/chromium to use another binary.
#include "e2e_support.hpp"
#include "support/http_server.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace {

using e2e::run;
using nlohmann::json;

constexpr auto k_browser_deadline = std::chrono::seconds(30);

bool browser_skipped() {
    const char* skip = std::getenv("CLAIMTRACK_NO_BROWSER");
    return skip != nullptr && std::string(skip) == "1";
}

bool executable(const std::string& path) { return !path.empty() && ::access(path.c_str(), X_OK) == 0; }

// Return the Chromium to run: $CLAIMTRACK_CHROMIUM, else chromium or chromium-browser on PATH, else "".
std::string find_chromium() {
    if (const char* chosen = std::getenv("CLAIMTRACK_CHROMIUM"); chosen != nullptr && *chosen != '\0') {
        return executable(chosen) ? chosen : "";
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser"}) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
            const std::string candidate = dirs.substr(start, colon - start) + "/" + name;
            if (colon > start && executable(candidate)) return candidate;
            start = colon + 1;
        }
    }
    return "";
}

// Return the Chromium binary, or "" after failing the test with how to install or skip it.
std::string require_chromium() {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        FAIL_CHECK("headless Chromium not found: install Debian's chromium package (scripts/setup.sh does), "
                   "set CLAIMTRACK_CHROMIUM=/path/to/chromium, or set CLAIMTRACK_NO_BROWSER=1 to skip the browser tests");
    }
    return chromium;
}

struct BrowserRun {
    int code = -1;  // exit status, -1 when killed at the deadline
    std::string out;
    std::string err;
};

// Run headless `chromium` with `extra` flags on `url` in a process group of its own, with HOME
// and the profile inside `dir`; kill the whole group at the deadline or once it exits.
BrowserRun run_chromium(const std::string& chromium, const e2e::TempDir& dir, const std::vector<std::string>& extra,
                        const std::string& url) {
    std::vector<std::string> args{chromium,
                                  "--headless",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-background-networking",
                                  "--no-first-run",
                                  "--disable-dev-shm-usage",
                                  "--user-data-dir=" + dir.file("chromium-profile")};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(url);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings{"HOME=" + dir.path().string()};
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::string_view(*e).substr(0, 5) != "HOME=") env_strings.emplace_back(*e);
    }
    std::vector<char*> envp;
    for (std::string& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string out_file = dir.file("chromium.out");
    const std::string err_file = dir.file("chromium.err");

    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::setpgid(0, 0);
        const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(127);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);
    BrowserRun result;
    const auto deadline = std::chrono::steady_clock::now() + k_browser_deadline;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(-pid, SIGKILL);  // renderer and zygote processes left behind, if any
    result.out = e2e::read_file(out_file);
    result.err = e2e::read_file(err_file);
    return result;
}

// Return the DOM of the page at `file` after load, as Chromium serialises it.
std::string dump_dom(const std::string& chromium, const e2e::TempDir& dir, const std::string& file) {
    const BrowserRun browser = run_chromium(chromium, dir, {"--virtual-time-budget=1000", "--dump-dom"}, "file://" + file);
    INFO("chromium stderr: " << browser.err.substr(0, 2000));
    REQUIRE_MESSAGE(browser.code == 0, "chromium did not finish in time or failed");
    REQUIRE(browser.out.find("</html>") != std::string::npos);
    return browser.out;
}

struct Tag {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
};

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Return the start tags of serialised `html` (attributes are quoted by the serialiser).
std::vector<Tag> start_tags(std::string_view html) {
    std::vector<Tag> tags;
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
        if (at + 1 >= html.size() || std::isalpha(static_cast<unsigned char>(html[at + 1])) == 0) continue;
        Tag tag;
        std::size_t k = at + 1;
        while (k < html.size() && std::string_view(" \t\n/>").find(html[k]) == std::string_view::npos) tag.name += html[k++];
        while (k < html.size() && html[k] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[k])) != 0 || html[k] == '/') {
                ++k;
                continue;
            }
            std::string name;
            while (k < html.size() && std::string_view(" \t\n=/>").find(html[k]) == std::string_view::npos) name += html[k++];
            std::string value;
            if (k < html.size() && html[k] == '=' && k + 1 < html.size() && html[k + 1] == '"') {
                const std::size_t close = html.find('"', k + 2);
                value = std::string(html.substr(k + 2, close - (k + 2)));
                k = close == std::string_view::npos ? html.size() : close + 1;
            }
            tag.attributes.emplace_back(lower(name), value);
        }
        tags.push_back(tag);
        at = k;
    }
    return tags;
}

// The payloads every hostile text carries: each would change the title, add an element with id
// `pwned` or ask the local server for /beacon if it ever ran.
std::string payloads(const std::string& beacon) {
    return "<script>document.title='PWNED'</script> "
           "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend','<b id=pwned></b>')\"> "
           "<svg onload=\"location='" + beacon + "'\"></svg> </style><script>fetch('" + beacon + "')</script> "
           "<a href=\"javascript:document.title='PWNED'\">read more</a> \" onmouseover=\"document.title='PWNED'\" x=' ";
}

std::string hostile_article(const claimtrack::test::HttpServer& server) {
    const std::string p = payloads(server.url("/beacon"));
    return "Ferrow tablets " + p + "\n\n"
           "Ferrow's chief executive is Anika Brandt, who took over in 2022. " + p + "\n\n"
           "Ferrow's share of the tablet market fell from 31% to 12% between 2020 and 2024. " + p + "\n\n"
           "In June, Ferrow said it would close two factories in Ghent. " + p + "\n\n"
           "Sources:\n"
           "Ferrow filing " + p + " " + server.url("/filing.html") + "\n"
           "Quoted link " + server.url("/q.html?x=\"><svg/onload=alert(1)>") + "\n";
}

// A source page whose visible text carries the payloads as entities, so they survive extraction as text.
std::string hostile_page(const std::string& beacon) {
    std::string p = payloads(beacon);
    std::string escaped;
    for (char c : p) {
        if (c == '<')
            escaped += "&lt;";
        else if (c == '>')
            escaped += "&gt;";
        else if (c == '&')
            escaped += "&amp;";
        else
            escaped += c;
    }
    return "<!doctype html><html><head><meta charset=utf-8><title>Ferrow filing " + escaped + "</title>"
           "<script>document.title='PWNED'</script></head><body><article><h1>Ferrow annual filing</h1>"
           "<p>Ferrow's share of the tablet market fell from 31% to 12% between 2020 and 2024, the filing says. " + escaped + "</p>"
           "<p>Ferrow's chief executive is Anika Brandt, the company says. " + escaped + "</p>"
           "<p>In June, Ferrow said it would close two factories in Ghent, the filing adds. " + escaped + "</p>"
           "</article></body></html>";
}

// Return the id of the first claim in `claims_json` whose text contains `needle`, or "".
std::string claim_with(const json& claims, const std::string& needle) {
    for (const auto& claim : claims) {
        if (claim["text"].get<std::string>().find(needle) != std::string::npos) return std::to_string(claim["id"].get<long>());
    }
    return "";
}

// Check that serialised `dom` holds no element any payload would have added and no active attribute.
void check_inert(const std::string& dom) {
    CHECK(dom.find("<title>Sourcing report</title>") != std::string::npos);
    CHECK(dom.find("PWNED</title>") == std::string::npos);
    CHECK(dom.find("id=\"pwned\"") == std::string::npos);
    int charts = 0;
    for (const Tag& tag : start_tags(dom)) {
        const std::string name = lower(tag.name);
        CHECK_MESSAGE(name != "script", "a <script> element in the report");
        CHECK_MESSAGE(name != "img", "an <img> element in the report");
        if (name == "svg") ++charts;
        for (const auto& [attribute, value] : tag.attributes) {
            CHECK_MESSAGE(attribute.rfind("on", 0) != 0, "event handler attribute " << attribute << " on <" << name << ">");
            if (attribute == "href") {
                CHECK_MESSAGE((value.rfind("http", 0) == 0 || value.rfind("#claim-", 0) == 0), "link to " << value);
            }
        }
    }
    CHECK(charts == 1);
}


struct PngSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// Return the size a PNG's IHDR chunk gives, or nothing when `bytes` is not a PNG.
std::optional<PngSize> png_size(const std::string& bytes) {
    if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || bytes.compare(12, 4, "IHDR") != 0) {
        return std::nullopt;
    }
    const auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(bytes[at + k]);
        return v;
    };
    return PngSize{be32(16), be32(20)};
}

// Build the sample English article's report in `dir`, as scripts/screenshot.sh does: sources
// replayed from the sample WARC, one claim verified, one disputed, one unverifiable.
std::string sample_report(const e2e::TempDir& dir) {
    const std::string db = dir.file("samples.db");
    const std::string samples = e2e::source_dir() + "/samples/";
    REQUIRE(run({"--db", db, "import", samples + "article-en-chips.txt", "--date", "2025-11-10"}).code == 0);
    REQUIRE(run({"--db", db, "fetch", "--from-warc", samples + "sources.warc.gz"}).code == 0);
    REQUIRE(run({"--db", db, "link"}).code == 0);
    const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
    const std::string share = claim_with(claims, "38%");
    const std::string jobs = claim_with(claims, "4,000 jobs");
    const std::string deal = claim_with(claims, "billion");
    REQUIRE_FALSE(share.empty());
    REQUIRE_FALSE(jobs.empty());
    CHECK(run({"--db", db, "verify", share, "--note", "same figures in the market analysis", "--by", "lin"}).code == 0);
    CHECK(run({"--db", db, "dispute", jobs, "--note", "the wire report says 2,600 jobs, not 4,000", "--by", "lin"}).code == 0);
    if (!deal.empty()) CHECK(run({"--db", db, "mark", deal, "unverifiable", "--note", "the blog post is gone", "--by", "wu"}).code == 0);
    const std::string report = dir.file("sample.html");
    REQUIRE(run({"--db", db, "report", "--format", "html", "--out", report}).code == 0);
    return report;
}

// Take a screenshot of `file` at `width`×`height` and return the PNG bytes.
std::string screenshot(const std::string& chromium, const e2e::TempDir& dir, const std::string& file, int width, int height) {
    const std::string png = dir.file("shot-" + std::to_string(width) + ".png");
    const BrowserRun browser = run_chromium(chromium, dir,
                                            {"--hide-scrollbars", "--force-device-scale-factor=1", "--screenshot=" + png,
                                             "--window-size=" + std::to_string(width) + "," + std::to_string(height)},
                                            "file://" + file);
    INFO("chromium stderr: " << browser.err.substr(0, 2000));
    CHECK_MESSAGE(browser.code == 0, "chromium did not finish in time or failed");
    return e2e::read_file(png);
}

}  // namespace

TEST_SUITE("e2e browser") {

TEST_CASE("hostile article and source text shows as text in Chromium and nothing in it runs") {
    if (browser_skipped()) return;
    const std::string chromium = require_chromium();
    if (chromium.empty()) return;
    std::atomic<int> beacons{0};
    claimtrack::test::HttpServer server;
    server.routes().Get("/beacon", [&](const httplib::Request&, httplib::Response& res) {
        ++beacons;
        res.set_content("", "text/plain");
    });
    server.routes().Get("/filing.html", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(hostile_page(server.url("/beacon")), "text/html; charset=utf-8");
    });
    server.start();

    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", hostile_article(server)), "--date", "2025-11-10"}).code == 0);
    REQUIRE(run({"--db", db, "fetch", "--allow-private"}).code == 0);
    REQUIRE(run({"--db", db, "link"}).code == 0);
    const int fetched_beacons = beacons.load();  // the article cites the beacon URL too, so fetch asks for it
    const std::string p = payloads(server.url("/beacon"));
    REQUIRE(run({"--db", db, "claim", "add", "1", "Ferrow's chief executive is Anika Brandt " + p, "--kind", "role",
                 "--field", "person=Anika Brandt " + p, "--field", "organization=Ferrow", "--by", "lin"}).code == 0);
    const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
    const std::string share = claim_with(claims, "31%");
    const std::string factories = claim_with(claims, "Ghent");
    REQUIRE_FALSE(share.empty());
    REQUIRE_FALSE(factories.empty());
    CHECK(run({"--db", db, "verify", share, "--note", "filing agrees " + p, "--by", "lin " + p}).code == 0);
    CHECK(run({"--db", db, "dispute", factories, "--note", p, "--by", "wu"}).code == 0);

    const std::string report = dir.file("report.html");
    REQUIRE(run({"--db", db, "report", "--format", "html", "--history", "--out", report}).code == 0);
    const std::string html = e2e::read_file(report);
    REQUIRE(html.find("Content-Security-Policy") != std::string::npos);
    CHECK(html.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;") != std::string::npos);

    const std::string dom = dump_dom(chromium, dir, report);
    check_inert(dom);
    // The hostile text is still there, as text: the serialiser escapes it again.
    CHECK(dom.find("&lt;script&gt;document.title='PWNED'&lt;/script&gt;") != std::string::npos);
    CHECK(dom.find("&lt;img src=x onerror=") != std::string::npos);
    CHECK(dom.find("&lt;/style&gt;") != std::string::npos);
    CHECK(dom.find("the filing says") != std::string::npos);

    // Escaping alone is enough: with the Content-Security-Policy taken out, still nothing runs.
    std::string open = html;
    const std::size_t csp = open.find("<meta http-equiv=\"Content-Security-Policy\"");
    REQUIRE(csp != std::string::npos);
    open.erase(csp, open.find('>', csp) + 1 - csp);
    const std::string open_file = dir.write("report-no-csp.html", open);
    check_inert(dump_dom(chromium, dir, open_file));
    CHECK(beacons.load() == fetched_beacons);
}

TEST_CASE("the sample report renders in Chromium at desktop and phone widths") {
    if (browser_skipped()) return;
    const std::string chromium = require_chromium();
    if (chromium.empty()) return;
    e2e::TempDir dir;
    const std::string report = sample_report(dir);
    const std::string html = e2e::read_file(report);
    CHECK(html.find("class=\"card verified\"") != std::string::npos);
    CHECK(html.find("class=\"card disputed\"") != std::string::npos);

    const std::string desktop = screenshot(chromium, dir, report, 1200, 1600);
    const auto desktop_size = png_size(desktop);
    REQUIRE(desktop_size.has_value());
    CHECK(desktop_size->width == 1200);
    CHECK(desktop_size->height == 1600);
    CHECK(desktop.size() > 20000);  // text and a chart, not a blank page

    const std::string phone = screenshot(chromium, dir, report, 390, 844);
    const auto phone_size = png_size(phone);
    REQUIRE(phone_size.has_value());
    CHECK(phone_size->width == 390);
    CHECK(phone.size() > 10000);
}

}  // TEST_SUITE
