#include <claimtrack/report.hpp>

#include "report/shared.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace claimtrack::report {

namespace {

constexpr std::array<Status, 4> k_statuses{Status::unreviewed, Status::verified, Status::disputed, Status::unverifiable};
constexpr std::array<ClaimKind, 5> k_kinds{ClaimKind::quantity, ClaimKind::role, ClaimKind::quote, ClaimKind::event,
                                           ClaimKind::comparison};

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
    if (name == "text" || name == "txt") return Format::text;
    if (name == "markdown" || name == "md") return Format::markdown;
    if (name == "json") return Format::json;
    if (name == "html" || name == "htm") return Format::html;
    if (name == "csv") return Format::csv;
    if (name == "claimreview" || name == "jsonld" || name == "json-ld") return Format::claimreview;
    return std::nullopt;
}

Coverage coverage_of(const std::vector<ClaimEntry>& claims) {
    Coverage c;
    for (Status s : k_statuses) c.by_status[s] = 0;
    for (ClaimKind k : k_kinds) c.by_kind[k] = 0;
    for (const auto& entry : claims) {
        ++c.by_status[entry.claim.status];
        ++c.by_kind[entry.claim.kind];
        const auto has = [&](Stance stance) {
            return std::any_of(entry.evidence.begin(), entry.evidence.end(), [&](const Evidence& e) { return e.stance == stance; });
        };
        if (entry.evidence.empty()) {
            ++c.without_evidence;
            c.unsourced_claims.push_back(entry.claim.id);
        } else if (has(Stance::contradicts) && !has(Stance::supports)) {
            // Passages that merely mention the subject neither help nor hurt: what counts is that
            // something contradicts the claim and nothing supports it.
            ++c.only_contradicted;
            c.contradicted_claims.push_back(entry.claim.id);
        }
    }
    return c;
}

std::string render(const Report& report, Format format, const RenderOptions& options) {
    switch (format) {
        case Format::text: return detail::render_text(report, options);
        case Format::markdown: return detail::render_markdown(report, options);
        case Format::json: return detail::render_json(report, options);
        case Format::html: return detail::render_html(report, options);
        case Format::csv: return detail::render_csv(report, options);
        case Format::claimreview: return detail::render_claimreview(report, options);
    }
    return {};
}

namespace detail {

const Evidence* best_evidence(const ClaimEntry& entry) {
    for (const auto& e : entry.evidence) {
        if (!e.orphaned) return &e;
    }
    return entry.evidence.empty() ? nullptr : &entry.evidence.front();
}

const Review* last_review(const ClaimEntry& entry) { return entry.history.empty() ? nullptr : &entry.history.back(); }

std::string source_flag(const SourceRow& source) {
    const std::string& o = source.outcome;
    const int status = source.http_status.value_or(0);
    if (o == "dead" || o == "soft-404" || status >= 400) return "DEAD";
    if (o == "unreachable" || o == "refused" || o == "failed" || (o.empty() && !source.error.empty())) return "FAILED";
    if (o == "ok" || (o.empty() && status >= 200 && status < 400)) return "ok";
    if (o.empty()) return "not fetched";
    return o;
}

bool is_broken(const SourceRow& source) {
    const std::string flag = source_flag(source);
    return flag == "DEAD" || flag == "FAILED";
}

int evidence_count(const ArticleReport& article, Id source) {
    const auto it = article.evidence_per_source.find(source);
    return it == article.evidence_per_source.end() ? 0 : it->second;
}

std::vector<std::string> fetch_notes(const ArticleReport& article, const SourceRow& source) {
    std::vector<std::string> notes;
    const auto it = article.fetches.find(source.id);
    if (it == article.fetches.end()) return notes;
    if (!it->second.unchanged_since.empty()) notes.push_back("unchanged since " + it->second.unchanged_since);
    if (!it->second.text_fetched_at.empty() && it->second.text_fetched_at != source.fetched_at &&
        it->second.unchanged_since.empty()) {
        notes.push_back("text from the fetch of " + it->second.text_fetched_at);
    }
    if (!it->second.warc_file.empty()) notes.push_back("archived in WARC " + it->second.warc_file);
    return notes;
}

std::string evidence_fetched_at(const ArticleReport& article, const Evidence& evidence) {
    for (const SourceRow& s : article.sources) {
        if (s.url != evidence.url && (s.final_url.empty() || s.final_url != evidence.url)) continue;
        const auto it = article.fetches.find(s.id);
        if (it != article.fetches.end() && !it->second.text_fetched_at.empty()) return it->second.text_fetched_at;
        return s.fetched_at;
    }
    return {};
}

std::string score_text(double score) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.2f", std::clamp(score, 0.0, 1.0));
    return buffer.data();
}

int claim_total(const Coverage& coverage) {
    int total = 0;
    for (const auto& [status, n] : coverage.by_status) total += n;
    return total;
}

std::string coverage_line(const Coverage& coverage) {
    std::string line = std::to_string(claim_total(coverage)) + " claims:";
    for (Status s : k_statuses) {
        const auto it = coverage.by_status.find(s);
        line += " " + std::string(to_string(s)) + " " + std::to_string(it == coverage.by_status.end() ? 0 : it->second) + ",";
    }
    line += " without evidence " + std::to_string(coverage.without_evidence);
    line += ", only contradicted " + std::to_string(coverage.only_contradicted);
    return line;
}

std::string attention_line(const Coverage& coverage) {
    const auto ids = [](const std::vector<Id>& list) {
        constexpr std::size_t k_shown = 20;
        std::string out;
        for (std::size_t k = 0; k < std::min(list.size(), k_shown); ++k) out += (k == 0 ? "" : ", ") + std::to_string(list[k]);
        if (list.size() > k_shown) out += ", … (" + std::to_string(list.size()) + " in all)";
        return out;
    };
    std::string line;
    if (!coverage.unsourced_claims.empty()) line = "without evidence " + ids(coverage.unsourced_claims);
    if (!coverage.contradicted_claims.empty()) {
        line += (line.empty() ? "" : "; ") + std::string("only contradicted ") + ids(coverage.contradicted_claims);
    }
    return line;
}

std::string kinds_line(const Coverage& coverage) {
    std::string line;
    for (ClaimKind k : k_kinds) {
        const auto it = coverage.by_kind.find(k);
        if (!line.empty()) line += ", ";
        line += std::string(to_string(k)) + " " + std::to_string(it == coverage.by_kind.end() ? 0 : it->second);
    }
    return line;
}

}  // namespace detail

}  // namespace claimtrack::report
