#include <claimtrack/claims_eval.hpp>

#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace claimtrack::claims::eval {

namespace {

double ratio(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string normalized(std::string_view s) {
    return text::collapse_space(text::fold(text::to_simplified(text::nfkc(s))));
}

bool numeric_field(std::string_view name) { return name == "value" || name == "from" || name == "to" || name == "upper"; }

bool field_agrees(std::string_view name, const std::string& gold, const std::string& predicted) {
    if (numeric_field(name)) {
        const auto g = numbers::parse_number(gold);
        const auto p = numbers::parse_number(predicted);
        if (g && p) return std::fabs(*g - *p) <= 1e-6 * std::max(1.0, std::fabs(*g));
    }
    const std::string g = normalized(gold);
    const std::string p = normalized(predicted);
    if (g.empty() || p.empty()) return g == p;
    return g.find(p) != std::string::npos || p.find(g) != std::string::npos;
}

std::size_t agreeing_fields(const GoldClaim& g, const Claim& c) {
    std::size_t right = 0;
    for (const auto& [name, value] : g.fields) {
        const auto it = c.fields.find(name);
        if (it != c.fields.end() && field_agrees(name, value, it->second)) ++right;
    }
    return right;
}

bool overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

std::string short_text(std::string_view s) {
    std::string out = text::collapse_space(s);
    if (out.size() > 90) {
        std::size_t cut = 90;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + "…";
    }
    return out;
}

std::string describe_fields(const std::map<std::string, std::string>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) out += (out.empty() ? "" : " ") + k + "=" + v;
    return out;
}

}  // namespace

double Tally::precision() const { return ratio(true_positives, true_positives + false_positives); }
double Tally::recall() const { return ratio(true_positives, true_positives + false_negatives); }
double Tally::field_accuracy() const { return ratio(fields_right, fields_total); }

double Tally::f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

Tally& Tally::operator+=(const Tally& o) {
    true_positives += o.true_positives;
    false_positives += o.false_positives;
    false_negatives += o.false_negatives;
    fields_right += o.fields_right;
    fields_total += o.fields_total;
    hedged_right += o.hedged_right;
    return *this;
}

Result score(const Case& c, const Article& article, const std::vector<Claim>& predicted, double threshold) {
    std::vector<const Claim*> listed;
    for (const auto& p : predicted) {
        if (p.checkworthiness >= threshold) listed.push_back(&p);
    }
    std::vector<Span> gold_spans;
    for (const auto& g : c.gold) {
        const std::size_t at = article.body.find(g.text);
        gold_spans.push_back(at == std::string::npos ? Span{0, 0} : Span{at, at + g.text.size()});
    }
    // Every same-kind overlapping pair, best field agreement first; assign greedily.
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> pairs;  // agreement, gold, predicted
    for (std::size_t gi = 0; gi < c.gold.size(); ++gi) {
        for (std::size_t pi = 0; pi < listed.size(); ++pi) {
            if (listed[pi]->kind != c.gold[gi].kind || !overlaps(listed[pi]->span, gold_spans[gi])) continue;
            pairs.emplace_back(agreeing_fields(c.gold[gi], *listed[pi]), gi, pi);
        }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    std::vector<int> gold_match(c.gold.size(), -1), predicted_match(listed.size(), -1);
    for (const auto& [agree, gi, pi] : pairs) {
        if (gold_match[gi] >= 0 || predicted_match[pi] >= 0) continue;
        gold_match[gi] = static_cast<int>(pi);
        predicted_match[pi] = static_cast<int>(gi);
    }
    Result r;
    for (std::size_t gi = 0; gi < c.gold.size(); ++gi) {
        const GoldClaim& g = c.gold[gi];
        Tally& t = r.kinds[g.kind];
        if (gold_match[gi] < 0) {
            ++t.false_negatives;
            r.problems.push_back(c.name + ": missed " + std::string(to_string(g.kind)) + ": " + short_text(g.text));
            continue;
        }
        const Claim& p = *listed[static_cast<std::size_t>(gold_match[gi])];
        ++t.true_positives;
        t.fields_total += g.fields.size();
        t.fields_right += agreeing_fields(g, p);
        if (p.hedged == g.hedged) ++t.hedged_right;
        if (agreeing_fields(g, p) < g.fields.size() || p.hedged != g.hedged) {
            r.problems.push_back(c.name + ": fields of " + std::string(to_string(g.kind)) + " \"" + short_text(g.text) +
                                 "\": want " + describe_fields(g.fields) + (g.hedged ? " hedged" : "") + "; got " +
                                 describe_fields(p.fields) + (p.hedged ? " hedged" : ""));
        }
    }
    for (std::size_t pi = 0; pi < listed.size(); ++pi) {
        if (predicted_match[pi] >= 0) continue;
        const Claim& p = *listed[pi];
        bool covered = false;
        for (std::size_t gi = 0; gi < c.gold.size(); ++gi) {
            covered = covered || (gold_match[gi] >= 0 && c.gold[gi].kind != p.kind && overlaps(p.span, gold_spans[gi]));
        }
        if (covered) {
            ++r.redundant;
            continue;
        }
        ++r.kinds[p.kind].false_positives;
        r.problems.push_back(c.name + ": extra " + std::string(to_string(p.kind)) + " (" +
                             std::to_string(p.checkworthiness).substr(0, 4) + "): " + short_text(p.text) + " [" +
                             describe_fields(p.fields) + "]");
    }
    for (const auto& [kind, t] : r.kinds) r.overall += t;
    return r;
}

Result& Result::operator+=(const Result& o) {
    for (const auto& [kind, t] : o.kinds) kinds[kind] += t;
    overall += o.overall;
    redundant += o.redundant;
    problems.insert(problems.end(), o.problems.begin(), o.problems.end());
    return *this;
}

}  // namespace claimtrack::claims::eval
