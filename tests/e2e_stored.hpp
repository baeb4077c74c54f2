#pragma once
// What a database holds of one article, with the ids and times that differ between two imports of
// the same text cleared: compare two imports with ==.
#include <claimtrack/model.hpp>
#include <claimtrack/store.hpp>

#include <vector>

namespace e2e {

struct Stored {
    claimtrack::Article article;
    std::vector<claimtrack::Claim> claims;
};

inline Stored stored(claimtrack::Store& store, claimtrack::Id id) {
    Stored out;
    out.article = *store.article(id);
    out.article.id = 0;
    out.article.imported_at.clear();
    out.claims = store.claims({.article = id, .kind = {}, .status = {}});
    for (claimtrack::Claim& c : out.claims) {
        c.id = 0;
        c.article = 0;
    }
    return out;
}

}  // namespace e2e
