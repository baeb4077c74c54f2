#include <claimtrack/model.hpp>
#include <claimtrack/error.hpp>

#include <array>
#include <chrono>
#include <ctime>
#include <utility>

namespace claimtrack {

Error::Error(ErrorKind kind, std::string input, std::string place, std::string reason)
    : std::runtime_error(input + ": " + place + ": " + reason),
      m_kind(kind),
      m_input(std::move(input)),
      m_place(std::move(place)),
      m_reason(std::move(reason)) {}

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [value, text] : table) {
        if (text == name) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, text] : table) {
        if (v == value) return text;
    }
    return "?";
}

constexpr std::array<std::pair<ParagraphKind, std::string_view>, 4> k_paragraph_kinds{{
    {ParagraphKind::text, "text"},
    {ParagraphKind::title, "title"},
    {ParagraphKind::noise, "noise"},
    {ParagraphKind::source_list, "source_list"},
}};
constexpr std::array<std::pair<ClaimKind, std::string_view>, 5> k_claim_kinds{{
    {ClaimKind::quantity, "quantity"},
    {ClaimKind::role, "role"},
    {ClaimKind::quote, "quote"},
    {ClaimKind::event, "event"},
    {ClaimKind::comparison, "comparison"},
}};
constexpr std::array<std::pair<Status, std::string_view>, 4> k_statuses{{
    {Status::unreviewed, "unreviewed"},
    {Status::verified, "verified"},
    {Status::disputed, "disputed"},
    {Status::unverifiable, "unverifiable"},
}};
constexpr std::array<std::pair<Stance, std::string_view>, 3> k_stances{{
    {Stance::supports, "supports"},
    {Stance::contradicts, "contradicts"},
    {Stance::mentions, "mentions"},
}};
constexpr std::array<std::pair<Origin, std::string_view>, 2> k_origins{{
    {Origin::automatic, "auto"},
    {Origin::manual, "manual"},
}};

}  // namespace

std::string_view to_string(ParagraphKind kind) { return name_of(k_paragraph_kinds, kind); }
std::string_view to_string(ClaimKind kind) { return name_of(k_claim_kinds, kind); }
std::string_view to_string(Status status) { return name_of(k_statuses, status); }
std::string_view to_string(Stance stance) { return name_of(k_stances, stance); }
std::string_view to_string(Origin origin) { return name_of(k_origins, origin); }
std::optional<ParagraphKind> paragraph_kind_from(std::string_view name) { return lookup(k_paragraph_kinds, name); }
std::optional<ClaimKind> claim_kind_from(std::string_view name) { return lookup(k_claim_kinds, name); }
std::optional<Status> status_from(std::string_view name) { return lookup(k_statuses, name); }
std::optional<Stance> stance_from(std::string_view name) { return lookup(k_stances, name); }
std::optional<Origin> origin_from(std::string_view name) { return lookup(k_origins, name); }

std::string now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::array<char, 32> buffer{};
    const std::size_t n = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(buffer.data(), n);
}

}  // namespace claimtrack
