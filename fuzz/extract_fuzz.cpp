#include <claimtrack/html.hpp>
#include <claimtrack/text.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

// libFuzzer entry point: the first byte picks the content type the rest is served as, so one
// corpus reaches the HTML, XHTML, feed, plain-text and sniffing paths.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<std::string_view, 10> k_types = {
        "text/html",           "text/html; charset=gbk", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
        "text/xml",            "text/plain",             "",                      "application/octet-stream", "text/html; charset=utf-8",
    };
    if (size == 0) return 0;
    const std::string_view type = k_types[data[0] % k_types.size()];
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    const claimtrack::html::Document doc = claimtrack::html::extract(body, type, "https://fuzz.example/page");
    // What comes out must be valid UTF-8 with paragraph spans inside the text.
    if (claimtrack::text::first_invalid_utf8(doc.text) || claimtrack::text::first_invalid_utf8(doc.title)) std::abort();
    for (const claimtrack::Span& span : doc.paragraphs) {
        if (span.start > span.end || span.end > doc.text.size()) std::abort();
    }
    return 0;
}
