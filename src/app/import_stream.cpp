// Import of a plain-text or Markdown file as it is read, in UTF-8 or decoded from another charset
// as it streams (text::ChunkDecoder), Markdown rendered a line at a time (article::MarkdownLines):
// one pass finds the title, the language, the sources, the main company and the digest; a second
// writes the body, the paragraphs and the claims. Neither holds more than a chunk, a line and a
// few hundred rows, however large the file (Markdown: also its reference definitions).
//
// Markdown falls back to the whole read (read_article) when a link label ends in white space that a
// soft line break drops (the whole read's label would run on into the next line). A quick read
// before the two passes gathers its reference definitions (few; a link may come before its own).
#include "app/import_detail.hpp"

#include <claimtrack/article.hpp>
#include <claimtrack/bytes.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <utility>
#include <vector>

namespace claimtrack::app::detail {
namespace {

// The first read is the head that decides the charset: at least the 1 MB that text::plan_decoding needs.
constexpr std::size_t k_chunk = 1 << 20;
constexpr std::size_t k_pending = 256;    // paragraphs and claims written per batch

// What LineReader checks in each line: that it is UTF-8, or nothing, for a pass whose lines go
// only into the body and a digest that must equal the first pass's before anything is committed
// (a byte changed since, valid or not, fails that comparison).
enum class LineCheck { utf8, digest_only };

// Reads a file a line at a time as the body `parse` makes of it: as UTF-8 with a BOM dropped, or
// decoded by `plan` from another charset; CRLF and lone CR read as LF. Each line is checked to be
// UTF-8 unless `check` says not.
class LineReader {
public:
    LineReader(const ImportOptions& options, std::optional<text::DecodePlan> plan, LineCheck check = LineCheck::utf8)
        : m_options(options), m_in(options.path, std::ios::binary), m_check(check) {
        if (!m_in) throw Error(ErrorKind::input, options.path, "open", std::strerror(errno));
        if (plan) m_decoder.emplace(std::move(*plan));
    }

    // Read the first chunk; return false when it does not decode by the plan.
    bool start() {
        read_chunk();
        if (m_failed) return false;
        if (m_read == 0) throw Error(ErrorKind::input, m_options.path, "byte 0", "the file is empty");
        if (m_decoder) return true;
        if (std::string_view(m_chunk).starts_with("\xEF\xBB\xBF")) m_at = 3;
        m_strict = !m_options.encoding.empty() || m_at == 3;
        return true;
    }

    // True when each() stopped at a byte that is not UTF-8 (reading UTF-8, not strictly).
    bool invalid_utf8() const { return m_invalid_utf8; }

    // Give `line(text, offset, ended)` each line, `offset` in the body and `ended` when a line end
    // followed it. Return false at the first invalid byte unless strict (then stop with the error).
    template <typename Line>
    bool each(Line line) {
        while (true) {
            while (m_at < m_chunk.size()) {
                const char* begin = m_chunk.data() + m_at;
                const std::size_t left = m_chunk.size() - m_at;
                const void* newline = std::memchr(begin, '\n', left);
                const std::size_t length = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - begin) : left;
                std::string_view piece(begin, length);
                if (m_line.empty() && !m_decoder) m_raw = m_read - m_chunk.size() + m_at;
                if (const void* cr = std::memchr(begin, '\r', length)) {
                    piece = piece.substr(0, static_cast<std::size_t>(static_cast<const char*>(cr) - begin));
                }
                const bool ended = piece.size() < left;
                m_at += piece.size();
                if (!ended) {
                    m_line += piece;
                    break;  // the line goes on in the next chunk
                }
                // A line within the chunk is given as it lies there, not copied first.
                if (!m_line.empty()) {
                    m_line += piece;
                    piece = m_line;
                }
                const char end = m_chunk[m_at];
                m_at += 1;
                if (end == '\r') m_after_cr = true;
                if (!finish_line(line, true, piece)) return false;
            }
            read_chunk();
            if (m_failed) return false;
            if (m_chunk.empty()) break;
            if (m_after_cr && m_chunk.front() == '\n') m_at = 1;  // CRLF across chunks
            m_after_cr = false;
        }
        return finish_line(line, false, m_line);
    }

private:
    // Give `bytes`, the line (in the chunk or in m_line), to `line`.
    template <typename Line>
    bool finish_line(Line& line, bool ended, std::string_view bytes) {
        if (m_after_cr && m_at < m_chunk.size()) {
            if (m_chunk[m_at] == '\n') ++m_at;  // CRLF: one line end
            m_after_cr = false;
        }
        if (const auto bad = m_check == LineCheck::utf8 ? text::first_invalid_utf8(bytes) : std::nullopt) {
            m_invalid_utf8 = true;
            if (!m_strict) return false;
            throw Error(ErrorKind::input, m_options.path, "byte " + std::to_string(m_raw + *bad), "invalid UTF-8 byte sequence");
        }
        line(bytes, m_offset, ended);
        m_offset += bytes.size() + (ended ? 1 : 0);
        m_line.clear();
        return true;
    }

