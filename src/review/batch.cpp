#include <claimtrack/review.hpp>
#include <claimtrack/error.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace claimtrack::review {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

Error row_error(const std::string& file, std::size_t row, std::string reason) {
    return Error(ErrorKind::input, file, "row " + std::to_string(row), std::move(reason));
}

// Reads one CSV text record by record; a record is one spreadsheet row, whatever line breaks
// its quoted fields hold.
class CsvReader {
public:
    CsvReader(std::string_view text, const std::string& file) : m_text(text), m_file(file) {}

    bool done() const { return m_pos >= m_text.size(); }

    CsvRecord next() {
        CsvRecord record{m_line, {}};
        std::string field;
        while (true) {
            if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                field += quoted(record.row);
            } else {
                while (m_pos < m_text.size() && !end_of_field(m_text[m_pos])) field += m_text[m_pos++];
            }
            record.fields.push_back(std::move(field));
            field.clear();
            if (m_pos >= m_text.size()) return record;
            const char c = m_text[m_pos++];
            if (c == ',') continue;
            if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
            ++m_line;
            return record;
        }
    }

private:
    static bool end_of_field(char c) { return c == ',' || c == '\n' || c == '\r'; }

    // Read a quoted field starting at the opening quote; `"` inside is written `""`.
    std::string quoted(std::size_t row) {
        std::string out;
        ++m_pos;
        while (true) {
            if (m_pos >= m_text.size()) throw row_error(m_file, row, "a quoted field is never closed (a \" is missing)");
            const char c = m_text[m_pos++];
            if (c == '"') {
                if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                    out += '"';
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && !end_of_field(m_text[m_pos])) {
                    throw row_error(m_file, row, "text after a closing quote (write a quote inside quotes as \"\")");
                }
                return out;
            }
            out += c;
        }
    }

    std::string_view m_text;
    const std::string& m_file;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;  // spreadsheet row of the next record
};

bool blank_record(const CsvRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const std::string& f) { return f.find_first_not_of(" \t") == std::string::npos; });
}

std::string trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

std::optional<Id> parse_id(std::string_view text) {
    Id value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

std::optional<BatchAction> action_from(std::string_view name) {
    constexpr std::array<std::pair<std::string_view, BatchAction>, 5> k_actions{{{"verify", BatchAction::verify},
                                                                                 {"dispute", BatchAction::dispute},
                                                                                 {"unverifiable", BatchAction::unverifiable},
                                                                                 {"unreviewed", BatchAction::unreviewed},
                                                                                 {"reopen", BatchAction::reopen}}};
    for (const auto& [known, action] : k_actions) {
        if (known == name) return action;
    }
    return std::nullopt;
}

// Column positions named by the header row; -1 when a column is absent.
struct Columns {
    int claim = -1, action = -1, note = -1, evidence = -1, by = -1;
};

Columns columns_of(const CsvRecord& header, const std::string& file) {
    Columns columns;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = trim(header.fields[i]);
        int* slot = name == "claim" ? &columns.claim : name == "action" ? &columns.action : name == "note" ? &columns.note
                  : name == "evidence" ? &columns.evidence : name == "by" ? &columns.by : nullptr;
        if (slot == nullptr) throw row_error(file, header.row, "unknown column '" + name + "' (use claim,action,note,evidence,by)");
        if (*slot >= 0) throw row_error(file, header.row, "column '" + name + "' appears twice");
        *slot = static_cast<int>(i);
    }
    if (columns.claim < 0 || columns.action < 0) {
        throw row_error(file, header.row, "the header must name the columns claim and action (claim,action,note,evidence,by)");
    }
    return columns;
}

std::string cell(const CsvRecord& record, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= record.fields.size()) return {};
    return record.fields[static_cast<std::size_t>(column)];
}

BatchRow row_of(const CsvRecord& record, const Columns& columns, std::size_t width, const std::string& file) {
    if (record.fields.size() > width) {
        throw row_error(file, record.row, std::to_string(record.fields.size()) + " fields but the header has " + std::to_string(width));
    }
    BatchRow row;
    row.row = record.row;
    const std::string claim = trim(cell(record, columns.claim));
    const auto id = parse_id(claim);
    if (!id) throw row_error(file, record.row, claim.empty() ? "no claim id" : "claim id '" + claim + "' is not a number");
    row.claim = *id;
    const std::string action = trim(cell(record, columns.action));
    const auto known = action_from(action);
    if (!known) throw row_error(file, record.row, "unknown action '" + action + "' (use verify, dispute, unverifiable, unreviewed, reopen)");
    row.action = *known;
    if (const std::string evidence = trim(cell(record, columns.evidence)); !evidence.empty()) {
        row.evidence = parse_id(evidence);
        if (!row.evidence) throw row_error(file, record.row, "evidence id '" + evidence + "' is not a number");
    }
    row.note = trim(cell(record, columns.note));
    row.reviewer = trim(cell(record, columns.by));
    return row;
}

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file) {
    if (text.starts_with(k_bom)) text.remove_prefix(k_bom.size());
    std::vector<CsvRecord> records;
    CsvReader reader(text, file);
    while (!reader.done()) records.push_back(reader.next());
    return records;
}

std::vector<BatchRow> parse_batch(std::string_view text, const std::string& file) {
    std::vector<CsvRecord> records = parse_csv(text, file);
    records.erase(std::remove_if(records.begin(), records.end(), blank_record), records.end());
    if (records.empty()) throw row_error(file, 1, "no header row (expected claim,action,note,evidence,by)");
    const Columns columns = columns_of(records.front(), file);
    std::vector<BatchRow> rows;
    for (std::size_t i = 1; i < records.size(); ++i) rows.push_back(row_of(records[i], columns, records.front().fields.size(), file));
    if (rows.empty()) throw row_error(file, records.front().row + 1, "no decisions after the header row");
    return rows;
}

}  // namespace claimtrack::review
