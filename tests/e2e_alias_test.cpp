// End to end: `alias add|list|remove`, and a user alias joining a Chinese claim to an English page.
#include "e2e_support.hpp"
#include "support/http_server.hpp"

#include <nlohmann/json.hpp>

namespace {

using e2e::run;
using nlohmann::json;

// An English page of our own about a fictional router maker.
void add_page(claimtrack::test::HttpServer& server) {
    server.routes().Get("/skydome.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Router makers in Europe</title></head><body>"
            "<article><h1>Router makers in Europe</h1>"
            "<p>Skydome's share of the European home router market fell from 38% to 21% between 2022 and 2024.</p>"
            "<p>Analysts pointed to cheaper rivals and a recall of its mesh systems last spring.</p>"
            "</article></body></html>",
            "text/html; charset=utf-8");
    });
}

struct Imported {
    claimtrack::test::HttpServer server;
    e2e::TempDir dir;
    std::string db;

    Imported() {
        add_page(server);
        server.start();
        db = dir.file("t.db");
        const std::string article = "路由器市场观察\n\n"
                                    "天穹科技在欧洲家用路由器市场的份额由38%下降为21%。\n\n"
                                    "市场回顾 " + server.url("/skydome.html") + "\n";
        REQUIRE(run({"--db", db, "import", dir.write("a.txt", article), "--date", "2025-11-10"}).code == 0);
        REQUIRE(run({"--db", db, "fetch", "--allow-private"}).code == 0);
    }

    // Return the evidence of the share claim after a fresh `link`, as JSON.
    json evidence_after_link() {
        REQUIRE(run({"--db", db, "link"}).code == 0);
        const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
        for (const auto& claim : claims) {
            if (claim["text"].get<std::string>().find("38%") == std::string::npos) continue;
            const auto shown = run({"--db", db, "evidence", std::to_string(claim["id"].get<long>()), "--json"});
            REQUIRE(shown.code == 0);
            return json::parse(shown.out);
        }
        FAIL("no claim about the 38% share was extracted");
        return {};
    }
};

bool supported_by_skydome(const json& rows) {
    for (const auto& row : rows) {
        if (row["stance"] == "supports" && row["text"].get<std::string>().find("Skydome") != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("e2e alias") {

TEST_CASE("after `alias add 天穹科技 Skydome` a claim about 天穹科技 is supported by the English page naming Skydome") {
    Imported store;
    CHECK_FALSE(supported_by_skydome(store.evidence_after_link()));

    const auto added = run({"--db", store.db, "alias", "add", "天穹科技", "Skydome", "--by", "lin"});
    REQUIRE(added.code == 0);
    CHECK(added.out == "Added: 天穹科技 = Skydome\n");
    const json rows = store.evidence_after_link();
    CHECK(supported_by_skydome(rows));
    REQUIRE_FALSE(rows.empty());
    CHECK(rows[0]["text"].get<std::string>().find("Skydome") != std::string::npos);

    const json found = json::parse(run({"--db", store.db, "search", "天穹科技的市场份额由38%下降为21%", "--json"}).out);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0]["stance"] == "supports");

    REQUIRE(run({"--db", store.db, "alias", "remove", "skydome"}).code == 0);
    CHECK_FALSE(supported_by_skydome(store.evidence_after_link()));
}

TEST_CASE("alias list shows built-in and user entries, marked, as text and JSON") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    REQUIRE(run({"--db", db, "alias", "add", "天穹科技", "Skydome", "--by", "lin"}).code == 0);
    const auto text = run({"--db", db, "alias", "list"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("built-in 英伟达 = 輝達 = 英偉達 = Nvidia = NVIDIA\n") != std::string::npos);
    CHECK(text.out.find("user     天穹科技 = Skydome  (by lin, ") != std::string::npos);

    const json list = json::parse(run({"--db", db, "alias", "list", "--json"}).out);
    REQUIRE(list.size() >= 2);
    CHECK(list[0]["builtin"] == true);
    const json& last = list.back();
    CHECK(last["builtin"] == false);
    CHECK(last["names"] == json::array({"天穹科技", "Skydome"}));
    CHECK(last["created_by"] == "lin");
}

TEST_CASE("adding a pair that is already joined says so and stores nothing") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const auto builtin = run({"--db", db, "alias", "add", "英伟达", "nvidia"});
    CHECK(builtin.code == 0);
    CHECK(builtin.out.rfind("Already the same entity: 英伟达", 0) == 0);
    REQUIRE(run({"--db", db, "alias", "add", "天穹科技", "Skydome"}).code == 0);
    CHECK(run({"--db", db, "alias", "add", "SKYDOME", "天穹科技"}).out.rfind("Already the same entity", 0) == 0);
    const json list = json::parse(run({"--db", db, "alias", "list", "--json"}).out);
    std::size_t user = 0;
    for (const auto& entry : list) user += entry["builtin"] == false ? 1 : 0;
    CHECK(user == 1);
}

TEST_CASE("empty, identical and unknown alias names are refused in one line") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const auto empty = run({"--db", db, "alias", "add", "  ", "Skydome"});
    CHECK(empty.code == 2);
    CHECK(empty.err == "claimtrack: error: alias name: alias add: the name is empty\n");
    const auto same = run({"--db", db, "alias", "add", "Skydome", "SKYDOME"});
    CHECK(same.code == 2);
    CHECK(same.err.find("are the same name") != std::string::npos);
    CHECK(same.err.find('\n') == same.err.size() - 1);
    const auto builtin = run({"--db", db, "alias", "remove", "Nvidia"});
    CHECK(builtin.code == 1);
    CHECK(builtin.err.find("Nvidia: alias remove: it is a built-in alias") != std::string::npos);
    const auto unknown = run({"--db", db, "alias", "remove", "Nobody"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("no user alias has this name") != std::string::npos);
}

TEST_CASE("alias help shows examples") {
    const auto help = run({"alias", "add", "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("claimtrack alias add 英伟达 Nvidia") != std::string::npos);
}

}
