#include <claimtrack/app_search.hpp>

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace claimtrack::cli {

// Add `search` to `app` and its row to `table` (called from add_fetch_commands).
void add_search_command(CLI::App& app, Table& table);

namespace {

nlohmann::json to_json(const app::SearchHit& hit) {
    return {{"passage", hit.passage}, {"text", hit.text},   {"url", hit.url},
            {"score", hit.score},     {"stance", to_string(hit.stance)}, {"reason", hit.reason}};
}

void print_search(std::ostream& out, const app::SearchResult& result) {
    if (result.claim) {
        out << fmt::format("Read as a {} claim: {}\n", to_string(result.claim->kind), clip(result.claim->text, 100));
    } else {
        out << "Not read as a claim: ranked by shared words.\n";
    }
    if (result.hits.empty()) out << "No passage found: fetch sources first (`claimtrack fetch`).\n";
    int rank = 0;
    for (const app::SearchHit& hit : result.hits) {
        out << fmt::format("\n{:>2}. {} {:.2f}  {}\n", ++rank, to_string(hit.stance), hit.score, hit.url);
        out << fmt::format("    “{}”\n", clip(hit.text, 160));
        if (!hit.reason.empty()) out << fmt::format("    why: {}\n", hit.reason);
    }
}

}  // namespace

void add_search_command(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::SearchOptions>();
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("search", "Find the stored passages that bear on any statement, best first");
    sub->add_option("text", options->text, "The statement to look for (a claim, or any words)")->required();
    sub->add_option("--article", options->article, "Only this article's sources (default: all)");
    sub->add_option("--limit", options->limit, "Passages shown (default 10)")->check(CLI::Range(1, 1000));
    sub->add_flag("--json", *json, "Print a JSON array of {passage, text, url, score, stance, reason}");
    sub->footer("Examples:\n  claimtrack search \"英伟达的市场份额由95%下降为0\"\n  claimtrack search \"Nvidia China revenue\" --limit 5 --json\n"
                "A statement that reads as a claim is scored by the same agreement checks as `link`.");
    table.push_back({sub, [options, json](Context& context) {
                         const app::SearchResult result = app::search(context.store(), *options);
                         if (*json) {
                             nlohmann::json out = nlohmann::json::array();
                             for (const app::SearchHit& hit : result.hits) out.push_back(to_json(hit));
                             context.out << out.dump(2) << "\n";
                             return 0;
                         }
                         print_search(context.out, result);
                         return 0;
                     }});
}

}  // namespace claimtrack::cli
