#include <claimtrack/claims.hpp>

#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

namespace claimtrack::claims {

namespace {

using namespace detail;

// The cue lists every sentence is scanned for, indexed together once: one scan a sentence.
enum CueList : std::size_t { k_doubts, k_hedges, k_opinions, k_en_future, k_zh_future, k_first_person };

// The words of personal experience the score looks for: any of them in a sentence marks it.
constexpr std::string_view k_first_person_words[] = {"我", "I", "my"};

// With, in the same scan, the first cue of each `CueKind` list of the sentence's language.
const CueScan& cues(bool english) {
    const auto lists = [] {
        return std::vector<std::span<const std::string_view>>{lexicon::doubts(), lexicon::hedges(), lexicon::opinions(),
                                                             lexicon::en_future(), lexicon::zh_future(), k_first_person_words};
    };
    static const CueScan en({lexicon::en_speech_verbs(), lexicon::en_roles(), lexicon::en_comparisons(), lexicon::en_event_verbs(),
                             lexicon::zh_org_suffixes()},
                            lists());
    static const CueScan zh({lexicon::zh_speech_verbs(), lexicon::zh_roles(), lexicon::zh_comparisons(), lexicon::zh_event_verbs(),
                             lexicon::zh_org_suffixes()},
                            lists());
    return english ? en : zh;
}

bool is_english(std::string_view text) {
    std::size_t latin = 0, han = 0;
    for (std::size_t i = 0; i < text.size(); i += char_length(text, i)) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {  // ASCII: a letter or not; never Han
            if (is_latin_letter(static_cast<char>(b))) ++latin;
            continue;
        }
        const char32_t c = code_point_at(text, i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++latin;  // an over-long form decodes to ASCII
        if (is_han(c)) han += 2;
    }
    return latin > han;
}

using Context = ExtractContext;

// The text paragraphs of `article`, each with its offset in the body.
template <typename Visit>
void each_text_paragraph(const Article& article, Visit visit) {
    for (const auto& paragraph : article.paragraphs) {
        if (paragraph.kind != ParagraphKind::text || paragraph.span.end > article.body.size()) continue;
        visit(std::string_view(article.body).substr(paragraph.span.start, paragraph.span.end - paragraph.span.start),
              paragraph.span.start);
    }
}

// "half of its costs", "about half the compute": 50%; not "the first half of 2025", a period.
void add_halves(Sentence& s) {
    for (auto at = find_next(s.text, "half", 0); at != std::string_view::npos; at = find_next(s.text, "half", at + 1)) {
        const auto before = s.text.substr(0, at);
        if (before.ends_with("first ") || before.ends_with("second ") || before.ends_with("and a ") ||
            has_at(s.text, at + 4, "-")) {
            continue;
        }
        const Span span{at, at + 4};
        const bool taken = std::any_of(s.quantities.begin(), s.quantities.end(), [&](const numbers::Quantity& q) {
            return q.span.start < span.end && span.start < q.span.end;
        });
        if (taken) continue;
        numbers::Quantity q;
        q.span = span;
        q.value = 50;
        q.unit = "%";
        q.approximate = before.ends_with("about ") || before.ends_with("nearly ") || before.ends_with("almost ");
        s.quantities.push_back(q);
    }
    std::sort(s.quantities.begin(), s.quantities.end(),
              [](const numbers::Quantity& a, const numbers::Quantity& b) { return a.span.start < b.span.start; });
}

// Set `s` to the sentence at `span` of paragraph `text`, which starts at byte `offset` of the body,
// and `listed` to its first listed cues (a `CueList` each). Both keep their storage from the
// sentence before: every field is set anew.
void make_sentence(std::string_view text, Span span, std::size_t offset, const std::string& date, const Context& previous,
                   Sentence& s, std::vector<std::string_view>& listed, KnownHits& known_hits) {
    s.text = text.substr(span.start, span.end - span.start);
    s.offset = offset + span.start;
    s.english = is_english(s.text);
    cues(s.english).scan(s.text, s.first_cue, listed);  // s.first_cue: what first_cues(s.text, s.english) gives
    split_clauses(s.text, s.clauses);
    find_mentions(s.text, s.first_cue[k_org_suffix_cue], s.mentions);
    add_known_names(s.text, previous.aliases, s.mentions, known_hits);
    s.dates = numbers::find_dates(s.text, date);
    s.quantities = numbers::find_quantities(s.text);
    std::erase_if(s.quantities, [&](const numbers::Quantity& q) {
        return std::any_of(s.dates.begin(), s.dates.end(), [&](const numbers::DateMention& d) {
            return q.span.start < d.span.end && d.span.start < q.span.end;
        });
    });
    if (s.english) add_halves(s);
    s.previous_person = previous.person;
    s.previous_entity = previous.entity;
    s.company = previous.company;
}

std::string carrier(const Draft& d) {
    for (const char* key : {"subject", "person", "speaker", "actor"}) {
        if (const auto it = d.fields.find(key); it != d.fields.end() && !it->second.empty()) return it->second;
    }
    return {};
}

// What the score reads from the sentence alone, found once for all its drafts.
struct SentenceCues {
    std::string_view opinion;
    std::string_view future;
    bool first_person = false;
};

// Return what the score reads from `s`, given the first listed cues `listed` of `s` (a `CueList` each).
SentenceCues sentence_cues(const Sentence& s, const std::vector<std::string_view>& listed) {
    SentenceCues found;
    found.opinion = listed[k_opinions];
    found.future = listed[s.english ? k_en_future : k_zh_future];
    // "我" found anywhere, "I" and "my" as words ignoring case, as a search for each would find them.
    found.first_person = !listed[k_first_person].empty();
    return found;
}

// Transparent features: kind, named entities, numbers, dates; minus opinion, personal experience,
// questions and predictions. The score is the sum of the terms, clamped to [0,1]. Each term is
// given to `add(feature, detail, weight)`, its detail as a callable making the string, so a caller
// that only sums the weights builds no strings.
template <class Add>
void score_terms(const Sentence& s, const SentenceCues& seen, const Draft& d, Add&& add) {
    const bool figure_or_role = d.kind == ClaimKind::quantity || d.kind == ClaimKind::role;
    add("kind", [&] { return std::string(to_string(d.kind)); }, figure_or_role ? 0.55 : 0.45);
    if (d.named) add("named entity", [&] { return carrier(d); }, 0.15);
    if (!s.quantities.empty()) {
        // A small graded step so sentences rank by how many figures they state.
        const auto n = std::min<std::size_t>(s.quantities.size(), 4);
        add("numbers", [&] { return std::to_string(s.quantities.size()) + " in the sentence"; }, 0.1 + 0.03 * static_cast<double>(n));
    }
    if (!s.dates.empty()) add("date", [&] { return s.dates.front().iso; }, 0.1);
    if (!seen.opinion.empty()) add("opinion", [&] { return std::string(seen.opinion); }, -0.35);
    if (seen.first_person && d.kind != ClaimKind::quote) add("personal experience", [] { return std::string("first person"); }, -0.25);
    if (s.text.ends_with("？") || s.text.ends_with("?") || s.text.ends_with("吗")) {
        add("question", [] { return std::string("ends with a question"); }, -0.2);
    }
    if (d.kind != ClaimKind::quote && !seen.future.empty()) add("prediction", [&] { return std::string(seen.future); }, -0.15);
    if (d.kind == ClaimKind::event && s.dates.empty()) add("undated event", [] { return std::string("no date to check against"); }, -0.1);
}

// Return the check-worthiness of `d` and, with `Terms::keep`, the terms it is the clamped sum of.
// The weights are summed in the same order either way, so the score is the same to the bit.
std::pair<double, std::vector<ScoreTerm>> score(const Sentence& s, const SentenceCues& seen, const Draft& d, Terms terms) {
    std::vector<ScoreTerm> kept;
    double sum = 0.0;
    score_terms(s, seen, d, [&](const char* feature, auto&& detail, double weight) {
        sum += weight;
        if (terms == Terms::keep) kept.push_back({feature, detail(), weight});
    });
    return {std::clamp(sum, 0.0, 1.0), std::move(kept)};
}

// "Harbor Line, the ferry operator…, said on Tuesday it would drop four routes": an organisation's
// dated announcement in its own words, not quoted, is an event rather than a quote.
bool announcement(const Sentence& s, const std::vector<Draft>& drafts, bool hedged, Draft& event) {
    const bool quoted = std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.kind == ClaimKind::quote; });
    if (!quoted || s.dates.empty()) return false;
    for (const std::string_view mark : {"“", "”", "\"", "「", "『"}) {
        if (s.text.find(mark) != std::string_view::npos) return false;
    }
    auto found = detect_events(s, {hedged, true, true});
    if (found.empty()) return false;
    const auto& actor = found.front().fields["actor"];
    const bool organization = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        return m.type == EntityType::organization && m.name == actor;
    });
    if (!organization) return false;
    event = std::move(found.front());
    return true;
}

