#include <claimtrack/store.hpp>

#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

Article article_citing(const std::string& url) {
    Article a;
    a.title = "t";
    a.body = "Larkspur will cut 2,600 jobs.";
    a.sha256 = "sha-" + url;
    a.sources = {CitedSource{url, "wire", 0}};
    return a;
}

// Store a snapshot of `source` with `text` split into one passage per line-free sentence.
Id add_text(Store& store, Id source, const std::string& text, const std::vector<Span>& spans) {
    Snapshot s;
    s.source = source;
    s.outcome = "ok";
    s.text = text;
    std::vector<Passage> passages;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        passages.push_back({0, 0, static_cast<int>(i), spans[i], text.substr(spans[i].start, spans[i].end - spans[i].start)});
    }
    return store.add_snapshot(s, passages);
}

}  // namespace

TEST_SUITE("store: aliases and evidence anchors") {

TEST_CASE("user aliases are added once either way round, listed oldest first and removed by any spelling") {
    Store store(":memory:");
    const auto first = store.add_alias({0, "天穹科技", "Skydome", "", "lin"});
    REQUIRE(first);
    CHECK_FALSE(store.add_alias({0, "SKYDOME", "天穹科技", "", "lin"}));
    CHECK(store.add_alias({0, "穹顶", "Skydome", "", "wu"}));
    const auto list = store.aliases();
    REQUIRE(list.size() == 2);
    CHECK(list[0].name == "天穹科技");
    CHECK(list[0].canonical == "Skydome");
    CHECK(list[0].created_by == "lin");
    CHECK_FALSE(list[0].created_at.empty());
    CHECK(store.remove_alias("skydome") == 2);
    CHECK(store.aliases().empty());
    CHECK(store.remove_alias("skydome") == 0);
}

TEST_CASE("a database written by the first schema is upgraded in place, rows kept, aliases usable") {
    test::TempDir dir;
    const std::string path = dir.file("v1.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store_detail::migrate(db, path, {store_detail::migrations().front()});
        db.exec("INSERT INTO article (title, body, sha256, imported_at) VALUES ('old', 'kept body', 'abc', 'then')");
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == 1);
    }
    Store store(path);
    CHECK(store.version() == Store::latest_version());
    CHECK(store.version() >= 2);
    REQUIRE(store.articles().size() == 1);
    CHECK(store.articles()[0].body == "kept body");
    CHECK(store.add_alias({0, "英伟达", "Nvidia GPU unit", "", ""}));
    // Readable from plain SQL, as from the sqlite3 shell.
    SQLite::Database plain(path, SQLite::OPEN_READONLY);
    CHECK(plain.execAndGet("SELECT canonical FROM alias WHERE name = '英伟达'").getString() == "Nvidia GPU unit");
}

TEST_CASE("a cited URL becomes a source of the article once, at the end of its list") {
    Store store(":memory:");
    const Id article = store.add_article(article_citing("https://wire.example.net/a"));
    CHECK_FALSE(store.find_source("https://other.example.org/b"));
    const Id source = store.add_citation(article, "https://other.example.org/b", "");
    CHECK(store.add_citation(article, "https://other.example.org/b", "") == source);
    CHECK(store.find_source("https://other.example.org/b") == source);
    const auto listed = store.sources(article);
    REQUIRE(listed.size() == 2);
    CHECK(listed[1].url == "https://other.example.org/b");
}

