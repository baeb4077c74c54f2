#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

constexpr std::string_view k_leading[] = {"就", "也", "还", "又", "已经", "已", "曾经", "曾", "都", " "};
constexpr std::string_view k_commentary[] = {"所幸", "但", "不过", "可是", "然而", "彻底", "but ", "although ", "though "};

std::string strip_leading(std::string_view text) {
    for (bool again = true; again;) {
        again = false;
        for (const auto w : k_leading) {
            if (text.starts_with(w)) {
                text.remove_prefix(w.size());
                again = true;
            }
        }
    }
    return trim_text(text);
}

bool is_commentary(std::string_view clause) {
    const std::string_view trimmed = trim_view(clause);
    for (const auto w : k_commentary) {
        if (trimmed.starts_with(w)) return true;
    }
    return false;
}

constexpr std::string_view k_en_fillers[] = {"has", "have", "had", "also", "just", "never", "already",
                                              "recently", "repeatedly", "actually", "not", "once", "first"};

bool in_list(std::span<const std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::string_view word_at_pos(std::string_view text, std::size_t i) {
    std::size_t j = i;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || text[j] == '\'')) ++j;
    return text.substr(i, j - i);
}

bool is_filler(std::string_view word) {
    return std::find(std::begin(k_en_fillers), std::end(k_en_fillers), word) != std::end(k_en_fillers);
}

// Return the end of a past-tense verb phrase starting at `i` ("has also signed", "won"), or nothing.
std::optional<std::size_t> past_verb_end(std::string_view text, std::size_t i) {
    std::optional<std::size_t> found;
    for (int words = 0; words < 4 && i < text.size(); ++words) {
        const auto word = word_at_pos(text, i);
        if (word.empty()) break;
        const bool past = (word.size() > 3 && word.ends_with("ed")) || in_list(lexicon::en_past_verbs(), word);
        if (past) found = i + word.size();
        if (!is_filler(word)) break;  // a real verb, or something else, ends the phrase
        i += word.size() + 1;
        if (i > text.size() || text[i - 1] != ' ') break;
    }
    return found;
}

// An undated English statement of what a named actor did: "Senator Vance voted against the bill".
void english_fact(const Sentence& s, std::vector<Draft>& out) {
    for (const auto& m : s.mentions) {
        if (m.end + 1 >= s.text.size() || s.text[m.end] != ' ') continue;
        const auto verb_end = past_verb_end(s.text, m.end + 1);
        if (!verb_end) continue;
        const std::size_t end = s.clauses[clause_at(s, m.begin)].end;
        std::string action = trim_text(s.text.substr(m.end, end - m.end));
        if (action.find(' ') == std::string::npos) continue;  // a verb alone says too little
        Draft d;
        d.kind = ClaimKind::event;
        d.begin = m.begin;
        d.end = end;
        d.fields.emplace("actor", m.name);
        d.fields.emplace("action", std::move(action));
        d.fields.emplace("when", "");
        d.named = m.type != EntityType::name;
        out.push_back(std::move(d));
        return;
    }
}

// The verb of a dated action, found through the lexicon's event verbs (and, when `speech`, its
// speech verbs: "Harbor Line said on Tuesday it would drop…" is an announcement).
struct EventVerb {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct EventCues {
    CueIndex zh_verbs{lexicon::zh_event_verbs()};
    CueIndex en_verbs{lexicon::en_event_verbs()};
    CueIndex zh_speech{lexicon::zh_speech_verbs()};
    CueIndex en_speech{lexicon::en_speech_verbs()};
    CueIndex zh_actors{lexicon::zh_event_actors()};
    CueIndex en_actors{lexicon::en_event_actors()};
    CueIndex zh_not_verbs{lexicon::zh_not_event_verbs()};
    CueIndex en_not_verbs{lexicon::en_not_event_verbs()};
};

const EventCues& event_cues() {
    static const EventCues made;
    return made;
}

bool in_date(const Sentence& s, std::size_t at) {
    return std::any_of(s.dates.begin(), s.dates.end(), [&](const numbers::DateMention& d) { return d.span.start <= at && at < d.span.end; });
}

bool in_mention(const Sentence& s, std::size_t at) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) { return m.begin <= at && at < m.end; });
}