// Return true if `action` starts with `actor` and then "'s" or "’s": "Mistral's model beat …".
bool possessed_by(std::string_view action, std::string_view actor) {
    if (!action.starts_with(actor)) return false;
    const auto rest = action.substr(actor.size());
    return rest.starts_with("'s") || rest.starts_with("’s");
}

// Set `drafts` (its storage reused from the sentence before) to the drafts of `s`.
void detect_all(const Sentence& s, bool hedged, std::vector<Draft>& drafts) {
    drafts.clear();
    detect_roles(s, drafts);
    detect_quotes(s, drafts);
    detect_quantities(s, drafts);
    detect_comparisons(s, drafts);
    if (Draft event; announcement(s, drafts, hedged, event)) {
        std::erase_if(drafts, [](const Draft& d) { return d.kind == ClaimKind::quote; });
        drafts.push_back(std::move(event));
        return;
    }
    // A dated or reported action stated beside its figures ("今年5月，X完成了120亿元融资") or a
    // ranking ("X released its model on Monday, the first…") is also an event; beside a ranking only
    // when an event verb names it.
    const bool only_figures = std::all_of(drafts.begin(), drafts.end(), [](const Draft& d) {
        return d.kind == ClaimKind::quantity || d.kind == ClaimKind::comparison;
    });
    const bool counts = std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.kind == ClaimKind::quantity; });
    const bool alone = drafts.empty();
    if (alone || (only_figures && (hedged || !s.dates.empty()))) {
        const std::size_t events = drafts.size();
        detect_events(s, {hedged, !alone && !counts, false}, drafts);
        if (!alone) {  // "Mistral's model beat …": a comparison only
            drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(events), drafts.end(),
                                        [](Draft& d) { return possessed_by(d.fields["action"], d.fields["actor"]); }),
                         drafts.end());
        }
    }
}

