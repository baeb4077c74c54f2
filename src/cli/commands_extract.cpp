#include <claimtrack/error.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/fetch.hpp>
#include <claimtrack/html.hpp>
#include <claimtrack/pdf.hpp>

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace claimtrack::cli {

namespace {

struct Loaded {
    std::string bytes;
    std::string content_type;
    std::string url;
};

bool is_url(std::string_view target) { return target.starts_with("http://") || target.starts_with("https://"); }

// Return the content type a file's extension implies, or "" to let the extractor sniff.
std::string type_of_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".html" || ext == ".htm") return "text/html";
    if (ext == ".txt") return "text/plain";
    if (ext == ".xml" || ext == ".xhtml") return "application/xhtml+xml";
    if (ext == ".pdf") return "application/pdf";
    return {};
}

Loaded load_file(const std::string& target) {
    std::ifstream in(target, std::ios::binary);
    if (!in) throw Error(ErrorKind::input, target, "open", "cannot read the file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return {bytes.str(), type_of_extension(target), "file://" + target};
}

Loaded load_url(const std::string& target) {
    FetchResult result;
    fetch::fetch_all({{target, "", ""}}, fetch::Options{}, [&result](std::size_t, FetchResult done) { result = std::move(done); });
    if (!result.error.empty()) throw Error(ErrorKind::io, target, "fetch", result.error);
    if (result.http_status && *result.http_status >= 400) {
        throw Error(ErrorKind::io, target, "fetch", "HTTP " + std::to_string(*result.http_status));
    }
    return {std::move(result.body), std::move(result.content_type), result.final_url.empty() ? target : result.final_url};
}

// Return the passages of an extracted `text` with their byte spans.
nlohmann::json passages_json(const std::string& text) {
    nlohmann::json passages = nlohmann::json::array();
    for (const Passage& passage : evidence::split_passages(text)) {
        passages.push_back({{"text", passage.text}, {"start", passage.span.start}, {"end", passage.span.end}});
    }
    return passages;
}

void print_json(std::ostream& out, const nlohmann::json& json) {
    out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// Print one "Label:    value" line per field, "-" for an empty value.
void print_fields(std::ostream& out, std::initializer_list<std::pair<const char*, const std::string*>> fields) {
    for (const auto& [label, value] : fields) {
        out << fmt::format("{:<10} {}\n", std::string(label) + ":", value->empty() ? "-" : *value);
    }
}

nlohmann::json document_json(const html::Document& doc) {
    return {{"title", doc.title}, {"published", doc.published}, {"author", doc.author},
            {"site", doc.site},   {"language", doc.language},   {"charset", doc.charset},
            {"text", doc.text},   {"passages", passages_json(doc.text)}, {"truncated", doc.truncated}};
}

void print_document(std::ostream& out, const html::Document& doc) {
    if (!doc.is_text) {
        out << "No text: the content is not HTML or plain text.\n";
        return;
    }
    print_fields(out, {{"Title", &doc.title}, {"Published", &doc.published}, {"Author", &doc.author},
                       {"Site", &doc.site}, {"Language", &doc.language}, {"Charset", &doc.charset}});
    out << fmt::format("{:<10} {} paragraphs, {} bytes{}\n\n", "Text:", doc.paragraphs.size(), doc.text.size(),
                       doc.truncated ? " (page too long: its end was not read)" : "");
    out << doc.text << "\n";
}

// Return the PDF's metadata, text and passages, each passage with the page it starts on.
nlohmann::json pdf_json(const pdf::Document& doc) {
    nlohmann::json passages = passages_json(doc.text);
    for (nlohmann::json& passage : passages) {
        passage["page"] = pdf::page_at(doc.text, passage["start"].get<std::size_t>()).value_or(0);
    }
    return {{"title", doc.title}, {"published", doc.published}, {"author", doc.author}, {"site", ""}, {"language", doc.language},
            {"charset", ""},      {"pages", doc.page_count},    {"text", doc.text},     {"passages", std::move(passages)}};
}

void print_pdf(std::ostream& out, const pdf::Document& doc) {
    print_fields(out, {{"Title", &doc.title}, {"Published", &doc.published}, {"Author", &doc.author}, {"Language", &doc.language}});
    out << fmt::format("{:<10} {} pages, {} with text, {} bytes\n\n", "Text:", doc.page_count, doc.pages.size(), doc.text.size());
    out << doc.text << "\n";
}

// Print what the PDF extractor finds in `loaded`; a PDF with no text is an input error.
void run_pdf(Context& context, const std::string& target, const Loaded& loaded, bool json) {
    const pdf::Document doc = pdf::extract(loaded.bytes);
    if (!doc.is_text) throw Error(ErrorKind::input, target, "pdf", doc.error);
    if (json) {
        print_json(context.out, pdf_json(doc));
    } else {
        print_pdf(context.out, doc);
    }
}

}  // namespace

void add_extract_commands(CLI::App& app, Table& table) {
    auto target = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* sub = app.add_subcommand("extract", "Print the main text and metadata the extractor finds in a file or URL");
    sub->add_option("source", *target, "An HTML, XHTML, RSS/Atom, PDF or text file, or an http(s) URL")->required();
    sub->add_flag("--json", *json, "Print a JSON object with the metadata, the text, its passages and whether the page was cut short (truncated)");
    sub->footer("Example:\n  claimtrack extract page.html --json");
    table.push_back({sub, [target, json](Context& context) {
                         const Loaded loaded = is_url(*target) ? load_url(*target) : load_file(*target);
                         if (pdf::is_pdf(loaded.bytes, loaded.content_type)) {
                             run_pdf(context, *target, loaded, *json);
                             return 0;
                         }
                         const html::Document doc = html::extract(loaded.bytes, loaded.content_type, loaded.url);
                         if (*json) {
                             print_json(context.out, document_json(doc));
                         } else {
                             print_document(context.out, doc);
                         }
                         return 0;
                     }});
}

}  // namespace claimtrack::cli
