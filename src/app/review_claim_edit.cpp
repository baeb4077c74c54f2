#include <claimtrack/app.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/review.hpp>
#include <claimtrack/store.hpp>

#include "app/review_steps.hpp"

#include <algorithm>

namespace claimtrack::app {
namespace {

constexpr double k_manual_worth = 1.0;  // a person said it is worth checking

ClaimKind kind_named(const std::string& name) {
    if (const auto kind = claim_kind_from(name)) return *kind;
    throw Error(ErrorKind::usage, "--kind", name, "unknown kind (quantity, role, quote, event, comparison)");
}

std::string trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// Return what the extractor makes of `text` on its own (kind, fields, hedging), if anything.
std::optional<Claim> extracted(const Article& article, const std::string& text) {
    Article alone;
    alone.id = article.id;
    alone.language = article.language;
    alone.date = article.date;
    alone.body = text;
    alone.paragraphs = {Paragraph{Span{0, text.size()}, ParagraphKind::text}};
    auto found = claims::extract(alone);
    if (found.empty()) return std::nullopt;
    const auto widest = std::max_element(found.begin(), found.end(), [](const Claim& a, const Claim& b) {
        return a.span.end - a.span.start < b.span.end - b.span.start;
    });
    return *widest;
}

std::vector<std::pair<std::string, std::string>> parsed_fields(const std::vector<std::string>& fields, ClaimKind kind) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& field : fields) out.push_back(review::parse_field(field, kind));
    return out;
}

void refuse_duplicate(const Store& store, Id article, const std::string& text) {
    const auto existing = store.find_claim(article, text);
    if (!existing) return;
    const auto state = store.claim_state(*existing);
    const std::string id = std::to_string(*existing);
    throw Error(ErrorKind::usage, "claim " + id, "claim add",
                state && state->rejected ? "the article has this claim already, rejected (restore it: `claimtrack reopen " + id + "`)"
                                         : "the article has this claim already (change it: `claimtrack claim edit " + id + "`)");
}

Claim new_claim(const Article& article, const ClaimAddOptions& options, const std::string& text) {
    Claim claim;
    claim.article = article.id;
    claim.text = text;
    claim.checkworthiness = k_manual_worth;
    if (const auto guess = extracted(article, text)) {
        claim.kind = guess->kind;
        claim.fields = guess->fields;
        claim.hedged = guess->hedged;
    } else {
        claim.kind = ClaimKind::event;
    }
    if (!options.kind.empty()) {
        const ClaimKind kind = kind_named(options.kind);
        if (kind != claim.kind) claim.fields.clear();
        claim.kind = kind;
    }
    claim.fields = review::apply_fields(claim.fields, parsed_fields(options.fields, claim.kind)).fields;
    if (const std::size_t at = article.body.find(text); at != std::string::npos) claim.span = Span{at, at + text.size()};
    return claim;
}

}  // namespace

ClaimAddResult add_claim(Store& store, const ClaimAddOptions& options) {
    Store::Transaction transaction(store);
    const auto article = store.article(options.article);
    if (!article) {
        throw Error(ErrorKind::not_found, "article " + std::to_string(options.article), "database", "no such article (see `claimtrack articles`)");
    }
    const std::string text = trimmed(options.text);
    if (text.empty()) throw Error(ErrorKind::usage, "claim add", "text", "the claim text is empty");
    refuse_duplicate(store, article->id, text);
    ClaimAddResult result;
    result.claim = new_claim(*article, options, text);
    result.anchored = result.claim.span.end > result.claim.span.start;
    result.claim.id = store.add_claim(result.claim, Origin::manual);
    Review row = review::make_note_row(Status::unreviewed, {result.claim.id, Status::unreviewed, {}, options.note, options.reviewer},
                                       "claim add", review::NoteRule::optional);
    result.log_row = store.record_log({row, LogAction::claim_add, result.anchored ? "anchored in the body" : "not found in the body"});
    transaction.commit();
    return result;
}

ClaimEditResult edit_claim(Store& store, const ClaimEditOptions& options) {
    Store::Transaction transaction(store);
    Claim claim = review_steps::require_open_claim(store, options.claim, "claim edit");
    const ClaimKind kind = options.kind.empty() ? claim.kind : kind_named(options.kind);
    auto changes = parsed_fields(options.fields, kind);
    std::string change;
    if (kind != claim.kind) {
        change = "kind: " + std::string(to_string(claim.kind)) + " → " + std::string(to_string(kind));
        const auto& known = review::known_fields(kind);
        for (const auto& [name, value] : claim.fields) {
            if (std::find(known.begin(), known.end(), name) == known.end()) changes.insert(changes.begin(), {name, ""});
        }
    }
    review::FieldEdit edit = review::apply_fields(claim.fields, changes);
    if (!edit.change.empty()) change += (change.empty() ? "" : "; ") + edit.change;
    if (change.empty()) {
        throw Error(ErrorKind::usage, "claim " + std::to_string(claim.id), "claim edit",
                    "nothing to change (give --kind K or --field name=value)");
    }
    claim.kind = kind;
    claim.fields = std::move(edit.fields);
    store.update_claim(claim);
    Review row = review::make_note_row(claim.status, {claim.id, claim.status, {}, options.note, options.reviewer}, "claim edit",
                                       review::NoteRule::optional);
    ClaimEditResult result{claim, change, store.record_log({row, LogAction::claim_edit, change})};
    transaction.commit();
    return result;
}

Review reject_claim(Store& store, const ReviewOptions& options) {
    Store::Transaction transaction(store);
    const Claim claim = review_steps::require_open_claim(store, options.claim, "claim reject");
    Review row = review::make_note_row(claim.status, {claim.id, claim.status, {}, options.note, options.reviewer}, "claim reject",
                                       review::NoteRule::required);
    row.id = store.record_log({row, LogAction::claim_reject, {}});
    transaction.commit();
    return row;
}

}  // namespace claimtrack::app
