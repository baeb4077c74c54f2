// How linking grows with the corpus: generated passages (mixed zh/en) and claims, linked at
// 10k, 100k and 1M passages through the real store (FTS5) and app::link_evidence.
// Usage: link_scale [PASSAGES [CLAIMS]] [--db FILE] [--build-only] [--jobs N]
//   (defaults 1000000 and 10000; stages 10k, 100k, ... up to PASSAGES). With --db the database is
//   kept and, when it already holds generated passages, resumed: stages below what it holds are
//   skipped. --build-only stores the passages and links nothing.
// Times are wall clock except "link cpu" (process CPU seconds); p50/p99 time what link does per claim
// without the writes (recall, ranking, agreement checks) on every 5th claim, on one thread; "rows" is the
// mean rows proposed. Link runs on --jobs threads (default: as `claimtrack link`, one per core). "peak MB"
// is the peak resident set; "anon MB" the resident memory that is not mapped files, at the end.
// Every sentence is our own, generated from fictional companies and people; claim i restates the
// facts of passage i (a third of them with another value or person, so they contradict it).

#include <claimtrack/app.hpp>
#include <claimtrack/app_evidence.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using claimtrack::Claim;
using claimtrack::Id;
using claimtrack::Store;

constexpr std::size_t k_per_snapshot = 100;       // passages per generated source page
constexpr std::size_t k_per_transaction = 50;     // snapshots per write transaction
constexpr std::size_t k_timed_every = 5;          // per-claim timing on every 5th claim

