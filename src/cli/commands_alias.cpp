#include <claimtrack/app_evidence.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace claimtrack::cli {
namespace {

constexpr const char* k_by_help = "Your name (default: $CLAIMTRACK_REVIEWER, else the login name)";

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : " = ") + name;
    return out;
}

void add_alias_add(CLI::App& parent, Table& table) {
    auto options = std::make_shared<app::AliasAddOptions>();
    CLI::App* sub = parent.add_subcommand("add", "Make two names one entity for linking and search");
    sub->add_option("name", options->name, "A name as one article writes it (e.g. 英伟达)")->required();
    sub->add_option("canonical", options->canonical, "Another name of the same entity (e.g. Nvidia)")->required();
    sub->add_option("--by", options->by, k_by_help);
    sub->footer("Examples:\n  claimtrack alias add 英伟达 Nvidia\n  claimtrack alias add 天穹科技 \"Skydome Technologies\"\n"
                "Run `claimtrack link` again afterwards so the new name is used.");
    table.push_back({sub, [options](Context& context) {
                         const app::AliasAddResult result = app::add_alias(context.store(), *options);
                         context.out << fmt::format("{}: {}\n", result.added ? "Added" : "Already the same entity",
                                                    joined(result.group));
                         return 0;
                     }});
}

nlohmann::json to_json(const app::AliasEntry& entry) {
    nlohmann::json j{{"names", entry.names}, {"builtin", entry.builtin}};
    if (!entry.builtin) {
        j["created_by"] = entry.created_by;
        j["created_at"] = entry.created_at;
    }
    return j;
}

void add_alias_list(CLI::App& parent, Table& table) {
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = parent.add_subcommand("list", "List the built-in aliases and the ones you added");
    sub->add_flag("--json", *json, "Print a JSON array of {names, builtin, created_by, created_at}");
    sub->footer("Examples:\n  claimtrack alias list\n  claimtrack alias list --json");
    table.push_back({sub, [json](Context& context) {
                         const auto entries = app::list_aliases(context.store());
                         if (*json) {
                             nlohmann::json out = nlohmann::json::array();
                             for (const auto& entry : entries) out.push_back(to_json(entry));
                             context.out << out.dump(2) << "\n";
                             return 0;
                         }
                         for (const auto& entry : entries) {
                             const std::string who = entry.builtin ? "" : fmt::format("  (by {}, {})", entry.created_by, entry.created_at);
                             context.out << fmt::format("{:<9}{}{}\n", entry.builtin ? "built-in" : "user", joined(entry.names), who);
                         }
                         return 0;
                     }});
}

void add_alias_remove(CLI::App& parent, Table& table) {
    auto name = std::make_shared<std::string>();
    CLI::App* sub = parent.add_subcommand("remove", "Remove the aliases you added for a name");
    sub->add_option("name", *name, "A name of a user alias (either side)")->required();
    sub->footer("Example:\n  claimtrack alias remove 天穹科技\nBuilt-in aliases cannot be removed.");
    table.push_back({sub, [name](Context& context) {
                         const std::size_t removed = app::remove_alias(context.store(), *name);
                         context.out << fmt::format("Removed {} alias{} naming {}\n", removed, removed == 1 ? "" : "es", *name);
                         return 0;
                     }});
}

void add_cite(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::CiteOptions>();
    auto stance = std::make_shared<std::string>();
    auto timeout_s = std::make_shared<double>(60.0);
    CLI::App* sub = app.add_subcommand("cite", "Record a quote from a web page as evidence for a claim");
    sub->add_option("claim", options->claim, "Claim id (see `claimtrack claims`)")->required();
    sub->add_option("url", options->url, "The page the quote is from (fetched if it has no text stored yet)")->required();
    sub->add_option("--quote", options->quote, "The words as the page says them (whitespace and width may differ)")->required();
    sub->add_option("--stance", *stance, "supports, contradicts or mentions (default: what the agreement checks say)")
        ->check(CLI::IsMember({"supports", "contradicts", "mentions"}));
    sub->add_option("--note", options->note, "Why it bears on the claim");
    sub->add_option("--by", options->reviewer, k_by_help);
    sub->add_option("--timeout", *timeout_s, "Seconds allowed for the fetch (default 60)")->check(CLI::Range(0.1, 3600.0));
    sub->add_flag("--allow-private", options->allow_private, "Allow loopback and private addresses (refused by default)");
    sub->footer("Examples:\n  claimtrack cite 4 https://wire.example.net/larkspur --quote \"cut 2,600 jobs\"\n"
                "  claimtrack cite 7 https://ir.example.com/q3 --quote \"营收同比增长12%\" --stance supports --note \"Q3 filing\"\n"
                "The quote is kept with its context, so it is found again when the page changes.");
    table.push_back({sub, [options, stance, timeout_s](Context& context) {
                         if (!stance->empty()) options->stance = stance_from(*stance);
                         options->timeout_ms = static_cast<long>(*timeout_s * 1000.0);
                         const app::CiteResult result = app::cite(context.store(), *options);
                         const Evidence& e = result.evidence;
                         context.out << fmt::format("Evidence {} for claim {}: {} (manual{}{})\n", e.id, e.claim, to_string(e.stance),
                                                    result.fetched ? ", fetched now" : "",
                                                    result.exact ? "" : ", quote matched ignoring whitespace/width");
                         context.out << fmt::format("  “{}”  {}\n", clip(e.quote.exact, 120), e.url);
                         return 0;
                     }});
}

}  // namespace

// Add `alias add|list|remove` and `cite`.
void add_alias_commands(CLI::App& app, Table& table) {
    CLI::App* alias = app.add_subcommand("alias", "Names that mean the same entity (英伟达 = Nvidia), built in and your own");
    alias->require_subcommand(1);
    alias->footer("Examples:\n  claimtrack alias add 英伟达 Nvidia\n  claimtrack alias list\n  claimtrack alias remove 英伟达");
    add_alias_add(*alias, table);
    add_alias_list(*alias, table);
    add_alias_remove(*alias, table);
    add_cite(app, table);
}

}  // namespace claimtrack::cli
