#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>

namespace claimtrack::claims::detail {

namespace {

struct RoleHit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string role;
};

std::vector<RoleHit> role_hits(const Sentence& s) {
    std::vector<RoleHit> hits;
    if (s.first_cue[k_role_cue] == std::string_view::npos) return hits;  // no role word (nor one matching its case)
    static const CueIndex en_roles(lexicon::en_roles());
    static const CueIndex zh_roles(lexicon::zh_roles());
    const CueIndex& roles = s.english ? en_roles : zh_roles;
    // A role starting at a letter starts a word (`word_at`): the rest of a word is skipped.
    for (std::size_t i = 0; i < s.text.size(); i = is_latin_letter(s.text[i]) ? next_word_start(s.text, i) : i + char_length(s.text, i)) {
        if (!hits.empty() && i < hits.back().end) continue;
        for (const std::uint32_t k : roles.candidates(s.text, i)) {  // longest first in the table
            const std::string_view role = roles.list()[k];
            if (!roles.may_occur(s.text, i, k)) continue;
            const bool exact = role.front() >= 'A' && role.front() <= 'Z';
            const bool match = exact ? (has_at(s.text, i, role) && word_at(s.text, i, role)) : word_at(s.text, i, role);
            if (!match) continue;
            hits.push_back({i, i + role.size(), std::string(s.text.substr(i, role.size()))});
            break;
        }
    }
    return hits;
}

std::size_t skip_any(std::string_view s, std::size_t i, std::initializer_list<std::string_view> words) {
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto w : words) {
            if (has_at(s, i, w)) {
                i += w.size();
                moved = true;
            }
        }
    }
    return i;
}

// The person a role word introduces: "CEO是黄仁勋", "CEO苏姿丰", "chief executive, Lip-Bu Tan".
std::optional<Mention> person_after(const Sentence& s, const RoleHit& hit) {
    const std::size_t i = skip_any(s.text, hit.end, {" ", "是", "为", "：", ":", ", ", "，", "由"});
    if (i >= s.text.size()) return std::nullopt;
    if (const auto* m = mention_after(s, i, i + 1, true, false)) return *m;
    if (s.english) return std::nullopt;
    return han_name_at(s.text, i);
}

// The person named before a role: "陈立武当CEO", "Lisa Su, CEO of AMD", "X is Nvidia's CEO".
std::optional<Mention> person_before(const Sentence& s, const RoleHit& hit) {
    if (!s.english) {
        for (const std::string_view verb : {"担任", "出任", "接任", "当", "任"}) {
            if (hit.begin >= verb.size() && has_at(s.text, hit.begin - verb.size(), verb)) {
                if (auto name = han_name_before(s.text, hit.begin - verb.size())) return name;
            }
        }
    }
    if (!s.english) {  // "李静怡担任北辰集团的总裁": the verb comes before the organisation
        const std::size_t clause_begin = s.clauses[clause_at(s, hit.begin)].begin;
        for (const std::string_view verb : {"担任", "出任", "接任", "升任"}) {
            const auto at = rfind_quick(s.text.substr(clause_begin, hit.begin - clause_begin), verb);
            if (at == std::string_view::npos) continue;
            if (auto name = han_name_before(s.text, clause_begin + at)) return name;
        }
    }
    const Mention* m = mention_before(s, hit.begin, true, false);
    if (m == nullptr || clause_at(s, m->begin) + 1 < clause_at(s, hit.begin)) return std::nullopt;
    return *m;
}

// The organisation a role belongs to: just before it ("英伟达的CEO", "Intel's chief executive"),
// after it ("CEO of AMD"), or named earlier in the sentence ("…英伟达，CEO是黄仁勋").
std::optional<Mention> organization_for(const Sentence& s, const RoleHit& hit, const Mention& person) {
    if (s.english) {
        std::size_t i = hit.end;
        for (const std::string_view of : {" of ", " at "}) {
            if (has_at(s.text, i, of)) {
                i += of.size();
                if (has_at(s.text, i, "the ")) i += 4;
                // "chief executive of Harbor Line": whatever is named there is the employer
                if (const auto* m = mention_after(s, i, i + 1, true, true); m && m->begin != person.begin) return *m;
            }
        }
    }
    const Mention* best = nullptr;
    for (const auto& m : s.mentions) {
        if (m.end > hit.begin) break;
        if (m.type != EntityType::person && m.type != EntityType::place && m.begin != person.begin) best = &m;
    }
    if (best == nullptr) {  // "Acme Robotics CEO Jane Porter": a two-word company read as a name
        for (const auto& m : s.mentions) {
            if (m.end > hit.begin) break;
            if (m.begin != person.begin && m.type != EntityType::place && hit.begin - m.end <= 1) best = &m;
        }
    }
    if (best != nullptr) return *best;
    const auto* m = mention_after(s, hit.end, s.clauses[clause_at(s, hit.begin)].end, false, true);
    if (m != nullptr && m->type != EntityType::place) return *m;
    // "連鎖品牌茶米日和的創辦人": an unknown name introduced by what it is
    if (!s.english) {
        for (const std::string_view kind : {"品牌", "企业", "企業", "公司", "厂商", "廠商", "集团", "集團"}) {
            const auto at = rfind_quick(s.text.substr(0, hit.begin), kind);
            if (at == std::string_view::npos) continue;
            const std::size_t begin = at + kind.size();
            const std::size_t of = hit.begin >= 3 && has_at(s.text, hit.begin - 3, "的") ? hit.begin - 3 : hit.begin;
            const std::size_t chars = (of - begin) / 3;
            bool han = chars >= 2 && chars <= 5;
            for (std::size_t i = begin; han && i < of; i += 3) han = is_han(code_point_at(s.text, i));
            if (han) return Mention{begin, of, std::string(s.text.substr(begin, of - begin)), EntityType::organization};
        }
    }
    // "The lab's founder, Tomas Lindqvist": the organisation the article is about
    const auto before = s.text.substr(0, hit.begin);
    for (const std::string_view word : {"company's ", "firm's ", "lab's ", "group's ", "公司的", "该公司", "公司"}) {
        if (!s.company.empty() && before.ends_with(word)) return Mention{hit.begin, hit.begin, s.company, EntityType::organization};
    }
    return std::nullopt;
}

}  // namespace

std::vector<Draft> detect_roles(const Sentence& s) {
    std::vector<Draft> out;
    detect_roles(s, out);
    return out;
}

void detect_roles(const Sentence& s, std::vector<Draft>& out) {
    for (const auto& hit : role_hits(s)) {
        auto person = person_after(s, hit);
        if (!person) person = person_before(s, hit);
        if (!person) continue;
        const auto org = organization_for(s, hit, *person);
        if (!org) continue;
        Draft d;
        d.kind = ClaimKind::role;
        d.begin = std::min({hit.begin, person->begin, org->begin});
        d.end = std::max({hit.end, person->end, org->end});
        d.fields.emplace("person", person->name);
        d.fields.emplace("role", hit.role);
        d.fields.emplace("organization", org->name);
        if (auto when = sentence_when(s); !when.empty()) d.fields.emplace("when", std::move(when));
        d.named = true;
        out.push_back(std::move(d));
    }
}

}  // namespace claimtrack::claims::detail
