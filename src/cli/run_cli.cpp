#include <claimtrack/cli.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace claimtrack {
namespace cli {

Store& Context::store() {
    if (!m_store) m_store = std::make_unique<Store>(m_db_path);
    return *m_store;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        // Three- and four-byte sequences are mostly CJK, kana, Hangul and full-width forms.
        width += length >= 3 ? 2 : 1;
        i += length;
    }
    return width;
}

std::string clip(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = std::min(text.size() - i, std::size_t{c < 0x80 ? 1u : c < 0xE0 ? 2u : c < 0xF0 ? 3u : 4u});
        const std::size_t w = length >= 3 ? 2 : 1;
        if (used + w > width - 1 && i + length < text.size()) {
            out += "…";
            return out;
        }
        const char first = text[i];
        out += (first == '\n' || first == '\t' || first == '\r') ? std::string(" ") : std::string(text.substr(i, length));
        used += w;
        i += length;
    }
    return out;
}

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t used = display_width(text);
    if (used < width) out.append(width - used, ' ');
    return out;
}

}  // namespace cli

namespace {

std::string default_db() {
    if (const char* path = std::getenv("CLAIMTRACK_DB"); path != nullptr && *path != '\0') return path;
    return "claimtrack.db";
}

int exit_code(ErrorKind kind) { return kind == ErrorKind::usage ? 2 : 1; }

// Stop when the command names an article (--article N) that the database does not hold: every
// command would otherwise print an empty result as if the article had nothing in it.
void require_named_article(const CLI::App& command, cli::Context& context) {
    const CLI::Option* option = command.get_option_no_throw("--article");
    if (option == nullptr || option->count() == 0) return;
    const auto id = option->as<Id>();
    if (!context.store().has_article(id)) {
        throw Error(ErrorKind::not_found, "article " + std::to_string(id), "database", "no such article (see `claimtrack articles`)");
    }
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App app{"claimtrack: track the claims of a news article, their sources and the evidence for them.", "claimtrack"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "claimtrack 0.1.0");
    app.footer(
        "Typical session:\n"
        "  claimtrack import article.txt --date 2025-11-10\n"
        "  claimtrack fetch && claimtrack link\n"
        "  claimtrack claims\n"
        "  claimtrack verify 3 --evidence 12 --note \"matches the filing\"\n"
        "  claimtrack report --format markdown --out report.md\n"
        "Run `claimtrack COMMAND --help` for a command's options and an example.");
    std::string db_path = default_db();
    app.add_option("--db", db_path, "SQLite database file (default: $CLAIMTRACK_DB or ./claimtrack.db)");

    cli::Table table;
    cli::add_import_commands(app, table);
    cli::add_fetch_commands(app, table);
    cli::add_review_commands(app, table);
    cli::add_report_commands(app, table);
    cli::add_extract_commands(app, table);
    cli::add_export_commands(app, table);
    cli::add_alias_commands(app, table);

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) reversed.pop_back();  // the program name
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            return app.exit(e, out, err);
        }
        err << "claimtrack: error: " << e.what() << " (see `claimtrack --help`)\n";
        return 2;
    }

    const bool tty = &out == &std::cout && isatty(STDOUT_FILENO) != 0;
    cli::Context context(db_path, std::cin, out, err, tty);
    try {
        for (const cli::Command& command : table) {
            if (!command.app->parsed()) continue;
            require_named_article(*command.app, context);
            return command.run(context);
        }
        err << "claimtrack: error: no command given (see `claimtrack --help`)\n";
        return 2;
    } catch (const Error& e) {
        err << "claimtrack: error: " << e.input() << ": " << e.place() << ": " << e.reason() << "\n";
        return exit_code(e.kind());
    } catch (const std::logic_error& e) {
        // Never the input's fault: a bug of ours (an index out of range...). The command's
        // transaction was rolled back on the way out.
        err << "claimtrack: internal error: " << e.what() << " (a bug in claimtrack; please report it with the input)\n";
        return 1;
    } catch (const std::exception& e) {
        err << "claimtrack: error: " << db_path << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace claimtrack