// A deterministic stream of numbers for sentence `i` (splitmix64).
class Dice {
public:
    explicit Dice(std::uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    template <std::size_t N>
    const char* pick(const std::array<const char*, N>& list) { return list[below(N)]; }

private:
    std::uint64_t m_state;
};

constexpr std::array<const char*, 30> k_en_stems{"Bral", "Corv", "Dant", "Elk", "Fenn", "Gald", "Harr", "Ivor", "Jast", "Kell",
                                                 "Lorn", "Mard", "Nesk", "Orv", "Pell", "Quin", "Rask", "Selv", "Tarn", "Ulm",
                                                 "Vask", "Wend", "Yarr", "Zell", "Ashb", "Brin", "Cald", "Drev", "Esk", "Fald"};
constexpr std::array<const char*, 20> k_en_ends{"ora", "ex", "ium", "tech", "wave", "line", "gate", "field", "works", "stone",
                                                "ware", "ix", "ant", "ent", "ia", "on", "ar", "is", "us", "el"};
constexpr std::array<const char*, 30> k_zh_heads{"澜", "星", "远", "辰", "弘", "嘉", "锐", "峰", "瀚", "昊", "晟", "泓", "骏", "朗", "铭",
                                                 "凯", "宏", "翔", "鼎", "睿", "恒", "拓", "灏", "煜", "璟", "川", "岳", "启", "钧", "澄"};
constexpr std::array<const char*, 20> k_zh_tails{"光", "海", "芯", "能", "辉", "源", "宇", "航", "微", "达",
                                                 "联", "创", "信", "讯", "泰", "华", "通", "明", "盛", "诺"};
constexpr std::array<const char*, 5> k_zh_trades{"科技", "电子", "能源", "汽车", "半导体"};
constexpr std::array<const char*, 40> k_first{"Amara", "Bruno", "Celia", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
                                              "Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Rafael", "Sana", "Tomas", "Ulla",
                                              "Viktor", "Wanda", "Yusuf", "Zora", "Anton", "Bea", "Cyrus", "Dalia", "Emil", "Freya",
                                              "Goran", "Hana", "Ivo", "Jade", "Karim", "Lotte", "Milo", "Noor", "Otto", "Pia"};
constexpr std::array<const char*, 40> k_last{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Castell", "Novak", "Haddad", "Brenner",
                                             "Quist", "Varga", "Almeida", "Rossi", "Kowal", "Dunmore", "Fischer", "Ibarra",
                                             "Jensen", "Kaur", "Lemaire", "Mbeki", "Nyberg", "Ortega", "Petrov", "Rahman",
                                             "Sato", "Takacs", "Urban", "Vance", "Weller", "Yilmaz", "Zimmer", "Abbott",
                                             "Bakker", "Cortez", "Dahl", "Eriksen", "Falk", "Gruber", "Holm", "Iqbal"};
constexpr std::array<const char*, 30> k_zh_surnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                                    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
constexpr std::array<const char*, 40> k_zh_given{"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超",
                                                 "霞", "平", "刚", "桂", "英", "华", "建", "国", "志", "文", "斌", "宇", "浩", "凯",
                                                 "晨", "瑶", "琳", "欣", "鹏", "辉", "婷", "峰", "雪", "丹", "强", "玲"};
struct Role {
    const char* en;
    const char* zh;
};
constexpr std::array<Role, 5> k_roles{{{"chief executive", "首席执行官"}, {"chief financial officer", "财务总监"},
                                       {"chairman", "董事长"}, {"founder", "创始人"}, {"president", "总裁"}}};
struct Attribute {
    const char* en;
    const char* zh;
    const char* en_unit;  // after the number
    const char* zh_unit;
};
constexpr std::array<Attribute, 8> k_attributes{{{"revenue", "营收", " billion dollars", "亿元"},
                                                 {"net profit", "净利润", " billion dollars", "亿元"},
                                                 {"market share", "市场份额", "%", "%"},
                                                 {"shipments", "出货量", " million units", "万台"},
                                                 {"headcount", "员工人数", " employees", "人"},
                                                 {"research spending", "研发投入", " billion dollars", "亿元"},
                                                 {"operating margin", "营业利润率", "%", "%"},
                                                 {"capital spending", "资本开支", " billion dollars", "亿元"}}};
constexpr std::array<const char*, 8> k_en_fillers{
    "Analysts had expected a weaker result after a difficult winter for the whole industry.",
    "The figures were published in the annual report released on Thursday morning.",
    "The company declined to comment on its outlook for the rest of the year.",
    "Shares moved little in early trading as investors waited for more detail.",
    "The board said the plan had been discussed with unions and regional governments.",
    "Rivals in Asia and Europe have reported similar pressure on prices this year.",
    "A spokesperson said further updates would follow at the investor day in autumn.",
    "The results cover the twelve months to the end of December."};
constexpr std::array<const char*, 8> k_zh_fillers{"分析师此前普遍预计业绩会更弱，整个行业刚刚经历了一个艰难的冬天。",
                                                  "上述数据刊登在周四上午发布的年度报告中。",
                                                  "公司拒绝就全年前景发表评论。",
                                                  "消息公布后股价波动不大，投资者在等待更多细节。",
                                                  "董事会表示，该计划已与工会和地方政府进行过沟通。",
                                                  "亚洲和欧洲的竞争对手今年也面临类似的价格压力。",
                                                  "发言人表示，更多信息将在秋季投资者日公布。",
                                                  "以上结果涵盖截至十二月底的十二个月。"};
constexpr std::array<const char*, 8> k_cities{"Lisbon", "Osaka", "Nairobi", "Tallinn", "Monterrey", "Perth", "Gdansk", "Porto"};
constexpr std::array<const char*, 8> k_zh_cities{"深圳", "杭州", "成都", "苏州", "武汉", "西安", "合肥", "厦门"};

// The facts one generated sentence states.
struct Fact {
    bool zh = false;
    bool role = false;  // else a quantity
    std::string company;
    std::string person;
    std::size_t role_index = 0;
    std::size_t attribute = 0;
    int value = 0;
    int year = 0;
};

std::string person_name(Dice& dice, bool zh) {
    if (zh) return std::string(dice.pick(k_zh_surnames)) + dice.pick(k_zh_given) + dice.pick(k_zh_given);
    return std::string(dice.pick(k_first)) + " " + dice.pick(k_last);
}

Fact fact_of(std::size_t i) {
    Dice dice(i);
    Fact f;
    f.zh = dice.below(2) == 0;
    f.role = dice.below(3) == 0;
    f.company = f.zh ? std::string(dice.pick(k_zh_heads)) + dice.pick(k_zh_tails) + dice.pick(k_zh_trades)
                     : std::string(dice.pick(k_en_stems)) + dice.pick(k_en_ends);
    f.person = person_name(dice, f.zh);
    f.role_index = dice.below(k_roles.size());
    f.attribute = dice.below(k_attributes.size());
    f.value = static_cast<int>(2 + dice.below(97));
    f.year = static_cast<int>(2015 + dice.below(11));
    return f;
}

// Return the generated passage `i`: one or two sentences, about 200 bytes.
std::string passage_text(std::size_t i) {
    const Fact f = fact_of(i);
    Dice dice(i ^ 0xABCDEFULL);
    const Attribute& a = k_attributes[f.attribute];
    const Role& r = k_roles[f.role_index];
    const std::string v = std::to_string(f.value);
    const std::string year = std::to_string(f.year);
    const std::string zh_more = std::string(dice.pick(k_zh_fillers)) + dice.pick(k_zh_fillers);
    const std::string en_more = std::string(dice.pick(k_en_fillers)) + " " + dice.pick(k_en_fillers);
    if (f.zh && f.role) return f.company + r.zh + f.person + "在" + dice.pick(k_zh_cities) + "表示，" + zh_more;
    if (f.zh) return f.company + year + "年的" + a.zh + "为" + v + a.zh_unit + "。" + zh_more;
    if (f.role) {
        return f.person + ", the " + r.en + " of " + f.company + ", told reporters in " + dice.pick(k_cities) + " that " +
               "the plan was on track. " + en_more;
    }
    return f.company + " said its " + a.en + " reached " + v + a.en_unit + " in " + year + ". " + en_more;
}

// Return claim `i`: the facts of passage `i`, a third of them changed so the passage contradicts it.
Claim claim_of(std::size_t i) {
    Fact f = fact_of(i);
    Dice dice(i ^ 0x5EEDULL);
    const bool changed = dice.below(3) == 0;
    Claim c;
    if (f.role) {
        if (changed) f.person = person_name(dice, f.zh);
        const Role& r = k_roles[f.role_index];
        c.kind = claimtrack::ClaimKind::role;
        c.fields = {{"person", f.person}, {"role", f.zh ? r.zh : r.en}, {"organization", f.company}};
        c.text = f.zh ? f.company + "的" + r.zh + "是" + f.person + "。" : f.person + " is the " + r.en + " of " + f.company + ".";
        return c;
    }
    if (changed) f.value += 1 + static_cast<int>(dice.below(20));
    const Attribute& a = k_attributes[f.attribute];
    const std::string v = std::to_string(f.value) + (f.zh ? a.zh_unit : a.en_unit);
    c.kind = claimtrack::ClaimKind::quantity;
    c.fields = {{"subject", f.company}, {"attribute", f.zh ? a.zh : a.en}, {"value", v}};
    c.text = f.zh ? f.company + "的" + a.zh + "为" + v + "。" : f.company + "'s " + a.en + " was " + v + ".";
    return c;
}

std::string source_url(std::size_t s) { return "https://news" + std::to_string(s % 97) + ".example/page/" + std::to_string(s); }

// Return a figure of /proc/self/status in MB ("VmHWM": peak resident set; "RssAnon": resident
// memory that is not the database file the store maps), or 0 when /proc is not there.
double status_mb(std::string_view field) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':') {
            return std::stod(line.substr(field.size() + 1)) / 1024.0;
        }
    }
    return 0.0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Setup {
    Id article = 0;
    std::vector<Id> sources;  // one per snapshot, in order
    std::vector<Id> claims;
};

