#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace claimtrack::cli {
namespace {

int record(Context& context, const app::ReviewOptions& options) {
    const Review row = app::review_claim(context.store(), options);
    context.out << fmt::format("Claim {}: {} → {} (review {}, by {})\n", row.claim, to_string(row.previous), to_string(row.status),
                               row.id, row.reviewer);
    return 0;
}

// Add a review command that sets `status`; `note_required` decides whether --note must be given.
void add_decision(CLI::App& app, Table& table, const char* name, const char* summary, Status status, const char* example) {
    auto options = std::make_shared<app::ReviewOptions>();
    options->status = status;
    CLI::App* sub = app.add_subcommand(name, summary);
    sub->add_option("claim", options->claim, "Claim id (see `claimtrack claims`)")->required();
    sub->add_option("--evidence", options->evidence, "Evidence id the decision rests on (see `claimtrack evidence CLAIM`)");
    auto* note = sub->add_option("--note", options->note, "Why: what you checked, what you found");
    if (status == Status::disputed) note->required();
    sub->add_option("--by", options->reviewer, "Reviewer name (default: $CLAIMTRACK_REVIEWER or the login name)");
    sub->footer(example);
    table.push_back({sub, [options](Context& context) { return record(context, *options); }});
}

void add_mark(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::ReviewOptions>();
    auto status = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("mark", "Mark a claim unverifiable, or back to unreviewed");
    sub->add_option("claim", options->claim, "Claim id")->required();
    sub->add_option("status", *status, "unverifiable or unreviewed")->required()->check(CLI::IsMember({"unverifiable", "unreviewed"}));
    sub->add_option("--note", options->note, "Why");
    sub->add_option("--by", options->reviewer, "Reviewer name (default: $CLAIMTRACK_REVIEWER or the login name)");
    sub->footer("Example:\n  claimtrack mark 7 unverifiable --note \"the report is not public\"");
    table.push_back({sub, [options, status](Context& context) {
                         options->status = *status_from(*status);
                         return record(context, *options);
                     }});
}

void add_history(CLI::App& app, Table& table) {
    auto claim = std::make_shared<Id>(0);
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("history", "Show every review decision on a claim, oldest first");
    sub->add_option("claim", *claim, "Claim id")->required();
    sub->add_flag("--json", *json, "Print a JSON array");
    sub->footer("Example:\n  claimtrack history 4");
    table.push_back({sub, [claim, json](Context& context) {
                         const Claim found = app::require_claim(context.store(), *claim);
                         const auto rows = context.store().history(found.id);
                         if (*json) {
                             nlohmann::json out = nlohmann::json::array();
                             for (const Review& row : rows) out.push_back(to_json(row));
                             context.out << out.dump(2) << "\n";
                             return 0;
                         }
                         context.out << fmt::format("Claim {} ({}): {}\n", found.id, to_string(found.status), clip(found.text, 100));
                         if (rows.empty()) context.out << "  no review yet\n";
                         for (const Review& row : rows) {
                             context.out << fmt::format("  {}  {:<12} {} → {}{}\n", row.created_at, row.reviewer, to_string(row.previous),
                                                        to_string(row.status),
                                                        row.evidence ? fmt::format(" (evidence {})", *row.evidence) : "");
                             if (!row.note.empty()) context.out << fmt::format("      {}\n", row.note);
                         }
                         return 0;
                     }});
}

}  // namespace

void add_review_commands(CLI::App& app, Table& table) {
    add_decision(app, table, "verify", "Mark a claim verified, optionally naming the evidence and a note", Status::verified,
                 "Example:\n  claimtrack verify 4 --evidence 12 --note \"same figure in the company filing\" --by lin");
    add_decision(app, table, "dispute", "Mark a claim disputed; a note saying why is required", Status::disputed,
                 "Example:\n  claimtrack dispute 5 --note \"the source says 90%, not 95%\" --evidence 17");
    add_mark(app, table);
    add_history(app, table);
}

}  // namespace claimtrack::cli
