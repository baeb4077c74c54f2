// End to end: `claimtrack fetch` killed with SIGKILL in the middle of 200 URLs leaves a sound
// database with nothing half-written, and the next run fetches only what is missing. The kill
// comes once a fixed number of fetches is committed, while others are still in flight.
#include "e2e_support.hpp"

#include "support/http_server.hpp"

#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <set>
#include <spawn.h>
#include <thread>

extern char** environ;

namespace {

constexpr int k_pages = 200;
constexpr int k_kill_after = 50;  // snapshots committed before the kill

// A local server for /p/0 … /p/199 that counts the requests for each path; every fifth is slow,
// so transfers are always in flight while results are being written.
class CountingServer {
public:
    CountingServer() {
        m_server.routes().new_task_queue = [] { return new httplib::ThreadPool(24); };
        m_server.routes().Get(R"(/p/(\d+))", [this](const httplib::Request& request, httplib::Response& response) {
            const int n = std::stoi(request.matches[1]);
            {
                const std::lock_guard lock(m_mutex);
                ++m_hits[request.path];
            }
            m_server.pause(std::chrono::milliseconds(n % 5 == 0 ? 150 : 5));
            response.set_content("<html><head><title>第" + std::to_string(n) + "号公告</title></head><body><article>"
                                 "<p>第" + std::to_string(n) + "号公告称，该公司本季度营收增长百分之" + std::to_string(n % 40) + "。</p>"
                                 "<p>公司表示，新工厂将于明年投产，届时产能将翻一番。</p></article></body></html>",
                                 "text/html; charset=utf-8");
        });
        m_server.start();
    }

    std::string url(int n) const { return m_server.url("/p/" + std::to_string(n)); }

    std::map<std::string, int> hits() const {
        const std::lock_guard lock(m_mutex);
        return m_hits;
    }

    int total_hits() const {
        int total = 0;
        for (const auto& [path, count] : hits()) total += count;
        return total;
    }

private:
    claimtrack::test::HttpServer m_server;
    mutable std::mutex m_mutex;
    std::map<std::string, int> m_hits;
};

// Return the rows of the single-column `sql` on the database at `path`, as text.
std::vector<std::string> query(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::vector<std::string> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        rows.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

// Start the real binary with `args`, its output thrown away; return its process id.
pid_t spawn(const std::vector<std::string>& args) {
    std::vector<std::string> full{CLAIMTRACK_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : full) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(failed == 0);
    return pid;
}

// Return the number of snapshots committed to the database at `path` (WAL: never blocked by the
// writer), or -1 when it cannot be read yet.
int committed_snapshots(const std::string& path) {
    sqlite3* db = nullptr;
    int count = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 50);
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM snapshot", -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            count = sqlite3_column_int(statement, 0);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return count;
}

std::string path_of(const std::string& url) { return url.substr(url.find("/p/")); }

}  // namespace

TEST_SUITE("e2e fetch kill") {

TEST_CASE("SIGKILL in the middle of 200 fetches leaves a sound database, and the re-run fetches only the rest") {
    CountingServer server;
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    std::string article = "芯片厂商季度公告汇总\n\n本季度多家芯片公司营收增长超过10%。\n\n";
    for (int n = 0; n < k_pages; ++n) article += "第" + std::to_string(n) + "号公告 " + server.url(n) + "\n";
    REQUIRE(e2e::run({"--db", db, "import", dir.write("a.txt", article)}).code == 0);
    REQUIRE(query(db, "SELECT count(*) FROM source").at(0) == std::to_string(k_pages));

    const pid_t pid = spawn({"--db", db, "fetch", "--allow-private", "--jobs", "16", "--per-host", "16"});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (committed_snapshots(db) < k_kill_after && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let requests already sent land
    const auto hits_before = server.hits();

    CHECK(query(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    const auto stored = query(db, "SELECT requested_url FROM snapshot");
    CHECK(stored.size() >= static_cast<std::size_t>(k_kill_after));
    CHECK(stored.size() < static_cast<std::size_t>(k_pages));
    CHECK(server.total_hits() > static_cast<int>(stored.size()));  // some were in flight at the kill
    CHECK(query(db, "SELECT count(*) FROM snapshot WHERE body IS NULL OR length(body) = 0 OR size = 0").at(0) == "0");
    CHECK(query(db, "SELECT count(*) FROM snapshot s WHERE NOT EXISTS (SELECT 1 FROM passage p WHERE p.snapshot = s.id)")
              .at(0) == "0");
    CHECK(query(db, "SELECT count(*) FROM snapshot WHERE outcome <> 'ok'").at(0) == "0");

    const auto rerun = e2e::run_binary("--db " + db + " fetch --allow-private --jobs 16 --per-host 16", dir.file("err.txt"));
    CHECK(rerun.code == 0);
    CHECK(rerun.out.find(std::to_string(stored.size()) + " already fetched") != std::string::npos);
    const auto hits_after = server.hits();
    std::set<std::string> done_before;
    for (const std::string& url : stored) done_before.insert(path_of(url));
    for (int n = 0; n < k_pages; ++n) {
        const std::string path = "/p/" + std::to_string(n);
        CAPTURE(path);
        const int before = hits_before.contains(path) ? hits_before.at(path) : 0;
        const int after = hits_after.contains(path) ? hits_after.at(path) : 0;
        CHECK(after - before == (done_before.contains(path) ? 0 : 1));
    }
    CHECK(query(db, "SELECT count(DISTINCT source) FROM snapshot WHERE outcome = 'ok'").at(0) == std::to_string(k_pages));
    CHECK(query(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
}

}
