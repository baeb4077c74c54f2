#include "report/shared.hpp"

#include <claimtrack/text.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack::report::detail {

namespace {

// Writes JSON straight into a string, laid out exactly as nlohmann's `dump(2)` lays it out (the
// format the report has always had); a 10,000-claim report no longer builds a DOM first. Keys
// must be written in sorted order, as nlohmann's std::map objects print them: the test that
// re-parses and re-dumps the output holds us to it.
class Writer {
public:
    explicit Writer(std::string& out) : m_out(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    Writer& key(std::string_view name) {
        next_item();
        string(name);
        m_out += ": ";
        m_after_key = true;
        return *this;
    }

    void value(std::string_view text) {
        next_item();
        string(text);
    }
    void value(const char* text) { value(std::string_view(text)); }  // else a literal would pick `bool`
    void value(bool flag) {
        next_item();
        m_out += flag ? "true" : "false";
    }
    void value(std::int64_t number) {
        next_item();
        m_out += std::to_string(number);
    }
    void value(int number) { value(static_cast<std::int64_t>(number)); }
    void value(std::size_t number) {
        next_item();
        m_out += std::to_string(number);
    }
    void value(double number) {
        next_item();
        m_out += nlohmann::json(number).dump();  // nlohmann's own shortest round-trip form
    }
    void null() {
        next_item();
        m_out += "null";
    }
    template <typename T>
    void value(const std::optional<T>& maybe) {
        if (maybe) value(*maybe);
        else null();
    }

private:
    void indent() { m_out.append(2 * m_open.size(), ' '); }

    // Start a value: after a key it follows on the same line, else it takes a line of its own.
    void next_item() {
        if (m_after_key) {
            m_after_key = false;
            return;
        }
        if (m_open.empty()) return;
        if (!m_open.back()) m_out += ',';
        m_out += '\n';
        indent();
        m_open.back() = false;
    }

    void open(char bracket) {
        next_item();
        m_out += bracket;
        m_open.push_back(true);
    }

    void close(char bracket) {
        const bool empty = m_open.back();
        m_open.pop_back();
        if (!empty) {
            m_out += '\n';
            indent();
        }
        m_out += bracket;
    }

    void string(std::string_view text) {
        if (text::first_invalid_utf8(text)) {
            // Invalid UTF-8 is replaced, as nlohmann's `error_handler_t::replace` does.
            m_out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return;
        }
        m_out += '"';
        for (const char c : text) {
            switch (c) {
                case '"': m_out += "\\\""; break;
                case '\\': m_out += "\\\\"; break;
                case '\b': m_out += "\\b"; break;
                case '\f': m_out += "\\f"; break;
                case '\n': m_out += "\\n"; break;
                case '\r': m_out += "\\r"; break;
                case '\t': m_out += "\\t"; break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        std::array<char, 8> escaped{};
                        std::snprintf(escaped.data(), escaped.size(), "\\u%04x", static_cast<unsigned>(c));
                        m_out += escaped.data();
                    } else {
                        m_out += c;
                    }
            }
        }
        m_out += '"';
    }

