#pragma once

#include <stdexcept>
#include <string>

namespace claimtrack {

// What kind of failure stopped a run: decides the exit code (usage → 2, others → 1).
enum class ErrorKind { usage, input, io, not_found };

// The one exception a run throws when it cannot go on; caught once in `run_cli`
// and printed as `claimtrack: error: <input>: <place>: <reason>`.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string input, std::string place, std::string reason);

    ErrorKind kind() const noexcept { return m_kind; }
    const std::string& input() const noexcept { return m_input; }
    const std::string& place() const noexcept { return m_place; }
    const std::string& reason() const noexcept { return m_reason; }

private:
    ErrorKind m_kind;
    std::string m_input;
    std::string m_place;
    std::string m_reason;
};

}  // namespace claimtrack
