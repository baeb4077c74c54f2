#include "report/html_util.hpp"
#include "report/shared.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace claimtrack::report::detail {

namespace {

// Scripts, fonts, frames and remote images are refused even if some text escaped our escaping.
constexpr std::string_view k_head =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"referrer\" content=\"no-referrer\">\n<title>Sourcing report</title>\n<style>";

// Return ` lang="xx"` for a known article language, so CJK text gets the right fonts.
std::string lang_attr(std::string_view language) {
    if (language.empty() || language == "und") return {};
    return " lang=\"" + escape_html(language) + "\"";
}

std::string status_badge(Status status) {
    return "<span class=\"badge\">" + std::string(status_symbol(status)) + " " + std::string(to_string(status)) +
           "</span>";
}

// Return the context before a quote from its first word boundary on, "…" first when cut.
std::string context_before(std::string_view prefix) {
    const std::size_t space = prefix.find(' ');
    if (prefix.empty() || prefix.front() == ' ' || space == std::string_view::npos || space > 24) return escape_html(prefix);
    return "…" + escape_html(prefix.substr(space));
}

// Return the context after a quote up to its last word boundary, "…" last when cut.
std::string context_after(std::string_view suffix) {
    const std::size_t space = suffix.rfind(' ');
    if (suffix.empty() || suffix.back() == ' ' || space == std::string_view::npos || suffix.size() - space > 24) {
        return escape_html(suffix);
    }
    return escape_html(suffix.substr(0, space + 1)) + "…";
}

std::string evidence_html(const ArticleReport& a, const ClaimEntry& entry) {
    const Evidence* e = best_evidence(entry);
    if (e == nullptr) return "<p class=\"small\">No evidence linked.</p>\n";
    std::string out = "<blockquote>";
    if (e->quote.exact.empty()) {
        out += "<strong>" + escape_html(e->text) + "</strong>";
    } else {
        out += "<span class=\"context\">" + context_before(e->quote.prefix) + "</span><strong>" +
               escape_html(e->quote.exact) + "</strong><span class=\"context\">" + context_after(e->quote.suffix) +
               "</span>";
    }
    out += "</blockquote>\n<p class=\"small\">Source: " + link_html(e->url, e->url);
    out += " · " + std::string(to_string(e->stance)) + " · score " + score_text(e->score);
    if (!e->reason.empty()) out += " · " + escape_html(e->reason);
    if (const std::string when = evidence_fetched_at(a, *e); !when.empty()) out += " · fetched " + escape_html(when);
    if (e->orphaned) out += " · <strong>orphaned: the quote no longer matches the source</strong>";
    if (entry.evidence.size() > 1) out += " · " + std::to_string(entry.evidence.size() - 1) + " more";
    return out + "</p>\n";
}

std::string note_html(const ClaimEntry& entry) {
    const Review* r = last_review(entry);
    if (r == nullptr) return {};
    std::string out = "<p class=\"note\">";
    if (!r->note.empty()) out += "Note: " + escape_html(r->note) + " ";
    out += "<span class=\"small\">— " + escape_html(r->reviewer.empty() ? "unknown reviewer" : r->reviewer);
    if (!r->created_at.empty()) out += ", " + escape_html(r->created_at);
    return out + "</span></p>\n";
}

std::string claim_card(const ArticleReport& a, const ClaimEntry& entry) {
    const Claim& c = entry.claim;
    std::string out = "<article class=\"card " + std::string(to_string(c.status)) + "\" id=\"claim-" +
                      std::to_string(c.id) + "\">\n<div>" + status_badge(c.status) + "<span class=\"kind\">" +
                      std::string(to_string(c.kind)) + " · #" + std::to_string(c.id) + " · checkworthiness " +
                      score_text(c.checkworthiness);
    if (c.hedged) out += " · hedged";
    out += "</span></div>\n<p class=\"claim\"" + lang_attr(a.article.language) + ">" + highlight_claim(c) + "</p>\n";
    return out + evidence_html(a, entry) + note_html(entry) + "</article>\n";
}

std::string source_item(const ArticleReport& a, const SourceRow& s) {
    const bool broken = is_broken(s);
    std::string out = broken ? "<li class=\"dead\">" : "<li>";
    out += "<span class=\"flag\">" + escape_html(source_flag(s)) + "</span> ";
    out += link_html(s.url, s.title.empty() ? s.url : s.title);
    if (!s.title.empty()) out += " <span class=\"small\">" + escape_html(s.url) + "</span>";
    std::string details;
    if (s.http_status) details += " · HTTP " + std::to_string(*s.http_status);
    const bool error_is_status = s.http_status && s.error == "HTTP " + std::to_string(*s.http_status);
    if (!s.error.empty() && !error_is_status) details += " · " + escape_html(s.error);
    if (!s.fetched_at.empty()) details += " · fetched " + escape_html(s.fetched_at);
    if (!s.final_url.empty() && s.final_url != s.url) details += " · now at " + link_html(s.final_url, s.final_url);
    for (const std::string& note : fetch_notes(a, s)) details += " · " + escape_html(note);
    if (!details.empty()) out += "<br><span class=\"small\">" + details.substr(4) + "</span>";
    const int used = evidence_count(a, s.id);
    out += used > 0 ? " <span class=\"small\">· used as evidence " + std::to_string(used) + "×</span>"
                    : " <span class=\"unused\">· never used as evidence</span>";
    return out + "</li>\n";
}

// Return links to the claims in `ids` (the first few), after ": ", or "" when there are none.
std::string claim_links(const std::vector<Id>& ids) {
    constexpr std::size_t k_shown = 30;
    std::string out;
    for (std::size_t k = 0; k < std::min(ids.size(), k_shown); ++k) {
        const std::string id = std::to_string(ids[k]);
        out += std::string(k == 0 ? ": " : ", ") + "<a href=\"#claim-" + id + "\">#" + id + "</a>";
    }
    if (ids.size() > k_shown) out += ", …";
    return out;
}

std::string summary_html(const Coverage& c) {
    std::string out = "<div class=\"summary\">" + status_chart_svg(c.by_status) + "\n<ul>";
    out += "<li><strong>" + std::to_string(claim_total(c)) + "</strong> claims</li>";
    out += "<li>" + std::to_string(c.without_evidence) + " without evidence" + claim_links(c.unsourced_claims) + "</li>";
    out += "<li>" + std::to_string(c.only_contradicted) + " contradicted, with nothing in support" +
           claim_links(c.contradicted_claims) + "</li>";
    out += "<li class=\"small\">" + escape_html(kinds_line(c)) + "</li></ul></div>\n";
    return out;
}

std::string history_html(const ArticleReport& a) {
    std::string out =
        "<h3>History</h3>\n<div class=\"table\"><table><thead><tr><th>Claim</th><th>Time</th><th>From</th>"
        "<th>To</th><th>Reviewer</th><th>Evidence</th><th>Note</th></tr></thead><tbody>\n";
    for (const auto& entry : a.claims) {
        for (const auto& r : entry.history) {
            out += "<tr><td><a href=\"#claim-" + std::to_string(entry.claim.id) + "\">" +
                   std::to_string(entry.claim.id) + "</a></td><td>" + escape_html(r.created_at) + "</td><td>" +
                   std::string(to_string(r.previous)) + "</td><td>" + std::string(to_string(r.status)) + "</td><td>" +
                   escape_html(r.reviewer) + "</td><td>" + (r.evidence ? std::to_string(*r.evidence) : "") +
                   "</td><td>" + escape_html(r.note) + "</td></tr>\n";
        }
    }
    return out + "</tbody></table></div>\n";
}

std::string article_html(const ArticleReport& a, const RenderOptions& options) {
    const Article& art = a.article;
    std::string out = "<section class=\"article\">\n<h2" + lang_attr(art.language) + ">" +
                      escape_html(art.title.empty() ? "Article " + std::to_string(art.id) : art.title) + "</h2>\n";
    out += "<p class=\"meta\">Article " + std::to_string(art.id);
    if (!art.date.empty()) out += " · " + escape_html(art.date);
    if (safe_href(art.origin)) out += " · " + link_html(art.origin, art.origin);
    out += "</p>\n" + summary_html(a.coverage) + "<h3>Claims</h3>\n";
    if (a.claims.empty()) out += "<p>No claims.</p>\n";
    for (const auto& entry : a.claims) out += claim_card(a, entry);
    out += "<h3>Sources</h3>\n";
    if (a.sources.empty())
        out += "<p>No sources.</p>\n";
    else
        out += "<ul class=\"sources\">\n";
    for (const auto& s : a.sources) out += source_item(a, s);
    if (!a.sources.empty()) out += "</ul>\n";
    if (options.history == History::show) out += history_html(a);
    return out + "</section>\n";
}

}  // namespace

std::string render_html(const Report& report, const RenderOptions& options) {
    std::string out(k_head);
    out += report_css();
    out += "</style>\n</head>\n<body>\n<main>\n<h1>Sourcing report</h1>\n";
    if (!report.generated_at.empty())
        out += "<p class=\"meta\">Generated " + escape_html(report.generated_at) + "</p>\n";
    if (report.articles.empty()) out += "<p>No articles.</p>\n";
    for (const auto& a : report.articles) out += article_html(a, options);
    return out + "</main>\n</body>\n</html>\n";
}

}  // namespace claimtrack::report::detail
