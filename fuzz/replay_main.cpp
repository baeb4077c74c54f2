#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

// Stand-in for libFuzzer where it is not available (g++ in CI): run the target over every file in
// the corpus directories given, then over a fixed number of deterministic mutations of them.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::string> read_corpus(const std::vector<std::filesystem::path>& dirs) {
    std::vector<std::string> inputs;
    for (const auto& dir : dirs) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.is_regular_file()) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    }
    return inputs;
}

class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t m_state;
};

// Return `input` changed a few times: bytes flipped, inserted, deleted, a slice duplicated,
// markup tokens spliced in, or cut short.
std::string mutate(std::string input, Random& random) {
    static const std::vector<std::string> k_tokens = {"<", ">", "</", "<div>", "</p>", "<script>", "<![CDATA[", "]]>", "&amp;",
                                                      "&#x", "<?xml ", "encoding=\"gbk\"", "<item>", "<entry>", "\xEF\xBB\xBF", "\xFF", std::string(1, '\0')};
    const std::size_t changes = 1 + random.below(8);
    for (std::size_t i = 0; i < changes; ++i) {
        const std::size_t at = random.below(input.size() + 1);
        switch (random.below(6)) {
        case 0:
            if (at < input.size()) input[at] = static_cast<char>(random.next() & 0xFF);
            break;
        case 1: input.insert(at, 1, static_cast<char>(random.next() & 0xFF)); break;
        case 2: input.erase(at, random.below(16)); break;
        case 3: {
            const std::size_t from = random.below(input.size() + 1);
            input.insert(at, input.substr(from, random.below(64)));
            break;
        }
        case 4: input.insert(at, k_tokens[random.below(k_tokens.size())]); break;
        default: input.resize(at); break;
        }
    }
    return input;
}

// With CLAIMTRACK_FUZZ_LAST=FILE set, each input is written to FILE before it runs, so the one
// that crashed is there to replay.
int run(const std::string& input) {
    if (const char* last = std::getenv("CLAIMTRACK_FUZZ_LAST")) std::ofstream(last, std::ios::binary | std::ios::trunc) << input;
    return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

}  // namespace

// Usage: extract_fuzz_replay | claims_fuzz_replay [--mutations N] [--seed S] CORPUS_DIR...
int main(int argc, char** argv) {
    std::size_t mutations = 2000;
    std::uint64_t seed = 20251128;
    std::vector<std::filesystem::path> dirs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--mutations" && i + 1 < argc) {
            mutations = std::stoul(argv[++i]);
        } else if (arg == "--seed" && i + 1 < argc) {
            seed = std::stoull(argv[++i]);
        } else {
            dirs.emplace_back(arg);
        }
    }
    const std::string name = std::filesystem::path(argv[0]).filename().string();
    const std::vector<std::string> corpus = read_corpus(dirs);
    if (corpus.empty()) {
        std::cerr << name << ": no corpus files in the directories given\n";
        return 2;
    }
    for (const std::string& input : corpus) run(input);
    Random random(seed);
    for (std::size_t i = 0; i < mutations; ++i) {
        std::string input = corpus[random.below(corpus.size())];
        // Stack a few generations so mutations reach past the first change.
        for (std::size_t round = random.below(3); round-- > 0;) input = mutate(std::move(input), random);
        run(mutate(std::move(input), random));
    }
    std::cout << name << ": " << corpus.size() << " corpus inputs and " << mutations << " mutations ran clean\n";
    return 0;
}
