#pragma once

// A bare TCP server on 127.0.0.1 for cases cpp-httplib cannot play, such as resetting a
// connection. Each connection is handled in turn on one background thread:
//
//     claimtrack::test::RawServer server([](int fd, int n) {
//         if (n == 1) claimtrack::test::RawServer::reset(fd); else claimtrack::test::RawServer::reply(fd, "hi");
//     });

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace claimtrack::test {

// A socket listening on 127.0.0.1 at a port the kernel chose.
struct Listener {
    int fd = -1;
    int port = 0;
};

// Return a socket of `type` (SOCK_STREAM, optionally with flags such as SOCK_NONBLOCK) listening
// on 127.0.0.1 with `backlog`; throw when that fails.
inline Listener listen_on_loopback(int type, int backlog) {
    const int fd = ::socket(AF_INET, type, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(fd, backlog) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    return {fd, ntohs(address.sin_port)};
}

class RawServer {
public:
    // Handle each connection with `handler(fd, n)`, n counting from 1; the server closes `fd` after.
    explicit RawServer(std::function<void(int fd, int n)> handler) : m_handler(std::move(handler)) {
        const Listener listener = listen_on_loopback(SOCK_STREAM, 16);
        m_listener = listener.fd;
        m_port = listener.port;
        m_thread = std::thread([this] { serve(); });
    }
    ~RawServer() {
        m_stopping = true;
        m_thread.join();
        ::close(m_listener);
    }
    RawServer(const RawServer&) = delete;
    RawServer& operator=(const RawServer&) = delete;

    int port() const { return m_port; }
    std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

    // Read until the end of the request headers (or the peer closes); return what was read.
    static std::string read_request(int fd) {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        return request;
    }

    // Read the request, then abort the connection so the client sees a reset (RST), not an end.
    static void reset(int fd) {
        read_request(fd);
        linger option{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }

    // Read the request and answer 200 with `body` as text/plain, closing afterwards.
    static void reply(int fd, const std::string& body) {
        read_request(fd);
        const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                                     std::to_string(body.size()) + "\r\n\r\n" + body;
        (void)::send(fd, response.data(), response.size(), MSG_NOSIGNAL);
    }

private:
    void serve() {
        int count = 0;
        while (!m_stopping) {
            pollfd entry{m_listener, POLLIN, 0};
            if (::poll(&entry, 1, 20) <= 0) continue;
            const int fd = ::accept(m_listener, nullptr, nullptr);
            if (fd < 0) continue;
            m_handler(fd, ++count);
            ::close(fd);
        }
    }

    std::function<void(int, int)> m_handler;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

}  // namespace claimtrack::test
