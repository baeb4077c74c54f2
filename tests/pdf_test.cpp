#include <claimtrack/pdf.hpp>

#include "pdf/internal.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Return a minimal valid PDF written by hand: one Helvetica text line per entry of each page,
// a document info dictionary made of `info`, and `extra_trailer` added to the trailer.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& info,
                     const std::string& extra_trailer = "") {
    std::vector<std::string> objects;
    const std::size_t page_count = pages.size();
    std::string kids;
    for (std::size_t i = 0; i < page_count; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(page_count) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < page_count; ++i) {
        std::string stream = "BT /F1 11 Tf 14 TL 72 720 Td\n";
        for (const std::string& line : pages[i]) stream += "(" + line + ") Tj T*\n";
        stream += "ET\n";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
    }
    objects.push_back("<< " + info + " >>");

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        std::string digits = std::to_string(offset);
        pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info " + std::to_string(objects.size()) +
           " 0 R " + extra_trailer + ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

const std::vector<std::vector<std::string>> k_report = {
    {"Annual Report of Wrenfield Grid 2024", "", "Revenue rose 12% to 4.1 billion euros in 2024, driven by",
     "new connections in the northern region.", "", "7"},
    {"Outlook", "", "The board expects capital spending of 900 million euros in 2025.",
     "Dividends stay at 0.45 euros per share."},
};

const std::string k_info = "/Title (Wrenfield Grid Annual Report) /Author (Ines Valdana) /CreationDate (D:20250314093000+01'00')";

}  // namespace

