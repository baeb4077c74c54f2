#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <utility>

namespace claimtrack::claims::detail {

namespace {

// Return the (key, list position) pairs of `list`. An entry shorter than its key's bytes is filed
// under every key those missing bytes could give (a text's bytes past its end read as 0).
std::vector<std::pair<std::uint16_t, std::uint32_t>> keyed(std::span<const std::string_view> list) {
    std::vector<std::pair<std::uint16_t, std::uint32_t>> out;
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string_view entry = list[k];
        if (entry.empty()) continue;
        const auto position = static_cast<std::uint32_t>(k);
        const auto byte = [&](std::size_t n) { return static_cast<unsigned char>(entry[n]); };
        const bool three = byte(0) >= 0xE0 && byte(0) < 0xF0;
        const std::size_t needed = three ? 3 : 2;
        if (entry.size() >= needed) {
            out.emplace_back(CueIndex::key_of(byte(0), byte(1), three ? byte(2) : 0), position);
            continue;
        }
        // Short: vary the missing bytes (for a two-byte key only the second).
        const unsigned second_from = entry.size() >= 2 ? byte(1) : 0;
        const unsigned second_to = entry.size() >= 2 ? byte(1) : 255;
        for (unsigned second = second_from; second <= second_to; ++second) {
            for (unsigned third = 0; third < (three ? 256u : 1u); ++third) {
                out.emplace_back(CueIndex::key_of(byte(0), static_cast<unsigned char>(second), static_cast<unsigned char>(third)), position);
            }
        }
    }
    return out;
}

}  // namespace

CueIndex::CueIndex(std::span<const std::string_view> list) : m_list(list), m_ranges(std::make_unique_for_overwrite<Range[]>(65536)) {
    auto pairs = keyed(list);
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());  // one-byte entries under folded keys
    std::bitset<256> folded_starts;
    for (const std::string_view entry : list) {
        if (!entry.empty()) folded_starts.set(fold(static_cast<unsigned char>(entry.front())));
    }
    for (std::size_t b = 0; b < m_starts.size(); ++b) m_starts[b] = folded_starts.test(fold(static_cast<unsigned char>(b)));
    m_prefixes.resize(list.size());
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string_view entry = list[k];
        Prefix& prefix = m_prefixes[k];
        prefix.folded = !entry.empty() && is_latin_letter(entry.front());
        unsigned char bits[4] = {};
        unsigned char mask[4] = {};
        for (std::size_t b = 0; b < std::min<std::size_t>(entry.size(), 4); ++b) {
            bits[b] = prefix.folded ? fold(static_cast<unsigned char>(entry[b])) : static_cast<unsigned char>(entry[b]);
            mask[b] = 0xFF;
        }
        std::memcpy(&prefix.bits, bits, 4);
        std::memcpy(&prefix.mask, mask, 4);
    }
    m_entries.reserve(pairs.size());
    for (const auto& [key, position] : pairs) {
        if (!m_present.test(key)) {
            m_present.set(key);
            m_ranges[key].begin = static_cast<std::uint32_t>(m_entries.size());
        }
        m_entries.push_back(position);
        m_ranges[key].end = static_cast<std::uint32_t>(m_entries.size());
    }
}

std::string_view first_listed_cue(std::string_view s, const CueIndex& index) {
    std::size_t best = index.list().size();
    for (std::size_t i = 0; i < s.size(); i = index.next_start(s, i)) {
        for (const std::uint32_t k : index.candidates(s, i)) {
            if (k < best && index.occurs(s, i, k)) best = k;
        }
    }
    return best < index.list().size() ? index.list()[best] : std::string_view();
}

namespace {

std::vector<std::string_view> joined(const std::vector<std::span<const std::string_view>>& lists) {
    std::vector<std::string_view> all;
    for (const auto list : lists) all.insert(all.end(), list.begin(), list.end());
    return all;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> origins(const std::vector<std::span<const std::string_view>>& lists) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (std::size_t l = 0; l < lists.size(); ++l) {
        for (std::size_t k = 0; k < lists[l].size(); ++k) out.emplace_back(static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(k));
    }
    return out;
}

}  // namespace

CueSet::CueSet(std::vector<std::span<const std::string_view>> lists)
    : m_lists(std::move(lists)), m_all(joined(m_lists)), m_origin(origins(m_lists)), m_index(m_all) {}

std::vector<std::string_view> CueSet::first_listed(std::string_view s) const {
    std::vector<std::uint32_t> best(m_lists.size(), UINT32_MAX);
    for (std::size_t i = 0; i < s.size(); i = m_index.next_start(s, i)) {
        for (const std::uint32_t k : m_index.candidates(s, i)) {
            const auto [list, position] = m_origin[k];
            if (position < best[list] && m_index.occurs(s, i, k)) best[list] = position;
        }
    }
    std::vector<std::string_view> out(m_lists.size());
    for (std::size_t l = 0; l < m_lists.size(); ++l) {
        if (best[l] != UINT32_MAX) out[l] = m_lists[l][best[l]];
    }
    return out;
}

