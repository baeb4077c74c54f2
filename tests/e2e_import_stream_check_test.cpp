// The pass that writes a plain-text body does not check its lines are UTF-8 (LineCheck::digest_only):
// a file that turns into something else after the first pass must still be refused whole.
#include "app/import_detail.hpp"
#include "e2e_support.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include <string>

using namespace claimtrack;

namespace {

// Scan `before`, write `after` in its place, then import the scan: return the error's text.
std::string import_changed(const std::string& before, const std::string& after, const std::string& encoding) {
    e2e::TempDir dir;
    const std::string path = dir.write("a.txt", before);
    app::ImportOptions options;
    options.path = path;
    options.encoding = encoding;
    auto scanned = app::detail::scan(options);
    REQUIRE(scanned.has_value());
    dir.write("a.txt", after);
    Store store(dir.file("t.db"));
    std::string error;
    try {
        (void)app::detail::import_scanned(store, options, std::move(*scanned));
        FAIL("the changed file was imported");
    } catch (const Error& e) {
        error = e.what();
    }
    CHECK(store.articles().empty());
    CHECK(store.claims({.article = {}, .kind = {}, .status = {}}).empty());
    return error;
}

const std::string k_text = "Title\nLarkspur sold 4 million handsets in 2024, up 12% from a year earlier.\n";

// Return `text` with its bytes from the "4" on replaced by `bytes` (the size kept).
std::string with_bytes(std::string text, const std::string& bytes) {
    text.replace(text.find('4'), bytes.size(), bytes);
    return text;
}

}  // namespace

TEST_SUITE("e2e: import stream checks") {

TEST_CASE("a file that gets a byte that is not UTF-8 after the first pass is refused and nothing is stored") {
    // A byte no UTF-8 has, a lone lead byte, a cut three-byte character, a surrogate.
    for (const std::string bad : {"\xff", "\xc3", "\xe4\xb8", "\xed\xa0\x80"}) {
        const std::string after = with_bytes(k_text, bad);
        CAPTURE(after);
        const std::string error = import_changed(k_text, after, "");
        CAPTURE(error);
        CHECK(error.find("changed while it was being imported") != std::string::npos);
    }
}

TEST_CASE("a file read strictly as UTF-8 that gets a bad byte after the first pass is refused and nothing is stored") {
    const std::string bom = "\xEF\xBB\xBF";
    const std::string error = import_changed(bom + k_text, bom + with_bytes(k_text, "\xff"), "");
    CHECK(error.find("changed while it was being imported") != std::string::npos);
    const std::string named = import_changed(k_text, with_bytes(k_text, "\x80"), "utf-8");
    CHECK(named.find("changed while it was being imported") != std::string::npos);
}

TEST_CASE("a file that changes only in its last line, after the first pass, is refused") {
    const std::string before = k_text + "Last line without an end";
    const std::string after = k_text + "Last line without an en\xff";
    CHECK(import_changed(before, after, "").find("changed while it was being imported") != std::string::npos);
}

}
