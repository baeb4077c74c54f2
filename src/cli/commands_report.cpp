#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace claimtrack::cli {

namespace {

struct ReportOptions {
    std::optional<Id> article;
    std::string format = "text";
    std::string out;
    bool history = false;
    std::vector<std::string> fail_on;
};

// Write `content` to `path` through a temporary file, so a reader never sees half a report.
void write_file(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) throw Error(ErrorKind::io, path, "open", std::strerror(errno));
        file << content;
        if (!file.flush()) throw Error(ErrorKind::io, path, "write", std::strerror(errno));
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw Error(ErrorKind::io, path, "rename", reason);
    }
}

// Split "a,b" lists given to --fail-on.
std::vector<std::string> split_list(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items) {
        std::size_t start = 0;
        while (start <= item.size()) {
            const std::size_t comma = std::min(item.find(',', start), item.size());
            if (comma > start) out.push_back(item.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return out;
}

int emit_report(Context& context, const ReportOptions& options) {
    const auto format = report::format_from_name(options.format);
    if (!format) throw Error(ErrorKind::usage, "--format", options.format, "unknown format (text, markdown, json, html, csv or claimreview)");
    const std::vector<std::string> gates = split_list(options.fail_on);
    const report::Report model = app::build_report(context.store(), options.article);
    const std::vector<std::string> failed = app::failed_gates(model, gates);

    report::RenderOptions render;
    const bool color = *format == report::Format::text && options.out.empty() && context.out_is_tty && std::getenv("NO_COLOR") == nullptr;
    render.color = color ? report::Color::on : report::Color::off;
    render.history = options.history ? report::History::show : report::History::hide;
    const std::string text = report::render(model, *format, render);
    if (options.out.empty()) {
        context.out << text;
    } else {
        write_file(options.out, text);
        context.err << fmt::format("Report written to {}\n", options.out);
    }
    if (!failed.empty()) {
        std::string names;
        for (const std::string& name : failed) names += (names.empty() ? "" : ", ") + name;
        context.err << fmt::format("claimtrack: report gate failed: {}\n", names);
        return 3;
    }
    return 0;
}

void add_report_options(CLI::App* sub, ReportOptions& options) {
    sub->add_option("--format", options.format, "text, markdown, json, html, csv or claimreview (schema.org JSON-LD); default text");
    sub->add_option("--out", options.out, "Write the report to this file instead of standard output");
    sub->add_flag("--history", options.history, "Include each claim's review history");
    sub->add_option("--fail-on", options.fail_on, "Exit 3 if the article has any of: disputed, unsourced, dead (comma-separated)")
        ->delimiter(',');
}

void add_report(CLI::App& app, Table& table) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* sub = app.add_subcommand("report", "Print the sourcing report: coverage, each claim with its best evidence, each source");
    sub->add_option("--article", options->article, "Only this article (default: all)");
    add_report_options(sub, *options);
    sub->footer("Examples:\n  claimtrack report --article 1\n  claimtrack report --format markdown --out report.md --history\n"
                "  claimtrack report --format html --out report.html\n"
                "  claimtrack report --fail-on disputed,unsourced   # exit 3 for an editorial pipeline");
    table.push_back({sub, [options](Context& context) { return emit_report(context, *options); }});
}

struct CheckOptions {
    app::ImportOptions import;
    app::FetchOptions fetch;
    ReportOptions report;
    std::string max_size = k_default_max_size;
};

void add_check(CLI::App& app, Table& table) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* sub = app.add_subcommand("check", "Import an article, fetch its sources, link evidence and print the report, in one go");
    sub->add_option("file", options->import.path, "Article file (.txt, .md, .html) or - for standard input")->required();
    sub->add_option("--date", options->import.date, "The article's date, YYYY-MM-DD");
    sub->add_option("--encoding", options->import.encoding, "Charset of the file (default: UTF-8 when valid, else detected)");
    sub->add_option("--max-size", options->max_size, "Refuse a file larger than this, e.g. 50M, 800K; 0 for no limit (default: 20M)");
    sub->add_option("--from-warc", options->fetch.from_warc, "Replay sources from these WARC files instead of the network")
        ->check(CLI::ExistingFile);
    sub->add_option("--warc-out", options->fetch.warc_out, "Also archive every response to this WARC file");
    sub->add_flag("--allow-private", options->fetch.allow_private, "Allow loopback and private addresses");
    add_report_options(sub, options->report);
    sub->footer("Example:\n  claimtrack check samples/article-zh-chips.txt --from-warc samples/sources.warc.gz --date 2025-11-10\n"
                "Step summaries go to standard error, the report to standard output.");
    table.push_back({sub, [options](Context& context) {
                         enforce_size(options->import, context.in, options->max_size);
                         const app::ImportedFile file = app::import_file(options->import, [&]() -> Store& { return context.store(); });
                         say_decoding(context.err, options->import.path, file.charset, file.detected);
                         const app::ImportResult& imported = file.result;
                         context.err << fmt::format("{} article {}: {} ({} claims, {} sources)\n",
                                                    imported.already_imported ? "Already imported:" : "Imported", imported.article,
                                                    imported.title, imported.claims, imported.sources);
                         options->fetch.article = imported.article;
                         print_fetch_summary(context.err, app::fetch_sources(context.store(), options->fetch));
                         print_link_summary(context.err, app::link_evidence(context.store(), imported.article));
                         options->report.article = imported.article;
                         return emit_report(context, options->report);
                     }});
}

}  // namespace

void add_report_commands(CLI::App& app, Table& table) {
    add_report(app, table);
    add_check(app, table);
}

}  // namespace claimtrack::cli
