#pragma once

#include <claimtrack/app.hpp>
#include <claimtrack/store.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace claimtrack::cli {

// What a command handler may use: the streams it was given and the store, opened on first use
// so a command that fails on its input never creates or touches the database.
class Context {
public:
    Context(std::string db_path, std::istream& input, std::ostream& output, std::ostream& errors, bool tty)
        : m_db_path(std::move(db_path)), in(input), out(output), err(errors), out_is_tty(tty) {}

    Store& store();
    const std::string& db_path() const { return m_db_path; }

private:
    std::string m_db_path;
    std::unique_ptr<Store> m_store;

public:
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool out_is_tty;
};

// One row of the command table: the parsed subcommand and what runs it.
struct Command {
    CLI::App* app = nullptr;
    std::function<int(Context&)> run;
};

using Table = std::vector<Command>;

// Each command group adds its subcommands to `app` and their rows to `table`.
void add_import_commands(CLI::App& app, Table& table);
void add_fetch_commands(CLI::App& app, Table& table);
void add_review_commands(CLI::App& app, Table& table);
void add_report_commands(CLI::App& app, Table& table);
void add_extract_commands(CLI::App& app, Table& table);
void add_export_commands(CLI::App& app, Table& table);
void add_alias_commands(CLI::App& app, Table& table);

// Print one line per source fetched and a summary line; print the totals of a link run.
void print_fetch_summary(std::ostream& out, const app::FetchSummary& summary);
void print_link_summary(std::ostream& out, const app::LinkSummary& summary);

// Articles are kilobytes; a file past this default is more likely a wrong path or a dump than one article.
inline constexpr const char* k_default_max_size = "20M";

// Refuse an article file larger than `max_size` ("20M", "800K", "0" = no limit) before reading it;
// read standard input (`options.path` "-") into `options.stdin_bytes`, up to the limit only.
void enforce_size(app::ImportOptions& options, std::istream& in, const std::string& max_size);

// Tell the user which charset an article was decoded from when it was guessed, not named.
void say_decoding(std::ostream& err, const std::string& path, const std::string& charset, bool detected);

// Return `text` cut to `width` display columns (CJK counts two) with "…" when cut, on one line.
std::string clip(std::string_view text, std::size_t width);

// Return the display width of `text` (CJK and full-width characters count two).
std::size_t display_width(std::string_view text);

// Return `text` padded with spaces to `width` display columns.
std::string pad(std::string_view text, std::size_t width);

}  // namespace claimtrack::cli
