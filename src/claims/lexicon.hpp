#pragma once

#include <span>
#include <string_view>

// Cue words and names the detectors look for, one table per purpose (see lexicon.cpp).
namespace claimtrack::claims::lexicon {

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
std::span<const std::string_view> zh_surnames();
std::span<const std::string_view> en_not_names();   // capitalised words that are not names
std::span<const std::string_view> zh_name_stops();  // characters that end a Chinese name early

}  // namespace claimtrack::claims::lexicon