std::optional<EventVerb> event_verb(const Sentence& s, bool speech) {
    const EventCues& cues = event_cues();
    const CueIndex& not_verbs = s.english ? cues.en_not_verbs : cues.zh_not_verbs;
    const auto usable = [&](std::size_t at, std::string_view) {
        for (const std::uint32_t k : not_verbs.candidates(s.text, at)) {
            if (not_verbs.occurs(s.text, at, k)) return false;  // "发布会": a press conference
        }
        return !in_date(s, at) && !in_mention(s, at);
    };
    auto hit = first_cue_where(s.text, s.english ? cues.en_verbs : cues.zh_verbs, usable, s.first_cue[k_event_verb_cue]);
    if (speech) {
        const auto said = first_cue_where(s.text, s.english ? cues.en_speech : cues.zh_speech, usable, s.first_cue[k_speech_cue]);
        if (said && (!hit || said->at < hit->at)) hit = said;
    }
    if (!hit) return std::nullopt;
    return EventVerb{hit->at, hit->at + hit->entry.size()};
}

bool usable_actor(const Mention& m) {
    if (m.type == EntityType::place) return false;                  // "根据台北市…的统计": where, not who
    return !(m.type == EntityType::name && m.end - m.begin < 2);  // "C轮融资"
}

}  // namespace

// "Skyreach Robotics, a drone maker based in Leeds, launched…": a clause that only describes the
// actor named before it.
bool appositive(const Sentence& s, const Clause& c) {
    const std::string_view text = trim_view(s.text.substr(c.begin, c.end - c.begin));
    for (const std::string_view article : {"a ", "an ", "the ", "A ", "An ", "The "}) {
        if (text.starts_with(article)) return true;
    }
    return false;
}

// The generic actor ending at or before `pos` in [from, pos): "the council", "该公司" (the article's company).
std::optional<Mention> generic_actor(const Sentence& s, std::size_t from, std::size_t pos) {
    const EventCues& cues = event_cues();
    std::optional<Mention> found;
    const auto part = s.text.substr(from, pos - from);
    first_cue_where(part, s.english ? cues.en_actors : cues.zh_actors, [&](std::size_t at, std::string_view entry) {
        if (found && from + at < found->end) return false;  // "the city council", not also "the city" in it
        std::string name(entry);
        for (const std::string_view company : {"the company", "the firm", "该公司", "这家公司"}) {
            if (entry == company && !s.company.empty()) name = s.company;
        }
        if (name.starts_with("the ")) name.erase(0, 4);
        found = Mention{from + at, from + at + entry.size(), std::move(name), EntityType::organization};
        return false;  // keep scanning: the last one before the verb is its subject
    });
    return found;
}