TEST_CASE("reviewed or manual evidence on an older snapshot is stale until moved; automatic rows are not") {
    Store store(":memory:");
    const Id article = store.add_article(article_citing("https://wire.example.net/a"));
    const Id source = *store.find_source("https://wire.example.net/a");
    const std::string v1 = "Larkspur will cut 2,600 jobs. Shares fell.";
    const Id s1 = add_text(store, source, v1, {{0, 29}, {30, 42}});
    Claim c;
    c.article = article;
    c.text = "Larkspur will cut 2,600 jobs.";
    c.span = {0, 29};
    const Id claim = store.add_claim(c);
    const auto p1 = store.passages_of(s1);
    Evidence manual;
    manual.claim = claim;
    manual.passage = p1[0].id;
    manual.origin = Origin::manual;
    manual.quote = {p1[0].text, "", " Shares fell.", 0, 29};
    const Id kept = *store.add_evidence(manual);
    Evidence automatic = manual;
    automatic.passage = p1[1].id;
    automatic.origin = Origin::automatic;
    REQUIRE(store.add_evidence(automatic));
    CHECK(store.stale_evidence(article).empty());

    const std::string v2 = "Update. Larkspur will cut 2,600 jobs. Shares fell.";
    const Id s2 = add_text(store, source, v2, {{0, 7}, {8, 37}, {38, 50}});
    CHECK(store.latest_text_snapshot(source)->id == s2);
    const auto stale = store.stale_evidence(article);
    REQUIRE(stale.size() == 1);
    CHECK(stale[0].evidence.id == kept);
    CHECK(stale[0].old_snapshot == s1);
    CHECK(stale[0].new_snapshot == s2);
    CHECK(store.stale_evidence(article + 1).empty());

    Evidence moved = stale[0].evidence;
    moved.passage = store.passages_of(s2)[1].id;
    moved.quote.start = 8;
    moved.quote.end = 37;
    store.update_evidence(moved);
    CHECK(store.evidence(kept)->quote.start == 8);
    CHECK(store.evidence(kept)->origin == Origin::manual);
    CHECK(store.stale_evidence(article).empty());

    Snapshot dead;
    dead.source = source;
    dead.outcome = "dead";
    store.add_snapshot(dead, {});
    CHECK(store.latest_text_snapshot(source)->id == s2);
    CHECK(store.stale_evidence(std::nullopt).empty());
}

}

TEST_CASE("schema 3 moves the article body last and keeps articles, paragraphs, claims and their links") {
    test::TempDir dir;
    const std::string path = dir.file("v2.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const auto& all = store_detail::migrations();
        store_detail::migrate(db, path, {all[0], all[1]});
        db.exec("INSERT INTO article (id, title, body, sha256, imported_at) VALUES (7, 'old', '英伟达的份额由95%下降为0。', 'abc', 'then')");
        db.exec("INSERT INTO paragraph (article, idx, start, end) VALUES (7, 0, 0, 34)");
        db.exec("INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'quantity', '份额由95%下降为0', 9, 31, 'then')");
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == 2);
    }
    Store store(path);
    CHECK(store.version() == Store::latest_version());
    const auto article = store.article(7);
    REQUIRE(article.has_value());
    CHECK(article->body == "英伟达的份额由95%下降为0。");
    CHECK(article->sha256 == "abc");
    REQUIRE(article->paragraphs.size() == 1);
    const auto claims = store.claims({.article = 7, .kind = {}, .status = {}});
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].text == "份额由95%下降为0");
    SQLite::Database plain(path, SQLite::OPEN_READONLY);
    CHECK(plain.execAndGet("SELECT name FROM pragma_table_info('article') ORDER BY cid DESC LIMIT 1").getString() == "body");
    CHECK_FALSE(plain.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() != 0);
    // The article is still the claims' parent: deleting it is refused while none is reviewed... and cascades.
    CHECK(plain.execAndGet("SELECT count(*) FROM pragma_foreign_key_list('claim') WHERE \"table\" = 'article'").getInt() == 1);
}

TEST_CASE("article headers leave out the body and paragraphs, and keep the sources") {
    test::TempDir dir;
    Store store(dir.file("t.db"));
    Article a;
    a.title = "标题";
    a.body = std::string(1 << 20, 'x');
    a.sha256 = "abc";
    a.paragraphs = {Paragraph{{0, 10}, ParagraphKind::text}};
    a.sources = {CitedSource{"https://news.example.com/a", "A", 0}};
    const Id id = store.add_article(a);
    const auto header = store.article_header(id);
    REQUIRE(header.has_value());
    CHECK(header->title == "标题");
    CHECK(header->body.empty());
    CHECK(header->paragraphs.empty());
    REQUIRE(header->sources.size() == 1);
    CHECK(header->sources[0].url == "https://news.example.com/a");
    REQUIRE(store.article_headers().size() == 1);
    CHECK(store.article_headers()[0].body.empty());
    CHECK(store.article(id)->body.size() == a.body.size());
    CHECK_FALSE(store.article_header(id + 1).has_value());
}
