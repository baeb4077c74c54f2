#include <claimtrack/claims_eval.hpp>

#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace claimtrack::claims::eval {

namespace {

// A small reader for the gold files: objects, arrays, strings, true/false/null and plain numbers
// (kept as their text). The claims module carries no JSON library, and the format is ours.
struct Value {
    enum class Type { null, boolean, number, string, array, object } type = Type::null;
    bool flag = false;
    std::string text;
    std::vector<Value> items;
    std::vector<std::pair<std::string, Value>> members;

    const Value* get(std::string_view key) const {
        for (const auto& [k, v] : members) {
            if (k == key) return &v;
        }
        return nullptr;
    }
};

class Reader {
public:
    Reader(std::string_view json, std::string_view origin) : m_json(json), m_origin(origin) {}

    Value document() {
        Value v = value();
        skip_space();
        if (m_pos != m_json.size()) fail("text after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& reason) const {
        throw Error(ErrorKind::input, std::string(m_origin), "byte " + std::to_string(m_pos), reason);
    }

    void skip_space() {
        while (m_pos < m_json.size() && std::string_view(" \t\r\n").find(m_json[m_pos]) != std::string_view::npos) ++m_pos;
    }

    void expect(char c) {
        skip_space();
        if (m_pos >= m_json.size() || m_json[m_pos] != c) fail(std::string("expected '") + c + "'");
        ++m_pos;
    }

    bool take(char c) {
        skip_space();
        if (m_pos < m_json.size() && m_json[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::string string() {
        expect('"');
        std::string out;
        while (m_pos < m_json.size() && m_json[m_pos] != '"') {
            char c = m_json[m_pos++];
            if (c == '\\') {
                if (m_pos >= m_json.size()) break;
                c = m_json[m_pos++];
                if (c == 'n') c = '\n';
                else if (c == 't') c = '\t';
                else if (c != '"' && c != '\\' && c != '/') fail("unsupported escape (write the character itself)");
            }
            out += c;
        }
        if (m_pos >= m_json.size()) fail("unterminated string");
        ++m_pos;
        return out;
    }

    Value value() {
        skip_space();
        if (m_pos >= m_json.size()) fail("unexpected end");
        Value v;
        const char c = m_json[m_pos];
        if (c == '{') {
            v.type = Value::Type::object;
            ++m_pos;
            if (take('}')) return v;
            do {
                std::string key = string();
                expect(':');
                v.members.emplace_back(std::move(key), value());
            } while (take(','));
            expect('}');
        } else if (c == '[') {
            v.type = Value::Type::array;
            ++m_pos;
            if (take(']')) return v;
            do v.items.push_back(value());
            while (take(','));
            expect(']');
        } else if (c == '"') {
            v.type = Value::Type::string;
            v.text = string();
        } else {
            const std::size_t start = m_pos;
            while (m_pos < m_json.size() && std::string_view(",}] \t\r\n").find(m_json[m_pos]) == std::string_view::npos) ++m_pos;
            v.text = std::string(m_json.substr(start, m_pos - start));
            if (v.text == "true" || v.text == "false") {
                v.type = Value::Type::boolean;
                v.flag = v.text == "true";
            } else if (v.text == "null") {
                v.type = Value::Type::null;
            } else if (!v.text.empty() && v.text.find_first_not_of("-+.0123456789eE") == std::string::npos) {
                v.type = Value::Type::number;
            } else {
                m_pos = start;
                fail("not a JSON value");
            }
        }
        return v;
    }

    std::string_view m_json;
    std::string_view m_origin;
    std::size_t m_pos = 0;
};

GoldClaim gold_claim(const Value& v, std::string_view origin, std::size_t index) {
    const auto bad = [&](const std::string& reason) {
        return Error(ErrorKind::input, std::string(origin), "claim " + std::to_string(index + 1), reason);
    };
    if (v.type != Value::Type::object) throw bad("not an object");
    GoldClaim g;
    const Value* kind = v.get("kind");
    const auto parsed = kind ? claim_kind_from(kind->text) : std::nullopt;
    if (!parsed) throw bad("missing or unknown \"kind\"");
    g.kind = *parsed;
    const Value* text = v.get("text");
    if (!text || text->type != Value::Type::string || text->text.empty()) throw bad("missing \"text\"");
    g.text = text->text;
    if (const Value* fields = v.get("fields")) {
        for (const auto& [k, f] : fields->members) g.fields[k] = f.text;
    }
    if (const Value* hedged = v.get("hedged")) g.hedged = hedged->flag;
    return g;
}

bool is_noise_line(std::string_view line) {
    const std::string t = text::collapse_space(line);
    if (t.empty()) return true;
    if (t.find("http://") != std::string::npos || t.find("https://") != std::string::npos) return true;
    if (t.find_first_not_of("0123456789-/.: ") == std::string::npos) return true;  // "500", "2025-11-10"
    const auto last = std::string_view(t).substr(t.rfind(' ') == std::string::npos ? 0 : t.rfind(' ') + 1);
    const auto slash = last.find('/');
    if (slash != std::string_view::npos && last.substr(0, slash).find('.') != std::string_view::npos &&
        last.find_first_of("。，") == std::string_view::npos) {
        return true;  // "title finance.example.cn/a/b": a bare-domain source line
    }
    static constexpr std::string_view k_enders[] = {"。", "！", "？", ".", "!", "?", "”", "\"", "…", "：", ":"};
    const bool sentence = std::any_of(std::begin(k_enders), std::end(k_enders), [&](std::string_view e) {
        return t.find(e) != std::string::npos;
    });
    return !sentence && t.size() <= 24;  // "Share", "站务", "全部专栏", "Advertisement"
}

}  // namespace

Case parse_gold(std::string_view json, std::string_view origin) {
    const Value root = Reader(json, origin).document();
    if (root.type != Value::Type::object) throw Error(ErrorKind::input, std::string(origin), "top", "not an object");
    Case c;
    if (const Value* date = root.get("date")) c.date = date->text;
    if (const Value* claims = root.get("claims")) {
        for (std::size_t i = 0; i < claims->items.size(); ++i) c.gold.push_back(gold_claim(claims->items[i], origin, i));
    }
    if (const Value* not_claims = root.get("not_claims")) {
        for (const auto& v : not_claims->items) c.not_claims.push_back(v.text);
    }
    return c;
}

std::vector<Case> load_cases(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) throw Error(ErrorKind::input, dir.string(), "directory", "not found");
    std::vector<std::filesystem::path> texts;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") texts.push_back(entry.path());
    }
    std::sort(texts.begin(), texts.end());
    const auto slurp = [](const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        if (!in) throw Error(ErrorKind::io, p.string(), "open", "cannot read");
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    };
    std::vector<Case> cases;
    for (const auto& path : texts) {
        auto gold_path = path;
        gold_path.replace_extension(".gold.json");
        if (!std::filesystem::exists(gold_path)) continue;
        Case c = parse_gold(slurp(gold_path), gold_path.string());
        c.name = path.stem().string();
        c.text = slurp(path);
        for (const auto& g : c.gold) {
            if (c.text.find(g.text) == std::string::npos) {
                throw Error(ErrorKind::input, gold_path.string(), "claim \"" + g.text + "\"", "phrase not in the article");
            }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

Article plain_article(std::string_view text, std::string_view date) {
    Article a;
    a.date = std::string(date);
    a.body = std::string(text);
    std::size_t pos = 0;
    bool titled = false;
    while (pos < a.body.size()) {
        std::size_t end = a.body.find('\n', pos);
        if (end == std::string::npos) end = a.body.size();
        const std::string_view line = std::string_view(a.body).substr(pos, end - pos);
        if (!text::collapse_space(line).empty()) {
            ParagraphKind kind = ParagraphKind::text;
            if (!titled) kind = ParagraphKind::title;
            else if (is_noise_line(line)) kind = ParagraphKind::noise;
            titled = true;
            a.paragraphs.push_back({{pos, end}, kind});
        }
        pos = end + 1;
    }
    return a;
}

}  // namespace claimtrack::claims::eval