namespace {

// The actor of the verb at `verb`: the last person or organisation before it in its clause, else in
// the clauses before (an appositive skipped); before 被 in a passive ("X被Y罚款": X was fined).
std::optional<Mention> actor_before(const Sentence& s, std::size_t verb) {
    std::size_t k = clause_at(s, verb);
    std::size_t limit = verb;
    const auto clause = s.text.substr(s.clauses[k].begin, verb - s.clauses[k].begin);
    if (const auto by = rfind_quick(clause, "被"); !s.english && by != std::string_view::npos) limit = s.clauses[k].begin + by;
    for (;; --k) {
        const Clause& c = s.clauses[k];
        if (k == clause_at(s, verb) || !appositive(s, c)) {
            const Mention* best = nullptr;
            for (const auto& m : s.mentions) {
                if (m.begin >= c.begin && m.end <= limit && usable_actor(m)) best = &m;
            }
            auto generic = generic_actor(s, c.begin, std::min(limit, c.end));
            if (best != nullptr && (!generic || generic->begin < best->end)) return *best;
            if (generic) return generic;
        }
        if (k == 0) break;
        limit = s.clauses[k - 1].end;
    }
    return std::nullopt;
}

// A dated (or reported) action found by its verb: actor before the verb, action from the verb.
std::optional<Draft> verb_event(const Sentence& s, bool speech) {
    const auto verb = event_verb(s, speech);
    if (!verb) return std::nullopt;
    const auto actor = actor_before(s, verb->begin);
    if (!actor) return std::nullopt;
    const std::size_t k = clause_at(s, verb->begin);
    std::size_t end = s.clauses[k].end;
    std::string action = trim_text(s.text.substr(verb->begin, end - verb->begin));
    if (action.size() <= verb->end - verb->begin + 1 && k + 1 < s.clauses.size()) {  // "X宣布，…": what it announced follows
        end = s.clauses[k + 1].end;
        action = trim_text(s.text.substr(verb->begin, end - verb->begin));
    }
    // What stands between the actor and its verb, dates left out, belongs to the action: "said it
    // would cut 4,000 jobs" is a plan, "was fined" a passive, "因数据泄露被…罚款" gives the reason.
    if (actor->end <= verb->begin && clause_at(s, actor->begin) == k && verb->begin - actor->end <= 60) {
        std::string between;
        for (std::size_t i = actor->end; i < verb->begin; ++i) {
            if (!in_date(s, i)) between += s.text[i];
        }
        between = strip_leading(between);
        if (!between.empty()) action = between + (s.english ? " " : "") + action;
    }
    Draft d;
    d.kind = ClaimKind::event;
    d.begin = s.dates.empty() ? actor->begin : std::min(actor->begin, s.dates.front().span.start);
    d.end = end;
    d.fields.emplace("actor", actor->name);
    d.fields.emplace("action", std::move(action));
    d.fields.emplace("when", sentence_when(s));
    d.named = actor->type != EntityType::name || actor->name == s.company;
    return d;
}

}  // namespace

std::vector<Draft> detect_events(const Sentence& s, const EventSearch& how) {
    std::vector<Draft> out;
    detect_events(s, how, out);
    return out;
}

void detect_events(const Sentence& s, const EventSearch& how, std::vector<Draft>& out) {
    const bool hedged = how.hedged;
    const std::string when = sentence_when(s);
    if (!when.empty() || hedged) {
        if (auto d = verb_event(s, how.speech)) {
            out.push_back(std::move(*d));
            return;
        }
    }
    if (how.need_verb) return;
    if (when.empty() && !hedged) {
        if (s.english) english_fact(s, out);
        return;
    }
    const std::size_t after = s.dates.empty() ? 0 : s.dates.front().span.end;
    const Mention* actor = mention_after(s, after, s.text.size(), true, true);
    if (actor == nullptr) actor = mention_after(s, 0, s.text.size(), true, true);  // "X lost half since January"
    if (actor == nullptr) return;
    std::size_t k = clause_at(s, actor->begin);
    std::size_t end = s.clauses[k].end;
    std::string action = strip_leading(s.text.substr(actor->end, end - actor->end));
    for (const std::string_view possessive : {"'s ", "’s "}) {
        if (action.starts_with(possessive)) action = actor->name + action;  // "Larkspur's shares have lost…"
    }
    if (action.size() < 12 && k + 1 < s.clauses.size() && !is_commentary(s.text.substr(s.clauses[k + 1].begin))) {
        end = s.clauses[k + 1].end;  // "SemiAnalysis就分析过，华为的方案…": the finding is the next clause
        action = strip_leading(s.text.substr(actor->end, end - actor->end));
    }
    if (action.size() < 6 || action.starts_with("的")) return;  // "星河的固态硬盘…": a possessor, not an actor
    if (!usable_actor(*actor)) return;
    Draft d;
    d.kind = ClaimKind::event;
    d.begin = s.dates.empty() ? actor->begin : std::min(actor->begin, s.dates.front().span.start);
    d.end = end;
    d.fields.emplace("actor", actor->name);
    d.fields.emplace("action", std::move(action));
    d.fields.emplace("when", when);
    d.named = actor->type != EntityType::name || actor->name == s.company;
    out.push_back(std::move(d));
}

}  // namespace claimtrack::claims::detail
