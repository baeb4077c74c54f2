#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

struct Cue {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// A cue word at `at` that starts a listed phrase comparing nothing: 最近, 第一反应, "the first half".
bool not_comparison(const Sentence& s, std::size_t at) {
    static const CueIndex zh_not(lexicon::zh_not_comparisons());
    static const CueIndex en_not(lexicon::en_not_comparisons());
    const CueIndex& index = s.english ? en_not : zh_not;
    for (const std::uint32_t k : index.candidates(s.text, at)) {
        if (index.occurs(s.text, at, k)) return true;
    }
    return false;
}

// Extend a Chinese cue over following superlatives: "迄今为止最大最好的" → relation "迄今为止最大最好".
std::size_t extend_zh(std::string_view s, std::size_t end) {
    while (has_at(s, end, "最") && end + 6 <= s.size() && is_han(code_point_at(s, end + 3))) end += 6;
    if (has_at(s, end, "先进") || has_at(s, end, "前沿")) end += 6;
    return end;
}

// "the toughest", "the worst": a superlative the cue list does not name.
std::optional<Cue> english_superlative(const Sentence& s, const Clause& c) {
    const auto clause = s.text.substr(c.begin, c.end - c.begin);
    for (auto at = find_next(clause, "the", 0); at != std::string_view::npos; at = find_next(clause, "the", at + 1)) {
        std::size_t i = std::min(c.begin + at + 4, c.end);  // "the" may end the clause
        std::size_t j = i;
        while (j < c.end && s.text[j] >= 'a' && s.text[j] <= 'z') ++j;
        const auto word = s.text.substr(i, j - i);
        const auto exceptions = lexicon::en_not_superlatives();
        const bool superlative = (word.size() > 5 && word.ends_with("est")) || word == "worst";
        if (superlative && std::find(exceptions.begin(), exceptions.end(), word) == exceptions.end()) {
            return Cue{c.begin + at, j};
        }
    }
    return std::nullopt;
}

std::optional<Cue> cue_in(const Sentence& s, const Clause& c, std::string& relation_extra) {
    const auto part = s.text.substr(c.begin, c.end - c.begin);
    static const CueIndex en_cues(lexicon::en_comparisons());
    static const CueIndex zh_cues(lexicon::zh_comparisons());
    std::optional<Cue> best;
    // No cue occurs in the sentence before its first one (nor in a clause: clauses end and begin
    // beside punctuation or spaces, so a cue found in one is found at the same place in the sentence).
    const std::size_t first = s.first_cue[k_comparison_cue];
    const std::size_t from = first == std::string_view::npos ? first : first > c.begin ? first - c.begin : 0;
    const auto hit = first_cue_where(part, s.english ? en_cues : zh_cues,
                                     [&](std::size_t at, std::string_view) { return !not_comparison(s, c.begin + at); }, from);
    if (hit) best = Cue{c.begin + hit->at, c.begin + hit->at + hit->entry.size()};
    if (best && !s.english) best->end = extend_zh(s.text, best->end);
    if (best && !s.english && has_at(s.text, best->begin, "迄今为止") && best->end == best->begin + 12) {
        const auto most = part.find("最", best->end - c.begin);  // "迄今为止国内…最大的": keep the superlative
        if (most != std::string_view::npos && !not_comparison(s, c.begin + most)) {
            relation_extra = std::string(s.text.substr(c.begin + most, extend_zh(s.text, c.begin + most) - c.begin - most));
        }
    }
    if (!best && s.english) best = english_superlative(s, c);
    return best;
}

std::string object_after(const Sentence& s, const Cue& cue, const Clause& c) {
    std::size_t from = cue.end;
    for (const std::string_view filler : {"的", "了"}) {
        if (has_at(s.text, from, filler)) from += filler.size();
    }
    std::string object = trim_text(s.text.substr(std::min(from, c.end), c.end - std::min(from, c.end)));
    if (object.size() > 90) {
        std::size_t cut = 90;
        while (cut > 0 && (static_cast<unsigned char>(object[cut]) & 0xC0u) == 0x80u) --cut;
        object.resize(cut);
    }
    return object;
}

// "The company also said that, for the first time, …": the article's company. A place named after
// the cue is where the comparison holds ("the largest in the region"), a subject only when nothing
// else is.
std::string fallback_subject(const Sentence& s, std::size_t cue) {
    constexpr std::string_view places[] = {"the city", "the country", "the state", "the county", "the region"};
    const auto before = s.text.substr(0, cue);
    for (const std::string_view place : places) {
        if (find_next(before, place, 0) != std::string_view::npos) return std::string(place.substr(4));  // "the city spends more … than"
    }
    for (const std::string_view word : {"company", "firm", "该公司", "这家公司"}) {
        if (find_next(s.text, word, 0) != std::string_view::npos && !s.company.empty()) return s.company;
    }
    for (const std::string_view place : places) {
        if (find_next(s.text, place, 0) != std::string_view::npos) return std::string(place.substr(4));
    }
    return {};
}

// "海外订单占比已经升至52%，首次超过国内订单": a clause that starts with the cue compares the thing
// the clause before it measures.
std::string measured_before(const Sentence& s, std::size_t k, const Cue& cue) {
    if (k == 0 || trim_view(s.text.substr(s.clauses[k].begin, cue.begin - s.clauses[k].begin)).size() > 0) return {};
    const Clause& before = s.clauses[k - 1];
    for (const auto& q : s.quantities) {
        if (q.span.start < before.begin || q.span.end > before.end) continue;
        Draft d;
        describe(s, q.span.start - change_to_verb(s, q.span.start), d);
        const std::string& subject = d.fields["subject"];
        const std::string& attribute = d.fields["attribute"];
        if (attribute.empty() || subject.empty() || attribute.starts_with(subject)) return attribute;
        return subject + "的" + attribute;  // "星澜电池的海外订单占比"
    }
    return {};
}

}  // namespace

