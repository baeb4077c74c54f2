#include "cli/interrupt.hpp"

#include <csignal>

namespace claimtrack::cli {
namespace {

// A signal handler can only reach static storage; a lock-free atomic is safe to set there.
std::atomic<bool> g_interrupted{false};
struct sigaction g_previous_int {};
struct sigaction g_previous_term {};

extern "C" void on_signal(int /*signal*/) { g_interrupted.store(true); }

}  // namespace

InterruptGuard::InterruptGuard() {
    g_interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_previous_int);
    sigaction(SIGTERM, &action, &g_previous_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &g_previous_int, nullptr);
    sigaction(SIGTERM, &g_previous_term, nullptr);
}

const std::atomic<bool>* InterruptGuard::flag() const { return &g_interrupted; }

bool InterruptGuard::interrupted() const { return g_interrupted.load(); }

}  // namespace claimtrack::cli
