#pragma once

#include <span>
#include <string_view>

// Cue words and names the detectors look for, one list per purpose, read from the embedded
// src/claims/lexicon/<language>.txt files (see docs/claims-lexicon.md).
namespace claimtrack::claims::lexicon {

// Return the text of the embedded lexicon file for `language` ("zh", "en"), or "" (generated at build time).
std::string_view embedded(std::string_view language);

std::span<const std::string_view> organizations();
std::span<const std::string_view> people();
std::span<const std::string_view> zh_roles();
std::span<const std::string_view> en_roles();
std::span<const std::string_view> zh_speech_verbs();
std::span<const std::string_view> en_speech_verbs();
std::span<const std::string_view> zh_not_speech();   // 说 inside these is not reported speech
std::span<const std::string_view> hedges();
std::span<const std::string_view> doubts();          // a following sentence that casts doubt
std::span<const std::string_view> opinions();
std::span<const std::string_view> zh_comparisons();
std::span<const std::string_view> en_comparisons();
std::span<const std::string_view> zh_not_comparisons();  // 最近, 第一反应: a comparison cue that starts these compares nothing
std::span<const std::string_view> en_not_comparisons();  // "the first half", "the first thing"
std::span<const std::string_view> zh_surnames();
std::span<const std::string_view> en_not_names();   // capitalised words that are not names
std::span<const std::string_view> zh_name_stops();  // characters that end a Chinese name early
std::span<const std::string_view> zh_places();      // countries, regions and cities
std::span<const std::string_view> zh_attributes();  // measured things: 份额, 营收, 自给率
std::span<const std::string_view> zh_noun_stops();  // characters that end a counted noun: 的, 是, 将
std::span<const std::string_view> en_noun_stops();  // words that end a counted noun: in, of, was
std::span<const std::string_view> en_change_verbs();  // rose, fell, dropped …
std::span<const std::string_view> en_past_verbs();    // irregular past forms: won, made, took …
std::span<const std::string_view> en_not_superlatives();  // words in -est that compare nothing
std::span<const std::string_view> en_future();        // will, going to: predictions and plans
std::span<const std::string_view> zh_future();        // 将, 预计: predictions and plans
std::span<const std::string_view> zh_org_suffixes();  // 半导体, 集团, 银行: an unknown name ending so is an organisation
std::span<const std::string_view> zh_alias_suffixes();  // suffixes an article drops after first use: 星X半导体 → 星X
std::span<const std::string_view> zh_generic_stems();  // 科技, 芯片: words that make 科技公司 a description, not a name
std::span<const std::string_view> en_not_speech();    // "said to be": a hedge, not a quote
std::span<const std::string_view> en_org_suffixes();
std::span<const std::string_view> zh_event_verbs();   // 宣布, 完成, 发布: the verb of a dated action
std::span<const std::string_view> en_event_verbs();   // launched, approved, fined
std::span<const std::string_view> zh_event_actors();  // 董事会, 该公司: an actor that is not a name
std::span<const std::string_view> zh_change_to();         // 升至, 降到: a change to the amount after it
std::span<const std::string_view> zh_trailing_adverbs();  // 已经: dropped from an attribute's end
std::span<const std::string_view> en_linking_prepositions();  // of, to: "visits to Eastvale's branches"
std::span<const std::string_view> zh_referring_actors();  // 该公司: an event actor that refers back
std::span<const std::string_view> en_referring_actors();  // the company, the lab: refers back
std::span<const std::string_view> en_event_actors();  // the council, the ministry, the company
std::span<const std::string_view> zh_not_event_verbs();  // 发布会: an event verb starting these names no action
std::span<const std::string_view> en_not_event_verbs();  // "Harbor Line", "Acme Analytics": an organisation, not a person

}  // namespace claimtrack::claims::lexicon
