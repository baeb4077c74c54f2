#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

// The checker's corrections: `claim add|edit|reject`, `evidence accept|reject`, and `claims --all`.
namespace claimtrack::cli {

void add_claim_review_commands(CLI::App& app, Table& table);

namespace {

constexpr const char* k_by_help = "Reviewer name (default: $CLAIMTRACK_REVIEWER, else the login name)";

std::string fields_line(const Claim& claim) {
    std::string line;
    for (const auto& [name, value] : claim.fields) {
        if (!value.empty()) line += (line.empty() ? "" : "  ") + name + "=" + value;
    }
    return line;
}

void add_claim_add(CLI::App& group, Table& table) {
    auto options = std::make_shared<app::ClaimAddOptions>();
    CLI::App* sub = group.add_subcommand("add", "Add a claim the extractor missed (anchored in the body when its text is there)");
    sub->add_option("article", options->article, "Article id (see `claimtrack articles`)")->required();
    sub->add_option("text", options->text, "The claim, best copied exactly from the article")->required();
    sub->add_option("--kind", options->kind, "quantity, role, quote, event or comparison (default: guessed)");
    sub->add_option("--field", options->fields, "A field as name=value (repeatable), e.g. --field unit=%");
    sub->add_option("--note", options->note, "Why it is worth checking");
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->footer("Example:\n  claimtrack claim add 1 \"英伟达的CEO是黄仁勋\" --kind role --field person=黄仁勋 --field role=CEO");
    table.push_back({sub, [options](Context& context) {
                         const app::ClaimAddResult result = app::add_claim(context.store(), *options);
                         const Claim& claim = result.claim;
                         context.out << fmt::format("Claim {} added to article {} ({}): {}\n", claim.id, claim.article,
                                                    to_string(claim.kind), clip(claim.text, 100));
                         if (result.anchored) {
                             context.out << fmt::format("  anchored at bytes {}..{} of the article\n", claim.span.start, claim.span.end);
                         } else {
                             context.out << "  [unanchored] the text is not in the article body: it is kept at 0..0\n";
                         }
                         if (!claim.fields.empty()) context.out << "  " << clip(fields_line(claim), 100) << "\n";
                         return 0;
                     }});
}

void add_claim_edit(CLI::App& group, Table& table) {
    auto options = std::make_shared<app::ClaimEditOptions>();
    CLI::App* sub = group.add_subcommand("edit", "Correct a claim's kind or fields (the change is logged)");
    sub->add_option("claim", options->claim, "Claim id")->required();
    sub->add_option("--field", options->fields, "A field as name=value (repeatable); name= removes it");
    sub->add_option("--kind", options->kind, "quantity, role, quote, event or comparison");
    sub->add_option("--note", options->note, "Why");
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->footer("Example:\n  claimtrack claim edit 5 --field from=95% --field to=0 --note \"the extractor missed the start value\"");
    table.push_back({sub, [options](Context& context) {
                         const app::ClaimEditResult result = app::edit_claim(context.store(), *options);
                         context.out << fmt::format("Claim {} edited (review {}): {}\n", result.claim.id, result.log_row, result.change);
                         return 0;
                     }});
}

void add_claim_reject(CLI::App& group, Table& table) {
    auto options = std::make_shared<app::ReviewOptions>();
    CLI::App* sub = group.add_subcommand("reject", "Reject a sentence that is not a claim: kept in the log, hidden from lists and reports");
    sub->add_option("claim", options->claim, "Claim id")->required();
    sub->add_option("--note", options->note, "Why it is not a claim")->required();
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->footer("Example:\n  claimtrack claim reject 9 --note \"an opinion, not a checkable claim\"\n"
                "Undo with `claimtrack reopen 9`; `claimtrack claims --all` still lists it.");
    table.push_back({sub, [options](Context& context) {
                         const Review row = app::reject_claim(context.store(), *options);
                         context.out << fmt::format("Claim {} rejected (review {}, by {}): hidden from lists and reports\n", row.claim,
                                                    row.id, row.reviewer);
                         return 0;
                     }});
}

// Add `evidence accept|reject ID` under `parent`, ahead of every other row of the table so a
// parsed subcommand wins over its parent.
void add_evidence_verdicts(CLI::App& parent, Table& table) {
    for (const auto decision : {app::EvidenceDecision::accept, app::EvidenceDecision::reject}) {
        const bool accept = decision == app::EvidenceDecision::accept;
        auto id = std::make_shared<Id>(0);
        auto note = std::make_shared<std::string>();
        auto by = std::make_shared<std::string>();
        CLI::App* sub = parent.add_subcommand(accept ? "accept" : "reject",
                                              accept ? "Accept an evidence link: shown first for its claim"
                                                     : "Reject an evidence link: hidden, and never proposed again by `link`");
        sub->add_option("evidence", *id, "Evidence id (see `claimtrack evidence CLAIM`)")->required();
        auto* note_option = sub->add_option("--note", *note, accept ? "Why it bears on the claim" : "Why it does not");
        if (!accept) note_option->required();
        sub->add_option("--by", *by, k_by_help);
        sub->footer(accept ? "Example:\n  claimtrack evidence accept 12 --note \"the filing, page 3\""
                           : "Example:\n  claimtrack evidence reject 13 --note \"about a different company\"");
        table.insert(table.begin(), {sub, [id, note, by, decision](Context& context) {
                                         const Review row = app::decide_evidence(context.store(), *id, decision, *note, *by);
                                         context.out << fmt::format("Evidence {} {} for claim {} (review {}, by {})\n", *id,
                                                                    decision == app::EvidenceDecision::accept ? "accepted" : "rejected",
                                                                    row.claim, row.id, row.reviewer);
                                         return 0;
                                     }});
    }
}

// Find the subcommand `name` registered by another command group, or nothing.
CLI::App* existing(CLI::App& app, const std::string& name) {
    try {
        return app.get_subcommand(name);
    } catch (const CLI::OptionNotFound&) {
        return nullptr;
    }
}

Table::iterator row_of(Table& table, const CLI::App* sub) {
    return std::find_if(table.begin(), table.end(), [sub](const Command& command) { return command.app == sub; });
}

// `evidence CLAIM` lists evidence; with the verdict subcommands its claim becomes optional, so
// say what is missing when neither is given.
void extend_evidence(CLI::App& app, Table& table) {
    CLI::App* evidence = existing(app, "evidence");
    if (evidence == nullptr) {
        evidence = app.add_subcommand("evidence", "Accept or reject evidence links");
        evidence->require_subcommand(1);
    } else if (CLI::Option* claim = evidence->get_option_no_throw("claim"); claim != nullptr) {
        claim->required(false);
        if (auto row = row_of(table, evidence); row != table.end()) {
            row->run = [list = row->run, claim](Context& context) {
                if (claim->count() == 0) {
                    throw Error(ErrorKind::usage, "evidence", "arguments",
                                "give a claim id (`evidence CLAIM`) or `evidence accept|reject ID`");
                }
                return list(context);
            };
        }
    }
    evidence->footer("Example:\n  claimtrack evidence 4\n  claimtrack evidence accept 12\n"
                     "  claimtrack evidence reject 13 --note \"about a different company\"");
    add_evidence_verdicts(*evidence, table);
}

}  // namespace

void add_claim_review_commands(CLI::App& app, Table& table) {
    CLI::App* group = app.add_subcommand("claim", "Add, edit or reject a claim by hand (claim add|edit|reject)");
    group->require_subcommand(1);
    group->footer("Example:\n  claimtrack claim add 1 \"Nvidia's share fell from 95% to zero\" --kind quantity\n"
                  "  claimtrack claim edit 5 --field unit=%\n  claimtrack claim reject 9 --note \"an opinion\"");
    add_claim_add(*group, table);
    add_claim_edit(*group, table);
    add_claim_reject(*group, table);
    extend_evidence(app, table);
}

}  // namespace claimtrack::cli
