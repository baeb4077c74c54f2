#include <claimtrack/claims.hpp>

#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <map>

namespace claimtrack::claims {

namespace {

using namespace detail;

bool contains_any(std::string_view text, std::span<const std::string_view> cues) {
    return std::any_of(cues.begin(), cues.end(), [&](std::string_view cue) { return !find_all(text, cue).empty(); });
}

bool is_english(std::string_view text) {
    std::size_t latin = 0, han = 0;
    for (std::size_t i = 0; i < text.size(); i += char_length(text, i)) {
        const char32_t c = code_point_at(text, i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++latin;
        if (is_han(c)) han += 2;
    }
    return latin > han;
}

// What a sentence inherits from the ones before it.
struct Context {
    std::string person;
    std::string entity;
    std::string company;
    std::map<std::string, std::string> aliases;  // "星河" → "星河半导体"
};

// Return the organisation or name the article mentions most (at least twice), for "the company".
std::string main_company(const Article& article) {
    std::map<std::string, std::size_t> counts;
    std::string best;
    std::size_t best_count = 1;
    for (const auto& paragraph : article.paragraphs) {
        if (paragraph.kind != ParagraphKind::text || paragraph.span.end > article.body.size()) continue;
        const auto text = std::string_view(article.body).substr(paragraph.span.start, paragraph.span.end - paragraph.span.start);
        for (const auto& m : find_mentions(text)) {
            if (m.type != EntityType::organization && m.type != EntityType::name) continue;
            if (++counts[m.name] > best_count) {
                best_count = counts[m.name];
                best = m.name;
            }
        }
    }
    return best;
}

Sentence make_sentence(std::string_view body, Span span, const Article& article, const Context& previous) {
    Sentence s;
    s.text = body.substr(span.start, span.end - span.start);
    s.offset = span.start;
    s.english = is_english(s.text);
    s.clauses = split_clauses(s.text);
    s.mentions = find_mentions(s.text);
    add_known_names(s.text, previous.aliases, s.mentions);
    s.dates = numbers::find_dates(s.text, article.date);
    for (auto& q : numbers::find_quantities(s.text)) {
        const bool in_date = std::any_of(s.dates.begin(), s.dates.end(), [&](const numbers::DateMention& d) {
            return q.span.start < d.span.end && d.span.start < q.span.end;
        });
        if (!in_date) s.quantities.push_back(q);
    }
    s.previous_person = previous.person;
    s.previous_entity = previous.entity;
    s.company = previous.company;
    return s;
}

// Transparent features: kind, named entities, numbers, dates, attribution; minus opinion.
double score(const Sentence& s, const Draft& d) {
    double value = 0.35;
    if (d.kind == ClaimKind::quantity || d.kind == ClaimKind::role) value += 0.2;
    if (d.kind != ClaimKind::quantity && d.kind != ClaimKind::role) value += 0.1;
    if (d.named) value += 0.15;
    if (!s.quantities.empty()) value += 0.1;
    if (!s.dates.empty()) value += 0.1;
    // A small graded step so sentences rank by how many figures they state.
    value += 0.03 * static_cast<double>(std::min<std::size_t>(s.quantities.size(), 4));
    if (contains_any(s.text, lexicon::opinions())) value -= 0.35;
    const bool first_person = s.text.find("我") != std::string_view::npos || !find_all(s.text, "I").empty() ||
                              !find_all(s.text, "my").empty();
    if (first_person && d.kind != ClaimKind::quote) value -= 0.25;
    if (s.text.ends_with("？") || s.text.ends_with("?") || s.text.ends_with("吗")) value -= 0.2;
    const auto future = s.english ? lexicon::en_future() : lexicon::zh_future();
    if (d.kind != ClaimKind::quote && contains_any(s.text, future)) value -= 0.15;  // a prediction or a plan
    if (d.kind == ClaimKind::event && s.dates.empty()) value -= 0.1;  // undated: less to check against
    return std::clamp(value, 0.0, 1.0);
}

std::vector<Draft> detect_all(const Sentence& s, bool hedged) {
    std::vector<Draft> drafts = detect_roles(s);
    for (auto& d : detect_quotes(s)) drafts.push_back(std::move(d));
    for (auto& d : detect_quantities(s)) drafts.push_back(std::move(d));
    for (auto& d : detect_comparisons(s)) drafts.push_back(std::move(d));
    // A dated or reported action stated beside its figures ("今年5月，X完成了120亿元融资") is also an event.
    const bool only_figures = std::all_of(drafts.begin(), drafts.end(), [](const Draft& d) {
        return d.kind == ClaimKind::quantity || d.kind == ClaimKind::comparison;
    });
    const bool counts = std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.kind == ClaimKind::quantity; });
    const bool alone = drafts.empty();
    if (alone || (only_figures && counts && (hedged || !s.dates.empty()))) {
        for (auto& d : detect_events(s, hedged)) {
            const auto& actor = d.fields["actor"];
            const bool possessor = d.fields["action"].starts_with(actor + "'s") || d.fields["action"].starts_with(actor + "’s");
            if (alone || !possessor) drafts.push_back(std::move(d));  // "Mistral's model beat …": a comparison only
        }
    }
    return drafts;
}

Span clause_span(const Sentence& s, const Draft& d) {
    const std::size_t first = clause_at(s, d.begin);
    const std::size_t last = clause_at(s, d.end > 0 ? d.end - 1 : 0);
    return {s.clauses[first].begin, s.clauses[last].end};
}

void emit(const Article& article, const Sentence& s, const std::vector<Draft>& drafts, bool hedged,
          std::vector<Claim>& out) {
    const std::size_t first = out.size();
    for (const auto& d : drafts) {
        const double worth = score(s, d);
        if (worth < 0.25) continue;  // opinion with nothing checkable
        const Span local = drafts.size() == 1 ? Span{0, s.text.size()} : clause_span(s, d);
        const Span span{s.offset + local.start, s.offset + local.end};
        const bool duplicate = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                           [&](const Claim& c) { return c.kind == d.kind && c.span == span; });
        if (duplicate) continue;
        Claim c;
        c.article = article.id;
        c.kind = d.kind;
        c.span = span;
        c.text = article.body.substr(span.start, span.end - span.start);
        c.fields = d.fields;
        c.checkworthiness = worth;
        c.hedged = hedged;
        out.push_back(std::move(c));
    }
}

