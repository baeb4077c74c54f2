#include <claimtrack/review.hpp>
#include <claimtrack/error.hpp>

#include <algorithm>

namespace claimtrack::review {

const std::vector<std::string>& known_fields(ClaimKind kind) {
    static const std::vector<std::string> quantity{"subject", "attribute", "value", "upper", "from",       "to",
                                                    "unit",    "change",    "change_unit", "approximate", "when"};
    static const std::vector<std::string> role{"person", "role", "organization", "when"};
    static const std::vector<std::string> quote{"speaker", "quote", "venue", "when"};
    static const std::vector<std::string> event{"actor", "action", "when"};
    static const std::vector<std::string> comparison{"subject", "relation", "object"};
    switch (kind) {
        case ClaimKind::quantity: return quantity;
        case ClaimKind::role: return role;
        case ClaimKind::quote: return quote;
        case ClaimKind::event: return event;
        case ClaimKind::comparison: break;
    }
    return comparison;
}

std::pair<std::string, std::string> parse_field(std::string_view assignment, ClaimKind kind) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        throw Error(ErrorKind::usage, "--field", std::string(assignment), "expected name=value (an empty value removes the field)");
    }
    std::string name(assignment.substr(0, equals));
    const auto& names = known_fields(kind);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string list;
        for (const std::string& known : names) list += (list.empty() ? "" : ", ") + known;
        throw Error(ErrorKind::usage, "--field", name,
                    "not a field of a " + std::string(to_string(kind)) + " claim (use " + list + ")");
    }
    return {std::move(name), std::string(assignment.substr(equals + 1))};
}

FieldEdit apply_fields(const std::map<std::string, std::string>& fields,
                       const std::vector<std::pair<std::string, std::string>>& changes) {
    FieldEdit edit{fields, {}};
    for (const auto& [name, value] : changes) {
        const auto found = edit.fields.find(name);
        const std::string before = found == edit.fields.end() ? std::string() : found->second;
        if (before == value) continue;
        if (value.empty()) {
            edit.fields.erase(name);
        } else {
            edit.fields[name] = value;
        }
        if (!edit.change.empty()) edit.change += "; ";
        edit.change += name + ": '" + before + "' → '" + value + "'";
    }
    return edit;
}

}  // namespace claimtrack::review
