#include "report/html_util.hpp"

#include <algorithm>
#include <string>

namespace claimtrack::report::detail {

namespace {

constexpr int k_row_height = 28;
constexpr int k_label_width = 110;
constexpr int k_bar_width = 170;

}  // namespace

std::string_view status_color(Status status) {
    switch (status) {
        case Status::verified:
            return "#1a7f37";
        case Status::disputed:
            return "#c62828";
        case Status::unverifiable:
            return "#a15c00";
        case Status::unreviewed:
            return "#5f6773";
    }
    return "#5f6773";
}

std::string_view status_symbol(Status status) {
    switch (status) {
        case Status::verified:
            return "\u2713";
        case Status::disputed:
            return "\u2717";
        case Status::unverifiable:
            return "?";
        case Status::unreviewed:
            return "\u25CB";
    }
    return "";
}

std::string status_chart_svg(const std::map<Status, int>& by_status) {
    int most = 1;
    int total = 0;
    for (const auto& [status, n] : by_status) {
        most = std::max(most, n);
        total += n;
    }
    const int height = k_row_height * static_cast<int>(std::max<std::size_t>(by_status.size(), 1));
    std::string out = "<svg class=\"chart\" viewBox=\"0 0 320 " + std::to_string(height) +
                      "\" role=\"img\"><title>Claims by status: " + std::to_string(total) + " in all</title>";
    int y = 0;
    for (const auto& [status, n] : by_status) {
        const int width = n == 0 ? 0 : std::max(2, n * k_bar_width / most);
        const std::string name(to_string(status));
        const std::string row_y = std::to_string(y + 18);
        out += "<text x=\"0\" y=\"" + row_y + "\">" + name + "</text>";
        out += "<rect x=\"" + std::to_string(k_label_width) + "\" y=\"" + std::to_string(y + 5) + "\" width=\"" +
               std::to_string(width) + "\" height=\"18\" rx=\"3\" fill=\"" + std::string(status_color(status)) + "\"/>";
        out += "<text x=\"" + std::to_string(k_label_width + width + 6) + "\" y=\"" + row_y + "\">" +
               std::to_string(n) + "</text>";
        y += k_row_height;
    }
    return out + "</svg>";
}

std::string_view report_css() {
    return R"css(
:root{color-scheme:light dark;--fg:#1d2125;--bg:#fafafa;--card:#fff;--muted:#5f6773;--line:#d8dce0;--mark:#fff3b0}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#16181b;--card:#202328;--muted:#a4abb4;--line:#3a3f46;--mark:#6b5a00}}
*{box-sizing:border-box}
body{margin:0;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:60rem;margin:0 auto}
h1{font-size:1.5rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid var(--line)}h3{font-size:1.1rem}
a{color:#1f6feb;overflow-wrap:anywhere}
.meta,.small{color:var(--muted);font-size:.9rem}
.summary{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.chart{width:100%;max-width:22rem;height:auto}.chart text{font-size:13px;fill:currentColor}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--st);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;color:#fff;background:var(--st);font-weight:600;font-size:.85rem}
.verified{--st:#1a7f37}.disputed{--st:#c62828}.unverifiable{--st:#a15c00}.unreviewed{--st:#5f6773}
.kind{color:var(--muted);margin-left:.5rem}
.claim{font-size:1.05rem;margin:.5rem 0;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
mark.name{text-decoration:underline dotted}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid var(--line);overflow-wrap:anywhere}
.note{border-top:1px dashed var(--line);margin-top:.5rem;padding-top:.5rem}
.sources{list-style:none;padding:0}.sources li{padding:.5rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
.flag{font-weight:600}.dead .flag{color:#fff;background:#c62828;padding:0 .4rem;border-radius:3px}
.unused{color:#a15c00;font-weight:600}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
@media (max-width:40rem){body{padding:.5rem;font-size:15px}.card{padding:.5rem .75rem}}
)css";
}

}  // namespace claimtrack::report::detail
