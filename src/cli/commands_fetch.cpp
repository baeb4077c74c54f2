#include <claimtrack/app.hpp>
#include <claimtrack/app_search.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <unistd.h>

namespace claimtrack::cli {

// Defined in commands_search.cpp.
void add_search_command(CLI::App& app, Table& table);

// Print one line per source and a summary line for a fetch run.
void print_fetch_summary(std::ostream& out, const app::FetchSummary& summary) {
    for (const app::FetchOutcome& result : summary.results) {
        const std::string status = result.http_status ? std::to_string(*result.http_status) : "---";
        out << fmt::format("{:>4}  {:<12} {:>3}  {:>3} passages  {}\n", result.source, result.outcome, status, result.passages,
                           clip(result.url, 80));
        if (!result.error.empty()) out << fmt::format("{:34}{}\n", "", clip(result.error, 80));
    }
    out << fmt::format("Fetched {} sources: {} ok, {} failed", summary.results.size(), summary.ok, summary.failed);
    if (summary.skipped > 0) out << fmt::format("; {} already fetched (use --refresh to fetch them again)", summary.skipped);
    out << ".\n";
    if (summary.interrupted) out << "Interrupted: what finished is stored; run `claimtrack fetch` again for the rest.\n";
}

namespace {

// Return a one-line progress display for a terminal, redrawn in place.
std::string progress_line(const fetch::Progress& progress) {
    return fmt::format("\r\x1b[Kfetching: {}/{} done, {} failed, {} in flight, {:.1f} MB, {:.0f} KB/s", progress.done + progress.failed,
                       progress.total, progress.failed, progress.in_flight, static_cast<double>(progress.bytes) / 1e6,
                       progress.bytes_per_second / 1e3);
}

}  // namespace

// Print the totals of a link run.
void print_link_summary(std::ostream& out, const app::LinkSummary& summary) {
    out << fmt::format("Linked {} claims: {} with evidence; {} passages proposed ({} support, {} contradict, {} mention).\n",
                       summary.claims, summary.claims_with_evidence, summary.evidence, summary.supports, summary.contradicts,
                       summary.mentions);
    if (summary.reanchored + summary.orphaned > 0) {
        out << fmt::format("Sources changed since earlier evidence: {} quotes re-anchored, {} orphaned (quote no longer found).\n",
                           summary.reanchored, summary.orphaned);
    }
}

namespace {

void add_fetch(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::FetchOptions>();
    auto timeout_s = std::make_shared<double>(60.0);
    CLI::App* sub = app.add_subcommand("fetch", "Fetch the cited sources (or replay them from WARC files) and extract their text");
    sub->add_option("--article", options->article, "Only this article's sources (default: all)");
    sub->add_option("--jobs", options->jobs, "Transfers at once (default 16)")->check(CLI::Range(1, 256));
    sub->add_option("--per-host", options->per_host, "Transfers at once per host (default 4)")->check(CLI::Range(1, 64));
    sub->add_option("--timeout", *timeout_s, "Seconds allowed per request (default 60)")->check(CLI::Range(0.1, 3600.0));
    sub->add_option("--from-warc", options->from_warc, "Replay responses from these WARC files instead of the network")
        ->check(CLI::ExistingFile);
    sub->add_option("--warc-out", options->warc_out, "Also write every response to this WARC file (.warc.gz)");
    sub->add_flag("--allow-private", options->allow_private, "Allow loopback and private addresses (refused by default)");
    auto refresh = std::make_shared<bool>(false);
    sub->add_flag("--refresh", *refresh, "Fetch every source again (conditional request); default: only those not fetched yet or failed");
    sub->footer("Examples:\n  claimtrack fetch --article 1 --warc-out sources.warc.gz\n"
                "  claimtrack fetch --refresh\n"
                "  claimtrack fetch --from-warc samples/sources.warc.gz\n"
                "A failed fetch is recorded with its reason and shown by `claimtrack sources`; it does not stop the run.");
    table.push_back({sub, [options, timeout_s, refresh](Context& context) {
                         options->timeout_ms = static_cast<long>(*timeout_s * 1000.0);
                         options->refresh = *refresh ? app::Refresh::all : app::Refresh::missing_only;
                         const InterruptGuard guard;
                         options->cancel = guard.flag();
                         const bool tty = &context.err == &std::cerr && isatty(STDERR_FILENO) != 0;
                         if (tty) {
                             options->on_progress = [&context](const fetch::Progress& progress) {
                                 context.err << progress_line(progress) << std::flush;
                             };
                         }
                         const app::FetchSummary summary = app::fetch_sources(context.store(), *options);
                         if (tty) context.err << "\r\x1b[K" << std::flush;
                         print_fetch_summary(context.out, summary);
                         return summary.interrupted ? 130 : 0;
                     }});
}

void add_link(CLI::App& app, Table& table) {
    auto article = std::make_shared<std::optional<Id>>();
    CLI::App* sub = app.add_subcommand("link", "Propose evidence passages from the fetched sources for each claim");
    auto jobs = std::make_shared<unsigned>(0);
    sub->add_option("--article", *article, "Only this article's claims (default: all)");
    sub->add_option("--jobs", *jobs, "Threads proposing evidence (default: one per core, at most 4)")->check(CLI::Range(1, 64));
    sub->footer("Example:\n  claimtrack link --article 1\nRe-running replaces earlier automatic proposals; accepted and reviewed ones stay.");
    table.push_back({sub, [article, jobs](Context& context) {
                         print_link_summary(context.out, app::link_evidence(context.store(), *article, *jobs));
                         return 0;
                     }});
}

// Print the claim's evidence rows, best first, with temporal flags and (on request) features.
void print_evidence(std::ostream& out, const app::EvidenceView& view, bool explain) {
    const Claim& claim = view.claim;
    out << fmt::format("Claim {} ({}, {}): {}\n", claim.id, to_string(claim.kind), to_string(claim.status), clip(claim.text, 100));
    if (explain) {
        for (const auto& [name, value] : claim.fields) out << fmt::format("  {}: {}\n", name, value);
    }
    if (view.rows.empty()) out << "No evidence yet: run `claimtrack fetch` and `claimtrack link`.\n";
    for (const app::EvidenceRow& shown : view.rows) {
        const Evidence& row = shown.evidence;
        const std::string flag = shown.temporal.empty() ? "" : fmt::format("  [{}]", shown.temporal);
        out << fmt::format("\n  [{}] {} {:.2f}  {}{}\n", row.id, to_string(row.stance), row.score, row.url, flag);
        out << fmt::format("      “{}”\n", clip(row.text, 160));
        if (!row.reason.empty()) out << fmt::format("      why: {}\n", row.reason);
        if (!shown.temporal.empty()) {
            out << fmt::format("      when: dated {} the article ({})\n",
                               shown.temporal == "after-article" ? "after" : "long before", view.article_date);
        }
        if (!explain) continue;
        for (const std::string& feature : shown.features) out << fmt::format("      - {}\n", feature);
    }
}

void add_evidence(CLI::App& app, Table& table) {
    auto claim = std::make_shared<Id>(0);
    auto json = std::make_shared<bool>(false);
    auto explain = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("evidence", "Show the evidence passages proposed for a claim, best first");
    sub->add_option("claim", *claim, "Claim id (see `claimtrack claims`)")->required();
    sub->add_flag("--json", *json, "Print a JSON array");
    sub->add_flag("--explain", *explain, "Show the features behind each assessment (entities, numbers, dates, quote similarity)");
    sub->footer("Example:\n  claimtrack evidence 4\n  claimtrack evidence 4 --explain\n  claimtrack evidence 4 --json\n"
                "Passages dated after the article, or more than 3 years before it, are flagged.");
    table.push_back({sub, [claim, json, explain](Context& context) {
                         const app::EvidenceView view = app::evidence_view(context.store(), *claim);
                         if (!*json) {
                             print_evidence(context.out, view, *explain);
                             return 0;
                         }
                         nlohmann::json out = nlohmann::json::array();
                         for (const app::EvidenceRow& shown : view.rows) {
                             nlohmann::json row = to_json(shown.evidence);
                             row["temporal"] = shown.temporal;
                             if (*explain) row["features"] = shown.features;
                             out.push_back(std::move(row));
                         }
                         context.out << out.dump(2) << "\n";
                         return 0;
                     }});
}

}  // namespace

void add_fetch_commands(CLI::App& app, Table& table) {
    add_fetch(app, table);
    add_link(app, table);
    add_evidence(app, table);
    add_search_command(app, table);
}

}  // namespace claimtrack::cli
