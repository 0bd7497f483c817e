// A main for the fuzz targets where libFuzzer is not used (GCC, or clang without
// SAYSO_FUZZ_ENGINE=libfuzzer): runs LLVMFuzzerTestOneInput once on every file named on the
// command line, and on every file under every directory named there (in sorted order, so a
// failure is reproducible). ctest runs it over the seed corpus, so the targets never rot and
// every regression input of the corpus is replayed in every build, sanitized or not.
//
//   sayso_fuzz_analyze [--verbose] tests/fuzz/corpus/analyze [more files or directories]
//
// Arguments starting with '-' other than --verbose are ignored, so that libFuzzer options can
// be passed to either kind of build.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool read_file(const std::filesystem::path& path, std::vector<std::uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
      continue;
    }
    if (arg.starts_with("-")) continue;
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
        if (entry.is_regular_file()) found.push_back(entry.path());
      }
      if (ec) {
        std::fprintf(stderr, "%s: cannot list: %s\n", argv[i], ec.message().c_str());
        return 2;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [--verbose] FILE_OR_DIRECTORY...\n", argv[0]);
    return 2;
  }
  std::vector<std::uint8_t> data;
  double slowest = 0;
  std::string slowest_name;
  for (const auto& file : files) {
    if (!read_file(file, data)) {
      std::fprintf(stderr, "%s: cannot read\n", file.string().c_str());
      return 2;
    }
    if (verbose) std::fprintf(stderr, "running %s (%zu bytes)\n", file.string().c_str(), data.size());
    const auto start = std::chrono::steady_clock::now();
    // A heap block of exactly `size` bytes, so that AddressSanitizer sees a read past the end.
    const auto input = std::make_unique<std::uint8_t[]>(data.size());
    std::copy(data.begin(), data.end(), input.get());
    LLVMFuzzerTestOneInput(input.get(), data.size());
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (took.count() > slowest) {
      slowest = took.count();
      slowest_name = file.string();
    }
  }
  std::printf("replayed %zu inputs; slowest %.3f s (%s)\n", files.size(), slowest, slowest_name.c_str());
  return 0;
}
