#include "warc/record_parser.hpp"

#include <claimtrack/error.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace claimtrack::warc {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

class Parser {
public:
    Parser(std::string_view data, const std::string& path, std::string_view origin)
        : m_data(data), m_path(path), m_origin(origin) {}

    std::vector<Record> run() {
        std::vector<Record> records;
        skip_line_ends();
        if (m_at >= m_data.size()) fail(0, "empty file, not a WARC file");
        while (m_at < m_data.size()) {
            records.push_back(next());
            skip_line_ends();
        }
        return records;
    }

private:
    [[noreturn]] void fail(std::size_t at, const std::string& reason) const {
        throw Error(ErrorKind::input, m_path, "byte " + std::to_string(at) + std::string(m_origin), reason);
    }

    void skip_line_ends() {
        while (m_at < m_data.size() && (m_data[m_at] == '\r' || m_data[m_at] == '\n')) ++m_at;
    }

    Record next() {
        Record record;
        record.offset = m_at;
        const std::string_view rest = m_data.substr(m_at);
        if (!rest.starts_with("WARC/1.")) fail(m_at, "expected a WARC/1.1 record header");
        auto head_end = rest.find("\r\n\r\n");
        std::size_t separator = 4;
        if (head_end == std::string_view::npos) {
            head_end = rest.find("\n\n");
            separator = 2;
        }
        if (head_end == std::string_view::npos) fail(m_at, "record header never ends");
        parse_fields(record, rest.substr(0, head_end));
        const std::string length_text = record.field("Content-Length");
        std::size_t length = 0;
        const auto [ptr, ec] = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
        if (length_text.empty() || ec != std::errc{} || ptr != length_text.data() + length_text.size()) {
            fail(m_at, "record has no valid Content-Length");
        }
        const std::size_t block_start = m_at + head_end + separator;
        if (length > m_data.size() - block_start) {
            fail(m_at, "record block truncated: " + std::to_string(length) + " bytes declared, " +
                           std::to_string(m_data.size() - block_start) + " present");
        }
        record.block = m_data.substr(block_start, length);
        m_at = block_start + length;
        return record;
    }

    void parse_fields(Record& record, std::string_view head) const {
        head.remove_prefix(std::min(head.size(), head.find('\n') + 1));  // the version line
        while (!head.empty()) {
            const auto end = head.find('\n');
            const std::string_view line = head.substr(0, end);
            const auto colon = line.find(':');
            if (colon != std::string_view::npos) {
                record.fields.emplace_back(std::string(trim(line.substr(0, colon))),
                                           std::string(trim(line.substr(colon + 1))));
            }
            if (end == std::string_view::npos) break;
            head.remove_prefix(end + 1);
        }
    }

    std::string_view m_data;
    const std::string& m_path;
    std::string_view m_origin;
    std::size_t m_at = 0;
};

}  // namespace

std::string Record::field(std::string_view name) const {
    for (const auto& [key, value] : fields) {
        if (equals_ignoring_case(key, name)) return value;
    }
    return "";
}

std::vector<Record> parse_records(std::string_view data, const std::string& path, std::string_view origin) {
    return Parser(data, path, origin).run();
}

}  // namespace claimtrack::warc
