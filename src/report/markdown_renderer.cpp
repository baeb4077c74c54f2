#include "report/shared.hpp"

#include <string>
#include <vector>

namespace claimtrack::report::detail {

namespace {

constexpr std::size_t k_quote_columns = 200;

// Return `text` on one line with raw HTML disarmed, for headings and list items.
std::string line(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '<') out += "&lt;";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';
        else out += c;
    }
    return out;
}

// Return `text` safe inside a table cell: as `line`, with pipes escaped.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : line(text)) {
        if (c == '|') out += "\\|";
        else out += c;
    }
    return out;
}

std::string row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + cell(c) + " |";
    return out + "\n";
}

std::string header(const std::vector<std::string>& names) {
    std::string rule = "|";
    for (std::size_t i = 0; i < names.size(); ++i) rule += " --- |";
    return row(names) + rule + "\n";
}

std::string claims_part(const ArticleReport& a) {
    std::string out = "### Claims\n\n";
    if (a.claims.empty()) return out + "No claims.\n\n";
    out += header({"ID", "Kind", "Status", "Claim", "Best evidence", "Source", "Stance", "Score", "Note"});
    for (const auto& entry : a.claims) {
        const Claim& c = entry.claim;
        std::vector<std::string> cells{std::to_string(c.id), std::string(to_string(c.kind)), std::string(to_string(c.status)),
                                       c.text + (c.hedged ? " (hedged)" : "")};
        if (const Evidence* e = best_evidence(entry)) {
            cells.push_back(clip(e->quote.exact.empty() ? e->text : e->quote.exact, k_quote_columns));
            const std::string when = evidence_fetched_at(a, *e);
            cells.push_back(e->url + (e->orphaned ? " (orphaned)" : "") + (when.empty() ? "" : ", fetched " + when));
            cells.push_back(std::string(to_string(e->stance)));
            cells.push_back(score_text(e->score));
        } else {
            cells.insert(cells.end(), {"none", "", "", ""});
        }
        const Review* r = last_review(entry);
        cells.push_back(r && !r->note.empty() ? r->note + " (" + r->reviewer + ")" : "");
        out += row(cells);
    }
    return out + "\n";
}

std::string sources_part(const ArticleReport& a) {
    std::string out = "### Sources\n\n";
    if (a.sources.empty()) return out + "No sources.\n\n";
    out += header({"ID", "URL", "Title", "Fetch", "HTTP", "Used as evidence", "Fetched", "Archive", "Error"});
    for (const auto& s : a.sources) {
        const int used = evidence_count(a, s.id);
        const std::string flag = source_flag(s);
        std::string archive;
        for (const std::string& note : fetch_notes(a, s)) archive += (archive.empty() ? "" : "; ") + note;
        out += row({std::to_string(s.id), s.url, s.title, is_broken(s) ? "**" + flag + "**" : flag,
                    s.http_status ? std::to_string(*s.http_status) : "", used > 0 ? std::to_string(used) : "never",
                    s.fetched_at, archive, s.error});
    }
    return out + "\n";
}

std::string history_part(const ArticleReport& a) {
    std::string out = "### History\n\n";
    out += header({"Claim", "Time", "From", "To", "Reviewer", "Evidence", "Note"});
    for (const auto& entry : a.claims) {
        for (const auto& r : entry.history) {
            out += row({std::to_string(entry.claim.id), r.created_at, std::string(to_string(r.previous)),
                        std::string(to_string(r.status)), r.reviewer, r.evidence ? std::to_string(*r.evidence) : "", r.note});
        }
    }
    return out + "\n";
}

std::string coverage_part(const Coverage& c) {
    std::string out = "| Claims |";
    std::string rule = "| --- |";
    std::string values = "| " + std::to_string(claim_total(c)) + " |";
    for (const auto& [status, n] : c.by_status) {
        out += " " + std::string(to_string(status)) + " |";
        rule += " --- |";
        values += " " + std::to_string(n) + " |";
    }
    out += " without evidence | only contradicted |\n";
    rule += " --- | --- |\n";
    values += " " + std::to_string(c.without_evidence) + " | " + std::to_string(c.only_contradicted) + " |\n";
    out += rule + values + "\nKinds: " + kinds_line(c) + "\n\n";
    if (const std::string attention = attention_line(c); !attention.empty()) out += "**Needs attention:** " + attention + "\n\n";
    return out;
}

}  // namespace

std::string render_markdown(const Report& report, const RenderOptions& options) {
    std::string out = "# Sourcing report\n\n";
    if (!report.generated_at.empty()) out += "Generated " + report.generated_at + ".\n\n";
    for (const auto& a : report.articles) {
        out += "## " + line(a.article.title.empty() ? "Article " + std::to_string(a.article.id) : a.article.title) + "\n\n";
        out += "Article " + std::to_string(a.article.id);
        if (!a.article.date.empty()) out += " · " + a.article.date;
        if (!a.article.language.empty()) out += " · " + a.article.language;
        out += "\n\n" + coverage_part(a.coverage) + claims_part(a) + sources_part(a);
        if (options.history == History::show) out += history_part(a);
    }
    return out;
}

}  // namespace claimtrack::report::detail
