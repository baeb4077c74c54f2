#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace claimtrack::claims::detail {

namespace {

struct Verb {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Per speech verb, each phrase of `zh_not_speech` holding it and where: a phrase covers a verb only
// where it starts that far before it, so only those starts need a look.
struct NotSpeech {
    std::string_view phrase;
    std::size_t offset = 0;  // of the verb in the phrase
};

const std::vector<NotSpeech>* not_speech_around(std::string_view verb) {
    static const auto table = [] {
        std::map<std::string_view, std::vector<NotSpeech>> made;
        for (const auto verb_entry : lexicon::zh_speech_verbs()) {
            auto& list = made[verb_entry];
            if (!list.empty() || verb_entry.empty()) continue;  // listed twice
            for (const auto phrase : lexicon::zh_not_speech()) {
                for (auto at = phrase.find(verb_entry); at != std::string_view::npos; at = phrase.find(verb_entry, at + 1)) {
                    list.push_back({phrase, at});
                }
            }
        }
        return made;
    }();
    const auto it = table.find(verb);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace

bool not_speech_at(std::string_view s, std::size_t begin, std::size_t end) {
    const Verb v{begin, end};
    const std::string_view verb = s.substr(v.begin, v.end - v.begin);
    if (const auto* around = not_speech_around(verb)) {
        for (const auto& [phrase, offset] : *around) {
            if (offset <= v.begin && has_at(s, v.begin - offset, phrase)) return true;
        }
        return false;
    }
    // Text that matched a listed verb without being it (a Latin verb in another case): every start.
    for (const auto phrase : lexicon::zh_not_speech()) {
        const std::size_t from = v.begin >= phrase.size() ? v.begin - phrase.size() + (v.end - v.begin) : 0;
        for (std::size_t at = from; at <= v.begin && at + phrase.size() <= s.size(); ++at) {
            if (at + phrase.size() >= v.end && has_at(s, at, phrase)) return true;
        }
    }
    return false;
}

namespace {

// "said to be worth": a hedge, not a speaker's words.
bool excluded_en(std::string_view s, const Verb& v) {
    for (const auto phrase : lexicon::en_not_speech()) {  // only the starts that can cover the verb
        const std::size_t from = v.end >= phrase.size() ? v.end - phrase.size() : 0;
        for (std::size_t at = from; at <= v.begin && at + phrase.size() <= s.size(); ++at) {
            if (occurs_at(s, at, phrase)) return true;
        }
    }
    return false;
}

std::optional<Verb> first_speech_verb(const Sentence& s) {
    static const CueIndex en_verbs(lexicon::en_speech_verbs());
    static const CueIndex zh_verbs(lexicon::zh_speech_verbs());
    const auto hit = first_cue_where(s.text, s.english ? en_verbs : zh_verbs, [&](std::size_t at, std::string_view verb) {
        const Verb v{at, at + verb.size()};
        return s.english ? !excluded_en(s.text, v) : !not_speech_at(s.text, v.begin, v.end);
    }, s.first_cue[k_speech_cue]);
    if (!hit) return std::nullopt;
    return Verb{hit->at, hit->at + hit->entry.size()};
}

struct Speaker {
    std::string name;
    std::size_t begin = 0;
    std::size_t end = 0;
};

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

// The full name of a surname used alone ("Okafor" → "Maren Okafor" when she was named before).
std::string full_name(const Sentence& s, std::string_view name) {
    const std::string_view previous = s.previous_person;
    if (previous.size() > name.size() && previous.ends_with(name) && previous[previous.size() - name.size() - 1] == ' ') {
        return s.previous_person;
    }
    return std::string(name);
}

// "林嘉文在上海…峰会上说", "林嘉文还表示": an unknown Chinese name opening the speaker's clause.
std::optional<Speaker> zh_speaker(const Sentence& s, const Verb& v) {
    const std::size_t limit = s.clauses[clause_at(s, v.begin)].begin;
    const auto part = s.text.substr(limit, v.begin - limit);
    for (const std::string_view link : {"在", "还", "也", "曾", "则", "又", "更", "当时", "对", "向", "直接", "今年", "去年", "上个月",
                                        "上月", "日前", "近日", "還", "當時", "上個月", ""}) {
        const auto at = link.empty() ? part.size() : part.find(link);
        if (at == std::string_view::npos) continue;
        if (auto name = han_name_before(s.text, limit + at); name && name->begin == limit) {
            return Speaker{name->name, name->begin, name->end};
        }
    }
    return std::nullopt;
}

// "…,” Okafor said", "said Okafor": a lone capitalised name next to the verb.
std::optional<Speaker> en_adjacent_speaker(const Sentence& s, const Verb& v) {
    for (const auto& m : s.mentions) {
        const bool before = m.end + 1 == v.begin && s.text[m.end] == ' ';
        const bool after = m.begin == v.end + 1 && s.text[v.end] == ' ';
        if ((before || after) && m.type != EntityType::place) return Speaker{full_name(s, m.name), m.begin, m.end};
    }
    return std::nullopt;
}

// The person named last before byte `pos`, skipping an employer in an apposition
// ("Nadia Ferreira, chief executive of Harbor Line, told …": the speaker is Ferreira).
const Mention* person_before(const Sentence& s, std::size_t pos) {
    const Mention* m = mention_before(s, pos, true, false);
    while (m != nullptr && s.english && m->begin >= 4 &&
           (has_at(s.text, m->begin - 4, " of ") || has_at(s.text, m->begin - 4, " at "))) {
        m = mention_before(s, m->begin, true, false);
    }
    return m;
}

// "茶米日和的創辦人林婉婷，上個月…說": a name right after a title earlier in the sentence.
std::optional<Speaker> zh_titled_speaker(const Sentence& s, const Verb& v) {
    static const CueIndex roles(lexicon::zh_roles());
    std::optional<Speaker> last;
    const auto before = s.text.substr(0, v.begin);
    for (std::size_t at = 0; at < before.size(); ++at) {
        for (const std::uint32_t k : roles.candidates(before, at)) {
            const std::string_view role = roles.list()[k];
            if (!roles.occurs(before, at, k)) continue;
            const auto name = han_name_at(s.text, at + role.size());
            if (name && name->end <= v.begin && (!last || name->begin > last->begin)) last = Speaker{name->name, name->begin, name->end};
        }
    }
    return last;
}

std::optional<Speaker> speaker_for(const Sentence& s, const Verb& v) {
    if (const Mention* m = person_before(s, v.begin)) return Speaker{m->name, m->begin, m->end};
    if (!s.english) {
        if (auto who = zh_speaker(s, v)) return who;
        if (auto who = zh_titled_speaker(s, v)) return who;
    } else if (quoted_segment(s.text, 0) || quoted_segment(s.text, v.end)) {
        if (auto who = en_adjacent_speaker(s, v)) return who;  // only beside quotation marks
    }
    const std::size_t limit = s.clauses[clause_at(s, v.begin)].begin;
    for (const std::string_view pronoun : {"他", "她", "He ", "She ", " he ", " she "}) {
        const auto at = rfind_quick(s.text, pronoun, v.begin);
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

// The words: a quotation right after the verb, else the rest of the sentence, else the part before.
std::optional<Words> words_for(const Sentence& s, const Verb& v, const Speaker& who) {
    if (auto q = quoted_segment(s.text, v.end)) return q;
    if (s.english) {  // "“…,” Okafor said at the summit": the quotation before the verb
        if (auto q = quoted_segment(s.text, 0); q && q->end < v.begin) return q;
    }
    std::size_t i = v.end;
    if (s.english) {  // "warned on Wednesday that …": the words start after "that"
        const auto that = s.text.find(" that ", i);
        if (that != std::string_view::npos && that - i < 60) i = that + 5;  // "told reporters at the hearing that"
    }
    for (const std::string_view skip : {"，", "：", ":", ",", " that", " "}) {
        if (has_at(s.text, i, skip)) i += skip.size();
    }
    if (trim_view(s.text.substr(i)).size() > 3) return Words{i, s.text.size()};
    if (s.english) {  // "“…,” Huang said."
        if (auto q = quoted_segment(s.text, 0)) return q;
        const std::size_t end = std::min(who.begin, v.begin);
        if (end > 3) return Words{0, end};
    }
    return std::nullopt;
}

constexpr std::string_view k_zh_venue_kinds[] = {"峰会", "会议", "论坛", "大会", "发布会", "说明会", "采访", "节目", "活动", "演讲",
                                                  "峰會", "會議", "論壇", "大會", "發布會", "說明會", "採訪", "節目", "活動", "演講"};

bool ends_with_venue_kind(std::string_view venue) {
    return std::any_of(std::begin(k_zh_venue_kinds), std::end(k_zh_venue_kinds),
                       [&](std::string_view kind) { return venue.ends_with(kind); });
}

// "在英国《金融时报》举办的AI未来峰会上", "在上海举行的中国存储产业峰会上" (the venue is the summit, not 上海).
std::string zh_venue(std::string_view part) {
    const auto at = part.find("在");
    if (at == std::string_view::npos) return {};
    for (std::size_t stop = at + 3; stop < part.size(); stop += char_length(part, stop)) {
        if (!has_at(part, stop, "上") && !has_at(part, stop, "中") && !has_at(part, stop, "时")) continue;
        const auto venue = part.substr(at + 3, stop - at - 3);
        if (ends_with_venue_kind(venue)) return std::string(venue);
    }
    return {};
}

// "at the Lisbon Device Summit in May" → "Lisbon Device Summit".
std::string en_venue(const Sentence& s) {
    // What follows each "at ": the same for every key, so read once.
    struct After {
        std::string_view venue;
        std::string lowered;
    };
    std::vector<After> afters;
    for (auto word = find_next(s.text, "at", 0); word != std::string_view::npos; word = find_next(s.text, "at", word + 1)) {
        const std::size_t at = word + 3;
        if (!has_at(s.text, word + 2, " ")) continue;
        auto stop = s.text.find_first_of(",.;", at);
        stop = std::min(stop, s.text.find(" that ", at));  // "at the hearing that fuel …"
        const auto venue = s.text.substr(at, (stop == std::string_view::npos ? s.text.size() : stop) - at);
        std::string lowered(venue);
        for (auto& c : lowered) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        afters.push_back({venue, std::move(lowered)});
    }
    for (const std::string_view key : {"summit", "conference", "forum", "interview", "hearing", "event", "meeting"}) {
        for (const auto& after : afters) {
            auto venue = after.venue;
            const auto found = after.lowered.find(key);
            if (found == std::string::npos) continue;
            const auto key_end = found + key.size();
            for (const std::string_view tail : {" in ", " on ", " last ", " this ", " earlier "}) {
                const auto cut = venue.find(tail, key_end);
                if (cut != std::string_view::npos && cut + tail.size() < venue.size() &&
                    venue[cut + tail.size()] >= 'A' && venue[cut + tail.size()] <= 'Z' && s.dates.size() > 0 &&
                    venue.substr(cut + tail.size()).find(' ') == std::string_view::npos) {
                    venue = venue.substr(0, cut);  // "in May": the date, said separately
                }
            }
            return std::string(venue.substr(has_at(venue, 0, "the ") ? 4 : 0));
        }
    }
    return {};
}

std::string venue_of(const Sentence& s, std::size_t from, std::size_t to) {
    if (!s.english) return zh_venue(s.text.substr(from, to - from));
    return en_venue(s);
}

// "上海举行的中国存储产业峰会" → venue "中国存储产业峰会", place "上海".
void split_venue_place(std::map<std::string, std::string>& fields) {
    auto& venue = fields["venue"];
    for (const std::string_view held : {"举行的", "召开的", "举办的"}) {
        const auto at = venue.find(held);
        if (at == std::string::npos) continue;
        const auto place = venue.substr(0, at);
        const auto places = lexicon::zh_places();
        if (std::find(places.begin(), places.end(), place) == places.end()) continue;
        fields["place"] = place;
        venue = venue.substr(at + held.size());
        return;
    }
}

}  // namespace

std::vector<Draft> detect_quotes(const Sentence& s) {
    std::vector<Draft> out;
    detect_quotes(s, out);
    return out;
}

void detect_quotes(const Sentence& s, std::vector<Draft>& out) {
    const auto verb = first_speech_verb(s);
    if (!verb) return;
    const auto who = speaker_for(s, *verb);
    if (!who) return;
    const auto words = words_for(s, *verb, *who);
    if (!words) return;
    std::string quote = trim_text(s.text.substr(words->begin, words->end - words->begin));
    if (quote.size() < 4) return;
    Draft d;
    d.kind = ClaimKind::quote;
    d.begin = std::min({who->begin, verb->begin, words->begin});
    d.end = std::max({verb->end, words->end, who->end});
    // Emplaced, not assigned from an initializer list: that would copy each string twice more.
    d.fields.emplace("speaker", who->name);
    d.fields.emplace("quote", std::move(quote));
    d.fields.emplace("venue", venue_of(s, who->begin, verb->begin));
    split_venue_place(d.fields);
    if (auto when = sentence_when(s); !when.empty()) d.fields["when"] = std::move(when);
    d.named = true;
    out.push_back(std::move(d));
}

}  // namespace claimtrack::claims::detail
