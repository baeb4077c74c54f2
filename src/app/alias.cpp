#include <claimtrack/app_evidence.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include <string>

namespace claimtrack::app {

evidence::Aliases load_aliases(const Store& store) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const UserAlias& alias : store.aliases()) pairs.emplace_back(alias.name, alias.canonical);
    return evidence::Aliases::with_user(pairs);
}

AliasAddResult add_alias(Store& store, const AliasAddOptions& options) {
    const std::string name = text::collapse_space(options.name);
    const std::string canonical = text::collapse_space(options.canonical);
    if (name.empty() || canonical.empty()) {
        throw Error(ErrorKind::usage, name.empty() ? "alias name" : "alias canonical name", "alias add", "the name is empty");
    }
    if (text::fold(name) == text::fold(canonical)) {
        throw Error(ErrorKind::usage, name, "alias add",
                    "\"" + name + "\" and \"" + canonical + "\" are the same name (case and width are ignored)");
    }
    AliasAddResult result;
    const evidence::Aliases before = load_aliases(store);
    if (!before.same_entity(name, canonical)) {
        result.added = store.add_alias({0, name, canonical, "", options.by}).has_value();
    }
    result.group = load_aliases(store).names_of(name);
    return result;
}

std::vector<AliasEntry> list_aliases(const Store& store) {
    std::vector<AliasEntry> list;
    for (auto& group : evidence::Aliases::builtin().groups()) list.push_back({std::move(group), true, "", ""});
    for (const UserAlias& alias : store.aliases()) {
        list.push_back({{alias.name, alias.canonical}, false, alias.created_by, alias.created_at});
    }
    return list;
}

std::size_t remove_alias(Store& store, const std::string& name) {
    const std::string wanted = text::collapse_space(name);
    if (wanted.empty()) throw Error(ErrorKind::usage, "alias name", "alias remove", "the name is empty");
    const std::size_t removed = store.remove_alias(wanted);
    if (removed > 0) return removed;
    const auto builtin = evidence::Aliases::builtin().names_of(wanted);
    if (builtin.size() > 1) {
        throw Error(ErrorKind::not_found, wanted, "alias remove",
                    "it is a built-in alias; only aliases added with `claimtrack alias add` can be removed");
    }
    throw Error(ErrorKind::not_found, wanted, "alias remove", "no user alias has this name (see `claimtrack alias list`)");
}

}  // namespace claimtrack::app