std::string last_person(const Sentence& s, const std::vector<Draft>& drafts, std::string previous) {
    for (const auto& m : s.mentions) {
        if (m.type == EntityType::person) previous = m.name;
    }
    for (const auto& d : drafts) {
        if (d.kind == ClaimKind::role) previous = d.fields.at("person");
        if (d.kind == ClaimKind::quote) previous = d.fields.at("speaker");
    }
    return previous;
}

}  // namespace

std::vector<Claim> extract(const Article& article) {
    std::vector<Claim> out;
    Context context;
    context.company = main_company(article);
    std::size_t claims_of_previous = 0;
    for (const auto& paragraph : article.paragraphs) {
        if (paragraph.kind != ParagraphKind::text || paragraph.span.end > article.body.size()) continue;
        const std::string_view text = std::string_view(article.body).substr(paragraph.span.start,
                                                                            paragraph.span.end - paragraph.span.start);
        for (const Span local : text::sentences(text)) {
            const Span span{paragraph.span.start + local.start, paragraph.span.start + local.end};
            const Sentence s = make_sentence(article.body, span, article, context);
            // A sentence that casts doubt ("这种消息很难证实") hedges the claims just before it.
            if (contains_any(s.text, lexicon::doubts())) {
                for (std::size_t k = out.size() - claims_of_previous; k < out.size(); ++k) out[k].hedged = true;
            }
            const bool hedged = contains_any(s.text, lexicon::hedges());
            const bool reported = hedged && !contains_any(s.text, lexicon::doubts());
            const auto drafts = detect_all(s, reported);
            const std::size_t before = out.size();
            emit(article, s, drafts, hedged, out);
            claims_of_previous = out.size() - before;
            context.person = last_person(s, drafts, context.person);
            context.entity = main_entity(s);  // only the sentence just before lends its entity
            for (const auto& m : s.mentions) {
                if (auto alias = org_alias(m.name); !alias.empty()) context.aliases.emplace(std::move(alias), m.name);
            }
        }
    }
    return out;
}

}  // namespace claimtrack::claims
