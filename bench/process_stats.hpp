#pragma once
// What the bench programs measure of a process: its CPU time, its peak memory, and a measurement
// run in a child process so that peak is the measurement's own.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace bench {

// Peak resident memory of this process so far (VmHWM), in KB, or -1.
inline long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmHWM:")) return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

// CPU seconds of this process: the machine may be shared, and the targets are per core.
inline double cpu_now() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Run `measure()` (returning an exit status) in a child process and return its status; an
// exception in it is printed as "`program`: `what`: reason" and counts as a failure.
template <typename Measure>
int in_child(const char* program, const std::string& what, Measure measure) {
    const pid_t child = fork();
    if (child == 0) {
        try {
            _exit(measure());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s: %s\n", program, what.c_str(), e.what());
            _exit(1);
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace bench