Span clause_span(const Sentence& s, const Draft& d) {
    const std::size_t first = clause_at(s, d.begin);
    const std::size_t last = clause_at(s, d.end > 0 ? d.end - 1 : 0);
    return {s.clauses[first].begin, s.clauses[last].end};
}

void emit(Id article, const Sentence& s, const std::vector<std::string_view>& listed, std::vector<Draft>& drafts, bool hedged,
          Terms terms, std::vector<Scored>& out) {
    const std::size_t first = out.size();
    if (drafts.empty()) return;
    const SentenceCues seen = sentence_cues(s, listed);
    for (auto& d : drafts) {
        auto [worth, kept] = score(s, seen, d, terms);
        if (worth < 0.25) continue;  // opinion with nothing checkable
        const Span local = drafts.size() == 1 ? Span{0, s.text.size()} : clause_span(s, d);
        const Span span{s.offset + local.start, s.offset + local.end};
        const bool duplicate = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                           [&](const Scored& c) { return c.claim.kind == d.kind && c.claim.span == span; });
        if (duplicate) continue;
        Claim c;
        c.article = article;
        c.kind = d.kind;
        c.span = span;
        c.text = s.text.substr(local.start, local.end - local.start);
        c.fields = std::move(d.fields);  // each draft is emitted once: its fields are not read again
        c.checkworthiness = worth;
        c.hedged = hedged;
        out.push_back({std::move(c), std::move(kept)});
    }
}

// The longest run of text extracted as one sentence: a longer "sentence" (a megabyte line with no
// stop, thousands of nested quotes) is cut into windows so the work per byte stays bounded.
constexpr std::size_t k_max_sentence = 20 << 10;

// Return `span` of `text` as is, or cut into windows of at most k_max_sentence bytes, each ending
// after a space or clause mark in its second half when there is one, else on a character boundary.
std::vector<Span> windows(std::string_view text, Span span) {
    std::vector<Span> out;
    std::size_t begin = span.start;
    while (span.end - begin > k_max_sentence) {
        std::size_t cut = begin + k_max_sentence;
        while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
        const auto window = text.substr(begin, cut - begin);
        const auto soft = window.find_last_of(" ,;");
        const auto wide = window.rfind("，");
        std::size_t best = soft == std::string_view::npos ? 0 : soft + 1;
        if (wide != std::string_view::npos) best = std::max(best, wide + 3);
        if (best > k_max_sentence / 2) cut = begin + best;
        out.push_back({begin, cut});
        begin = cut;
    }
    if (span.end > begin) out.push_back({begin, span.end});
    return out;
}

// Set `spans` to the sentences of paragraph `text` as spans of it, long ones in windows.
void sentence_spans(std::string_view text, std::vector<Span>& spans) {
    spans.clear();
    for (const Span local : text::sentences(text)) {
        if (local.end - local.start <= k_max_sentence) {
            spans.push_back(local);
        } else {
            for (const Span part : windows(text, local)) spans.push_back(part);
        }
    }
}

