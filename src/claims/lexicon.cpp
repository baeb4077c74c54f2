#include "claims/lexicon.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace claimtrack::claims::lexicon {

namespace {

using List = std::vector<std::string_view>;

// The sections of every embedded language file, entries pointing into the embedded text
// (escaped entries are kept in `owned`, whose strings never move once parsed).
struct Tables {
    std::map<std::string, List, std::less<>> zh;
    std::map<std::string, List, std::less<>> en;
    std::map<std::string, List, std::less<>> both;  // zh entries then en entries
    std::vector<std::unique_ptr<std::string>> owned;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

void parse(std::string_view text, std::map<std::string, List, std::less<>>& sections, Tables& tables) {
    List* current = nullptr;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trim(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (line.empty() || line.front() == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            current = &sections[std::string(line.substr(1, line.size() - 2))];
        } else if (current != nullptr && line.find('\\') == std::string_view::npos) {
            current->push_back(line);
        } else if (current != nullptr) {
            auto entry = std::make_unique<std::string>();
            for (std::size_t i = 0; i < line.size(); ++i) {
                if (line[i] == '\\' && i + 1 < line.size()) {
                    ++i;
                    *entry += line[i] == 's' ? ' ' : line[i];
                } else {
                    *entry += line[i];
                }
            }
            current->push_back(*entry);
            tables.owned.push_back(std::move(entry));
        }
    }
}

const Tables& tables() {
    static const Tables t = [] {
        Tables made;
        parse(embedded("zh"), made.zh, made);
        parse(embedded("en"), made.en, made);
        for (const auto* language : {&made.zh, &made.en}) {
            for (const auto& [name, list] : *language) {
                auto& joined = made.both[name];
                joined.insert(joined.end(), list.begin(), list.end());
            }
        }
        return made;
    }();
    return t;
}

std::span<const std::string_view> section(const std::map<std::string, List, std::less<>>& sections, std::string_view name) {
    const auto it = sections.find(name);
    if (it == sections.end()) return {};
    return it->second;
}

std::span<const std::string_view> zh(std::string_view name) { return section(tables().zh, name); }
std::span<const std::string_view> en(std::string_view name) { return section(tables().en, name); }
std::span<const std::string_view> both(std::string_view name) { return section(tables().both, name); }

}  // namespace

std::span<const std::string_view> organizations() {
    static const auto list = both("organizations");
    return list;
}
std::span<const std::string_view> people() {
    static const auto list = both("people");
    return list;
}
std::span<const std::string_view> hedges() {
    static const auto list = both("hedges");
    return list;
}
std::span<const std::string_view> doubts() {
    static const auto list = both("doubts");
    return list;
}
std::span<const std::string_view> opinions() {
    static const auto list = both("opinions");
    return list;
}

std::span<const std::string_view> zh_roles() {
    static const auto list = zh("roles");
    return list;
}
std::span<const std::string_view> zh_speech_verbs() {
    static const auto list = zh("speech_verbs");
    return list;
}
std::span<const std::string_view> zh_not_speech() {
    static const auto list = zh("not_speech");
    return list;
}
std::span<const std::string_view> zh_comparisons() {
    static const auto list = zh("comparisons");
    return list;
}
std::span<const std::string_view> zh_not_comparisons() {
    static const auto list = zh("not_comparisons");
    return list;
}
std::span<const std::string_view> zh_surnames() {
    static const auto list = zh("surnames");
    return list;
}
std::span<const std::string_view> zh_name_stops() {
    static const auto list = zh("name_stops");
    return list;
}
std::span<const std::string_view> zh_places() {
    static const auto list = zh("places");
    return list;
}
std::span<const std::string_view> zh_attributes() {
    static const auto list = zh("attributes");
    return list;
}
std::span<const std::string_view> zh_noun_stops() {
    static const auto list = zh("noun_stops");
    return list;
}
std::span<const std::string_view> zh_future() {
    static const auto list = zh("future");
    return list;
}
std::span<const std::string_view> zh_org_suffixes() {
    static const auto list = zh("org_suffixes");
    return list;
}
std::span<const std::string_view> zh_alias_suffixes() {
    static const auto list = zh("alias_suffixes");
    return list;
}
std::span<const std::string_view> zh_generic_stems() {
    static const auto list = zh("generic_stems");
    return list;
}

std::span<const std::string_view> en_roles() {
    static const auto list = en("roles");
    return list;
}
std::span<const std::string_view> en_speech_verbs() {
    static const auto list = en("speech_verbs");
    return list;
}
std::span<const std::string_view> en_not_speech() {
    static const auto list = en("not_speech");
    return list;
}
std::span<const std::string_view> en_comparisons() {
    static const auto list = en("comparisons");
    return list;
}
std::span<const std::string_view> en_not_comparisons() {
    static const auto list = en("not_comparisons");
    return list;
}
std::span<const std::string_view> en_not_names() {
    static const auto list = en("not_names");
    return list;
}
std::span<const std::string_view> en_noun_stops() {
    static const auto list = en("noun_stops");
    return list;
}
std::span<const std::string_view> en_change_verbs() {
    static const auto list = en("change_verbs");
    return list;
}
std::span<const std::string_view> en_past_verbs() {
    static const auto list = en("past_verbs");
    return list;
}
std::span<const std::string_view> en_not_superlatives() {
    static const auto list = en("not_superlatives");
    return list;
}
std::span<const std::string_view> en_future() {
    static const auto list = en("future");
    return list;
}
std::span<const std::string_view> en_org_suffixes() {
    static const auto list = en("org_suffixes");
    return list;
}
std::span<const std::string_view> zh_event_verbs() {
    static const auto list = zh("event_verbs");
    return list;
}
std::span<const std::string_view> zh_event_actors() {
    static const auto list = zh("event_actors");
    return list;
}
std::span<const std::string_view> en_event_verbs() {
    static const auto list = en("event_verbs");
    return list;
}
std::span<const std::string_view> en_event_actors() {
    static const auto list = en("event_actors");
    return list;
}
std::span<const std::string_view> zh_change_to() {
    static const auto list = zh("change_to");
    return list;
}
std::span<const std::string_view> zh_trailing_adverbs() {
    static const auto list = zh("trailing_adverbs");
    return list;
}
std::span<const std::string_view> en_linking_prepositions() {
    static const auto list = en("linking_prepositions");
    return list;
}
std::span<const std::string_view> zh_referring_actors() {
    static const auto list = zh("referring_actors");
    return list;
}
std::span<const std::string_view> en_referring_actors() {
    static const auto list = en("referring_actors");
    return list;
}
std::span<const std::string_view> zh_not_event_verbs() {
    static const auto list = zh("not_event_verbs");
    return list;
}
std::span<const std::string_view> en_not_event_verbs() {
    static const auto list = en("not_event_verbs");
    return list;
}

}  // namespace claimtrack::claims::lexicon