    void read_chunk() {
        m_at = 0;
        if (!m_decoder) {
            m_chunk = read_raw();
            return;
        }
        // Decoded: until some text comes out (a chunk may end inside a character) or the file ends.
        m_chunk = {};
        while (m_chunk.empty() && !m_ended) {
            const std::string_view bytes = read_raw();
            m_ended = bytes.size() < k_chunk;
            const auto utf8 = m_decoder->decode(bytes, m_ended ? text::ChunkDecoder::Chunk::last : text::ChunkDecoder::Chunk::more);
            if (!utf8) {
                m_failed = true;
                return;
            }
            m_chunk = *utf8;  // the decoder's: valid until it decodes the next chunk
        }
    }

    // Return the file's next chunk, read into a buffer made once and not zero-filled: a string
    // resized to a chunk filled a megabyte with zeros at each reader's first and last read.
    std::string_view read_raw() {
        if (!m_buffer) m_buffer = std::make_unique_for_overwrite<char[]>(k_chunk);
        m_in.read(m_buffer.get(), static_cast<std::streamsize>(k_chunk));
        const auto got = static_cast<std::size_t>(m_in.gcount());
        if (m_in.bad()) throw Error(ErrorKind::input, m_options.path, "read", std::strerror(errno));
        m_read += got;
        return {m_buffer.get(), got};
    }

    const ImportOptions& m_options;
    std::ifstream m_in;
    LineCheck m_check;
    std::optional<text::ChunkDecoder> m_decoder;
    std::unique_ptr<char[]> m_buffer;  // the last bytes read
    std::string_view m_chunk;          // the last UTF-8 read (in m_buffer) or decoded (the decoder's)
    std::size_t m_at = 0;       // next byte of m_chunk
    std::size_t m_read = 0;     // bytes read from the file
    std::size_t m_raw = 0;      // file offset where m_line starts (reading UTF-8)
    std::size_t m_offset = 0;   // body offset where m_line starts
    bool m_strict = false;
    bool m_after_cr = false;
    bool m_ended = false;
    bool m_failed = false;
    bool m_invalid_utf8 = false;
    std::string m_line;
};

// Reads the body of a file a line at a time: the file's lines for plain text; for Markdown, the
// body lines rendered from them (article::MarkdownLines) with their links.
class BodyReader {
public:
    BodyReader(const ImportOptions& options, const std::optional<text::DecodePlan>& plan, article::Format format,
               article::MarkdownDefinitions definitions)
        : m_lines(options, plan), m_format(format), m_definitions(std::move(definitions)) {}

    bool start() { return m_lines.start(); }
    bool invalid_utf8() const { return m_lines.invalid_utf8(); }

    // Give `take(line, offset, ended, links)` each body line, as LineReader::each gives file lines.
    template <typename Take>
    bool each(Take take) {
        if (m_format != article::Format::markdown) {
            return m_lines.each([&](std::string_view line, std::size_t offset, bool ended) { take(line, offset, ended, {}); });
        }
        article::MarkdownLines markdown([&](article::MarkdownLines::Line&& line) { take(line.text, line.offset, line.ended, std::move(line.links)); },
                                        m_definitions);
        if (!m_lines.each([&](std::string_view line, std::size_t, bool) { markdown.add_line(line); })) return false;
        markdown.finish();
        m_exact = markdown.exact();
        m_after_text = markdown.targets_after_text();
        return true;
    }