    std::string& m_out;
    std::vector<bool> m_open;  // one per open object or array: true while it is still empty
    bool m_after_key = false;
};

void write_evidence(Writer& w, const ArticleReport& a, const Evidence& e) {
    w.begin_object();
    w.key("fetched_at").value(evidence_fetched_at(a, e));
    w.key("id").value(e.id);
    w.key("origin").value(to_string(e.origin));
    w.key("orphaned").value(e.orphaned);
    w.key("passage").value(e.passage);
    w.key("quote").begin_object();
    w.key("end").value(e.quote.end);
    w.key("exact").value(e.quote.exact);
    w.key("prefix").value(e.quote.prefix);
    w.key("start").value(e.quote.start);
    w.key("suffix").value(e.quote.suffix);
    w.end_object();
    w.key("reason").value(e.reason);
    w.key("score").value(e.score);
    w.key("stance").value(to_string(e.stance));
    w.key("text").value(e.text);
    w.key("url").value(e.url);
    w.end_object();
}

void write_review(Writer& w, const Review& r) {
    w.begin_object();
    w.key("created_at").value(r.created_at);
    w.key("evidence").value(r.evidence);
    w.key("id").value(r.id);
    w.key("note").value(r.note);
    w.key("previous").value(to_string(r.previous));
    w.key("reviewer").value(r.reviewer);
    w.key("status").value(to_string(r.status));
    w.end_object();
}

void write_claim(Writer& w, const ArticleReport& a, const ClaimEntry& entry) {
    const Claim& c = entry.claim;
    const Review* last = last_review(entry);
    w.begin_object();
    w.key("checkworthiness").value(c.checkworthiness);
    w.key("end").value(c.span.end);
    w.key("evidence").begin_array();
    for (const auto& e : entry.evidence) write_evidence(w, a, e);
    w.end_array();
    w.key("fields").begin_object();
    for (const auto& [name, value] : c.fields) w.key(name).value(value);
    w.end_object();
    w.key("hedged").value(c.hedged);
    w.key("history").begin_array();
    for (const auto& r : entry.history) write_review(w, r);
    w.end_array();
    w.key("id").value(c.id);
    w.key("kind").value(to_string(c.kind));
    w.key("note").value(last ? std::string_view(last->note) : std::string_view());
    w.key("reviewer").value(last ? std::string_view(last->reviewer) : std::string_view());
    w.key("start").value(c.span.start);
    w.key("status").value(to_string(c.status));
    w.key("text").value(c.text);
    w.end_object();
}

void write_source(Writer& w, const ArticleReport& a, const SourceRow& s) {
    const auto found = a.fetches.find(s.id);
    const SourceFetch fetch = found == a.fetches.end() ? SourceFetch{} : found->second;
    w.begin_object();
    w.key("error").value(s.error);
    w.key("evidence_count").value(evidence_count(a, s.id));
    w.key("fetched_at").value(s.fetched_at);
    w.key("final_url").value(s.final_url);
    w.key("http_status").value(s.http_status);
    w.key("id").value(s.id);
    w.key("outcome").value(s.outcome);
    w.key("text_fetched_at").value(fetch.text_fetched_at);
    w.key("title").value(s.title);
    if (fetch.unchanged_since.empty()) w.key("unchanged_since").null();
    else w.key("unchanged_since").value(fetch.unchanged_since);
    w.key("url").value(s.url);
    w.key("warc_file").value(fetch.warc_file);
    w.end_object();
}

// Write `counts` as an object keyed by each value's name, in name order.
template <typename Key>
void write_counts(Writer& w, const std::map<Key, int>& counts) {
    std::map<std::string, int, std::less<>> by_name;
    for (const auto& [k, n] : counts) by_name[std::string(to_string(k))] = n;
    w.begin_object();
    for (const auto& [name, n] : by_name) w.key(name).value(n);
    w.end_object();
}

void write_ids(Writer& w, const std::vector<Id>& ids) {
    w.begin_array();
    for (const Id id : ids) w.value(id);
    w.end_array();
}

void write_coverage(Writer& w, const Coverage& c) {
    w.begin_object();
    w.key("by_kind");
    write_counts(w, c.by_kind);
    w.key("by_status");
    write_counts(w, c.by_status);
    w.key("claims").value(claim_total(c));
    w.key("contradicted_claims");
    write_ids(w, c.contradicted_claims);
    w.key("only_contradicted").value(c.only_contradicted);
    w.key("unsourced_claims");
    write_ids(w, c.unsourced_claims);
    w.key("without_evidence").value(c.without_evidence);
    w.end_object();
}

}  // namespace

std::string render_json(const Report& report, const RenderOptions& /*options*/) {
    std::string out;
    Writer w(out);
    w.begin_object();
    w.key("articles").begin_array();
    for (const auto& a : report.articles) {
        w.begin_object();
        w.key("claims").begin_array();
        for (const auto& entry : a.claims) write_claim(w, a, entry);
        w.end_array();
        w.key("coverage");
        write_coverage(w, a.coverage);
        w.key("date").value(a.article.date);
        w.key("id").value(a.article.id);
        w.key("language").value(a.article.language);
        w.key("sources").begin_array();
        for (const auto& s : a.sources) write_source(w, a, s);
        w.end_array();
        w.key("title").value(a.article.title);
        w.end_object();
    }
    w.end_array();
    w.key("generated_at").value(report.generated_at);
    w.end_object();
    out += '\n';
    return out;
}

}  // namespace claimtrack::report::detail
