#include "internal.hpp"

#include <array>
#include <string_view>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

// Substrings of class/id that mark page furniture even next to a positive word ("comment-content").
constexpr std::array k_strong_negative = {
    "comment"sv,  "related"sv,  "recommend"sv, "share"sv,   "sharing"sv,   "social"sv,
    "footer"sv,   "cookie"sv,   "newsletter"sv, "subscribe"sv, "breadcrumb"sv, "outbrain"sv, "taboola"sv,
    "sponsor"sv,  "advert"sv,   "popup"sv,     "signup"sv,    "paywall"sv,    "copyright"sv,
    "disqus"sv,   "推荐"sv,     "相关"sv,      "评论"sv,    "分享"sv,
};

// Substrings that mark furniture unless a positive word is also present ("entry-header").
constexpr std::array k_weak_negative = {
    "sidebar"sv, "modal"sv, "navbar"sv, "navigation"sv, "menu"sv,   "masthead"sv, "banner"sv, "promo"sv,  "widget"sv,
    "toolbar"sv, "pagination"sv, "pager"sv, "topbar"sv,   "login"sv,  "skip"sv,   "byline"sv,
    "caption-credit"sv, "hidden"sv, "tagline"sv, "dateline"sv, "gallery"sv, "slideshow"sv, "carousel"sv,
    "lightbox"sv, "caption"sv, "credit"sv,
};

// Whole words of class/id (split at - _ and spaces) that are too short to match as substrings.
constexpr std::array k_negative_words = {
    "nav"sv, "ad"sv, "ads"sv, "aside"sv, "header"sv, "hide"sv, "tags"sv, "tools"sv, "meta"sv, "print"sv,
};

constexpr std::array k_positive = {
    "article"sv, "content"sv, "post"sv,  "entry"sv,   "story"sv,      "body"sv,               "main"sv,
    "text"sv,    "正文"sv,    "artibody"sv, "js_content"sv, "rich_media_content"sv, "blog"sv,
};

bool contains_any(std::string_view hay, auto const& needles) {
    for (std::string_view needle : needles) {
        if (hay.find(needle) != std::string_view::npos) return true;
    }
    return false;
}

bool has_word(std::string_view hay, auto const& words) {
    std::size_t i = 0;
    while (i < hay.size()) {
        std::size_t j = i;
        while (j < hay.size() && hay[j] != ' ' && hay[j] != '-' && hay[j] != '_') ++j;
        const std::string_view word = hay.substr(i, j - i);
        for (std::string_view w : words) {
            if (word == w) return true;
        }
        i = j + 1;
    }
    return false;
}

}  // namespace

Hint class_hint(pugi::xml_node node) {
    std::string names = lower_ascii(node.attribute("class").value());
    names += ' ';
    names += lower_ascii(node.attribute("id").value());
    if (names.size() <= 1) return Hint::none;
    if (contains_any(names, k_strong_negative)) return Hint::strong_negative;
    const bool positive = contains_any(names, k_positive);
    if (contains_any(names, k_weak_negative) || has_word(names, k_negative_words)) {
        return positive ? Hint::none : Hint::weak_negative;
    }
    return positive ? Hint::positive : Hint::none;
}

bool is_block(std::string_view tag) {
    static constexpr std::array k_blocks = {
        "p"sv,      "div"sv,     "section"sv, "article"sv, "main"sv,   "td"sv,       "th"sv,     "li"sv,
        "ul"sv,     "ol"sv,      "dl"sv,      "dd"sv,      "dt"sv,     "blockquote"sv, "pre"sv,  "h1"sv,
        "h2"sv,     "h3"sv,      "h4"sv,      "h5"sv,      "h6"sv,     "table"sv,    "tr"sv,     "tbody"sv,
        "thead"sv,  "tfoot"sv,   "figure"sv,  "figcaption"sv, "center"sv, "header"sv, "footer"sv, "body"sv,
        "form"sv,   "address"sv, "hr"sv,      "br"sv,      "caption"sv, "details"sv, "summary"sv, "fieldset"sv,
    };
    for (std::string_view b : k_blocks) {
        if (tag == b) return true;
    }
    return false;
}

bool is_chrome(std::string_view tag) {
    static constexpr std::array k_chrome = {
        "nav"sv,    "aside"sv,  "footer"sv,   "header"sv, "button"sv, "select"sv, "input"sv, "textarea"sv,
        "iframe"sv, "svg"sv,    "canvas"sv,   "object"sv, "embed"sv,  "audio"sv,  "video"sv, "head"sv,
        "label"sv,  "option"sv, "dialog"sv,   "menu"sv,   "math"sv,
    };
    for (std::string_view c : k_chrome) {
        if (tag == c) return true;
    }
    return false;
}

}  // namespace claimtrack::html::detail