// Store one article that cites every source the largest stage needs and states every claim.
Setup add_article(Store& store, std::size_t passages, std::size_t claims) {
    claimtrack::Article article;
    article.title = "link_scale generated article";
    article.language = "und";
    article.format = "text";
    const std::size_t sources = (passages + k_per_snapshot - 1) / k_per_snapshot;
    for (std::size_t s = 0; s < sources; ++s) article.sources.push_back({source_url(s), "", static_cast<int>(s)});
    std::vector<Claim> list;
    for (std::size_t i = 0; i < claims; ++i) {
        list.push_back(claim_of(i));
        list.back().span = {article.body.size(), article.body.size() + list.back().text.size()};
        article.body += list.back().text + "\n";
    }
    Setup setup;
    Store::Transaction transaction(store);
    setup.article = store.add_article(article);
    std::vector<std::pair<int, Id>> rows;
    for (const auto& row : store.sources(setup.article)) rows.emplace_back(row.position, row.id);
    std::sort(rows.begin(), rows.end());
    for (const auto& row : rows) setup.sources.push_back(row.second);
    for (Claim& c : list) {
        c.article = setup.article;
        setup.claims.push_back(store.add_claim(c));
    }
    transaction.commit();
    return setup;
}

// Store snapshots with passages [`from`, `to`) (`from` and `to` multiples of k_per_snapshot).
std::size_t add_passages(Store& store, const Setup& setup, std::size_t from, std::size_t to) {
    std::size_t bytes = 0;
    for (std::size_t first = from; first < to;) {
        Store::Transaction transaction(store);
        for (std::size_t n = 0; n < k_per_transaction && first < to; ++n, first += k_per_snapshot) {
            claimtrack::Snapshot snapshot;
            snapshot.source = setup.sources[first / k_per_snapshot];
            snapshot.http_status = 200;
            snapshot.outcome = "ok";
            std::vector<claimtrack::Passage> passages;
            for (std::size_t i = first; i < std::min(first + k_per_snapshot, to); ++i) {
                claimtrack::Passage p;
                p.text = passage_text(i);
                p.index = static_cast<int>(passages.size());
                p.span = {snapshot.text.size(), snapshot.text.size() + p.text.size()};
                snapshot.text += p.text + "\n";
                passages.push_back(std::move(p));
            }
            bytes += snapshot.text.size();
            store.add_snapshot(snapshot, passages);
        }
        transaction.commit();
    }
    return bytes;
}

