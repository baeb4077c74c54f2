#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace claimtrack::cli {

// Defined in commands_review_claims.cpp: `claim add|edit|reject`, `evidence accept|reject`, `claims --all`.
void add_claim_review_commands(CLI::App& app, Table& table);

namespace {

constexpr const char* k_by_help = "Reviewer name (default: $CLAIMTRACK_REVIEWER, else the login name)";

void print_row(Context& context, const Review& row) {
    context.out << fmt::format("Claim {}: {} → {} (review {}, by {})\n", row.claim, to_string(row.previous), to_string(row.status),
                               row.id, row.reviewer);
}

// Add a review command that sets `status`; a dispute must say why.
void add_decision(CLI::App& app, Table& table, const char* name, const char* summary, Status status, const char* example) {
    auto options = std::make_shared<app::ReviewOptions>();
    options->status = status;
    CLI::App* sub = app.add_subcommand(name, summary);
    sub->add_option("claim", options->claim, "Claim id (see `claimtrack claims`)")->required();
    sub->add_option("--evidence", options->evidence, "Evidence id the decision rests on (see `claimtrack evidence CLAIM`)");
    auto* note = sub->add_option("--note", options->note, "Why: what you checked, what you found");
    if (status == Status::disputed) note->required();
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->footer(example);
    table.push_back({sub, [options](Context& context) {
                         print_row(context, app::review_claim(context.store(), *options));
                         return 0;
                     }});
}

void add_mark(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::ReviewOptions>();
    auto status = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("mark", "Mark a claim unverifiable, or back to unreviewed");
    sub->add_option("claim", options->claim, "Claim id")->required();
    sub->add_option("status", *status, "unverifiable or unreviewed")->required()->check(CLI::IsMember({"unverifiable", "unreviewed"}));
    sub->add_option("--evidence", options->evidence, "Evidence id the decision rests on");
    sub->add_option("--note", options->note, "Why");
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->footer("Example:\n  claimtrack mark 7 unverifiable --note \"the report is not public\"");
    table.push_back({sub, [options, status](Context& context) {
                         options->status = *status_from(*status);
                         print_row(context, app::review_claim(context.store(), *options));
                         return 0;
                     }});
}

void add_reopen(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::ReviewOptions>();
    CLI::App* sub = app.add_subcommand("reopen", "Put a reviewed claim back to unreviewed, or restore a rejected claim");
    sub->add_option("claim", options->claim, "Claim id")->required();
    sub->add_option("--note", options->note, "Why it needs another look");
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->footer("Example:\n  claimtrack reopen 4 --note \"the company corrected its filing\"");
    table.push_back({sub, [options](Context& context) {
                         print_row(context, app::reopen_claim(context.store(), *options));
                         return 0;
                     }});
}

// Return the log row's change in a few words: "verified → disputed", "evidence 12 rejected", ...
std::string describe(const LogEntry& entry) {
    const Review& row = entry.review;
    const std::string evidence = row.evidence ? fmt::format("evidence {}", *row.evidence) : std::string("evidence");
    switch (entry.action) {
        case LogAction::status:
            return fmt::format("{} → {}{}", to_string(row.previous), to_string(row.status),
                               row.evidence ? fmt::format(" (evidence {})", *row.evidence) : "");
        case LogAction::claim_add: return "claim added by hand" + (entry.detail.empty() ? "" : " (" + entry.detail + ")");
        case LogAction::claim_edit: return "claim edited: " + entry.detail;
        case LogAction::claim_reject: return "claim rejected: not a claim";
        case LogAction::claim_restore: return "claim restored";
        case LogAction::evidence_accept: return evidence + " accepted";
        case LogAction::evidence_reject: return evidence + " rejected";
    }
    return std::string(to_string(entry.action));
}

nlohmann::json entry_json(const LogEntry& entry) {
    nlohmann::json row = to_json(entry.review);
    row["action"] = to_string(entry.action);
    row["detail"] = entry.detail;
    return row;
}

void add_history(CLI::App& app, Table& table) {
    auto claim = std::make_shared<Id>(0);
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("history", "Show every change to a claim: decisions, edits, rejections, evidence verdicts");
    sub->add_option("claim", *claim, "Claim id")->required();
    sub->add_flag("--json", *json, "Print a JSON array (each row with its `action`)");
    sub->footer("Example:\n  claimtrack history 4\n  claimtrack history 4 --json");
    table.push_back({sub, [claim, json](Context& context) {
                         const Claim found = app::require_claim(context.store(), *claim);
                         const auto rows = context.store().log(found.id);
                         if (*json) {
                             nlohmann::json out = nlohmann::json::array();
                             for (const LogEntry& row : rows) out.push_back(entry_json(row));
                             context.out << out.dump(2) << "\n";
                             return 0;
                         }
                         const auto state = context.store().claim_state(found.id);
                         context.out << fmt::format("Claim {} ({}{}): {}\n", found.id, to_string(found.status),
                                                    state && state->rejected ? ", rejected" : "", clip(found.text, 100));
                         if (rows.empty()) context.out << "  no review yet\n";
                         for (const LogEntry& row : rows) {
                             context.out << fmt::format("  {}  {}  {}\n", row.review.created_at, pad(row.review.reviewer, 12), describe(row));
                             if (!row.review.note.empty()) context.out << fmt::format("      {}\n", row.review.note);
                         }
                         return 0;
                     }});
}

void add_batch(CLI::App& app, Table& table) {
    auto path = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("review", "Apply review decisions from a CSV file, all or none");
    sub->add_option("--from", *path, "CSV file with the header claim,action,note,evidence,by")->required();
    sub->footer(
        "Actions: verify, dispute (needs a note), unverifiable, unreviewed, reopen. Columns note,\n"
        "evidence and by may be left out or empty; rows are numbered as in a spreadsheet (header = 1).\n"
        "Example:\n"
        "  claimtrack review --from decisions.csv\n"
        "  where decisions.csv holds:\n"
        "    claim,action,note,evidence,by\n"
        "    4,verify,\"matches the filing, p. 3\",12,lin\n"
        "    5,dispute,the source says 90%,,lin");
    table.push_back({sub, [path](Context& context) {
                         const app::BatchSummary summary = app::review_batch(context.store(), *path);
                         context.out << fmt::format("{}: {} decisions recorded\n", *path, summary.rows);
                         for (const Review& row : summary.written) print_row(context, row);
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
    add_reopen(app, table);
    add_history(app, table);
    add_batch(app, table);
    add_claim_review_commands(app, table);
}

}  // namespace claimtrack::cli
