#include "app/import_detail.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/article.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/html.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

namespace claimtrack::app {
namespace {

std::string read_input(const ImportOptions& options) {
    if (options.path == "-") return options.stdin_bytes;
    std::ifstream in(options.path, std::ios::binary);
    if (!in) throw Error(ErrorKind::input, options.path, "open", std::strerror(errno));
    // Read straight into one string sized from the file (a pipe or /proc file grows it as it goes),
    // so a large article is held once, not twice.
    std::string bytes;
    std::error_code unknown;
    const auto size = std::filesystem::file_size(options.path, unknown);
    if (!unknown) bytes.reserve(static_cast<std::size_t>(size));
    std::array<char, 1 << 16> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) bytes.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(ErrorKind::input, options.path, "read", std::strerror(errno));
    return bytes;
}

std::string input_name(const ImportOptions& options) { return options.path == "-" ? "<stdin>" : options.path; }

// An HTML file that is neither UTF-8 nor detectable may still name its charset in <meta>.
std::optional<std::string> html_meta_decoding(const std::string& bytes) {
    html::Decoded decoded = html::decode(bytes, "", html::Markup::html);
    if (decoded.charset == "UTF-8" || decoded.text.find("\uFFFD") != std::string::npos) return std::nullopt;
    return std::move(decoded.text);
}

text::DecodedText decode(std::string bytes, const ImportOptions& options, article::Format format) {
    const std::string name = input_name(options);
    if (bytes.empty()) throw Error(ErrorKind::input, name, "byte 0", "the file is empty");
    try {
        // Moved in, so valid UTF-8 is held once; HTML keeps its bytes for the <meta> charset below.
        return text::decode_article(format == article::Format::html ? bytes : std::move(bytes), options.encoding);
    } catch (const Error& e) {
        const bool undetected = options.encoding.empty() && e.place() != "content";
        if (undetected && format == article::Format::html) {
            if (auto utf8 = html_meta_decoding(bytes)) return {std::move(*utf8), "<meta> charset", true};
        }
        throw Error(ErrorKind::input, name, e.place(), e.reason());
    }
}

article::Format choose_format(const ImportOptions& options) {
    if (options.format.empty()) return article::format_from_path(options.path);
    if (const auto format = article::format_from_name(options.format)) return *format;
    throw Error(ErrorKind::usage, "--format", options.format, "unknown format (use text, markdown or html)");
}

void check_date(const std::string& date) {
    static const std::regex k_date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    if (!date.empty() && !std::regex_match(date, k_date)) {
        throw Error(ErrorKind::usage, "--date", date, "not a date of the form YYYY-MM-DD");
    }
}

}  // namespace

ReadArticle read_article(const ImportOptions& options) {
    check_date(options.date);
    const article::Format format = choose_format(options);
    text::DecodedText decoded = decode(read_input(options), options, format);
    std::string utf8 = std::move(decoded.utf8);
    article::Format parse_as = format;
    if (format == article::Format::html) {
        utf8 = html::extract_article(utf8).text;
        parse_as = article::Format::text;
    }
    Article parsed = article::parse(std::move(utf8), parse_as, {options.title, options.date, input_name(options)});
    parsed.format = format == article::Format::html ? "html" : format == article::Format::markdown ? "markdown" : "text";
    if (parsed.origin.empty()) parsed.origin = input_name(options);
    return {std::move(parsed), decoded.charset, decoded.detected};
}

bool detail::already_stored(const Store& store, std::string_view sha256, ImportResult& result) {
    const auto existing = store.find_article_by_sha256(sha256);
    if (!existing) return false;
    result.article = *existing;
    result.already_imported = true;
    result.claims = store.claims({.article = *existing, .kind = {}, .status = {}}).size();
    return true;
}

ImportResult import_article(Store& store, Article article) {
    ImportResult result;
    result.title = article.title;
    result.language = article.language;
    result.sources = article.sources.size();
    result.paragraphs = article.paragraphs.size();

    const Store::BulkAppend bulk_append(store);
    Store::Transaction transaction(store);
    if (detail::already_stored(store, article.sha256, result)) return result;
    article.imported_at = now_iso8601();
    article.id = store.add_article(article);
    // Stored as found, a few hundred at a time: memory stays flat however long the article.
    constexpr std::size_t k_pending = 256;
    std::vector<Claim> pending;
    pending.reserve(k_pending);
    claims::extract_each(article, [&](Claim claim) {
        pending.push_back(std::move(claim));
        ++result.claims;
        if (pending.size() < k_pending) return;
        store.add_claims(pending);
        pending.clear();
    });
    store.add_claims(pending);
    transaction.commit();
    result.article = article.id;
    return result;
}

ImportedFile import_file(const ImportOptions& options, const std::function<Store&()>& open_store) {
    check_date(options.date);
    if (const auto format = choose_format(options); format != article::Format::html) {
        if (auto scanned = detail::scan(options, format)) {
            std::string charset = scanned->plan ? scanned->plan->charset : "UTF-8";
            const bool detected = scanned->plan && scanned->plan->detected;
            return {detail::import_scanned(open_store(), options, std::move(*scanned)), std::move(charset), detected};
        }
    }
    ReadArticle read = read_article(options);
    ImportedFile out;
    out.charset = std::move(read.charset);
    out.detected = read.detected;
    out.result = import_article(open_store(), std::move(read.article));
    return out;
}

}  // namespace claimtrack::app