    // Markdown, after each(): false when the line renderer may not render the file as the whole read does.
    bool exact() const { return m_exact; }
    // Markdown, after each(): what the text cites after its last line (article::MarkdownLines).
    const std::vector<std::string>& after_text() const { return m_after_text; }

private:
    LineReader m_lines;
    article::Format m_format;
    article::MarkdownDefinitions m_definitions;
    bool m_exact = true;
    std::vector<std::string> m_after_text;
};

// The first chunk of a file and its size, or nothing when the size is unknown (a pipe or device).
std::optional<std::pair<std::string, std::uintmax_t>> read_head(const ImportOptions& options) {
    std::error_code unknown;
    const auto size = std::filesystem::file_size(options.path, unknown);
    if (unknown) return std::nullopt;
    std::ifstream in(options.path, std::ios::binary);
    if (!in) throw Error(ErrorKind::input, options.path, "open", std::strerror(errno));
    std::string head(k_chunk, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(ErrorKind::input, options.path, "read", std::strerror(errno));
    if (head.empty()) throw Error(ErrorKind::input, options.path, "byte 0", "the file is empty");
    return std::pair{std::move(head), size};
}

// The SHA-256 of a file's lines, given a line and a newline at a time and passed on to OpenSSL
// in pieces of up to k_digest_piece bytes: a call to EVP_DigestUpdate costs over a hundred
// instructions beyond the hashing, and every line and every newline was one (71K calls over
// corpus-1's three passes).
class LineDigest {
public:
    LineDigest() { m_pending.reserve(k_digest_piece); }

    void add(std::string_view bytes) {
        if (m_pending.size() + bytes.size() > k_digest_piece) flush();
        if (bytes.size() >= k_digest_piece) {
            m_digest.update(bytes);
            return;
        }
        m_pending += bytes;
    }

    // Return the digest in hex (the digest ends).
    std::string hex() {
        flush();
        return m_digest.hex();
    }

private:
    static constexpr std::size_t k_digest_piece = 1 << 16;

    void flush() {
        if (m_pending.empty()) return;
        m_digest.update(m_pending);
        m_pending.clear();
    }

    bytes::Sha256 m_digest;
    std::string m_pending;
};

struct Pass {
    std::optional<Scan> scan;
    bool invalid_utf8 = false;  // read as UTF-8, it has a byte that is not
};

struct Definitions {
    std::optional<article::MarkdownDefinitions> found;  // nothing when the file did not read
    bool invalid_utf8 = false;
};

// Read the Markdown file once for its reference definitions (a quick read: no rendering), so that
// the passes that render it know every link at once, as the whole read does.
Definitions definitions_of(const ImportOptions& options, const std::optional<text::DecodePlan>& plan) {
    LineReader reader(options, plan);
    if (!reader.start()) return {};
    article::MarkdownDefinitions definitions;
    const bool read = reader.each([&](std::string_view line, std::size_t, bool) {
        if (auto definition = article::markdown_definition(line)) definitions.insert(std::move(*definition));
    });
    if (!read) return {std::nullopt, reader.invalid_utf8()};
    return {std::move(definitions), false};
}

// Read the file once, as UTF-8 or decoded by `plan`, for what `scan` returns. Nothing in `scan`
// when the file must be read whole.
Pass scan_pass(const ImportOptions& options, const std::optional<text::DecodePlan>& plan, article::Format format) {
    article::MarkdownDefinitions definitions;
    if (format == article::Format::markdown) {
        auto read = definitions_of(options, plan);
        if (!read.found) return {std::nullopt, read.invalid_utf8};
        definitions = std::move(*read.found);
    }
    BodyReader reader(options, plan, format, definitions);
    if (!reader.start()) return {};
    claims::CompanyCounter counter;
    article::TextScanner scanner({options.title, options.date, options.path}, [&](const article::ParagraphStream::Finished& f) {
        if (f.paragraph.kind == ParagraphKind::text) counter.add_paragraph(f.text);
    });
    LineDigest digest;
    Scan out;
    const bool read = reader.each([&](std::string_view line, std::size_t offset, bool ended, std::vector<article::BodyLink> links) {
        scanner.add_line(line, offset, std::move(links));
        digest.add(line);
        if (ended) digest.add("\n");
        out.body_size = offset + line.size() + (ended ? 1 : 0);
    });
    if (!read) return {std::nullopt, reader.invalid_utf8()};
    if (!reader.exact()) return {};
    for (const auto& target : reader.after_text()) scanner.cite_after_text(target);
    out.article = scanner.finish();
    out.article.sha256 = digest.hex();
    if (format == article::Format::markdown) out.article.format = "markdown";
    out.paragraphs = scanner.paragraphs();
    out.company = counter.main_company();
    out.plan = plan;
    out.format = format;
    out.definitions = std::move(definitions);
    return {std::move(out), false};
}

}  // namespace

std::optional<Scan> scan(const ImportOptions& options, article::Format format) {
    if (options.path == "-" || format == article::Format::html) return std::nullopt;
    auto head = read_head(options);
    if (!head) return std::nullopt;
    const auto& [bytes, size] = *head;
    bool utf8 = false;
    try {
        utf8 = text::reads_as_utf8(bytes, size, options.encoding);
    } catch (const Error& e) {
        throw Error(ErrorKind::input, options.path, e.place(), e.reason());
    }
    if (utf8) {
        Pass pass = scan_pass(options, std::nullopt, format);
        // Some byte is not UTF-8: decode_article goes on to detect the charset, and so do we.
        if (!pass.invalid_utf8) return std::move(pass.scan);
    }
    const auto plan = text::plan_decoding(bytes, size, options.encoding);
    if (!plan) return std::nullopt;
    return scan_pass(options, plan, format).scan;
}

ImportResult import_scanned(Store& store, const ImportOptions& options, Scan scanned) {
    Article& head = scanned.article;

    ImportResult result;
    result.title = head.title;
    result.language = head.language;
    result.sources = head.sources.size();
    result.paragraphs = scanned.paragraphs;

    const Store::BulkAppend bulk_append(store);
    Store::Transaction transaction(store);
    if (already_stored(store, head.sha256, result)) return result;
    head.imported_at = now_iso8601();
    Store::BodyWriter body(store, head, scanned.body_size);
    const Id id = body.article();

    std::vector<Claim> claims;
    claims.reserve(k_pending);
    claims::Extractor extractor(id, head.date, scanned.company, [&](Claim claim) {
        claims.push_back(std::move(claim));
        ++result.claims;
        if (claims.size() < k_pending) return;
        store.add_claims(claims);
        claims.clear();
    });
    std::vector<Store::NumberedParagraph> paragraphs;
    article::ParagraphStream stream([&](article::ParagraphStream::Finished&& f) {
        paragraphs.push_back({f.index, f.paragraph});
        if (paragraphs.size() >= k_pending) {
            store.add_paragraphs(id, paragraphs);
            paragraphs.clear();
        }
        if (f.paragraph.kind == ParagraphKind::text) extractor.add_paragraph(f.text, f.paragraph.span.start);
    });
    const auto changed = [&] {
        return Error(ErrorKind::input, options.path, "content", "the file changed while it was being imported; import it again");
    };
    // A plain-text body is written first, alone, with its blob held open (BodyWriter::hold_open),
    // and the file read once more for the paragraphs and claims: reading plain text costs less
    // than the walks a reopened blob makes (50 MB: 7% of the import; 5 MB: the same either way).
    // A Markdown body, which costs more to render again, is written as it is read.
    const bool body_first = scanned.format == article::Format::text;
    if (body_first) {
        LineDigest digest;
        LineReader lines(options, scanned.plan, LineCheck::digest_only);
        body.hold_open();
        const bool same = lines.start() && lines.each([&](std::string_view line, std::size_t, bool ended) {
            body.write(line);
            digest.add(line);
            if (ended) {
                body.write("\n");
                digest.add("\n");
            }
        });
        if (!same || digest.hex() != head.sha256) throw changed();
        body.finish();
    }
    LineDigest digest;
    BodyReader reader(options, scanned.plan, scanned.format, std::move(scanned.definitions));
    const bool same = reader.start() && reader.each([&](std::string_view line, std::size_t offset, bool ended, std::vector<article::BodyLink> links) {
        stream.add_line(line, offset, std::move(links));
        if (!body_first) body.write(line);
        digest.add(line);
        if (ended) {
            if (!body_first) body.write("\n");
            digest.add("\n");
        }
    });
    if (!same || digest.hex() != head.sha256) throw changed();
    stream.finish();
    extractor.finish();
    store.add_paragraphs(id, paragraphs);
    store.add_claims(claims);
    if (!body_first) body.finish();
    transaction.commit();
    result.article = id;
    return result;
}

}  // namespace claimtrack::app::detail