struct Timing {
    double p50 = 0.0;
    double p99 = 0.0;
    double candidates = 0.0;  // mean evidence rows proposed per claim
};

// Time what link_evidence does per claim, without the writes: recall, ranking, agreement checks.
Timing per_claim(const Store& store, const Setup& setup) {
    const auto aliases = claimtrack::evidence::Aliases::builtin();
    claimtrack::app::QueryCost cost(store);
    const auto limits = cost.limits();
    std::map<Id, std::string> snapshot_text;
    std::vector<double> ms;
    std::size_t recalled = 0;
    for (std::size_t i = 0; i < setup.claims.size(); i += k_timed_every) {
        const Claim claim = *store.claim(setup.claims[i]);
        const auto start = std::chrono::steady_clock::now();
        const auto rows = claimtrack::app::propose_evidence(store, claim, aliases, limits, snapshot_text);
        ms.push_back(seconds_since(start) * 1000.0);
        recalled += rows.size();
    }
    std::sort(ms.begin(), ms.end());
    Timing t;
    if (ms.empty()) return t;
    t.p50 = ms[ms.size() / 2];
    t.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    t.candidates = static_cast<double>(recalled) / static_cast<double>(ms.size());
    return t;
}

// Return the share of claims whose own passage (claim i ↔ passage id i + 1) is among their evidence.
double own_passage_found(const Store& store, const Setup& setup, std::size_t passages) {
    std::size_t found = 0;
    std::size_t possible = 0;
    for (std::size_t i = 0; i < setup.claims.size() && i < passages; ++i) {
        ++possible;
        const auto rows = store.evidence_of(setup.claims[i]);
        const auto own = static_cast<Id>(i + 1);
        if (std::any_of(rows.begin(), rows.end(), [&](const claimtrack::Evidence& e) { return e.passage == own; })) ++found;
    }
    return possible ? static_cast<double>(found) / static_cast<double>(possible) : 0.0;
}

// Return the article a previous run stored in `store` (nothing when it is empty) and how many
// passages it holds (snapshots are added in source order, k_per_snapshot passages each).
std::optional<std::pair<Setup, std::size_t>> resumed(const Store& store) {
    const auto claims = store.claims({.article = {}, .kind = {}, .status = {}});
    if (claims.empty()) return std::nullopt;
    Setup setup;
    setup.article = claims.front().article;
    for (const Claim& c : claims) setup.claims.push_back(c.id);
    std::vector<std::pair<int, Id>> rows;
    for (const auto& row : store.sources(setup.article)) rows.emplace_back(row.position, row.id);
    std::sort(rows.begin(), rows.end());
    std::size_t stored = 0;
    for (const auto& row : rows) {
        setup.sources.push_back(row.second);
        if (store.latest_snapshot(row.second)) stored += k_per_snapshot;
    }
    return std::pair{std::move(setup), stored};
}

