#include <claimtrack/app.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/error.hpp>

#include "cli/commands.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <charconv>
#include <cmath>
#include <iostream>
#include <iterator>
#include <sstream>

namespace claimtrack::cli {
namespace {

std::string read_all(std::istream& in) { return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}; }

// Return up to `limit` bytes of `in`.
std::string read_at_most(std::istream& in, std::uintmax_t limit) {
    std::string out;
    std::array<char, 1 << 16> buffer{};
    while (out.size() < limit && in) {
        const auto want = static_cast<std::streamsize>(std::min<std::uintmax_t>(buffer.size(), limit - out.size()));
        in.read(buffer.data(), want);
        out.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    return out;
}

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

void say_decoding(std::ostream& err, const std::string& path, const std::string& charset, bool detected) {
    if (!detected) return;
    err << fmt::format("{}: not UTF-8; decoded as {} (detected; name it with --encoding if that is wrong)\n", path, charset);
}

namespace {

// Return the byte count `text` names ("20M", "500k", "1G", "4096"; 0 means no limit).
std::uintmax_t size_of(const std::string& text) {
    std::uintmax_t value = 0;
    const char* end = text.data() + text.size();
    const auto [rest, error] = std::from_chars(text.data(), end, value);
    std::string unit(rest, end);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.ends_with("B") && unit.size() > 1) unit.pop_back();
    const std::uintmax_t scale = unit.empty() || unit == "B" ? 1 : unit == "K" ? 1024 : unit == "M" ? 1024 * 1024
                                 : unit == "G" ? 1024ULL * 1024 * 1024 : 0;
    if (error != std::errc() || rest == text.data() || scale == 0 || value > UINTMAX_MAX / scale) {
        throw Error(ErrorKind::usage, "--max-size", text, "not a size such as 50M, 800K or 0 (no limit)");
    }
    return value * scale;
}

std::string megabytes(std::uintmax_t bytes) {
    if (bytes < (1u << 20)) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024.0);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// Stop: the input is larger than `limit`; `size` is its size when known (a file, not a pipe).
[[noreturn]] void throw_too_big(const std::string& name, std::optional<std::uintmax_t> size, std::uintmax_t limit) {
    const std::string suggestion = size ? fmt::format("{}M", (*size >> 20) + 1) : "a larger size";
    throw Error(ErrorKind::input, name, "size",
                fmt::format("{} the {} limit for one article; if it is one, pass --max-size {} (or 0: no limit)",
                            size ? megabytes(*size) + " is over" : "more than", megabytes(limit), suggestion));
}

}  // namespace

void enforce_size(app::ImportOptions& options, std::istream& in, const std::string& max_size) {
    const std::uintmax_t limit = size_of(max_size);
    if (options.path == "-") {
        options.stdin_bytes = limit == 0 ? read_all(in) : read_at_most(in, limit + 1);
        if (limit > 0 && options.stdin_bytes.size() > limit) throw_too_big("<stdin>", std::nullopt, limit);
        return;
    }
    std::error_code error;
    const auto size = std::filesystem::file_size(options.path, error);
    if (!error && limit > 0 && size > limit) throw_too_big(options.path, size, limit);
}

namespace {

void add_import(CLI::App& app, Table& table) {
    auto options = std::make_shared<app::ImportOptions>();
    auto max_size = std::make_shared<std::string>(k_default_max_size);
    CLI::App* sub = app.add_subcommand("import", "Import an article: store its text, its cited sources and the claims found in it");
    sub->add_option("file", options->path, "Article file (.txt, .md, .html) or - for standard input")->required();
    sub->add_option("--format", options->format, "text, markdown or html (default: from the file extension)");
    sub->add_option("--title", options->title, "Title to use instead of the first line");
    sub->add_option("--date", options->date, "The article's date, YYYY-MM-DD (anchors relative dates such as 今年4月)");
    sub->add_option("--encoding", options->encoding, "Charset of the file, e.g. gb18030, big5 (default: UTF-8 when valid, else detected)");
    sub->add_option("--max-size", *max_size, "Refuse a file larger than this, e.g. 50M, 800K; 0 for no limit (default: 20M)");
    sub->footer("Example:\n  claimtrack import samples/article-zh-chips.txt --date 2025-11-10\n"
                "Importing the same text again changes nothing and prints the existing article's id.");
    table.push_back({sub, [options, max_size](Context& context) {
                         enforce_size(*options, context.in, *max_size);
                         const app::ImportedFile imported = app::import_file(*options, [&]() -> Store& { return context.store(); });
                         say_decoding(context.err, options->path, imported.charset, imported.detected);
                         const app::ImportResult& result = imported.result;
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
                         const auto articles = context.store().article_headers();
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

enum class ClaimOrder { article, score };

struct ClaimsOptions {
    std::optional<Id> article;
    std::string kind;
    std::string status;
    std::string sort = "order";
    std::optional<std::string> min_score;
    std::optional<Id> explain;
    bool all = false;
    bool json = false;
};

ClaimFilter filter_of(const ClaimsOptions& options) {
    ClaimFilter filter;
    filter.article = options.article;
    if (options.all) filter.rejected = RejectedClaims::include;
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

ClaimOrder order_of(const std::string& name) {
    if (name == "order") return ClaimOrder::article;
    if (name == "score") return ClaimOrder::score;
    throw Error(ErrorKind::usage, "--sort", name, "unknown order (order: as in the article; score: most check-worthy first)");
}

// Return the `--min-score` threshold, 0 when not given; stop on anything but a number in [0,1].
double min_score_of(const std::optional<std::string>& given) {
    if (!given) return 0.0;
    const std::string& text = *given;
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0.0 || value > 1.0) {
        throw Error(ErrorKind::usage, "--min-score", text, "not a number between 0 and 1 (e.g. 0.5)");
    }
    return value;
}

// Return the claims the options select, filtered by score and in the order asked for.
std::vector<Claim> select_claims(Context& context, const ClaimsOptions& options) {
    const ClaimFilter filter = filter_of(options);
    const ClaimOrder order = order_of(options.sort);
    const double floor = min_score_of(options.min_score);
    auto claims = context.store().claims(filter);
    std::erase_if(claims, [floor](const Claim& claim) { return claim.checkworthiness < floor; });
    if (order == ClaimOrder::score) {
        std::stable_sort(claims.begin(), claims.end(),
                         [](const Claim& a, const Claim& b) { return a.checkworthiness > b.checkworthiness; });
    }
    return claims;
}

// Return the marks shown before a claim's text: rejected, not found in the body, added by hand, hedged.
std::string marks_of(const Claim& claim, const std::optional<ClaimState>& state) {
    std::string marks = state && state->rejected ? "[rejected] " : "";
    if (state && !state->anchored) marks += "[unanchored] ";
    if (state && state->origin == Origin::manual) marks += "[added] ";
    if (claim.hedged) marks += "[hedged] ";
    return marks;
}

void print_claims(Context& context, const std::vector<Claim>& claims) {
    std::ostream& out = context.out;
    if (claims.empty()) {
        out << "No claims match.\n";
        return;
    }
    out << fmt::format("{:>4}  {:<10}  {:<12}  {:>5}  {}\n", "ID", "KIND", "STATUS", "WORTH", "CLAIM");
    for (const Claim& claim : claims) {
        const std::string marks = marks_of(claim, context.store().claim_state(claim.id));
        out << fmt::format("{:>4}  {:<10}  {:<12}  {:>5.2f}  {}{}\n", claim.id, to_string(claim.kind), to_string(claim.status),
                           claim.checkworthiness, marks, clip(claim.text, 90));
        if (const std::string fields = fields_line(claim); !fields.empty()) {
            out << fmt::format("{:39}{}\n", "", clip(fields, 90));
        }
    }
}

// Return `claim` as JSON with its review state: rejected, anchored in the body, auto or manual.
nlohmann::json claim_row(Context& context, const Claim& claim) {
    nlohmann::json item = to_json(claim);
    const auto state = context.store().claim_state(claim.id);
    item["rejected"] = state && state->rejected;
    item["anchored"] = !state || state->anchored;
    item["origin"] = state && state->origin == Origin::manual ? "manual" : "auto";
    return item;
}

// Print `claim` and the terms its check-worthiness adds up from, one per line, then the total.
void print_explanation(std::ostream& out, const Claim& claim, const std::vector<claims::ScoreTerm>& terms) {
    out << fmt::format("Claim {} ({}, {}, article {}): {}{}\n", claim.id, to_string(claim.kind), to_string(claim.status),
                       claim.article, claim.hedged ? "[hedged] " : "", clip(claim.text, 100));
    if (const std::string fields = fields_line(claim); !fields.empty()) out << "  " << clip(fields, 110) << "\n";
    if (terms.empty()) {
        out << fmt::format("  no score terms: the extractor no longer finds this claim in the article (added or edited by hand?)\n"
                           "  check-worthiness {:.2f} as stored\n",
                           claim.checkworthiness);
        return;
    }
    out << fmt::format("  {:>6}  {:<16}  {}\n", "WEIGHT", "FEATURE", "SEEN IN THE TEXT");
    double sum = 0.0;
    for (const claims::ScoreTerm& term : terms) {
        out << fmt::format("  {:>+6.2f}  {:<16}  {}\n", term.weight, clip(term.feature, 16), clip(term.detail, 80));
        sum += term.weight;
    }
    const bool clamped = sum < 0.0 || sum > 1.0;
    out << fmt::format("  {:>6.2f}  check-worthiness{}\n", claim.checkworthiness,
                       clamped ? fmt::format(" (terms sum to {:.2f}, kept within 0..1)", sum) : std::string());
}

nlohmann::json explanation_json(const Claim& claim, const std::vector<claims::ScoreTerm>& terms) {
    nlohmann::json rows = nlohmann::json::array();
    for (const claims::ScoreTerm& term : terms) {
        rows.push_back({{"feature", term.feature}, {"detail", term.detail}, {"weight", term.weight}});
    }
    return {{"claim", to_json(claim)}, {"terms", std::move(rows)}, {"checkworthiness", claim.checkworthiness}};
}

int explain_claim(Context& context, Id id, bool json) {
    const auto claim = context.store().claim(id);
    if (!claim) throw Error(ErrorKind::not_found, "claim " + std::to_string(id), "database", "no such claim (see `claimtrack claims`)");
    const auto article = context.store().article(claim->article);
    if (!article) throw Error(ErrorKind::not_found, "article " + std::to_string(claim->article), "database", "no such article");
    const auto terms = claims::explain_score(*article, *claim);
    if (json) {
        context.out << explanation_json(*claim, terms).dump(2) << "\n";
    } else {
        print_explanation(context.out, *claim, terms);
    }
    return 0;
}

void add_claims(CLI::App& app, Table& table) {
    auto options = std::make_shared<ClaimsOptions>();
    CLI::App* sub = app.add_subcommand("claims", "List the claims found in the articles, with their fields and review status");
    sub->add_option("--article", options->article, "Only this article's claims");
    sub->add_option("--kind", options->kind, "quantity, role, quote, event or comparison");
    sub->add_option("--status", options->status, "unreviewed, verified, disputed or unverifiable");
    sub->add_option("--sort", options->sort, "order (as in the article, the default) or score (most check-worthy first)");
    sub->add_option("--min-score", options->min_score, "Only claims whose check-worthiness is at least this (0..1)");
    sub->add_option("--explain", options->explain, "Show one claim and the features its check-worthiness comes from");
    sub->add_flag("--all", options->all, "Also list claims rejected as not a claim, marked [rejected]");
    sub->add_flag("--json", options->json, "Print a JSON array (with --explain, an object with the score terms)");
    sub->footer("Example:\n  claimtrack claims --article 1 --kind quantity\n  claimtrack claims --sort score --min-score 0.6\n"
                "  claimtrack claims --explain 5\n  claimtrack claims --status disputed --json");
    table.push_back({sub, [options](Context& context) {
                         if (options->explain) return explain_claim(context, *options->explain, options->json);
                         const auto claims = select_claims(context, *options);
                         if (options->json) {
                             nlohmann::json rows = nlohmann::json::array();
                             for (const Claim& claim : claims) rows.push_back(claim_row(context, claim));
                             context.out << rows.dump(2) << "\n";
                         } else {
                             print_claims(context, claims);
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
