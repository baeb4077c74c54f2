#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <sstream>

namespace claimtrack::cli {
namespace {

std::string read_all(std::istream& in) { return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}; }

std::string fields_line(const Claim& claim) {
    std::string line;
    for (const auto& [name, value] : claim.fields) {
        if (value.empty()) continue;
        if (!line.empty()) line += "  ";
        line += name + "=" + value;
    }
    return line;
}

}  // namespace

void say_decoding(std::ostream& err, const std::string& path, const app::ReadArticle& read) {
    if (!read.detected) return;
    err << fmt::format("{}: not UTF-8; decoded as {} (detected; name it with --encoding if that is wrong)\n", path, read.charset);
}

namespace {

void add_import(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::ImportOptions>();
    CLI::App* sub = app.add_subcommand("import", "Import an article: store its text, its cited sources and the claims found in it");
    sub->add_option("file", options->path, "Article file (.txt, .md, .html) or - for standard input")->required();
    sub->add_option("--format", options->format, "text, markdown or html (default: from the file extension)");
    sub->add_option("--title", options->title, "Title to use instead of the first line");
    sub->add_option("--date", options->date, "The article's date, YYYY-MM-DD (anchors relative dates such as 今年4月)");
    sub->add_option("--encoding", options->encoding, "Charset of the file, e.g. gb18030, big5 (default: UTF-8 when valid, else detected)");
    sub->footer("Example:\n  claimtrack import samples/article-zh-chips.txt --date 2025-11-10\n"
                "Importing the same text again changes nothing and prints the existing article's id.");
    table.push_back({sub, [options](Context& context) {
                         if (options->path == "-") options->stdin_bytes = read_all(context.in);
                         app::ReadArticle read = app::read_article(*options);
                         say_decoding(context.err, options->path, read);
                         const app::ImportResult result = app::import_article(context.store(), std::move(read.article));
                         if (result.already_imported) {
                             context.out << fmt::format("Article {} already holds this text ({}); nothing changed.\n",
                                                        result.article, result.title);
                         } else {
                             context.out << fmt::format("Imported article {}: {}\n", result.article, result.title);
                         }
                         context.out << fmt::format("  language {}, {} paragraphs, {} cited sources, {} claims\n",
                                                    result.language, result.paragraphs, result.sources, result.claims);
                         context.out << fmt::format("Next: claimtrack claims --article {0}   claimtrack fetch --article {0}\n",
                                                    result.article);
                         return 0;
                     }});
}

void add_articles(CLI::App& app, Table& table) {
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("articles", "List the imported articles");
    sub->add_flag("--json", *json, "Print a JSON array");
    sub->footer("Example:\n  claimtrack articles --json");
    table.push_back({sub, [json](Context& context) {
                         const auto articles = context.store().articles();
                         if (*json) {
                             nlohmann::json rows = nlohmann::json::array();
                             for (const Article& a : articles) rows.push_back(to_json(a));
                             context.out << rows.dump(2) << "\n";
                             return 0;
                         }
                         if (articles.empty()) context.out << "No articles yet: claimtrack import FILE\n";
                         for (const Article& a : articles) {
                             context.out << fmt::format("{:>4}  {}  {:<3}  {}\n", a.id, a.date.empty() ? "----------" : a.date,
                                                        a.language, clip(a.title, 70));
                         }
                         return 0;
                     }});
}

struct ClaimsOptions {
    std::optional<Id> article;
    std::string kind;
    std::string status;
    bool json = false;
};

ClaimFilter filter_of(const ClaimsOptions& options) {
    ClaimFilter filter;
    filter.article = options.article;
    if (!options.kind.empty()) {
        filter.kind = claim_kind_from(options.kind);
        if (!filter.kind) throw Error(ErrorKind::usage, "--kind", options.kind, "unknown kind (quantity, role, quote, event, comparison)");
    }
    if (!options.status.empty()) {
        filter.status = status_from(options.status);
        if (!filter.status) throw Error(ErrorKind::usage, "--status", options.status, "unknown status (unreviewed, verified, disputed, unverifiable)");
    }
    return filter;
}

void print_claims(std::ostream& out, const std::vector<Claim>& claims) {
    if (claims.empty()) {
        out << "No claims match.\n";
        return;
    }
    out << fmt::format("{:>4}  {:<10}  {:<12}  {:>5}  {}\n", "ID", "KIND", "STATUS", "WORTH", "CLAIM");
    for (const Claim& claim : claims) {
        out << fmt::format("{:>4}  {:<10}  {:<12}  {:>5.2f}  {}{}\n", claim.id, to_string(claim.kind), to_string(claim.status),
                           claim.checkworthiness, claim.hedged ? "[hedged] " : "", clip(claim.text, 90));
        if (const std::string fields = fields_line(claim); !fields.empty()) {
            out << fmt::format("{:39}{}\n", "", clip(fields, 90));
        }
    }
}

void add_claims(CLI::App& app, Table& table) {
    auto options = std::make_shared<ClaimsOptions>();
    CLI::App* sub = app.add_subcommand("claims", "List the claims found in the articles, with their fields and review status");
    sub->add_option("--article", options->article, "Only this article's claims");
    sub->add_option("--kind", options->kind, "quantity, role, quote, event or comparison");
    sub->add_option("--status", options->status, "unreviewed, verified, disputed or unverifiable");
    sub->add_flag("--json", options->json, "Print a JSON array");
    sub->footer("Example:\n  claimtrack claims --article 1 --kind quantity\n  claimtrack claims --status disputed --json");
    table.push_back({sub, [options](Context& context) {
                         const ClaimFilter filter = filter_of(*options);
                         const auto claims = context.store().claims(filter);
                         if (options->json) {
                             nlohmann::json rows = nlohmann::json::array();
                             for (const Claim& claim : claims) rows.push_back(to_json(claim));
                             context.out << rows.dump(2) << "\n";
                         } else {
                             print_claims(context.out, claims);
                         }
                         return 0;
                     }});
}

std::string fetch_state(const SourceRow& row) {
    if (row.fetched_at.empty()) return "not fetched";
    if (row.http_status) return fmt::format("{} {}", row.outcome, *row.http_status);
    return row.outcome;
}

void add_sources(CLI::App& app, Table& table) {
    auto article = std::make_shared<std::optional<Id>>();
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("sources", "List the sources the articles cite, with the latest fetch result");
    sub->add_option("--article", *article, "Only this article's sources");
    sub->add_flag("--json", *json, "Print a JSON array");
    sub->footer("Example:\n  claimtrack sources --article 1 --json");
    table.push_back({sub, [article, json](Context& context) {
                         const auto rows = context.store().sources(*article);
                         if (*json) {
                             nlohmann::json out = nlohmann::json::array();
                             for (const SourceRow& row : rows) out.push_back(to_json(row));
                             context.out << out.dump(2) << "\n";
                             return 0;
                         }
                         if (rows.empty()) context.out << "No sources.\n";
                         for (const SourceRow& row : rows) {
                             context.out << fmt::format("{:>4}  art {:<3} {:<16}  {}\n", row.id, row.article, fetch_state(row), row.url);
                             context.out << fmt::format("{:30}{}\n", "", clip(row.title, 80));
                             if (!row.error.empty()) context.out << fmt::format("{:30}error: {}\n", "", clip(row.error, 80));
                         }
                         return 0;
                     }});
}

}  // namespace

void add_import_commands(CLI::App& app, Table& table) {
    add_import(app, table);
    add_articles(app, table);
    add_claims(app, table);
    add_sources(app, table);
}

}  // namespace claimtrack::cli
