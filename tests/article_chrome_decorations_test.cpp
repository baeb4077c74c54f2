// A chrome word stays chrome with decorations around it ("» 分享 »", "## comments ##"); a line
// whose end only shares its last byte with a decoration (读 and » both end in 0xBB) is not trimmed.
#include "article/internal.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack::article;

TEST_SUITE("article: chrome decorations") {

TEST_CASE("a chrome word with decorations before, after or around it, once or repeated, is noise") {
    const std::vector<std::string> decorations{" ", ":", "：", "|", ">", "»", "·", "-", "—", "#", "*"};
    for (const std::string word : {"分享", "comments", "返回顶部", "share this"}) {
        for (const std::string& decoration : decorations) {
            for (const std::string& line : {decoration + word, word + decoration, decoration + word + decoration,
                                            decoration + decoration + word + decoration + decoration,
                                            decoration + "»" + word + "|" + decoration}) {
                CAPTURE(line);
                CHECK(detail::is_noise_line(line));
            }
        }
    }
}

TEST_CASE("a line that only shares a byte with a decoration at its ends keeps it") {
    // 读 (E8 AF BB) ends like » (C2 BB); – (E2 80 93) begins and ends like — (E2 80 94) but for one
    // byte; ¸ (C2 B8) begins like » and ·; 〉 (E3 80 89) is none.
    for (const std::string line : {"分享读", "读分享", "登录–", "–登录", "¸登录", "登录¸", "〉登录", "登录〉", "分享a", "a分享"}) {
        CAPTURE(line);
        CHECK_FALSE(detail::is_noise_line(line));
    }
    // The same lines with a real decoration are chrome again.
    for (const std::string line : {"分享»", "»分享", "登录—", "—登录", "·登录", "登录·", "：登录", "登录："}) {
        CAPTURE(line);
        CHECK(detail::is_noise_line(line));
    }
}

}
