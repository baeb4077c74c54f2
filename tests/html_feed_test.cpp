#include <claimtrack/html.hpp>
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace claimtrack;

namespace {

const char* const k_rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Ledger</title>
  <link>https://news.harbour.example/</link>
  <language>en-GB</language>
  <item>
    <title>Port traffic rose 8% in August</title>
    <link>https://news.harbour.example/port-traffic</link>
    <pubDate>Fri, 19 Sep 2025 10:22:00 +0000</pubDate>
    <dc:creator>Tomas Reyne</dc:creator>
    <description><![CDATA[<p>Short summary.</p>]]></description>
    <content:encoded><![CDATA[<p>Container traffic at the port rose <b>8%</b> in August.</p><script>track()</script><p>The authority expects 2.3 million containers this year.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferry fares frozen</title>
    <pubDate>Thu, 18 Sep 2025 07:05:00 +0000</pubDate>
    <description>&lt;p&gt;Fares stay at &amp;euro;12 until &lt;i&gt;March&lt;/i&gt;.&lt;/p&gt;</description>
  </item>
</channel>
</rss>)";

const char* const k_atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Larchmont Wire</title>
  <link rel="self" href="https://wire.larchmont.example/feed.atom"/>
  <link rel="alternate" href="https://wire.larchmont.example/"/>
  <updated>2025-10-02T16:00:00Z</updated>
  <author><name>Larchmont Desk</name></author>
  <entry>
    <title type="html">Grid &lt;em&gt;upgrade&lt;/em&gt; approved</title>
    <published>2025-10-02T09:15:00+02:00</published>
    <author><name>Ana Brisk</name></author>
    <content type="html">&lt;p&gt;The council approved a 40 million euro upgrade.&lt;/p&gt;&lt;p&gt;Work starts in 2026.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Rail strike called off</title>
    <updated>2025-10-01T18:00:00Z</updated>
    <summary type="text">Unions and operator agreed a 4% raise.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Unions and the operator agreed a <strong>4%</strong> raise.</p><ul><li>Trains run on Monday.</li></ul></div></content>
  </entry>
</feed>)";

bool has_paragraph(const html::Document& doc, std::string_view paragraph) {
    for (const Span& span : doc.paragraphs) {
        if (doc.text.substr(span.start, span.end - span.start) == paragraph) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("html_feed") {
    TEST_CASE("an RSS 2.0 feed gives the channel's title and site and one group of paragraphs per item") {
        const html::Document doc = html::extract(k_rss, "application/rss+xml", "https://news.harbour.example/feed");
        REQUIRE(doc.is_text);
        CHECK(doc.title == "Harbour Ledger");
        CHECK(doc.site == "news.harbour.example");
        CHECK(doc.language == "en");
        CHECK(doc.charset == "UTF-8");
        CHECK(doc.published == "2025-09-19T10:22");  // the newest item's date, no channel date given
        CHECK(has_paragraph(doc, "Port traffic rose 8% in August"));
        CHECK(has_paragraph(doc, "Published 2025-09-19T10:22 by Tomas Reyne"));
        // content:encoded wins over the description; its HTML is reduced to text, scripts dropped.
        CHECK(has_paragraph(doc, "Container traffic at the port rose 8% in August."));
        CHECK(has_paragraph(doc, "The authority expects 2.3 million containers this year."));
        CHECK(doc.text.find("Short summary") == std::string::npos);
        CHECK(doc.text.find("track()") == std::string::npos);
        // Escaped HTML in a description, with an HTML entity inside.
        CHECK(has_paragraph(doc, "Ferry fares frozen"));
        CHECK(has_paragraph(doc, "Published 2025-09-18T07:05"));
        CHECK(has_paragraph(doc, "Fares stay at €12 until March."));
        CHECK(doc.text.find("Port traffic") < doc.text.find("Ferry fares"));
        CHECK(doc.text.find('<') == std::string::npos);
    }

    TEST_CASE("an Atom feed reads html, xhtml and text content, entry authors and the alternate link") {
        const html::Document doc = html::extract(k_atom, "application/atom+xml", "https://wire.larchmont.example/feed.atom");
        REQUIRE(doc.is_text);
        CHECK(doc.title == "Larchmont Wire");
        CHECK(doc.site == "wire.larchmont.example");
        CHECK(doc.published == "2025-10-02T16:00:00Z");
        CHECK(doc.author == "Larchmont Desk");
        CHECK(doc.language == "en");
        CHECK(has_paragraph(doc, "Grid upgrade approved"));
        CHECK(has_paragraph(doc, "Published 2025-10-02T09:15:00+02:00 by Ana Brisk"));
        CHECK(has_paragraph(doc, "The council approved a 40 million euro upgrade."));
        CHECK(has_paragraph(doc, "Work starts in 2026."));
        CHECK(has_paragraph(doc, "Unions and the operator agreed a 4% raise."));
        CHECK(has_paragraph(doc, "Trains run on Monday."));
    }

    TEST_CASE("XML served without a feed type is read as a feed when its root is <rss> or <feed>") {
        for (const char* type : {"text/xml", "application/xml; charset=utf-8", "", "application/octet-stream", "text/plain"}) {
            CAPTURE(type);
            const html::Document doc = html::extract(k_atom, type, "https://wire.larchmont.example/feed");
            CHECK(doc.title == "Larchmont Wire");
            CHECK(has_paragraph(doc, "Work starts in 2026."));
        }
        CHECK(html::extract(k_rss, "text/xml", "").title == "Harbour Ledger");
    }

    TEST_CASE("an RSS 1.0 (RDF) feed finds its items beside the channel") {
        const std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>Quay Notes</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/1"><title>Dredging finished</title><dc:date>2025-06-30</dc:date>
    <dc:creator>Mira Holt</dc:creator><description>The channel is now 16 metres deep.</description></item>
</rdf:RDF>)";
        const html::Document doc = html::extract(rdf, "application/rdf+xml", "");
        CHECK(doc.title == "Quay Notes");
        CHECK(doc.site == "rdf.example");
        CHECK(has_paragraph(doc, "Dredging finished"));
        CHECK(has_paragraph(doc, "Published 2025-06-30 by Mira Holt"));
        CHECK(has_paragraph(doc, "The channel is now 16 metres deep."));
    }

    TEST_CASE("a feed's XML declaration names its charset when the header does not") {
        // 港口日报 and 八月份吞吐量增长百分之八。 in GBK, the way a Chinese site serves them.
        const std::string encoded = "<?xml version=\"1.0\" encoding=\"GB2312\"?><rss version=\"2.0\"><channel><title>"
                                    "\xB8\xDB\xBF\xDA\xC8\xD5\xB1\xA8</title><item><title>T</title><description>"
                                    "\xB0\xCB\xD4\xC2\xB7\xDD\xCD\xCC\xCD\xC2\xC1\xBF\xD4\xF6\xB3\xA4\xB0\xD9\xB7\xD6\xD6\xAE\xB0\xCB\xA1\xA3"
                                    "</description></item></channel></rss>";
        const html::Document doc = html::extract(encoded, "text/xml", "");
        CHECK(doc.charset == "GB18030");
        CHECK(doc.title == "港口日报");
        CHECK(doc.language == "zh");
        CHECK(has_paragraph(doc, "八月份吞吐量增长百分之八。"));
    }

    TEST_CASE("a feed cut off part-way keeps the items before the break") {
        const std::string whole = k_rss;
        const std::string cut = whole.substr(0, whole.find("<title>Ferry") + 12);
        const html::Document doc = html::extract(cut, "application/rss+xml", "");
        CHECK(doc.is_text);
        CHECK(doc.title == "Harbour Ledger");
        CHECK(has_paragraph(doc, "The authority expects 2.3 million containers this year."));
    }

    TEST_CASE("an XHTML page served as application/xhtml+xml goes through main-text extraction") {
        const std::string xhtml = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>Tide gauges replaced | Coastline Review</title>
<meta property="article:published_time" content="2025-07-04T08:00:00Z"/></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tide gauges replaced</h1>
<p>The coastal agency replaced 14 tide gauges along the northern shore this spring, at a cost of 2.1 million euros.</p>
<p>The new gauges report every minute instead of every ten minutes, the agency said in a statement on Friday.</p>
</article><footer>Copyright Coastline Review</footer></body></html>)";
        const html::Document doc = html::extract(xhtml, "application/xhtml+xml", "https://coast.example/tide");
        REQUIRE(doc.is_text);
        CHECK(doc.title == "Tide gauges replaced");
        CHECK(doc.published.starts_with("2025-07-04"));
        CHECK(doc.language == "en");
        CHECK(doc.text.find("replaced 14 tide gauges") != std::string::npos);
        CHECK(doc.text.find("every ten minutes") != std::string::npos);
        CHECK(doc.text.find("Copyright") == std::string::npos);
        CHECK(doc.text.find("Home") == std::string::npos);
    }

    TEST_CASE("HTML pages and images are not taken for feeds") {
        const html::Document page = html::extract("<!DOCTYPE html><html><body><p>Feed the birds daily, the warden said.</p></body></html>",
                                                  "text/html", "");
        CHECK(page.text == "Feed the birds daily, the warden said.");
        CHECK_FALSE(html::extract(k_rss, "image/png", "").is_text);
    }
}
