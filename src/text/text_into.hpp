#pragma once

#include <string>
#include <string_view>

// Forms of text.hpp's functions that write into a buffer the caller keeps, for callers that run
// once per line or paragraph: reusing the buffer's capacity saves an allocation per call. Kept
// here, beside the module, until they are wanted in the public header.
namespace claimtrack::text {

// Write text::fold(text) into `out` (replacing what it held). `text` must not alias `out`.
void fold(std::string_view text, std::string& out);

// Write text::collapse_space(text) into `out` (replacing what it held). `text` must not alias `out`.
void collapse_space(std::string_view text, std::string& out);

}  // namespace claimtrack::text
