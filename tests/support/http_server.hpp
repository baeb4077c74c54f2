#pragma once

// A real HTTP server on 127.0.0.1 for tests, on a port the kernel picks.
//
//     claimtrack::test::HttpServer server;
//     server.routes().Get("/hello", [](const httplib::Request&, httplib::Response& res) {
//         res.set_content("hi", "text/plain");
//     });
//     server.start();
//     fetch(server.url("/hello"));
//
// Add every handler before `start()`. The destructor stops the server and joins its thread;
// handlers that wait should use `pause()`, which returns early once the server is stopping,
// so a test never waits on a deliberately slow handler.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

namespace claimtrack::test {

class HttpServer {
public:
    HttpServer() {
        m_server.set_keep_alive_timeout(1);
        m_server.set_read_timeout(5, 0);
        m_server.set_write_timeout(5, 0);
    }
    ~HttpServer() { stop(); }
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Return the server to add handlers to (`Get`, `Post`, ...) before `start()`.
    httplib::Server& routes() { return m_server; }

    // Bind `host` (a loopback address) on a free port and serve in a background thread; return
    // once it accepts.
    void start(const std::string& host = "127.0.0.1") {
        m_host = host;
        m_port = m_server.bind_to_any_port(host);
        if (m_port <= 0) throw std::runtime_error("test server: cannot bind " + host);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!m_server.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

    // Stop serving and join the thread; safe to call twice.
    void stop() {
        m_stopping = true;
        if (m_thread.joinable()) {
            m_server.stop();
            m_thread.join();
        }
    }

    // Return the port the kernel chose (0 before `start()`).
    int port() const { return m_port; }

    // Return "http://HOST:PORT" followed by `path` (which should start with '/').
    std::string url(std::string_view path = "/") const {
        return "http://" + m_host + ":" + std::to_string(m_port) + std::string(path);
    }

    // Sleep for `duration` in a handler, or less if the server is stopping; return false then.
    bool pause(std::chrono::milliseconds duration) const {
        const auto deadline = std::chrono::steady_clock::now() + duration;
        while (std::chrono::steady_clock::now() < deadline) {
            if (m_stopping) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return !m_stopping;
    }

    // Return true once `stop()` has begun.
    bool stopping() const { return m_stopping; }

private:
    httplib::Server m_server;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::string m_host = "127.0.0.1";
    int m_port = 0;
};

}  // namespace claimtrack::test
