// Linear time, whatever the input: the whole pipeline (analyze + to_json) over texts of growing
// size, for news-like text and for each hostile shape of tests/unit/hostile_tests.cpp (runs of
// quotation marks, unclosed and nested marks, interrupted quotations, a line without spaces, one
// huge word, random bytes, bare CR line ends, one long quotation, one speaker quoted again and
// again, a new speaker for every quote, one quote full of stance words). Google Benchmark fits each family to O(N) and
// prints the coefficient and its RMS error ("_BigO", "_RMS" rows): a small RMS means linear.
//
//   sayso_complexity_bench                  sizes 64 KiB .. 4 MiB (about a minute)
//   sayso_complexity_bench --max-size=16M   up to 16 MiB
//   sayso_complexity_bench --check          also fail (exit 1) when, in some family, the time
//                                           per byte at the largest size exceeds 3x the time
//                                           per byte at the smallest (quadratic behaviour gives
//                                           64x over the default range)
//   sayso_complexity_bench --quick          tiny sizes, for the ctest smoke run
// Other arguments go to Google Benchmark (--benchmark_filter=..., --benchmark_format=json, ...).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sayso/sayso.hpp>

namespace {

const sayso::pipeline& shared_pipeline() {
  static const sayso::pipeline pipeline;
  return pipeline;
}

std::string fill(std::string_view unit, std::size_t size) {
  std::string out;
  out.reserve(size + unit.size());
  while (out.size() < size) out += unit;
  out.resize(size);
  return out;
}

// News-like text written for this benchmark: attributed, interrupted and unattributed quotes,
// reported speech and stance words, in paragraphs.
constexpr std::string_view kNews =
    "Negotiators met again on Tuesday in the border town, the third round in as many weeks.\n\n"
    "\xE2\x80\x9CWe are ready to accept a ceasefire,\xE2\x80\x9D the foreign minister said, "
    "\xE2\x80\x9C" "but only if the hostages are released first.\xE2\x80\x9D\n\n"
    "Rebel commanders rejected the proposal. A spokesman told reporters that any truce would be "
    "\xE2\x80\x9C" "a trap\xE2\x80\x9D and said the group would not withdraw from the buffer zone.\n\n"
    "According to one senior official, the talks on a prisoner exchange have stalled. "
    "\xE2\x80\x98Nobody wants to blink first,\xE2\x80\x99 he said.\n\n"
    "\"The humanitarian corridor must open now,\" said Maria Okafor of the aid group. "
    "Officials believe the pause will hold until Friday.\n\n";

std::string make_text(std::string_view family, std::size_t size) {
  if (family == "news") return fill(kNews, size);
  if (family == "curly_marks") return fill("\xE2\x80\x9C", size);
  if (family == "straight_marks") return fill("\" ", size);
  if (family == "unclosed_openers") return fill("\xE2\x80\x9C" "a ", size);
  if (family == "nested_marks") {
    std::string half = fill("\xE2\x80\x9C\xE2\x80\x98", size / 2);
    return half + "x" + fill("\xE2\x80\x99\xE2\x80\x9D", size / 2);
  }
  if (family == "interrupted") return fill("\xE2\x80\x9C" "a,\xE2\x80\x9D he said, ", size);
  if (family == "reopened_paragraphs") return fill("\xE2\x80\x9C" "a\n\n", size);
  if (family == "no_spaces") return fill("Minister,\xE2\x80\x9Cpeace.\xE2\x80\x9Dsaid-the-envoy;xxxxxxxx", size);
  if (family == "long_word") return "\xE2\x80\x9C" + std::string(size, 'w') + ",\xE2\x80\x9D he said.";
  if (family == "cr_lines") return fill("\xE2\x80\x9C" "A truce,\xE2\x80\x9D he said.\r", size);
  if (family == "long_quotation") {
    return "\xE2\x80\x9C" + fill("It is so. We said it. ", size) + "\xE2\x80\x9D he said.";
  }
  if (family == "stance_words") {
    return "\xE2\x80\x9C" + fill("We reject the ceasefire unless hostages are freed, and back a truce; ", size) +
           "\xE2\x80\x9D he said.";
  }
  if (family == "one_speaker") return fill("\xE2\x80\x9CNo truce,\xE2\x80\x9D said the minister. ", size);
  if (family == "many_speakers") {
    // A different name each time: "Abc Bcd", "Abd Bce", ...
    std::string out;
    for (std::uint32_t i = 0; out.size() < size; ++i) {
      std::string first = "A";
      std::string last = "B";
      for (std::uint32_t k = i; k > 0 || first.size() < 3; k /= 26) {
        first += static_cast<char>('a' + k % 26);
        last += static_cast<char>('a' + (k * 7 + 3) % 26);
      }
      out += "\xE2\x80\x9CNo truce,\xE2\x80\x9D said " + first + " " + last + ". ";
    }
    out.resize(size);
    return out;
  }
  if (family == "random_bytes") {
    std::mt19937 random(42);
    std::string out(size, '\0');
    for (char& c : out) c = static_cast<char>(random() & 0xFFU);
    return out;
  }
  std::fprintf(stderr, "unknown family %.*s\n", static_cast<int>(family.size()), family.data());
  std::abort();
}

constexpr const char* kFamilies[] = {
    "news",      "curly_marks", "straight_marks", "unclosed_openers", "nested_marks",  "interrupted",
    "reopened_paragraphs", "no_spaces", "long_word", "cr_lines", "random_bytes", "long_quotation",
    "stance_words", "one_speaker", "many_speakers"};

void run_family(benchmark::State& state, const char* family) {
  const std::string text = make_text(family, static_cast<std::size_t>(state.range(0)));
  std::size_t quotes = 0;
  for (auto _ : state) {
    const sayso::analysis a = shared_pipeline().analyze(text);
    std::string json = sayso::to_json("bench", text, a);
    benchmark::DoNotOptimize(json);
    quotes = a.quotes.size();
  }
  state.SetComplexityN(static_cast<benchmark::IterationCount>(text.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["quotes"] = static_cast<double>(quotes);
}

// Remembers each run's time per byte, by family, for --check.
class recording_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.complexity_n <= 0 || run.error_occurred) continue;
      const std::string name = run.benchmark_name();
      const std::string family = name.substr(0, name.find('/'));
      per_byte_[family].emplace_back(run.complexity_n, run.GetAdjustedRealTime() / static_cast<double>(run.complexity_n));
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Families whose time per byte grows more than `limit` times from the smallest size to the
  // largest.
  [[nodiscard]] bool check(double limit) const {
    bool ok = true;
    for (const auto& [family, points] : per_byte_) {
      if (points.size() < 2) continue;
      auto smallest = points.front();
      auto largest = points.front();
      for (const auto& p : points) {
        if (p.first < smallest.first) smallest = p;
        if (p.first > largest.first) largest = p;
      }
      const double growth = largest.second / smallest.second;
      std::printf("%-32s time per byte x%.2f from %lld to %lld bytes%s\n", family.c_str(), growth,
                  static_cast<long long>(smallest.first), static_cast<long long>(largest.first),
                  growth > limit ? "  NOT LINEAR" : "");
      ok = ok && growth <= limit;
    }
    return ok;
  }

 private:
  std::map<std::string, std::vector<std::pair<std::int64_t, double>>> per_byte_;
};

std::int64_t parse_size(std::string_view s) {
  std::int64_t multiplier = 1;
  if (!s.empty() && (s.back() == 'K' || s.back() == 'M')) {
    multiplier = s.back() == 'K' ? 1024 : 1024 * 1024;
    s.remove_suffix(1);
  }
  return std::strtoll(std::string(s).c_str(), nullptr, 10) * multiplier;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t min_size = 64 << 10;
  std::int64_t max_size = 4 << 20;
  bool check = false;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--quick") {
      min_size = 1 << 10;
      max_size = 4 << 10;
    } else if (arg.starts_with("--max-size=")) {
      max_size = parse_size(arg.substr(11));
    } else if (arg == "--check") {
      check = true;
    } else {
      args.push_back(argv[i]);
    }
  }
  for (const char* family : kFamilies) {
    benchmark::RegisterBenchmark(family, run_family, family)
        ->RangeMultiplier(4)
        ->Range(min_size, max_size)
        ->Unit(benchmark::kMillisecond)
        ->Complexity(benchmark::oN);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;
  recording_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (check) {
    std::printf("\nLinearity (time per byte, largest size / smallest size; limit 3):\n");
    if (!reporter.check(3.0)) return 1;
  }
  return 0;
}
