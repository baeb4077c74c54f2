#pragma once

#include <atomic>

namespace claimtrack::cli {

// While alive, SIGINT and SIGTERM set a flag instead of killing the process, so long work can
// stop between units and keep what finished; the previous handlers come back on destruction.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // The flag the handler sets; stays valid for the life of the process.
    const std::atomic<bool>* flag() const;
    bool interrupted() const;
};

}  // namespace claimtrack::cli
