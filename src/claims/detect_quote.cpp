#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

struct Verb {
    std::size_t begin = 0;
    std::size_t end = 0;
};

bool excluded_zh(std::string_view s, const Verb& v) {
    for (const auto phrase : lexicon::zh_not_speech()) {
        const std::size_t from = v.begin >= phrase.size() ? v.begin - phrase.size() + (v.end - v.begin) : 0;
        for (std::size_t at = from; at <= v.begin && at + phrase.size() <= s.size(); ++at) {
            if (s.compare(at, phrase.size(), phrase) == 0 && at <= v.begin && at + phrase.size() >= v.end) return true;
        }
    }
    return false;
}

std::optional<Verb> first_speech_verb(const Sentence& s) {
    std::optional<Verb> best;
    const auto verbs = s.english ? lexicon::en_speech_verbs() : lexicon::zh_speech_verbs();
    for (const auto verb : verbs) {
        for (const std::size_t at : find_all(s.text, verb)) {
            const Verb v{at, at + verb.size()};
            if (!s.english && excluded_zh(s.text, v)) continue;
            if (!best || at < best->begin) best = v;
            break;
        }
    }
    return best;
}

struct Speaker {
    std::string name;
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::optional<Speaker> speaker_for(const Sentence& s, const Verb& v) {
    if (const Mention* m = mention_before(s, v.begin, true, false)) return Speaker{m->name, m->begin, m->end};
    const std::size_t limit = s.clauses[clause_at(s, v.begin)].begin;
    for (const std::string_view pronoun : {"他", "她", "He ", "She ", " he ", " she "}) {
        const auto at = s.text.rfind(pronoun, v.begin);
        if (at == std::string_view::npos || at < limit || s.previous_person.empty()) continue;
        return Speaker{s.previous_person, at, at + pronoun.size()};
    }
    if (s.english) {  // "…, said Jensen Huang"
        if (const Mention* m = mention_after(s, v.end, v.end + 2, true, false)) return Speaker{m->name, m->begin, m->end};
        for (const std::string_view pronoun : {" he", " she"}) {
            if (has_at(s.text, v.end, pronoun) && !s.previous_person.empty())
                return Speaker{s.previous_person, v.end, v.end + pronoun.size()};
        }
    }
    return std::nullopt;
}

struct Words {
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::optional<Words> quoted_segment(std::string_view s, std::size_t from) {
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"“", "”"}, {"「", "」"}, {"\"", "\""}}) {
        const auto a = s.find(open, from);
        if (a == std::string_view::npos || a > from + 12) continue;
        const auto b = s.find(close, a + open.size());
        if (b != std::string_view::npos) return Words{a + open.size(), b};
    }
    return std::nullopt;
}

// The words: a quotation right after the verb, else the rest of the sentence, else the part before.
std::optional<Words> words_for(const Sentence& s, const Verb& v, const Speaker& who) {
    if (auto q = quoted_segment(s.text, v.end)) return q;
    std::size_t i = v.end;
    if (s.english) {  // "warned on Wednesday that …": the words start after "that"
        const auto that = s.text.find(" that ", i);
        if (that != std::string_view::npos && that - i < 30) i = that + 5;
    }
    for (const std::string_view skip : {"，", "：", ":", ",", " that", " "}) {
        if (has_at(s.text, i, skip)) i += skip.size();
    }
    if (trim_text(s.text.substr(i)).size() > 3) return Words{i, s.text.size()};
    if (s.english) {  // "“…,” Huang said."
        if (auto q = quoted_segment(s.text, 0)) return q;
        const std::size_t end = std::min(who.begin, v.begin);
        if (end > 3) return Words{0, end};
    }
    return std::nullopt;
}

// "在英国《金融时报》举办的AI未来峰会上", "at the Future of AI Summit".
std::string venue_of(const Sentence& s, std::size_t from, std::size_t to) {
    static constexpr std::string_view k_kinds[] = {"峰会", "会议", "论坛", "大会", "发布会", "采访", "节目", "活动", "演讲"};
    const std::string_view part = s.text.substr(from, to - from);
    if (!s.english) {
        const auto at = part.find("在");
        if (at == std::string_view::npos) return {};
        for (const std::string_view end : {"上", "中", "时"}) {
            const auto stop = part.find(end, at);
            if (stop == std::string_view::npos) continue;
            const auto venue = part.substr(at + 3, stop - at - 3);
            for (const auto kind : k_kinds) {
                if (venue.size() >= kind.size() && venue.substr(venue.size() - kind.size()) == kind) return std::string(venue);
            }
        }
        return {};
    }
    for (const std::string_view key : {"summit", "conference", "forum", "interview", "hearing", "event", "meeting"}) {
        for (const std::size_t word : find_all(s.text, "at")) {
            const std::size_t at = word + 3;
            if (!has_at(s.text, word + 2, " ")) continue;
            const auto stop = s.text.find_first_of(",.;", at);
            const auto venue = s.text.substr(at, (stop == std::string_view::npos ? s.text.size() : stop) - at);
            std::string lowered(venue);
            for (auto& c : lowered) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
            if (lowered.find(key) != std::string::npos) return std::string(venue.substr(has_at(venue, 0, "the ") ? 4 : 0));
        }
    }
    return {};
}

}  // namespace

std::vector<Draft> detect_quotes(const Sentence& s) {
    const auto verb = first_speech_verb(s);
    if (!verb) return {};
    const auto who = speaker_for(s, *verb);
    if (!who) return {};
    const auto words = words_for(s, *verb, *who);
    if (!words) return {};
    const std::string quote = trim_text(s.text.substr(words->begin, words->end - words->begin));
    if (quote.size() < 4) return {};
    Draft d;
    d.kind = ClaimKind::quote;
    d.begin = std::min({who->begin, verb->begin, words->begin});
    d.end = std::max({verb->end, words->end, who->end});
    d.fields = {{"speaker", who->name}, {"quote", quote}, {"venue", venue_of(s, who->begin, verb->begin)}};
    if (s.english && d.fields["venue"].empty()) d.fields["venue"] = venue_of(s, 0, s.text.size());
    if (const auto when = sentence_when(s); !when.empty()) d.fields["when"] = when;
    d.named = true;
    return {d};
}

}  // namespace claimtrack::claims::detail