// Set `previous` to the last person `s` names, if any: in place, its storage kept.
void update_last_person(const Sentence& s, const std::vector<Draft>& drafts, std::string& previous) {
    for (const auto& m : s.mentions) {
        if (m.type == EntityType::person) previous = m.name;
    }
    for (const auto& d : drafts) {
        if (d.kind == ClaimKind::role) previous = d.fields.at("person");
        if (d.kind == ClaimKind::quote) previous = d.fields.at("speaker");
    }
}

}  // namespace

detail::ScoredExtractor::ScoredExtractor(Id article, std::string date, std::string company,
                                         std::function<void(Scored&&)> take, Terms terms)
    : m_article(article), m_date(std::move(date)), m_take(std::move(take)), m_terms(terms) {
    m_context.company = std::move(company);
}

void detail::ScoredExtractor::add_paragraph(std::string_view text, std::size_t offset) {
    sentence_spans(text, m_spans);
    for (const Span span : m_spans) {
        make_sentence(text, span, offset, m_date, m_context, m_sentence, m_listed, m_known_hits);
        const Sentence& s = m_sentence;
        const std::vector<std::string_view>& listed = m_listed;
        // A sentence that casts doubt ("这种消息很难证实") hedges the claims just before it.
        const bool doubt = !listed[k_doubts].empty();
        for (auto& scored : m_pending) {
            scored.claim.hedged = scored.claim.hedged || doubt;
            m_take(std::move(scored));
        }
        m_pending.clear();
        const bool hedged = !listed[k_hedges].empty();
        detect_all(s, hedged && !doubt, m_drafts);
        std::vector<Draft>& drafts = m_drafts;
        update_last_person(s, drafts, m_context.person);  // before `emit` takes the drafts' fields
        emit(m_article, s, listed, drafts, hedged, m_terms, m_pending);
        m_context.entity = main_entity(s);  // only the sentence just before lends its entity
        for (const auto& m : s.mentions) {
            if (auto alias = org_alias(m.name); !alias.empty()) m_context.aliases.add(std::move(alias), m.name);
        }
    }
}

void detail::ScoredExtractor::finish() {
    for (auto& scored : m_pending) m_take(std::move(scored));
    m_pending.clear();
}

void detail::extract_each(const Article& article, const std::function<void(Scored&&)>& take, Terms terms) {
    CompanyCounter counter;
    each_text_paragraph(article, [&](std::string_view text, std::size_t) { counter.add_paragraph(text); });
    ScoredExtractor extractor(article.id, article.date, counter.main_company(), take, terms);
    each_text_paragraph(article, [&](std::string_view text, std::size_t offset) { extractor.add_paragraph(text, offset); });
    extractor.finish();
}

std::vector<detail::Scored> detail::extract_scored(const Article& article) {
    std::vector<Scored> out;
    extract_each(article, [&](Scored&& scored) { out.push_back(std::move(scored)); }, Terms::keep);
    return out;
}

void CompanyCounter::add_paragraph(std::string_view text) {
    if (m_read >= k_opening) return;
    m_read += text.size();
    for (const auto& m : detail::find_mentions(text)) {
        if (m.type != detail::EntityType::organization && m.type != detail::EntityType::name) continue;
        if (++m_counts[m.name] > m_best_count) {
            m_best_count = m_counts[m.name];
            m_best = m.name;
        }
    }
}

struct Extractor::State {
    detail::ScoredExtractor scored;
};

Extractor::Extractor(Id article, std::string date, std::string company, std::function<void(Claim)> take)
    : m_state(std::make_unique<State>(State{detail::ScoredExtractor(
          article, std::move(date), std::move(company),
          [take = std::move(take)](detail::Scored&& scored) { take(std::move(scored.claim)); }, detail::Terms::drop)})) {}

Extractor::~Extractor() = default;

void Extractor::add_paragraph(std::string_view text, std::size_t offset) { m_state->scored.add_paragraph(text, offset); }

void Extractor::finish() { m_state->scored.finish(); }

void extract_each(const Article& article, const std::function<void(Claim)>& take) {
    detail::extract_each(article, [&](detail::Scored&& scored) { take(std::move(scored.claim)); }, detail::Terms::drop);
}

std::vector<Claim> extract(const Article& article) {
    std::vector<Claim> claims;
    extract_each(article, [&](Claim claim) { claims.push_back(std::move(claim)); });
    return claims;
}

}  // namespace claimtrack::claims
