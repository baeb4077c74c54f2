// claimtrack_rank: FTS5's bm25 with the inverse document frequencies given by the caller.
//
// FTS5's bm25() counts, once per query, the passages holding each phrase by reading the phrase's
// whole doclist. In a store of 1M passages a query that ranks by a word in 40,000 of them spends
// more on that count than on ranking the few hundred passages it matches; the caller already knows
// the counts (from the index's vocabulary), so it passes the weights and this function only scores
// the matched rows: sum over phrases of idf * f * (k1 + 1) / (f + k1 * (1 - b + b * length / mean)),
// negated as FTS5 ranks (lower is better).
#include "store/store_impl.hpp"

#include <claimtrack/error.hpp>

#include <sqlite3.h>

#include <cstring>
#include <vector>

namespace claimtrack::store_detail {
namespace {

constexpr double k_k1 = 1.2;  // FTS5 bm25's constants
constexpr double k_b = 0.75;

// What one query's rows share: the mean passage length and a phrase-count buffer.
struct QueryState {
    double mean_length = 1.0;
    std::vector<int> frequency;
};

void delete_state(void* state) { delete static_cast<QueryState*>(state); }

QueryState* state_of(const Fts5ExtensionApi* api, Fts5Context* fts) {
    if (auto* known = static_cast<QueryState*>(api->xGetAuxdata(fts, 0))) return known;
    auto* state = new QueryState;
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    if (api->xRowCount(fts, &rows) == SQLITE_OK && api->xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK && rows > 0 && tokens > 0) {
        state->mean_length = static_cast<double>(tokens) / static_cast<double>(rows);
    }
    if (api->xSetAuxdata(fts, state, delete_state) != SQLITE_OK) return nullptr;  // SQLite deleted it
    return state;
}

// claimtrack_rank(passage_fts, weights): `weights` is a blob of doubles, one per phrase of the
// MATCH expression in FTS5's order; a phrase without one weighs 1.
void weighted_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc, sqlite3_value** argv) {
    QueryState* state = state_of(api, fts);
    if (state == nullptr) {
        sqlite3_result_error_nomem(context);
        return;
    }
    const int phrases = api->xPhraseCount(fts);
    state->frequency.assign(static_cast<std::size_t>(phrases > 0 ? phrases : 0), 0);
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "claimtrack_rank: cannot read the phrase instances", -1);
        return;
    }
    for (int i = 0; i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < phrases) {
            ++state->frequency[static_cast<std::size_t>(phrase)];
        }
    }
    int length = 0;
    if (api->xColumnSize(fts, -1, &length) != SQLITE_OK) length = 0;
    const void* blob = argc > 0 ? sqlite3_value_blob(argv[0]) : nullptr;
    const auto weights = blob ? static_cast<std::size_t>(sqlite3_value_bytes(argv[0])) / sizeof(double) : 0;
    const double norm = k_k1 * (1.0 - k_b + k_b * static_cast<double>(length) / state->mean_length);
    double score = 0.0;
    for (std::size_t p = 0; p < state->frequency.size(); ++p) {
        const int f = state->frequency[p];
        if (f == 0) continue;
        double idf = 1.0;
        if (p < weights) std::memcpy(&idf, static_cast<const char*>(blob) + p * sizeof(double), sizeof(double));
        const auto tf = static_cast<double>(f);
        score += idf * tf * (k_k1 + 1.0) / (tf + norm);
    }
    sqlite3_result_double(context, -score);
}

}  // namespace

void register_rank(SQLite::Database& db, const std::string& path) {
    // The FTS5 API is reached through a pointer its fts5() SQL function hands out.
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (api == nullptr || api->iVersion < 2 ||
        api->xCreateFunction(api, "claimtrack_rank", nullptr, weighted_bm25, nullptr) != SQLITE_OK) {
        throw Error(ErrorKind::io, path, "open", "this SQLite has no FTS5 to rank passages with");
    }
}

}  // namespace claimtrack::store_detail