enum class Mode { link, build_only };

void run(std::size_t max_passages, std::size_t claims, const std::filesystem::path& db_path, Mode mode, unsigned jobs) {
    Store store(db_path.string());
    auto start = std::chrono::steady_clock::now();
    std::size_t stored = 0;
    std::size_t bytes = 0;
    Setup setup;
    if (auto previous = resumed(store)) {
        setup = std::move(previous->first);
        stored = previous->second;
        for (std::size_t i = 0; i < stored; ++i) bytes += passage_text(i).size() + 1;
        std::printf("resumed %s: %zu claims, %zu passages stored\n", db_path.string().c_str(), setup.claims.size(), stored);
    } else {
        setup = add_article(store, max_passages, claims);
        std::printf("article with %zu sources and %zu claims stored in %.1f s\n", setup.sources.size(), claims, seconds_since(start));
    }
    std::printf("%10s %9s %9s %9s %9s %9s %9s %9s %8s %8s %8s\n", "passages", "text MB", "build s", "link s", "link cpu", "claims/s",
                "p50 ms", "p99 ms", "rows", "peak MB", "anon MB");
    double build_seconds = 0.0;
    bool linked_stored = false;  // a resumed database is linked once at the size it holds
    for (std::size_t stage = 10'000; stage / 10 < max_passages; stage *= 10) {
        const std::size_t target = std::min(stage, max_passages);
        if (target < stored || (target == stored && linked_stored)) continue;
        linked_stored = true;
        start = std::chrono::steady_clock::now();
        bytes += add_passages(store, setup, stored, target);
        build_seconds += seconds_since(start);
        stored = target;
        std::printf("%10zu passages stored, %.1f s building so far\n", stored, build_seconds);
        if (mode == Mode::build_only) continue;
        start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        const auto summary = claimtrack::app::link_evidence(store, setup.article, jobs);
        const double link_seconds = seconds_since(start);
        const double link_cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        const Timing t = per_claim(store, setup);
        std::printf("%10zu %9.1f %9.1f %9.1f %9.1f %9.0f %9.2f %9.2f %8.1f %8.0f %8.0f\n", stored, static_cast<double>(bytes) / 1e6,
                    build_seconds, link_seconds, link_cpu, static_cast<double>(summary.claims) / link_seconds, t.p50, t.p99,
                    t.candidates, status_mb("VmHWM"), status_mb("RssAnon"));
        std::printf("%10s linked %zu claims: %zu with evidence, %zu supports, %zu contradicts, %zu mentions; own passage among the evidence: %.3f\n",
                    "", summary.claims, summary.claims_with_evidence, summary.supports, summary.contradicts, summary.mentions,
                    own_passage_found(store, setup, stored));
        std::fflush(stdout);
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> positional;
        std::string kept_db;
        Mode mode = Mode::link;
        unsigned jobs = 0;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "--db" && i + 1 < argc) kept_db = argv[++i];
            else if (arg == "--build-only") mode = Mode::build_only;
            else if (arg == "--jobs" && i + 1 < argc) jobs = static_cast<unsigned>(std::stoul(argv[++i]));
            else positional.push_back(arg);
        }
        const std::size_t passages = positional.size() > 0 ? std::stoul(positional[0]) : 1'000'000;
        const std::size_t claims = positional.size() > 1 ? std::stoul(positional[1]) : 10'000;
        if (passages % k_per_snapshot != 0 || passages == 0) {
            std::cerr << "link_scale: PASSAGES must be a positive multiple of " << k_per_snapshot << "\n";
            return 2;
        }
        if (!kept_db.empty()) {
            run(passages, claims, kept_db, mode, jobs);
            return 0;
        }
        const auto db_path = std::filesystem::temp_directory_path() / ("link_scale_" + std::to_string(::getpid()) + ".db");
        run(passages, claims, db_path, mode, jobs);
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path.string() + suffix);
    } catch (const std::exception& e) {
        std::cerr << "link_scale: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