bool contains_cue(std::string_view s, const CueIndex& index) {
    for (std::size_t i = 0; i < s.size(); i = index.next_start(s, i)) {
        for (const std::uint32_t k : index.candidates(s, i)) {
            if (index.occurs(s, i, k)) return true;
        }
    }
    return false;
}

namespace {

// The `CueKind` lists of one language indexed together, each entry with the kind of its list.
struct FirstCueIndex {
    std::vector<std::string_view> all;
    std::vector<std::uint8_t> kinds;
    CueIndex index;
    explicit FirstCueIndex(const std::array<std::span<const std::string_view>, k_cue_kinds>& lists)
        : all(joined(std::vector<std::span<const std::string_view>>(lists.begin(), lists.end()))),
          kinds(kinds_of(lists)),
          index(all) {}

private:
    static std::vector<std::uint8_t> kinds_of(const std::array<std::span<const std::string_view>, k_cue_kinds>& lists) {
        std::vector<std::uint8_t> out;
        for (std::size_t kind = 0; kind < lists.size(); ++kind) out.insert(out.end(), lists[kind].size(), static_cast<std::uint8_t>(kind));
        return out;
    }
};

}  // namespace

std::array<std::size_t, k_cue_kinds> first_cues(std::string_view text, bool english) {
    static const FirstCueIndex en({lexicon::en_speech_verbs(), lexicon::en_roles(), lexicon::en_comparisons(), lexicon::en_event_verbs(),
                                   lexicon::zh_org_suffixes()});
    static const FirstCueIndex zh({lexicon::zh_speech_verbs(), lexicon::zh_roles(), lexicon::zh_comparisons(), lexicon::zh_event_verbs(),
                                   lexicon::zh_org_suffixes()});
    const FirstCueIndex& cues = english ? en : zh;
    std::array<std::size_t, k_cue_kinds> first;
    first.fill(std::string_view::npos);
    std::size_t missing = k_cue_kinds;
    for (std::size_t i = 0; i < text.size() && missing > 0; i = cues.index.next_start(text, i)) {
        for (const std::uint32_t k : cues.index.candidates(text, i)) {
            std::size_t& at = first[cues.kinds[k]];
            if (at == std::string_view::npos && cues.index.occurs(text, i, k)) {
                at = i;
                --missing;
            }
        }
    }
    return first;
}

namespace {

std::vector<std::string_view> scan_entries(const std::array<std::span<const std::string_view>, k_cue_kinds>& firsts,
                                           const std::vector<std::span<const std::string_view>>& listed) {
    std::vector<std::string_view> all = joined(std::vector<std::span<const std::string_view>>(firsts.begin(), firsts.end()));
    for (const auto list : listed) all.insert(all.end(), list.begin(), list.end());
    return all;
}

}  // namespace

CueScan::CueScan(const std::array<std::span<const std::string_view>, k_cue_kinds>& firsts, std::vector<std::span<const std::string_view>> listed)
    : m_listed(std::move(listed)), m_all(scan_entries(firsts, m_listed)), m_index(m_all) {
    if (m_listed.size() > k_most_listed) throw std::logic_error("CueScan: more listed lists than k_most_listed");
    for (std::size_t kind = 0; kind < firsts.size(); ++kind) {
        for (std::size_t k = 0; k < firsts[kind].size(); ++k) {
            m_tag.push_back(static_cast<std::uint32_t>(kind));
            m_position.push_back(static_cast<std::uint32_t>(k));
        }
    }
    for (std::size_t l = 0; l < m_listed.size(); ++l) {
        for (std::size_t k = 0; k < m_listed[l].size(); ++k) {
            m_tag.push_back(static_cast<std::uint32_t>(k_cue_kinds + l));
            m_position.push_back(static_cast<std::uint32_t>(k));
        }
    }
}

std::vector<std::string_view> CueScan::scan(std::string_view s, std::array<std::size_t, k_cue_kinds>& first) const {
    std::vector<std::string_view> out;
    scan(s, first, out);
    return out;
}

void CueScan::scan(std::string_view s, std::array<std::size_t, k_cue_kinds>& first, std::vector<std::string_view>& out) const {
    first.fill(std::string_view::npos);
    std::array<std::uint32_t, k_most_listed> best;
    best.fill(UINT32_MAX);
    for (std::size_t i = 0; i < s.size(); i = m_index.next_start(s, i)) {
        for (const std::uint32_t k : m_index.candidates(s, i)) {
            const std::uint32_t tag = m_tag[k];
            if (tag < k_cue_kinds) {
                if (first[tag] == std::string_view::npos && m_index.occurs(s, i, k)) first[tag] = i;
                continue;
            }
            std::uint32_t& listed = best[tag - k_cue_kinds];
            if (m_position[k] < listed && m_index.occurs(s, i, k)) listed = m_position[k];
        }
    }
    out.assign(m_listed.size(), std::string_view());
    for (std::size_t l = 0; l < m_listed.size(); ++l) {
        if (best[l] != UINT32_MAX) out[l] = m_listed[l][best[l]];
    }
}

}  // namespace claimtrack::claims::detail
