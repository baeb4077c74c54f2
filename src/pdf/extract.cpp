#include <claimtrack/pdf.hpp>

#include "internal.hpp"

#include <claimtrack/text.hpp>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

namespace claimtrack::pdf {
namespace {

// Poppler reports damaged objects on stderr; the caller gets one reason instead.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string raw_utf8(const poppler::ustring& value) {
    const poppler::byte_array bytes = value.to_utf8();
    std::string out(bytes.begin(), bytes.end());
    // Some producers pad strings with NULs.
    std::erase(out, '\0');
    return out;
}

std::string utf8_of(const poppler::ustring& value) { return text::collapse_space(raw_utf8(value)); }

std::string page_text(const poppler::page& page) {
    return raw_utf8(page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
}

// Return true for a paragraph that is only a page number footer ("7", "Page 7", "- 7 -", "7 / 20").
bool is_page_number(std::string_view paragraph) {
    if (paragraph.starts_with("Page ")) paragraph.remove_prefix(5);
    if (paragraph.empty() || paragraph.size() > 16) return false;
    bool digit = false;
    for (char c : paragraph) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c != ' ' && c != '-' && c != '/' && c != 'o' && c != 'f') {
            return false;
        }
    }
    return digit;
}

void add_paragraph(Document& doc, std::string_view paragraph) {
    if (!doc.text.empty()) doc.text += "\n\n";
    doc.paragraphs.push_back({doc.text.size(), doc.text.size() + paragraph.size()});
    doc.text += paragraph;
}

void add_page(Document& doc, int number, std::string_view page_text) {
    std::vector<std::string> paragraphs = detail::page_paragraphs(page_text);
    std::erase_if(paragraphs, [](const std::string& p) { return is_page_number(p); });
    if (paragraphs.empty()) return;  // a blank or scanned page has no text to cite
    add_paragraph(doc, page_heading(number));
    Page page{number, {doc.text.size() + 2, 0}};
    for (const std::string& paragraph : paragraphs) add_paragraph(doc, paragraph);
    page.span.end = doc.text.size();
    doc.pages.push_back(page);
}

Document failed(std::string reason) {
    Document doc;
    doc.error = std::move(reason);
    return doc;
}

}  // namespace

bool is_pdf(std::string_view bytes, std::string_view content_type) {
    std::string type(content_type.substr(0, content_type.find(';')));
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::erase_if(type, [](char c) { return c == ' ' || c == '\t'; });
    if (type == "application/pdf" || type == "application/x-pdf") return true;
    if (bytes.starts_with("%PDF-")) return true;
    // Servers often send PDFs as octet-stream; the header may follow a few junk bytes. A page
    // declared as text or markup that quotes "%PDF-" near its top is not one.
    const bool declared_text = type.starts_with("text/") || type.find("xml") != std::string::npos || type.find("json") != std::string::npos;
    return !declared_text && bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Document extract(std::string_view bytes) {
    silence_poppler();
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) return failed("not a PDF: no %PDF- header");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return failed("too large to open");
    const std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return failed("damaged or encrypted: poppler could not open it");
    if (pdf->is_locked()) return failed("encrypted: a password is needed to read it");

    Document doc;
    doc.page_count = pdf->pages();
    doc.title = utf8_of(pdf->get_title());
    doc.author = utf8_of(pdf->get_author());
    doc.published = detail::pdf_date(utf8_of(pdf->info_key("CreationDate")));
    for (int i = 0; i < doc.page_count; ++i) {
        const std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (!page) continue;
        add_page(doc, i + 1, page_text(*page));
    }
    if (doc.text.empty()) {
        doc.error = doc.page_count == 0 ? "no pages" : "no text layer (a scanned document needs OCR)";
        return doc;
    }
    doc.is_text = true;
    doc.language = text::detect_language(doc.text);
    return doc;
}

}  // namespace claimtrack::pdf
