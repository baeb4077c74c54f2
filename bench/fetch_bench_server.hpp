#pragma once

// The loopback HTTP server fetch_bench measures clients against: one poll loop in a child process
// of its own, so the server is never the bottleneck (answers wait on timers, not on threads) and
// every client measured, in-process or not, competes with it the same way.

#include "../tests/support/raw_server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <list>
#include <string>
#include <string_view>
#include <stdexcept>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

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

// An HTTP/1.1 server on 127.0.0.1 with one poll loop in its own process: GET /s/N answers the small
// page, GET /l/N the large one, after `latency` each.
class LoopServer {
public:
    LoopServer(std::size_t small_bytes, std::size_t large_bytes, std::chrono::milliseconds latency)
        : m_small(page(small_bytes)), m_large(page(large_bytes)), m_latency(latency) {
        const claimtrack::test::Listener listener = claimtrack::test::listen_on_loopback(SOCK_STREAM | SOCK_NONBLOCK, 512);
        m_listener = listener.fd;
        m_port = listener.port;
        int stop[2];
        if (::pipe(stop) != 0) throw std::runtime_error("pipe failed");
        // Fork before the caller starts any thread: the child only serves, then leaves with _exit.
        m_child = ::fork();
        if (m_child < 0) throw std::runtime_error("fork failed");
        if (m_child == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::close(stop[1]);
            m_stop_fd = stop[0];
            serve();
            ::_exit(0);
        }
        ::close(stop[0]);
        ::close(m_listener);
        m_stop_fd = stop[1];
    }
    ~LoopServer() {
        ::close(m_stop_fd);  // the child sees the pipe close and ends
        int status = 0;
        ::waitpid(m_child, &status, 0);
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
        for (;;) {
            const auto now = Clock::now();
            entries.assign(1, pollfd{m_listener, POLLIN, 0});
            entries.push_back({m_stop_fd, POLLIN, 0});
            auto wait = std::chrono::milliseconds(50);
            for (const Connection& c : m_connections) {
                const bool due = c.responding && c.ready <= now;
                if (c.responding && !due) wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(c.ready - now));
                entries.push_back({c.fd, static_cast<short>(due ? POLLOUT : (c.responding ? 0 : POLLIN)), 0});
            }
            if (::poll(entries.data(), entries.size(), static_cast<int>(wait.count())) < 0) continue;
            if (entries[1].revents != 0) return;
            std::size_t i = 2;
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
    int m_stop_fd = -1;
    pid_t m_child = -1;
    std::list<Connection> m_connections;
};

}  // namespace bench
