#pragma once

#include <claimtrack/evidence.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Helpers shared by the evidence sources: code points, term matching, values.
namespace claimtrack::evidence::detail {

// Return the code points of UTF-8 `text` (invalid bytes become U+FFFD).
std::u32string decode(std::string_view text);

// The code points of UTF-8 text and where each starts; `offsets` has one more entry, the end.
struct CodePoints {
    std::u32string points;
    std::vector<std::size_t> offsets;
};

// Return the code points of `text` with their byte offsets (as `decode` reads them).
CodePoints code_points_of(std::string_view text);

// Return the number of code points in `text`.
std::size_t code_points(std::string_view text);

// Return true if `needle` occurs in `haystack` (both folded); Latin-edged needles must sit on word boundaries.
bool contains_term(std::string_view haystack, std::string_view needle);

// Return the first name of the alias group of `name` found in `folded_passage`, or nothing.
std::optional<std::string> find_entity(std::string_view folded_passage, std::string_view name, const Aliases& aliases);

// Return the share (0..1) of `terms` that occur in `folded_passage` (see `contains_term`; 0 when there are none).
double term_overlap(const std::vector<std::string>& terms, std::string_view folded_passage);

// Return the share (0..1) of the index tokens of `words` that occur in `folded_passage`.
double token_overlap(std::string_view words, std::string_view folded_passage);

// Return true if `name` (any spelling) is one of the built-in people.
bool is_known_person(std::string_view name);

// Return the built-in people's names (every spelling).
const std::vector<std::string>& known_people();

// A number as a claim or passage states it, in base units.
struct Value {
    double value = 0.0;
    std::string unit;  // "%", "" ...
    std::string text;  // as written
};

// Return the spans of day numbers in dates without a year ("April 2", "2 April", "4月2日"), which
// the date reader leaves to the article's context: they are never a claim's value.
std::vector<Span> day_spans(std::string_view text);

// Return the values written in `text`, dates left out, "九成五" read as 95%.
std::vector<Value> values_in(std::string_view text);

// Return true if `a` and `b` are the same number within rounding (95% = 0.95).
bool same_value(const Value& a, const Value& b);

// Return true if `a` and `b` measure the same kind of thing (same unit after normalisation).
bool comparable(const Value& a, const Value& b);

// Return `v` written for a reason: "95%", "0", "350000000 USD".
std::string describe(const Value& v);

// Return the `wanted` values that none of the `stated` values equals.
std::vector<Value> missing_values(const std::vector<Value>& wanted, const std::vector<Value>& stated);

// Return the `stated` values that answer what the claim's `missing` values answer, but differently
// (comparable to a missing value and equal to no `wanted` one).
std::vector<Value> rival_values(const std::vector<Value>& stated, const std::vector<Value>& wanted,
                                const std::vector<Value>& missing);

// Return `values` described and joined with ", ".
std::string join_values(const std::vector<Value>& values);

// Return the smallest edit distance (code points) between `needle` and any substring of `haystack`.
std::size_t substring_distance(const std::u32string& needle, const std::u32string& haystack);

}  // namespace claimtrack::evidence::detail