TEST_SUITE("pdf") {
    TEST_CASE("a two-page PDF gives its text with a Page N heading per page and its info metadata") {
        const pdf::Document doc = pdf::extract(make_pdf(k_report, k_info));
        REQUIRE(doc.is_text);
        CHECK(doc.error.empty());
        CHECK(doc.page_count == 2);
        CHECK(doc.title == "Wrenfield Grid Annual Report");
        CHECK(doc.author == "Ines Valdana");
        CHECK(doc.published == "2025-03-14T09:30");
        CHECK(doc.language == "en");
        CHECK(doc.text.starts_with("Page 1\n\nAnnual Report of Wrenfield Grid 2024\n\n"));
        CHECK(doc.text.find("Revenue rose 12% to 4.1 billion euros in 2024, driven by new connections in the northern region.") !=
              std::string::npos);
        CHECK(doc.text.find("\n\nPage 2\n\nOutlook\n\nThe board expects") != std::string::npos);
        // The lone "7" is a page number footer, not text.
        CHECK(doc.text.find("\n\n7\n\n") == std::string::npos);
        REQUIRE(doc.pages.size() == 2);
        CHECK(doc.pages[0].number == 1);
        CHECK(doc.pages[1].number == 2);
        CHECK(doc.text.substr(doc.pages[1].span.start, 7) == "Outlook");
        CHECK(doc.text.substr(doc.pages[1].span.end - 10) == "per share.");
        for (const Span& span : doc.paragraphs) CHECK(span.end <= doc.text.size());
    }

    TEST_CASE("page_at tells the page of any offset in the extracted text") {
        const pdf::Document doc = pdf::extract(make_pdf(k_report, k_info));
        const auto revenue = doc.text.find("Revenue rose");
        const auto dividends = doc.text.find("Dividends stay");
        CHECK(pdf::page_at(doc.text, revenue) == 1);
        CHECK(pdf::page_at(doc.text, dividends) == 2);
        CHECK(pdf::page_at(doc.text, 0) == 1);
        CHECK(pdf::page_at("Intro text.\n\nPage 12\n\nBody.", 20) == 12);
        CHECK_FALSE(pdf::page_at("No headings here. See Page 4 of the filing.", 40).has_value());
    }

    TEST_CASE("a PDF that needs a password gives a reason, not text") {
        const std::string encrypt = "/Encrypt << /Filter /Standard /V 1 /R 2 /P -44 /O <" + std::string(64, 'a') + "> /U <" +
                                    std::string(64, 'b') + "> >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ";
        const pdf::Document doc = pdf::extract(make_pdf(k_report, k_info, encrypt));
        CHECK_FALSE(doc.is_text);
        CHECK(doc.text.empty());
        CHECK_FALSE(doc.error.empty());
    }

    TEST_CASE("truncated, garbled and non-PDF bytes give an error, never a crash") {
        const std::string whole = make_pdf(k_report, k_info);
        for (std::size_t cut : {std::size_t{9}, std::size_t{120}, whole.size() / 2, whole.size() - 30}) {
            CAPTURE(cut);
            const pdf::Document doc = pdf::extract(whole.substr(0, cut));
            if (!doc.is_text) CHECK_FALSE(doc.error.empty());
        }
        std::string garbled = whole;
        for (std::size_t i = 20; i < garbled.size(); i += 7) garbled[i] = static_cast<char>(garbled[i] ^ 0x5A);
        const pdf::Document noisy = pdf::extract(garbled);
        if (!noisy.is_text) CHECK_FALSE(noisy.error.empty());
        const pdf::Document html = pdf::extract("<html><body>not a pdf</body></html>");
        CHECK_FALSE(html.is_text);
        CHECK(html.error == "not a PDF: no %PDF- header");
        CHECK_FALSE(pdf::extract("").is_text);
    }

    TEST_CASE("a PDF whose pages hold no text says it needs OCR") {
        const pdf::Document doc = pdf::extract(make_pdf({{}, {}}, "/Title (Scan)"));
        CHECK_FALSE(doc.is_text);
        CHECK(doc.page_count == 2);
        CHECK(doc.error == "no text layer (a scanned document needs OCR)");
    }

    TEST_CASE("is_pdf accepts the content type or the %PDF- magic") {
        CHECK(pdf::is_pdf("", "application/pdf"));
        CHECK(pdf::is_pdf("", "Application/PDF; name=report.pdf"));
        CHECK(pdf::is_pdf("%PDF-1.7\n...", "application/octet-stream"));
        CHECK(pdf::is_pdf("%PDF-1.7\n...", ""));
        CHECK_FALSE(pdf::is_pdf("<html></html>", "text/html"));
        CHECK(pdf::is_pdf("\r\n%PDF-1.4\n", "application/download"));
        CHECK_FALSE(pdf::is_pdf("<p>Files start with %PDF-1.7</p>", "text/html"));
        CHECK_FALSE(pdf::is_pdf("", ""));
    }

    TEST_CASE("wrapped lines join into paragraphs: hyphens rejoined, no space inside Chinese") {
        const auto english = pdf::detail::page_paragraphs(
            "Results\nThe ministry said the gov-\nernment would publish the figures\nin May.\n\nExports, imports,\nand stocks.");
        REQUIRE(english.size() == 3);
        CHECK(english[0] == "Results");
        CHECK(english[1] == "The ministry said the government would publish the figures in May.");
        CHECK(english[2] == "Exports, imports, and stocks.");
        const auto chinese = pdf::detail::page_paragraphs("公司全年营业收入同比增长百分\n之十二，净利润同比下降百分之\n三。\n展望");
        REQUIRE(chinese.size() == 2);
        CHECK(chinese[0] == "公司全年营业收入同比增长百分之十二，净利润同比下降百分之三。");
        CHECK(chinese[1] == "展望");
    }

    TEST_CASE("PDF dates become ISO 8601 as written, bad ones become empty") {
        CHECK(pdf::detail::pdf_date("D:20250314093000+01'00'") == "2025-03-14T09:30");
        CHECK(pdf::detail::pdf_date("D:20250314") == "2025-03-14");
        CHECK(pdf::detail::pdf_date("20241231235959Z") == "2024-12-31T23:59");
        CHECK(pdf::detail::pdf_date("D:2025") == "");
        CHECK(pdf::detail::pdf_date("D:20251399") == "");
        CHECK(pdf::detail::pdf_date("yesterday") == "");
    }
}
