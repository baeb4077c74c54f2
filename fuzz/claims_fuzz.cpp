#include <claimtrack/article.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

// libFuzzer entry point for claim extraction: the first byte picks plain text or Markdown and
// whether the article has a date; the rest, made valid UTF-8 as the importer guarantees (each
// invalid byte becomes '?'), is parsed and every claim extracted. It aborts when a claim falls
// outside the body, its text is not the body's bytes at its span, a field is not UTF-8 or the
// score leaves [0, 1]; the sanitizers catch the rest. An input with no article text is refused
// with claimtrack::Error, as the importer refuses it.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto format = (data[0] & 1) != 0 ? claimtrack::article::Format::markdown : claimtrack::article::Format::text;
    claimtrack::article::ParseOptions options;
    if ((data[0] & 2) != 0) options.date = "2025-11-10";
    std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    for (auto bad = claimtrack::text::first_invalid_utf8(body); bad; bad = claimtrack::text::first_invalid_utf8(body)) body[*bad] = '?';
    claimtrack::Article article;
    try {
        article = claimtrack::article::parse(std::move(body), format, options);
    } catch (const claimtrack::Error&) {
        return 0;
    }
    article.id = 1;
    for (const claimtrack::Claim& claim : claimtrack::claims::extract(article)) {
        if (claim.span.start > claim.span.end || claim.span.end > article.body.size()) std::abort();
        if (claim.text != article.body.substr(claim.span.start, claim.span.end - claim.span.start)) std::abort();
        if (!(claim.checkworthiness >= 0.0 && claim.checkworthiness <= 1.0)) std::abort();
        for (const auto& [key, value] : claim.fields) {
            if (claimtrack::text::first_invalid_utf8(key) || claimtrack::text::first_invalid_utf8(value)) std::abort();
        }
    }
    return 0;
}
