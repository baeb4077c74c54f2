// text::plan_decoding + text::ChunkDecoder against text::decode_article on the same bytes: in any
// chunking, a streamed decoding that succeeds gives exactly what decode_article gives (text,
// charset, detected), and it gives up wherever decode_article fails.
#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack;

namespace {

using Chunk = text::ChunkDecoder::Chunk;

std::string encode(std::string_view utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    const int32_t length = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                        static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string repeat(std::string_view text, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

// Decode `bytes` by the plan from their first MB, `chunk` bytes at a time; nothing when it gives up.
// Bytes the import reads as UTF-8 are not planned (the caller's precondition), nor is binary data.
std::optional<text::DecodedText> streamed(std::string_view bytes, std::string_view encoding, std::size_t chunk) {
    const std::string_view head = bytes.substr(0, 1 << 20);
    try {
        if (text::reads_as_utf8(head, bytes.size(), encoding) && !text::first_invalid_utf8(bytes)) return std::nullopt;
    } catch (const Error&) {
        return std::nullopt;
    }
    const auto plan = text::plan_decoding(head, bytes.size(), encoding);
    if (!plan) return std::nullopt;
    text::ChunkDecoder decoder(*plan);
    std::string out;
    std::size_t at = 0;
    for (;;) {
        const std::string_view piece = bytes.substr(at, chunk);
        at += piece.size();
        const Chunk last = at == bytes.size() ? Chunk::last : Chunk::more;
        const auto utf8 = decoder.decode(piece, last);
        if (!utf8) return std::nullopt;
        out += *utf8;
        if (last == Chunk::last) break;
    }
    return text::DecodedText{std::move(out), plan->charset, plan->detected};
}

enum class Expect { streams, may_give_up };

// Check that streaming `bytes` in each of `chunks` agrees with decode_article; return its charset.
std::string agree(const std::string& bytes, std::string_view encoding, Expect expect,
                  const std::vector<std::size_t>& chunks = {1, 2, 3, 5, 4093, 65536, 1 << 20}) {
    std::optional<text::DecodedText> whole;
    try {
        whole = text::decode_article(bytes, encoding);
    } catch (const Error&) {
    }
    for (const std::size_t chunk : chunks) {
        CAPTURE(chunk);
        const auto stream = streamed(bytes, encoding, chunk);
        if (expect == Expect::streams) REQUIRE(stream.has_value());
        if (!stream) continue;
        REQUIRE(whole.has_value());
        CHECK(stream->charset == whole->charset);
        CHECK(stream->detected == whole->detected);
        CHECK(stream->utf8.size() == whole->utf8.size());
        CHECK(stream->utf8 == whole->utf8);
    }
    return whole ? whole->charset : std::string();
}

const std::string k_zh =
    "星河半导体发布三季报\r\n\r\n2025年11月6日，星河半导体表示，公司第三季度营收同比增长42%，达到120亿元。"
    "分析师认为，毛利率从72%提高到77%，主要来自数据中心业务。据北辰智能统计，市场份额由10%下降为6%。\n"
    "英伟达的CEO是黄仁勋，他在峰会上直接说“AI芯片的需求还会增长”。\r";
const std::string k_zh_traditional =
    "星河半導體發布第三季財報\n\n2025年11月6日，星河半導體表示，公司第三季營收年增42%，達到新臺幣120億元。"
    "分析師認為，毛利率從72%提高到77%，主要來自資料中心業務。據北辰智慧統計，市場占有率由10%下降為6%。\n"
    "輝達執行長黃仁勳在高峰會上直接說「人工智慧晶片的需求還會成長」。\n";
const std::string k_en =
    "Northwind results\r\n\r\nNorthwind Devices said its share of the market fell from 31% to 18% last year. "
    "Larkspur sold 4 million handsets in 2024, up 12% from a year earlier.\n";
const std::string k_emoji = "Rocket \U0001F680 and 𠀀 (U+20000) and 🙂🙂\n";

}  // namespace

TEST_SUITE("text") {

TEST_CASE("streamed UTF-16 with a BOM decodes as decode_article does, surrogate pairs split anywhere") {
    const std::string text = repeat(k_zh + k_emoji + k_en, 40);
    for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
        CAPTURE(charset);
        const std::string bom = std::string(charset) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
        CHECK(agree(bom + encode(text, charset), "", Expect::streams) == charset);
        // A second BOM is text: decode_article drops only the first.
        CHECK(agree(bom + encode("\uFEFF" + text, charset), "", Expect::streams) == charset);
        // Named, the BOM is dropped as well; the charset is reported as named.
        CHECK(agree(bom + encode(text, charset), "utf-16", Expect::streams) == "utf-16");
        CHECK(agree(encode(text, charset), charset, Expect::streams) == charset);
    }
}

TEST_CASE("a surrogate pair split between two of ICU's output buffers decodes whole") {
    // Only astral characters after one to four ASCII ones: some pair straddles every buffer end.
    for (const std::string lead : {"a", "ab", "abc", "abcd"}) {
        CAPTURE(lead);
        const std::string text = lead + repeat("\U0001F680", 6000) + "\n";
        CHECK(agree("\xFF\xFE" + encode(text, "UTF-16LE"), "", Expect::streams, {4093, 65536, 1 << 20}) == "UTF-16LE");
        agree(encode(text, "GB18030"), "gb18030", Expect::streams, {4093, 65536, 1 << 20});
    }
}

TEST_CASE("streamed BOM-less UTF-16 of mostly-ASCII text is detected and decoded as decode_article does") {
    const std::string text = repeat(k_en + "Huawei (华为) said 3.5% and “quotes”.\n", 30);
    CHECK(agree(encode(text, "UTF-16LE"), "", Expect::streams) == "UTF-16LE");
    CHECK(agree(encode(text, "UTF-16BE"), "", Expect::streams) == "UTF-16BE");
}

TEST_CASE("streamed GB18030 and Big5 are detected from the head as decode_article detects them from the whole") {
    CHECK(agree(encode(repeat(k_zh + k_en, 30), "GB18030"), "", Expect::streams) == "GB18030");
    // Four-byte GB18030 sequences (outside GBK) cut anywhere.
    CHECK(agree(encode(repeat(k_zh + k_emoji, 30), "GB18030"), "", Expect::streams) == "GB18030");
    CHECK(agree(encode(repeat(k_zh_traditional, 30), "Big5"), "", Expect::streams) == "Big5");
    // Short texts, where ICU may not be confident and chinese_guess decides.
    agree(encode(k_zh, "GB18030"), "", Expect::streams);
    agree(encode(k_zh_traditional, "Big5"), "", Expect::streams);
}

TEST_CASE("streamed text over a MB is detected from its first MB as decode_article detects it from all of it") {
    const std::string gb = encode(repeat(k_zh + k_emoji + k_en, 2500), "GB18030");
    REQUIRE(gb.size() > (1u << 20) + 100000);
    CHECK(agree(gb, "", Expect::streams, {4093, 1 << 20}) == "GB18030");
    const std::string big5 = encode(repeat(k_zh_traditional, 5000), "Big5");
    REQUIRE(big5.size() > (1u << 20) + 100000);
    CHECK(agree(big5, "", Expect::streams, {65537, 1 << 20}) == "Big5");
    // An invalid byte past the first MB: decode_article's choice or error, never another result.
    std::string bad = gb;
    bad[bad.size() - 5000] = '\xFF';
    agree(bad, "", Expect::may_give_up, {4093, 1 << 20});
    agree(bad, "gbk", Expect::may_give_up, {1 << 20});
}

TEST_CASE("streamed named charsets decode as decode_article does") {
    CHECK(agree(encode(repeat(k_zh, 20), "GBK"), "gbk", Expect::streams) == "gbk");
    CHECK(agree(encode(repeat(k_zh, 20), "GB18030"), "GB18030", Expect::streams) == "GB18030");
    CHECK(agree(encode(repeat(k_zh_traditional, 20), "Big5"), "big5", Expect::streams) == "big5");
    CHECK(agree(encode(repeat(k_zh, 20), "UTF-32LE"), "utf-32le", Expect::streams) == "utf-32le");
    agree(encode(k_zh, "GBK"), "no-such-charset", Expect::may_give_up);
}

TEST_CASE("streamed windows-1252 is taken only when all the bytes have its shape") {
    const std::string western = encode(repeat("Caf\u00e9 society: the na\u00efve r\u00e9sum\u00e9 cost \u00a35.\n", 50), "windows-1252");
    CHECK(agree(western, "", Expect::streams) == "windows-1252");
    // Paired high bytes at the end break the shape: decode_article refuses, the stream gives up.
    agree(western + repeat("\xC3\xA9\xE9\xE8", 400), "", Expect::may_give_up);
}

TEST_CASE("a streamed decoding gives up where decode_article fails: invalid sequences, binary text") {
    const std::string text = repeat(k_zh + k_en, 30);
    std::string lone = "\xFF\xFE" + encode(text, "UTF-16LE");
    lone.insert(lone.size() - 40, std::string("\x00\xD8", 2));  // a lone high surrogate near the end
    agree(lone, "", Expect::may_give_up);
    // NUL characters in the first 64 KB of the decoded text are binary; past them decode_article takes them.
    std::string nul = "\xFF\xFE" + encode(text, "UTF-16LE");
    nul.insert(nul.size() - 40, std::string(8, '\0'));
    CHECK(agree(nul, "", Expect::may_give_up) == "");
    std::string late = "\xFF\xFE" + encode(repeat(k_en, 700) + std::string(4, '\0') + k_en, "UTF-16LE");
    CHECK(agree(late, "", Expect::streams, {4093, 1 << 20}) == "UTF-16LE");
    // An odd last byte of UTF-16 is a truncated character.
    agree("\xFF\xFE" + encode(text, "UTF-16LE") + "x", "", Expect::may_give_up);
}

TEST_CASE("random bytes: a streamed decoding that succeeds is decode_article's") {
    std::mt19937 random(20261207);
    const std::vector<std::string> pieces = {
        encode(k_zh, "GB18030"), encode(k_zh_traditional, "Big5"), encode(k_en, "UTF-16LE"), "\xFF\xFE",
        "\xFE\xFF", std::string("\0", 1), "\xC3(", "\x81\x30", "\xA4", "\r\n", "plain ascii ", "\xE9t\xE9 ",
        encode(k_emoji, "UTF-16BE"), encode(k_emoji, "GB18030"),
    };
    for (int round = 0; round < 300; ++round) {
        CAPTURE(round);
        std::string bytes;
        const auto count = std::uniform_int_distribution<std::size_t>(1, 12)(random);
        for (std::size_t i = 0; i < count; ++i) bytes += pieces[random() % pieces.size()];
        const std::size_t chunk = std::uniform_int_distribution<std::size_t>(1, 64)(random);
        for (const char* encoding : {"", "gbk", "UTF-16BE"}) agree(bytes, encoding, Expect::may_give_up, {chunk});
    }
}

}  // TEST_SUITE
