// Runs inputs through the fuzz targets without libFuzzer. The gcc builds (ci, dev) link every target into
// this one program (each target's LLVMFuzzerTestOneInput renamed fuzz_<target>_one, listed in the
// generated fuzztargets.inc), so every seed and every regression found by fuzzing runs under ASan/UBSan
// as an ordinary test, and the targets cannot rot between fuzzing runs.
//   fuzz_replay TARGET FILE|DIRECTORY...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define FUZZ_TARGET(name) extern "C" int fuzz_##name##_one(const std::uint8_t* data, std::size_t size);
#include "fuzztargets.inc"
#undef FUZZ_TARGET

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

struct NamedTarget {
    const char* name;
    Target run;
};

#define FUZZ_TARGET(name) { #name, &fuzz_##name##_one },
constexpr NamedTarget targets[] = {
#include "fuzztargets.inc"
};
#undef FUZZ_TARGET

bool replay(Target target, const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return true;
}
} // namespace

int main(int argc, char** argv)
{
    Target target = nullptr;
    for (const NamedTarget& t : targets) {
        if (argc > 1 && std::string(argv[1]) == t.name)
            target = t.run;
    }
    if (!target) {
        std::fprintf(stderr, "usage: fuzz_replay TARGET FILE|DIRECTORY... (TARGET one of:");
        for (const NamedTarget& t : targets)
            std::fprintf(stderr, " %s", t.name);
        std::fprintf(stderr, ")\n");
        return 2;
    }
    int replayed = 0;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(arg)) {
            for (const auto& entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(arg);
        }
        for (const auto& file : files) {
            if (!replay(target, file))
                return 1;
            ++replayed;
        }
    }
    std::printf("replay: %d inputs, no crash\n", replayed);
    // No input at all means the test lost its files: that must not pass quietly.
    return replayed > 0 ? 0 : 1;
}
