#pragma once

#include <claimtrack/model.hpp>

#include <vector>

// Claim detection: the checkable assertions in an article, in Chinese and English.
namespace claimtrack::claims {

// Return the claims in `article`'s text paragraphs (never its title line, noise or source list),
// in document order, with `article`, `kind`, `text`, `span` (byte offsets into `article.body`),
// `fields`, `checkworthiness` and `hedged` set; `id` is 0 and `status` unreviewed.
std::vector<Claim> extract(const Article& article);

}  // namespace claimtrack::claims
