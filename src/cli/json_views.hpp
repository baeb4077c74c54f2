#pragma once

#include <claimtrack/model.hpp>

#include <nlohmann/json.hpp>

// The JSON contracts of the listing commands (`claims`, `sources`, `evidence`, `history`).
namespace claimtrack::cli {

nlohmann::json to_json(const Claim& claim);
nlohmann::json to_json(const SourceRow& source);
nlohmann::json to_json(const Evidence& evidence);
nlohmann::json to_json(const Review& review);
nlohmann::json to_json(const Article& article);

}  // namespace claimtrack::cli
