#include "report/shared.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace claimtrack::report::detail {

namespace {

constexpr std::size_t k_claim_columns = 72;
constexpr std::size_t k_quote_columns = 90;
constexpr std::size_t k_free_columns = 400;

// Return `text` with control characters (terminal escapes) made harmless.
std::string safe(std::string_view text) { return clip(text, k_free_columns); }

struct Cell {
    std::string text;
    std::string color;  // ANSI SGR parameters, e.g. "1;31"; empty for none
};
using Row = std::vector<Cell>;

std::string paint(const std::string& text, const std::string& color, const RenderOptions& options) {
    if (options.color != Color::on || color.empty()) return text;
    return "\x1b[" + color + "m" + text + "\x1b[0m";
}

std::string status_color(Status s) {
    switch (s) {
        case Status::verified: return "32";
        case Status::disputed: return "31";
        case Status::unverifiable: return "33";
        case Status::unreviewed: return "2";
    }
    return {};
}

std::string stance_color(Stance s) {
    switch (s) {
        case Stance::supports: return "32";
        case Stance::contradicts: return "31";
        case Stance::mentions: return "";
    }
    return {};
}

// Render `rows` as aligned columns (the last column is not padded), each line indented by `indent`.
std::string table(const std::vector<Row>& rows, const RenderOptions& options, std::string_view indent) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i].text));
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line(indent);
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line += paint(last ? row[i].text : pad(row[i].text, widths[i]), row[i].color, options);
            if (!last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string claim_details(const ArticleReport& article, const ClaimEntry& entry, const RenderOptions& options) {
    std::vector<Row> rows;
    if (const Evidence* e = best_evidence(entry)) {
        std::string where = e->url.empty() ? "passage " + std::to_string(e->passage) : safe(e->url);
        if (e->orphaned) where += " (orphaned)";
        if (const std::string when = evidence_fetched_at(article, *e); !when.empty()) where += "  fetched " + safe(when);
        rows.push_back({{"evidence", ""},
                        {std::string(to_string(e->stance)) + " " + score_text(e->score), stance_color(e->stance)},
                        {"\"" + clip(e->quote.exact.empty() ? e->text : e->quote.exact, k_quote_columns) + "\"  " + where, ""}});
        if (!e->reason.empty()) rows.push_back({{"", ""}, {"", ""}, {clip(e->reason, k_quote_columns), ""}});
    } else {
        rows.push_back({{"evidence", ""}, {"none", "33"}, {"", ""}});
    }
    if (const Review* r = last_review(entry); r && !r->note.empty()) {
        rows.push_back({{"note", ""}, {r->reviewer.empty() ? "?" : safe(r->reviewer), ""}, {clip(r->note, k_quote_columns), ""}});
    }
    return table(rows, options, "      ");
}

std::string claims_part(const ArticleReport& article, const RenderOptions& options) {
    std::string out = "Claims\n";
    if (article.claims.empty()) return out + "  (none)\n";
    std::vector<std::size_t> widths{2, 4, 6};
    for (const auto& entry : article.claims) {
        widths[0] = std::max(widths[0], std::to_string(entry.claim.id).size());
        widths[1] = std::max(widths[1], to_string(entry.claim.kind).size());
        widths[2] = std::max(widths[2], to_string(entry.claim.status).size());
    }
    // Pad by hand so every claim row lines up with the header although detail lines sit between them.
    auto row_of = [&](const std::string& id, const std::string& kind, const Cell& status, const std::string& text) {
        return "  " + pad(id, widths[0]) + "  " + pad(kind, widths[1]) + "  " +
               paint(pad(status.text, widths[2]), status.color, options) + "  " + text + "\n";
    };
    out += row_of("ID", "KIND", {"STATUS", ""}, "CLAIM");
    for (const auto& entry : article.claims) {
        const Claim& c = entry.claim;
        std::string text = clip(c.text, k_claim_columns);
        if (c.hedged) text += " (hedged)";
        out += row_of(std::to_string(c.id), std::string(to_string(c.kind)),
                      {std::string(to_string(c.status)), status_color(c.status)}, text);
        out += claim_details(article, entry, options);
    }
    return out;
}

std::string sources_part(const ArticleReport& article, const RenderOptions& options) {
    std::string out = "Sources\n";
    if (article.sources.empty()) return out + "  (none)\n";
    std::vector<Row> rows{{{"ID", ""}, {"FETCH", ""}, {"HTTP", ""}, {"USED", ""}, {"URL", ""}}};
    for (const auto& s : article.sources) {
        const std::string flag = source_flag(s);
        const int used = evidence_count(article, s.id);
        std::string about = safe(s.url);
        if (!s.title.empty()) about += "  " + clip(s.title, 40);
        if (!s.error.empty()) about += "  error: " + clip(s.error, 60);
        if (!s.fetched_at.empty()) about += "  fetched " + safe(s.fetched_at);
        for (const std::string& note : fetch_notes(article, s)) about += "  " + safe(note);
        rows.push_back({{std::to_string(s.id), ""},
                        {flag, is_broken(s) ? "1;31" : ""},
                        {s.http_status ? std::to_string(*s.http_status) : "-", ""},
                        {used > 0 ? std::to_string(used) : "never", used > 0 ? "" : "33"},
                        {about, ""}});
    }
    return out + table(rows, options, "  ");
}

std::string history_part(const ArticleReport& article, const RenderOptions& options) {
    std::vector<Row> rows;
    for (const auto& entry : article.claims) {
        for (const auto& r : entry.history) {
            rows.push_back({{std::to_string(entry.claim.id), ""},
                            {safe(r.created_at), ""},
                            {std::string(to_string(r.previous)) + " -> " + std::string(to_string(r.status)), status_color(r.status)},
                            {safe(r.reviewer), ""},
                            {clip(r.note, k_quote_columns), ""}});
        }
    }
    if (rows.empty()) return "History\n  (no reviews)\n";
    return "History\n" + table(rows, options, "  ");
}

std::string article_part(const ArticleReport& a, const RenderOptions& options) {
    std::string out = paint("Article " + std::to_string(a.article.id) + ": " + clip(a.article.title, 80), "1", options);
    std::string about;
    for (const auto& part : {a.article.date, a.article.language}) {
        if (!part.empty()) about += (about.empty() ? "" : ", ") + safe(part);
    }
    if (!about.empty()) out += " (" + about + ")";
    out += "\nCoverage: " + coverage_line(a.coverage) + "\nKinds: " + kinds_line(a.coverage) + "\n";
    if (const std::string attention = attention_line(a.coverage); !attention.empty()) {
        out += paint("Needs attention: " + attention, "33", options) + "\n";
    }
    out += "\n";
    out += claims_part(a, options) + "\n" + sources_part(a, options);
    if (options.history == History::show) out += "\n" + history_part(a, options);
    return out;
}

}  // namespace

std::string render_text(const Report& report, const RenderOptions& options) {
    std::string out = "Sourcing report";
    if (!report.generated_at.empty()) out += ", generated " + safe(report.generated_at);
    out += "\n";
    if (report.articles.empty()) return out + "\n(no articles)\n";
    for (const auto& article : report.articles) out += "\n" + article_part(article, options);
    return out;
}

}  // namespace claimtrack::report::detail