std::vector<Draft> detect_comparisons(const Sentence& s) {
    std::vector<Draft> out;
    detect_comparisons(s, out);
    return out;
}

void detect_comparisons(const Sentence& s, std::vector<Draft>& out) {
    for (std::size_t k = 0; k < s.clauses.size(); ++k) {
        const auto& c = s.clauses[k];
        std::string extra;
        const auto cue = cue_in(s, c, extra);
        if (!cue) continue;
        const Mention* subject = mention_before(s, cue->begin, true, true);
        if (subject == nullptr && s.english) subject = mention_after(s, cue->end, c.end, true, true);
        // "作为国内第三大厂商，星澜电池的…": the organisation named after the cue in the sentence
        if (subject == nullptr && !s.english && has_at(s.text, c.begin, "作为")) {
            subject = mention_after(s, c.end, s.text.size(), false, true);
        }
        std::string subject_name = s.english ? std::string() : measured_before(s, k, *cue);
        if (subject_name.empty()) subject_name = subject != nullptr ? subject->name : fallback_subject(s, cue->begin);
        // "…，首次超过国内订单": the article's company, unless the clause names it as the other side
        if (subject_name.empty() && !s.english && s.text.substr(c.begin, c.end - c.begin).find(s.company) == std::string_view::npos) {
            subject_name = s.company;
        }
        if (subject_name.empty()) continue;
        std::string object = object_after(s, *cue, c);
        std::size_t end = c.end;
        if (s.english && object.empty() && k + 1 < s.clauses.size()) {  // "for the first time, it would sell …"
            end = s.clauses[k + 1].end;
            object = object_after(s, *cue, {c.begin, end});
        }
        Draft d;
        d.kind = ClaimKind::comparison;
        d.begin = subject != nullptr ? std::max(c.begin, std::min(subject->begin, cue->begin)) : cue->begin;
        d.end = end;
        d.fields.emplace("subject", std::move(subject_name));
        d.fields.emplace("relation", trim_text(s.text.substr(cue->begin, cue->end - cue->begin)) + extra);
        d.fields.emplace("object", std::move(object));
        d.named = true;
        out.push_back(std::move(d));
    }
}

}  // namespace claimtrack::claims::detail
