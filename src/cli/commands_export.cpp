#include <claimtrack/app_export.hpp>

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace claimtrack::cli {
namespace {

void add_export_warc(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::ExportWarcOptions>();
    CLI::App* sub = app.add_subcommand("export-warc", "Write the stored source snapshots to a WARC file for an offline rebuild");
    sub->add_option("file", options->path, "The WARC file to write (gzip per record, e.g. sources.warc.gz)")->required();
    sub->add_option("--article", options->article, "Only this article's sources (default: all)");
    sub->footer("Examples:\n  claimtrack export-warc --article 1 article1-sources.warc.gz\n"
                "  claimtrack --db other.db fetch --from-warc article1-sources.warc.gz\n"
                "Each source's latest stored response is written as a request and a response record; sources\n"
                "never fetched or with no response (unreachable, refused) are listed and left out.");
    table.push_back({sub, [options](Context& context) {
                         const app::ExportWarcSummary summary = app::export_warc(context.store(), *options);
                         for (const std::string& url : summary.skipped) {
                             context.out << fmt::format("  no stored response, left out: {}\n", clip(url, 90));
                         }
                         context.out << fmt::format("Wrote {} of {} sources to {}.\n", summary.exported, summary.sources, options->path);
                         return 0;
                     }});
}

}  // namespace

void add_export_commands(CLI::App& app, Table& table) { add_export_warc(app, table); }

}  // namespace claimtrack::cli
