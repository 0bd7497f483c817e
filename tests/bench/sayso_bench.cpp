// sayso_bench: speed and memory of the sayso pipeline (issue 6).
//
//   sayso_bench [OPTIONS] [CORPUS]
//
// CORPUS is a plain-text file (one document) or a JSON Lines file ({"id", "text"} per line,
// FORMAT.md); without one, a synthetic news-like corpus is generated (quotes, attributions,
// names, ceasefire terms). The benchmark reports, on that corpus:
//   - MB/s and words/s of each stage (timed on the very code path pipeline::analyze takes,
//     through the internal stage observer of lib/pipeline/state.hpp), of the whole pipeline
//     (analyze + to_json) on one thread and on several, and of ICU word segmentation alone over
//     the same text in the same run, with the ratio pipeline / ICU;
//   - linearity: time(8N) / time(N) for one document of N and of 8N bytes;
//   - tiny documents: one sentence each, documents per second;
//   - peak memory per input byte for one large document (in a fresh child process);
//   - start-up: `sayso extract` on an empty file and on one document, in fresh processes, against
//     `sayso --version` (the process alone);
//   - the CLI (`sayso extract`, found next to this program or given with --cli): --threads 1
//     against --threads N on the corpus (same output, speed-up), and a synthetic JSON Lines
//     stream of --stream-mb MB written to /tmp (max RSS and MB/s; the file is removed after).
//
// Timings are medians of --repeat runs. Each figure is given in wall-clock time and in CPU time
// (the CPU time of the measuring thread, or of the process for several threads): on a machine
// shared with other work, CPU time is the steadier of the two. MB is 10^6 bytes; words are the
// word and number tokens of sayso::document (ICU word boundaries).
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <sayso/sayso.hpp>

#ifndef SAYSO_BENCH_NO_STAGES
#include "pipeline/state.hpp"
#include "text/lexicon.hpp"
#endif

extern char** environ;

namespace {

// ---- options -------------------------------------------------------------------------------

struct options {
  std::string corpus;          // empty: synthetic
  std::size_t synthetic_bytes = 4'000'000;
  int repeat = 5;
  unsigned threads = 0;        // 0: all cores
  std::size_t long_bytes = 512'000;   // N of the linearity test (8N is the long document)
  std::size_t tiny_docs = 100'000;
  std::size_t large_bytes = 16'000'000;  // memory test
  std::size_t stream_mb = 100;  // CLI stream test; 0 skips it
  std::string cli;              // path to the sayso CLI; empty: next to this program
  bool no_cli = false;
  bool rules_only = true;       // pipeline_options::span_model off (the default); --span-model: on
  sayso::stance_labeller labeller = sayso::stance_labeller::own_words;  // --labels rules|model|own-words
  bool huge_linearity = true;   // also 64N (a 33 MB document with the default N)
  std::string only;             // comma-separated sections to run; empty: all
  // Internal: the memory test's child process.
  bool memory_child = false;
};

sayso::pipeline_options pipeline_options_of(const options& o) {
  sayso::pipeline_options p;
  p.span_model = !o.rules_only;
  p.labeller = o.labeller;
  return p;
}

void usage() {
  std::cout <<
      "usage: sayso_bench [OPTIONS] [CORPUS]\n"
      "  CORPUS               plain text (one document) or JSON Lines {\"id\",\"text\"}; default: synthetic\n"
      "  --synthetic-mb X     size of the synthetic corpus (default 4)\n"
      "  --repeat N           runs per measurement, the median is reported (default 5)\n"
      "  --threads N          threads of the multi-threaded runs (default: all cores)\n"
      "  --long-kb N          N of the linearity test, one document of N and of 8N KB (default 512)\n"
      "  --tiny N             number of one-sentence documents (default 100000)\n"
      "  --large-mb X         size of the one large document of the memory test (default 16)\n"
      "  --stream-mb N        size of the JSON Lines stream given to the CLI (default 100; 0: skip)\n"
      "  --cli PATH           the sayso CLI (default: the sayso next to this program)\n"
      "  --no-cli             skip the CLI tests\n"
      "  --rules-only         time the pipeline without the span model (the default)\n"
      "  --span-model         time the pipeline with the span model (pipeline_options::span_model)\n"
"  --labels L           stance labels by own-words (the default), rules or model\n"
      "  --no-64n             linearity: skip the third document (64N bytes)\n"
      "  --only LIST          run only these sections: stages,threads,linearity,tiny,memory,startup,cli\n"
      "  --quick              tiny sizes, one run: a smoke test (about a second)\n";
}

// ---- time ------------------------------------------------------------------------------------

double wall_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpu_now(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct sample {
  double wall = 0;  // seconds
  double cpu = 0;   // seconds
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Runs `f` `repeat` times; the median wall and CPU times. `process` measures the CPU time of
// the whole process (for multi-threaded runs), else that of the calling thread.
template <class F>
sample measure(int repeat, bool process, F&& f) {
  const clockid_t clock = process ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID;
  std::vector<double> walls;
  std::vector<double> cpus;
  for (int r = 0; r < repeat; ++r) {
    const double w0 = wall_now();
    const double c0 = cpu_now(clock);
    f();
    cpus.push_back(cpu_now(clock) - c0);
    walls.push_back(wall_now() - w0);
  }
  return {median(walls), median(cpus)};
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  if (!(in >> a >> b >> c)) return "unknown";
  return a + " " + b + " " + c;
}

// ---- corpus ----------------------------------------------------------------------------------

struct corpus {
  std::string name;
  std::vector<std::string> ids;
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  std::size_t words = 0;
};

class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <std::size_t N>
  std::string_view pick(const std::array<std::string_view, N>& a) {
    return a[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 24> kFirst = {
    "Anna", "Mark", "Olena", "José", "Fatima", "Dmitri", "Sarah", "Ahmed", "Li", "Maria", "John", "Yusuf",
    "Ingrid", "Pavel", "Amira", "Thomas", "Elena", "Kofi", "Hannah", "Omar", "Chloé", "Sergei", "Leila", "David"};
constexpr std::array<std::string_view, 24> kLast = {
    "Berg", "Lopez", "Kovalenko", "Núñez", "Haddad", "Petrov", "Collins", "Mansour", "Wei", "Rossi", "Miller", "Demir",
    "Larsen", "Novak", "Saleh", "Weber", "Ivanova", "Mensah", "Schmidt", "Farouk", "Dubois", "Orlov", "Nasser", "Cohen"};
constexpr std::array<std::string_view, 10> kTitles = {
    "President", "Foreign Minister", "Prime Minister", "Defence Minister", "Gen.", "Sen.", "Ambassador",
    "Mr.", "Ms.", "Dr."};
constexpr std::array<std::string_view, 8> kRoles = {
    "a spokeswoman for", "a spokesman for", "the chief negotiator of", "a senior adviser to",
    "the head of", "a member of", "the envoy of", "an official at"};
constexpr std::array<std::string_view, 12> kOrgs = {
    "the United Nations", "the European Union", "the foreign ministry", "the army", "NATO", "the Red Cross",
    "the government", "the opposition", "the State Department", "the Kremlin", "the African Union", "Hamas"};
constexpr std::array<std::string_view, 12> kPlaces = {
    "Geneva", "Doha", "Cairo", "Kyiv", "Moscow", "Istanbul", "Brussels", "Washington", "Gaza", "Vienna",
    "Ankara", "Addis Ababa"};
constexpr std::array<std::string_view, 8> kTerms = {
    "ceasefire", "truce", "peace talks", "prisoner exchange", "humanitarian pause", "negotiations",
    "withdrawal of troops", "freeze of the front line"};
constexpr std::array<std::string_view, 7> kDays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 6> kConditions = {
    "the hostages are released", "the shelling stops", "all troops have left",
    "the guarantees are in writing", "the corridors are open", "the monitors are in place"};
constexpr std::array<std::string_view, 8> kNeutral = {
    "The situation on the ground remains very difficult", "We are studying the proposal carefully",
    "Nobody wants this war to go on", "Our people have suffered enough",
    "We will continue to talk to all sides", "The next days will be decisive",
    "This is not the time for speeches", "We have heard many promises before"};

class generator {
 public:
  explicit generator(std::uint64_t seed) : r_(seed) {}

  std::string person() {
    std::string s;
    if (r_.below(3) == 0) {
      s += r_.pick(kTitles);
      s += ' ';
    }
    s += r_.pick(kFirst);
    s += ' ';
    s += r_.pick(kLast);
    return s;
  }

  // What a speaker says: a position on a term, or nothing in particular.
  std::string statement() {
    const std::string term(r_.pick(kTerms));
    switch (r_.below(8)) {
      case 0: return "We support a " + term + " and we want it now";
      case 1: return "There will be no " + term + " while our cities are shelled";
      case 2: return "We will only agree to a " + term + " if " + std::string(r_.pick(kConditions));
      case 3: return "We reject any " + term + " that rewards the aggressor";
      case 4: return "A " + term + " is the only way to save lives";
      case 5: return "We call for an immediate " + term + " and for the release of the prisoners";
      default: return std::string(r_.pick(kNeutral));
    }
  }

  std::string sentence() {
    const std::string who = person();
    const std::string said = statement();
    std::string s;
    switch (r_.below(11)) {
      case 0: s = "\u201C" + said + ",\u201D " + who + " said."; break;
      case 1:
        s = "\u201C" + said + ",\u201D said " + who + ", " + std::string(r_.pick(kRoles)) + " " +
            std::string(r_.pick(kOrgs)) + ".";
        break;
      case 2:
        s = who + " told reporters in " + std::string(r_.pick(kPlaces)) + " that " + lower_first(said) + ".";
        break;
      case 3: s = "According to " + std::string(r_.pick(kOrgs)) + ", " + lower_first(said) + "."; break;
      case 4: s = "\u201C" + said + ",\u201D " + (r_.below(2) ? "she" : "he") + " added. \u201C" + statement() + ".\u201D"; break;
      case 5: s = upper_first(std::string(r_.pick(kOrgs))) + " said on " + std::string(r_.pick(kDays)) + ": \u201C" + said + ".\u201D"; break;
      case 6:
        s = "Delegations from " + std::string(r_.pick(kOrgs)) + " and " + std::string(r_.pick(kOrgs)) + " met in " +
            std::string(r_.pick(kPlaces)) + " on " + std::string(r_.pick(kDays)) + " to discuss a " +
            std::string(r_.pick(kTerms)) + ".";
        break;
      case 7:
        s = "Fighting continued near " + std::string(r_.pick(kPlaces)) + ", where " + std::to_string(2 + r_.below(40)) +
            " people were killed overnight, officials said.";
        break;
      case 8: s = "\"" + said + ",\" a senior official, who asked not to be named, said."; break;
      case 9:
        s = who + " \u2014 who has led the delegation since March \u2014 said the " + std::string(r_.pick(kTerms)) +
            " was \u201Ca first step\u201D but \u201Cfar from enough\u201D.";
        break;
      default:
        s = "The talks in " + std::string(r_.pick(kPlaces)) + " resumed on " + std::string(r_.pick(kDays)) +
            " after a pause of " + std::to_string(2 + r_.below(9)) + " days, and a new round is planned.";
    }
    return s;
  }

  std::string document(std::size_t paragraphs) {
    std::string d = "Talks on a " + std::string(r_.pick(kTerms)) + " resume in " + std::string(r_.pick(kPlaces));
    for (std::size_t p = 0; p < paragraphs; ++p) {
      d += "\n\n";
      const std::size_t n = 1 + r_.below(3);
      for (std::size_t k = 0; k < n; ++k) {
        if (k > 0) d += ' ';
        d += sentence();
      }
    }
    d += '\n';
    return d;
  }

  std::size_t below(std::size_t n) { return r_.below(n); }

 private:
  static std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] == ' ')) s[0] = static_cast<char>(s[0] + 32);
    return s;
  }
  static std::string upper_first(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
    return s;
  }
  rng r_;
};

corpus synthetic_corpus(std::size_t bytes) {
  corpus c;
  c.name = "synthetic news-like corpus (" + std::to_string(bytes) + " bytes requested)";
  generator g(42);
  while (c.bytes < bytes) {
    std::string d = g.document(6 + g.below(10));
    c.bytes += d.size();
    c.ids.push_back("synthetic-" + std::to_string(c.ids.size() + 1));
    c.texts.push_back(std::move(d));
  }
  return c;
}

bool is_jsonl(const std::string& path, const std::string& head) {
  const auto ends = [&](std::string_view s) {
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".jsonl") || ends(".ndjson")) return true;
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string::npos && head[first] == '{';
}

corpus load_corpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  corpus c;
  c.name = path;
  if (is_jsonl(path, all.substr(0, 256))) {
    std::istringstream lines(all);
    std::string line;
    std::size_t number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
      if (!doc.is_object() || !doc.contains("text") || !doc["text"].is_string()) {
        throw std::runtime_error(path + ":" + std::to_string(number) + ": not a {\"id\", \"text\"} record");
      }
      const auto id = doc.find("id");
      c.ids.push_back(id == doc.end() ? std::to_string(number) : (id->is_string() ? id->get<std::string>() : id->dump()));
      c.texts.push_back(doc["text"].get<std::string>());
      c.bytes += c.texts.back().size();
    }
  } else {
    c.ids.push_back(path);
    c.bytes = all.size();
    c.texts.push_back(std::move(all));
  }
  return c;
}

std::size_t count_words(std::string_view text) {
  const sayso::document doc(text);
  std::size_t n = 0;
  for (const sayso::token& t : doc.tokens()) {
    if (t.kind == sayso::token_kind::word || t.kind == sayso::token_kind::number) ++n;
  }
  return n;
}

// One document of about `bytes` bytes: the corpus's documents, joined by blank lines, in a
// cycle, so that the long document reads like the short one.
std::string one_document(const corpus& c, std::size_t bytes) {
  std::string d;
  d.reserve(bytes + 64 * 1024);
  for (std::size_t i = 0; d.size() < bytes; i = (i + 1) % c.texts.size()) {
    if (!d.empty()) d += "\n\n";
    d += c.texts[i];
  }
  return d;
}

// ---- report ----------------------------------------------------------------------------------

double mb_per_s(std::size_t bytes, double s) { return s > 0 ? static_cast<double>(bytes) / 1e6 / s : 0; }

std::string fixed(double v, int digits) {
  std::array<char, 64> buf{};
  std::snprintf(buf.data(), buf.size(), "%.*f", digits, v);
  return buf.data();
}

std::string padded(std::string s, std::size_t width, bool left = false) {
  if (s.size() >= width) return s;
  const std::string pad(width - s.size(), ' ');
  return left ? s + pad : pad + s;
}

void row(std::string_view what, const sample& t, std::size_t bytes, std::size_t words) {
  std::cout << padded(std::string(what), 44, true) << padded(fixed(t.wall * 1e3, 1), 10)
            << padded(fixed(mb_per_s(bytes, t.wall), 2), 9)
            << padded(fixed(static_cast<double>(words) / 1e6 / t.wall, 3), 10)
            << padded(fixed(t.cpu * 1e3, 1), 10) << padded(fixed(mb_per_s(bytes, t.cpu), 2), 9)
            << padded(fixed(static_cast<double>(words) / 1e6 / t.cpu, 3), 10) << '\n';
}

void header(std::string_view title) {
  std::cout << '\n' << title << '\n'
            << padded("", 44, true) << padded("wall ms", 10) << padded("MB/s", 9) << padded("Mwords/s", 10)
            << padded("cpu ms", 10) << padded("MB/s", 9) << padded("Mwords/s", 10) << '\n';
}

struct verdict {
  std::string target;
  std::string measured;
  bool holds;
};
std::vector<verdict> verdicts;

void judge(std::string target, std::string measured, bool holds) {
  verdicts.push_back({std::move(target), std::move(measured), holds});
}

// ---- measurements ----------------------------------------------------------------------------

#ifndef SAYSO_BENCH_NO_STAGES
struct stage_timer final : sayso::detail::stage_observer {
  std::array<double, sayso::detail::stage_count + 1> wall{};
  std::array<double, sayso::detail::stage_count + 1> cpu{};
  double last_wall = 0;
  double last_cpu = 0;
  void start() {
    last_wall = wall_now();
    last_cpu = cpu_now(CLOCK_THREAD_CPUTIME_ID);
  }
  void lap(std::size_t i) {
    const double w = wall_now();
    const double c = cpu_now(CLOCK_THREAD_CPUTIME_ID);
    wall[i] += w - last_wall;
    cpu[i] += c - last_cpu;
    last_wall = w;
    last_cpu = c;
  }
  void finished(sayso::detail::stage s) override { lap(static_cast<std::size_t>(s)); }
};
#endif

// Analyse and write every document; the bytes written, so that nothing is optimised away.
// (Not inlined, so that profilers can single the passes out: callgrind --toggle-collect.)
[[gnu::noinline]] std::size_t pipeline_pass(const sayso::pipeline& p, const corpus& c, std::size_t first = 0, std::size_t step = 1) {
  std::size_t out = 0;
  for (std::size_t i = first; i < c.texts.size(); i += step) {
    const sayso::analysis a = p.analyze(c.texts[i]);
    out += sayso::to_json(c.ids[i], c.texts[i], a).size();
  }
  return out;
}

[[gnu::noinline]] std::size_t icu_pass(icu::BreakIterator& it, const corpus& c) {
  std::size_t boundaries = 0;
  for (const std::string& text : c.texts) {
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<std::int64_t>(text.size()), &status);
    it.setText(&ut, status);
    for (std::int32_t p = it.first(); p != icu::BreakIterator::DONE; p = it.next()) ++boundaries;
    utext_close(&ut);
  }
  return boundaries;
}

std::atomic<std::size_t> g_sink_bytes{0};  // output bytes, so that nothing is optimised away

// A team of threads that analyse and write a corpus together, kept from one pass to the next (as
// the CLI keeps its workers: their per-thread state stays warm). Each pass reports its wall
// time, the CPU time of all threads, and the largest CPU time of one thread: the time the pass
// would take if every thread had a core of its own (on a machine busy with other work, the
// wall time cannot show that).
class team {
 public:
  team(const sayso::pipeline& p, unsigned threads) : p_(p), cpu_(threads) {
    for (unsigned t = 1; t < threads; ++t) helpers_.emplace_back([this, t] { help(t); });
  }
  team(const team&) = delete;
  team& operator=(const team&) = delete;
  ~team() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    start_.notify_all();
    for (std::thread& t : helpers_) t.join();
  }

  struct result {
    double wall = 0;
    double cpu = 0;       // all threads
    double slowest = 0;   // the busiest thread
    std::size_t bytes = 0;
  };

  result pass(const corpus& c) {
    const double w0 = wall_now();
    {
      const std::lock_guard lock(mutex_);
      corpus_ = &c;
      next_ = 0;
      running_ = static_cast<unsigned>(helpers_.size());
      ++generation_;
    }
    start_.notify_all();
    work(0);
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [this] { return running_ == 0; });
    result r;
    r.wall = wall_now() - w0;
    for (const double t : cpu_) {
      r.cpu += t;
      r.slowest = std::max(r.slowest, t);
    }
    r.bytes = bytes_;
    bytes_ = 0;
    return r;
  }

 private:
  void work(unsigned self) {
    const double c0 = cpu_now(CLOCK_THREAD_CPUTIME_ID);
    std::size_t out = 0;
    const corpus& c = *corpus_;
    for (std::size_t i = next_.fetch_add(1); i < c.texts.size(); i = next_.fetch_add(1)) {
      const sayso::analysis a = p_.analyze(c.texts[i]);
      out += sayso::to_json(c.ids[i], c.texts[i], a).size();
    }
    cpu_[self] = cpu_now(CLOCK_THREAD_CPUTIME_ID) - c0;
    const std::lock_guard lock(mutex_);
    bytes_ += out;
  }
  void help(unsigned self) {
    std::uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        start_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
      }
      work(self);
      const std::lock_guard lock(mutex_);
      if (--running_ == 0) finished_.notify_all();
    }
  }

  const sayso::pipeline& p_;
  std::vector<double> cpu_;
  std::vector<std::thread> helpers_;
  std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable finished_;
  const corpus* corpus_ = nullptr;
  std::atomic<std::size_t> next_{0};
  std::uint64_t generation_ = 0;
  unsigned running_ = 0;
  std::size_t bytes_ = 0;
  bool stop_ = false;
};

// Median of `repeat` passes of a team (after one pass to warm it up).
team::result team_passes(team& t, const corpus& c, int repeat) {
  g_sink_bytes += t.pass(c).bytes;
  std::vector<double> wall, cpu, slowest;
  for (int r = 0; r < repeat; ++r) {
    const team::result x = t.pass(c);
    wall.push_back(x.wall);
    cpu.push_back(x.cpu);
    slowest.push_back(x.slowest);
    g_sink_bytes += x.bytes;
  }
  return {median(wall), median(cpu), median(slowest), 0};
}

volatile std::size_t g_sink = 0;

void bench_stages(const options& o, const sayso::pipeline& p, const corpus& c) {
#ifdef SAYSO_BENCH_NO_STAGES
  std::cout << "\n(stage breakdown unavailable with a shared library)\n";
#else
  const sayso::detail::pipeline_state state(sayso::detail::lexicon::english(), sayso::term_lexicon::ceasefire(),
                                            pipeline_options_of(o));
  static constexpr std::array<std::string_view, sayso::detail::stage_count + 1> kNames = {
      "segmentation (ICU tokens, sentences)", "features (lexicon look-ups)", "quotation pairing", "attribution",
      "entities", "stance (and assembly)", "JSON output (to_json)"};
  std::vector<std::array<double, kNames.size()>> walls(kNames.size());
  std::array<std::vector<double>, kNames.size()> wall_runs;
  std::array<std::vector<double>, kNames.size()> cpu_runs;
  for (int r = 0; r < o.repeat; ++r) {
    stage_timer timer;
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      timer.start();
      const sayso::analysis a = sayso::detail::run(state, c.texts[i], &timer);
      timer.start();
      g_sink = g_sink + sayso::to_json(c.ids[i], c.texts[i], a).size();
      timer.lap(sayso::detail::stage_count);
    }
    for (std::size_t s = 0; s < kNames.size(); ++s) {
      wall_runs[s].push_back(timer.wall[s]);
      cpu_runs[s].push_back(timer.cpu[s]);
    }
  }
  header("Stages, one thread (median of " + std::to_string(o.repeat) + " runs)");
  sample sum;
  for (std::size_t s = 0; s < kNames.size(); ++s) {
    const sample t{median(wall_runs[s]), median(cpu_runs[s])};
    sum.wall += t.wall;
    sum.cpu += t.cpu;
    row(kNames[s], t, c.bytes, c.words);
  }
  row("sum of the stages", sum, c.bytes, c.words);
#endif

  // The whole pipeline and ICU alone, in the same run, interleaved so that both see the same
  // load on a shared machine.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create a word break iterator");
  std::vector<double> pw, pc, iw, ic;
  for (int r = 0; r < o.repeat; ++r) {
    const sample a = measure(1, false, [&] { g_sink = g_sink + pipeline_pass(p, c); });
    const sample b = measure(1, false, [&] { g_sink = g_sink + icu_pass(*it, c); });
    pw.push_back(a.wall);
    pc.push_back(a.cpu);
    iw.push_back(b.wall);
    ic.push_back(b.cpu);
  }
  const sample whole{median(pw), median(pc)};
  const sample icu{median(iw), median(ic)};
  header("Whole pipeline against ICU word segmentation, one thread");
  row("whole pipeline (analyze + to_json)", whole, c.bytes, c.words);
  row("ICU word segmentation alone (next())", icu, c.bytes, c.words);
  const double ratio_wall = icu.wall / whole.wall;
  const double ratio_cpu = icu.cpu / whole.cpu;
  std::cout << "ratio pipeline / ICU throughput: " << fixed(ratio_cpu, 3) << " (CPU time), " << fixed(ratio_wall, 3)
            << " (wall)   target >= 0.35\n";
  judge("whole pipeline, one thread >= 0.35x ICU word segmentation",
        fixed(ratio_cpu, 3) + "x (" + fixed(mb_per_s(c.bytes, whole.cpu), 1) + " MB/s vs ICU " +
            fixed(mb_per_s(c.bytes, icu.cpu), 1) + " MB/s, CPU time)",
        ratio_cpu >= 0.35);
}

void bench_threads(const options& o, const sayso::pipeline& p, const corpus& c) {
  const unsigned n = o.threads;
  std::vector<std::string_view> views(c.texts.begin(), c.texts.end());
  team one_thread(p, 1);
  team n_threads(p, n);
  const team::result one = team_passes(one_thread, c, o.repeat);
  const team::result many = team_passes(n_threads, c, o.repeat);
  g_sink = g_sink + p.analyze_batch(views, n).size();  // warm the pool's threads
  const sample batch1 = measure(o.repeat, true, [&] { g_sink = g_sink + p.analyze_batch(views, 1).size(); });
  const sample batchn = measure(o.repeat, true, [&] { g_sink = g_sink + p.analyze_batch(views, n).size(); });
  header("Threads (median of " + std::to_string(o.repeat) + " runs; CPU time of all threads)");
  row("analyze + to_json, 1 thread", {one.wall, one.cpu}, c.bytes, c.words);
  row("analyze + to_json, " + std::to_string(n) + " threads", {many.wall, many.cpu}, c.bytes, c.words);
  row("analyze_batch, 1 thread", batch1, c.bytes, c.words);
  row("analyze_batch, " + std::to_string(n) + " threads", batchn, c.bytes, c.words);
  const double speedup = one.wall / many.wall;
  const double core_speedup = one.slowest / many.slowest;
  std::cout << "speed-up with " << n << " threads: " << fixed(speedup, 2) << "x (analyze + to_json, wall), "
            << fixed(batch1.wall / batchn.wall, 2) << "x (analyze_batch, wall); " << fixed(core_speedup, 2)
            << "x with a core per thread (CPU time of the busiest thread); CPU time " << fixed(many.cpu / one.cpu, 2)
            << "x that of one thread\n";
  if (n == 2) {
    judge("2 threads >= 1.8x one thread (library, wall)", fixed(speedup, 2) + "x wall, " + fixed(core_speedup, 2) +
              "x with a core per thread", speedup >= 1.8);
  }
}

// One document of N, 8N and 64N bytes: time(8N) / time(N) is the target; the third size shows
// the cost per byte once both documents are far larger than the processor's caches (from about
// 1 MB of text, the tokens and features of a document no longer fit in them: that step, not the
// algorithms, is what the first ratio shows above 8).
void bench_linearity(const options& o, const sayso::pipeline& p, const corpus& c) {
  std::vector<std::string> docs = {one_document(c, o.long_bytes), one_document(c, 8 * o.long_bytes)};
  if (o.huge_linearity) docs.push_back(one_document(c, 64 * o.long_bytes));
  auto run = [&](const std::string& d) {
    const sayso::analysis a = p.analyze(d);
    g_sink = g_sink + sayso::to_json("long", d, a).size();
  };
  run(docs[0]);  // warm the per-thread workspace
  std::vector<sample> t;
  for (const std::string& d : docs) t.push_back(measure(o.repeat, false, [&] { run(d); }));
  header("Linearity: one document of N, 8N" + std::string(docs.size() > 2 ? " and 64N" : "") +
         " bytes, analyze + to_json");
  const char* names[] = {"N", "8N", "64N"};
  for (std::size_t k = 0; k < docs.size(); ++k) {
    row(std::string(names[k]) + " = " + std::to_string(docs[k].size()) + " bytes", t[k], docs[k].size(),
        count_words(docs[k]));
  }
  // Normalised by the actual sizes (documents end at document boundaries).
  const auto ratio = [&](std::size_t a, std::size_t b, bool cpu) {
    const double scale = 8.0 * static_cast<double>(docs[a].size()) / static_cast<double>(docs[b].size());
    return (cpu ? t[b].cpu / t[a].cpu : t[b].wall / t[a].wall) * scale;
  };
  std::cout << "time(8N) / time(N): " << fixed(ratio(0, 1, true), 2) << " (CPU time), " << fixed(ratio(0, 1, false), 2)
            << " (wall)   target <= 8.5\n";
  std::string measured = fixed(ratio(0, 1, true), 2);
  if (docs.size() > 2) {
    std::cout << "time(64N) / time(8N): " << fixed(ratio(1, 2, true), 2) << " (CPU time), "
              << fixed(ratio(1, 2, false), 2) << " (wall)\n";
    measured += " (" + fixed(ratio(1, 2, true), 2) + " from 8N to 64N)";
  }
  judge("time(8N) / time(N) <= 8.5", measured, ratio(0, 1, true) <= 8.5);
}

void bench_tiny(const options& o, const sayso::pipeline& p) {
  corpus tiny;
  generator g(7);
  for (std::size_t i = 0; i < o.tiny_docs; ++i) {
    std::string s;
    switch (g.below(4)) {
      case 0: s = "\u201C" + g.statement() + ",\u201D " + g.person() + " said."; break;
      case 1: s = g.person() + " said the talks would resume on Monday."; break;
      case 2: s = "\"" + g.statement() + ",\" said " + g.person() + "."; break;
      default: s = "The talks resumed in Geneva after a pause of three days."; break;
    }
    tiny.bytes += s.size();
    tiny.ids.push_back(std::to_string(i));
    tiny.texts.push_back(std::move(s));
  }
  team one_thread(p, 1);
  team n_threads(p, o.threads);
  const team::result one = team_passes(one_thread, tiny, o.repeat);
  const team::result many = team_passes(n_threads, tiny, o.repeat);
  const double n = static_cast<double>(tiny.texts.size());
  std::cout << "\nTiny documents: " << tiny.texts.size() << " one-sentence documents ("
            << fixed(static_cast<double>(tiny.bytes) / n, 0) << " bytes on average), analyze + to_json\n"
            << "  1 thread:  " << fixed(n / one.cpu, 0) << " documents/s (CPU time), " << fixed(n / one.wall, 0)
            << " (wall)\n"
            << "  " << o.threads << " threads: " << fixed(n / many.wall, 0) << " documents/s (wall)\n"
            << "  target >= 100000 documents/s on one thread\n";
  judge("tiny documents >= 100,000 documents/s (one thread)", fixed(n / one.cpu, 0) + " documents/s (CPU time)",
        n / one.cpu >= 100000);
}

// ---- child processes -------------------------------------------------------------------------

std::string self_path() {
  std::array<char, 4096> buf{};
  const ssize_t n = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  return n > 0 ? std::string(buf.data(), static_cast<std::size_t>(n)) : std::string();
}

struct child_result {
  int status = -1;
  double wall = 0;
  long max_rss_kb = 0;
  double cpu = 0;   // user + system time of the child, seconds
  std::string out;  // stdout, when captured
};

// Runs argv; stdout goes to `out_file` ("" captures it into child_result::out).
child_result run_child(const std::vector<std::string>& args, const std::string& out_file) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  std::array<int, 2> fds{-1, -1};
  if (out_file.empty()) {
    if (pipe(fds.data()) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  child_result r;
  const double w0 = wall_now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error(args[0] + ": cannot run: " + std::strerror(rc));
  if (out_file.empty()) {
    close(fds[1]);
    std::array<char, 4096> buf{};
    for (ssize_t n = 0; (n = read(fds[0], buf.data(), buf.size())) > 0;) r.out.append(buf.data(), static_cast<std::size_t>(n));
    close(fds[0]);
  }
  rusage ru{};
  int status = 0;
  wait4(pid, &status, 0, &ru);
  r.wall = wall_now() - w0;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.max_rss_kb = ru.ru_maxrss;
  r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
  return r;
}

// The maximum RSS of a command, measured by a fresh copy of this program that runs it: Linux
// gives a spawned child's ru_maxrss at least the RSS of the process that spawned it (exec
// records the old address space's peak), and this benchmark's own peak is large.
child_result run_measured(const std::vector<std::string>& args, const std::string& out_file) {
  std::vector<std::string> wrapper = {self_path(), "--rss-of", out_file};
  wrapper.insert(wrapper.end(), args.begin(), args.end());
  const child_result w = run_child(wrapper, "");
  child_result r;
  std::istringstream in(w.out);
  if (!(in >> r.status >> r.max_rss_kb >> r.cpu >> r.wall)) r.status = -1;
  return r;
}

// The wrapper's side of run_measured: runs argv (stdout to out_file), prints
// "<status> <max RSS KB> <CPU s> <wall s>".
int rss_of(const std::string& out_file, const std::vector<std::string>& args) {
  const child_result r = run_child(args, out_file);
  std::cout << r.status << ' ' << r.max_rss_kb << ' ' << r.cpu << ' ' << r.wall << '\n';
  return 0;
}

long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(field);
  while (std::getline(in, line)) {
    if (line.compare(0, n, field) == 0) return std::strtol(line.c_str() + n + 1, nullptr, 10);
  }
  return -1;
}

// The memory test's child: one document of o.large_bytes, analysed and written once. Prints
// "<bytes> <rss before KB> <peak KB> <ru_maxrss before KB> <ru_maxrss after KB>".
int memory_child(const options& o) {
  std::string doc;
  {
    const corpus c = o.corpus.empty() ? synthetic_corpus(std::min<std::size_t>(o.large_bytes, 4'000'000)) : load_corpus(o.corpus);
    doc = one_document(c, o.large_bytes);
  }
  doc.shrink_to_fit();
  const sayso::pipeline p(pipeline_options_of(o));
  // Warm up: lexicons, ICU data, the per-thread workspace of a small document.
  g_sink = g_sink + sayso::to_json("warm", doc.substr(0, 4096), p.analyze(std::string_view(doc).substr(0, 4096))).size();
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  // Reset the high-water mark to the current RSS (Linux >= 4.0), so that the corpus loaded
  // above does not hide the pipeline's peak.
  {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
  }
  const long rss_before = status_kb("VmRSS:");
  {
    const sayso::analysis a = p.analyze(doc);
    const std::string json = sayso::to_json("large", doc, a);
    g_sink = g_sink + json.size();
  }
  const long peak = status_kb("VmHWM:");
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  std::cout << doc.size() << ' ' << rss_before << ' ' << peak << ' ' << before.ru_maxrss << ' ' << after.ru_maxrss << '\n';
  return 0;
}

void bench_memory(const options& o) {
  std::vector<std::string> args = {self_path(), "--memory-child", "--large-mb",
                                   std::to_string(static_cast<double>(o.large_bytes) / 1e6)};
  args.emplace_back(o.rules_only ? "--rules-only" : "--span-model");
  if (!o.corpus.empty()) args.push_back(o.corpus);
  const child_result r = run_child(args, "");
  std::istringstream in(r.out);
  double bytes = 0;
  double rss_before = 0;
  double peak = 0;
  double ru_before = 0;
  double ru_after = 0;
  if (r.status != 0 || !(in >> bytes >> rss_before >> peak >> ru_before >> ru_after)) {
    std::cout << "\nMemory: the child process failed (status " << r.status << ")\n";
    return;
  }
  const double per_byte = (peak - rss_before) * 1024 / bytes;
  std::cout << "\nMemory: one document of " << fixed(bytes / 1e6, 1) << " MB, analyze + to_json, in a fresh process\n"
            << "  peak RSS above the loaded text: " << fixed((peak - rss_before) / 1024, 1) << " MiB = "
            << fixed(per_byte, 2) << " bytes per input byte (VmHWM)   target <= 20\n";
  judge("peak memory <= 20 bytes per input byte (one large document)", fixed(per_byte, 2) + " bytes/byte",
        per_byte <= 20);
}

std::string find_cli(const options& o) {
  if (o.no_cli) return {};
  if (!o.cli.empty()) return o.cli;
  std::string self = self_path();
  const std::size_t slash = self.rfind('/');
  if (slash == std::string::npos) return {};
  const std::string path = self.substr(0, slash + 1) + "sayso";
  return access(path.c_str(), X_OK) == 0 ? path : std::string();
}

std::string temp_path(const std::string& suffix) {
  std::string tmpl = "/tmp/sayso-bench-XXXXXX" + suffix;
  const int fd = mkstemps(tmpl.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw std::runtime_error("cannot create a file in /tmp");
  close(fd);
  return tmpl;
}

void write_jsonl(const corpus& c, const std::string& path, std::size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  std::size_t written = 0;
  std::size_t n = 0;
  do {
    for (std::size_t i = 0; i < c.texts.size() && (bytes == 0 || written < bytes); ++i) {
      nlohmann::json j;
      j["id"] = bytes == 0 ? c.ids[i] : c.ids[i] + "#" + std::to_string(n);
      j["text"] = c.texts[i];
      const std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
      out << line;
      written += line.size();
    }
    ++n;
  } while (bytes != 0 && written < bytes);
}

bool same_file(const std::string& a, const std::string& b) {
  std::ifstream x(a, std::ios::binary);
  std::ifstream y(b, std::ios::binary);
  return std::equal(std::istreambuf_iterator<char>(x), std::istreambuf_iterator<char>(),
                    std::istreambuf_iterator<char>(y), std::istreambuf_iterator<char>());
}

void bench_cli(const options& o, const corpus& c) {
  const std::string cli = find_cli(o);
  if (cli.empty()) {
    std::cout << "\nCLI: not found (build it, or give --cli PATH); skipped\n";
    return;
  }
  // --threads 1 against --threads N on the corpus: same output, speed-up.
  const std::string input = temp_path(".jsonl");
  write_jsonl(c, input, 0);
  const std::string out1 = temp_path(".out1");
  const std::string outn = temp_path(".outn");
  const std::string n = std::to_string(o.threads);
  std::vector<double> w1, wn, c1, cn;
  bool same = true;
  for (int r = 0; r < o.repeat; ++r) {
    const child_result a = run_child({cli, "extract", "--threads", "1", input}, out1);
    const child_result b = run_child({cli, "extract", "--threads", n, input}, outn);
    w1.push_back(a.wall);
    wn.push_back(b.wall);
    c1.push_back(a.cpu);
    cn.push_back(b.cpu);
    same = same && a.status == 0 && b.status == 0 && same_file(out1, outn);
  }
  const double t1 = median(w1);
  const double tn = median(wn);
  const double cpu1 = median(c1);
  const double cpun = median(cn);
  std::cout << "\nCLI (" << cli << ") on the corpus as JSON Lines, wall time with start-up (median of " << o.repeat
            << ")\n"
            << "  --threads 1: " << fixed(t1 * 1e3, 0) << " ms, " << fixed(mb_per_s(c.bytes, t1), 2) << " MB/s, CPU "
            << fixed(cpu1 * 1e3, 0) << " ms\n"
            << "  --threads " << n << ": " << fixed(tn * 1e3, 0) << " ms, " << fixed(mb_per_s(c.bytes, tn), 2)
            << " MB/s, CPU " << fixed(cpun * 1e3, 0) << " ms (" << fixed(cpun / tn, 2) << " cores busy), speed-up "
            << fixed(t1 / tn, 2) << "x; output identical to --threads 1: " << (same ? "yes" : "NO") << '\n';
  judge("CLI output identical for --threads 1 and " + n, same ? "identical" : "DIFFERENT", same);
  if (o.threads == 2) judge("CLI --threads 2 >= 1.8x --threads 1 (wall)", fixed(t1 / tn, 2) + "x", t1 / tn >= 1.8);
  std::remove(input.c_str());
  std::remove(out1.c_str());
  std::remove(outn.c_str());

  if (o.stream_mb == 0) return;
  // A long JSON Lines stream: constant memory.
  const std::string stream = temp_path(".jsonl");
  write_jsonl(c, stream, o.stream_mb * 1'000'000);
  struct stat st{};
  stat(stream.c_str(), &st);
  const auto bytes = static_cast<std::size_t>(st.st_size);
  const child_result s = run_measured({cli, "extract", stream}, "/dev/null");
  std::remove(stream.c_str());
  const double rss_mb = static_cast<double>(s.max_rss_kb) / 1024;
  std::cout << "  a " << fixed(static_cast<double>(bytes) / 1e6, 1) << " MB JSON Lines stream (all cores): "
            << fixed(s.wall, 1) << " s, " << fixed(mb_per_s(bytes, s.wall), 2) << " MB/s (CPU " << fixed(s.cpu, 1)
            << " s, " << fixed(s.cpu / s.wall, 2) << " cores busy), max RSS "
            << fixed(rss_mb, 1) << " MiB" << (s.status == 0 ? "" : " (exit status " + std::to_string(s.status) + ")")
            << "   target <= 200 MB for 100 MB\n";
  if (o.stream_mb >= 100) {
    judge("CLI, " + std::to_string(o.stream_mb) + " MB JSON Lines stream in <= 200 MB RSS",
          fixed(rss_mb, 1) + " MiB max RSS", rss_mb * 1.048576 <= 200);
  }
}

// Start-up: the CLI on an empty file (making a pipeline, reading the lexicons, writing nothing)
// against the process alone (`sayso --version`), and on the corpus's first document (the
// expressions a document needs are compiled when it first needs them). Medians of several runs
// of fresh processes.
void bench_startup(const options& o, const corpus& c) {
  const std::string cli = find_cli(o);
  if (cli.empty()) {
    std::cout << "\nStart-up: the CLI was not found (build it, or give --cli PATH); skipped\n";
    return;
  }
  const std::string empty = temp_path(".txt");
  const std::string one = temp_path(".jsonl");
  corpus first;
  first.ids.push_back(c.ids.front());
  first.texts.push_back(c.texts.front());
  write_jsonl(first, one, 0);
  const int runs = std::max(2 * o.repeat + 1, 3);
  const auto measure_cli = [&](const std::vector<std::string>& args) {
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int r = 0; r < runs; ++r) {
      const child_result x = run_child(args, "/dev/null");
      wall.push_back(x.wall);
      cpu.push_back(x.cpu);
    }
    return sample{median(wall), median(cpu)};
  };
  const sample floor = measure_cli({cli, "--version"});
  const sample start = measure_cli({cli, "extract", empty});
  const sample first_doc = measure_cli({cli, "extract", "--threads", "1", one});
  std::remove(empty.c_str());
  std::remove(one.c_str());
  const auto ms = [](const sample& x) { return fixed(x.wall * 1e3, 1) + " ms wall, " + fixed(x.cpu * 1e3, 1) + " ms CPU"; };
  std::cout << "\nStart-up (fresh processes, median of " << runs << ")\n"
            << "  sayso --version (the process alone):       " << ms(floor) << '\n'
            << "  sayso extract, an empty file:               " << ms(start) << '\n'
            << "  sayso extract, the corpus's first document: " << ms(first_doc) << " ("
            << c.texts.front().size() << " bytes)\n"
            << "start-up: " << fixed((start.wall - floor.wall) * 1e3, 1) << " ms wall above the bare process\n";
}

bool parse_args(int argc, char** argv, options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      usage();
      return false;
    }
    if (a == "--synthetic-mb") o.synthetic_bytes = static_cast<std::size_t>(std::stod(value()) * 1e6);
    else if (a == "--repeat") o.repeat = std::max(1, std::stoi(value()));
    else if (a == "--threads") o.threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--long-kb") o.long_bytes = static_cast<std::size_t>(std::stod(value()) * 1000);
    else if (a == "--tiny") o.tiny_docs = std::stoul(value());
    else if (a == "--large-mb") o.large_bytes = static_cast<std::size_t>(std::stod(value()) * 1e6);
    else if (a == "--stream-mb") o.stream_mb = std::stoul(value());
    else if (a == "--cli") o.cli = value();
    else if (a == "--no-cli") o.no_cli = true;
    else if (a == "--rules-only") o.rules_only = true;
    else if (a == "--span-model") o.rules_only = false;
    else if (a == "--no-64n") o.huge_linearity = false;
    else if (a == "--labels") {
      const std::string v = value();
      o.labeller = v == "model" ? sayso::stance_labeller::model
                   : v == "own-words" ? sayso::stance_labeller::own_words : sayso::stance_labeller::rules;
    }
    else if (a == "--only") o.only = "," + value() + ",";
    else if (a == "--memory-child") o.memory_child = true;
    else if (a == "--quick") {
      o.synthetic_bytes = 60'000;
      o.repeat = 1;
      o.long_bytes = 16'000;
      o.tiny_docs = 2'000;
      o.large_bytes = 1'000'000;
      o.stream_mb = 1;
      o.huge_linearity = false;
    } else if (!a.empty() && a[0] == '-') {
      throw std::runtime_error("unknown option " + a + " (--help lists them)");
    } else {
      o.corpus = a;
    }
  }
  if (o.threads == 0) o.threads = std::max(1U, std::thread::hardware_concurrency());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    options o;
    if (argc > 3 && std::string_view(argv[1]) == "--rss-of") {  // internal: run_measured's wrapper
      return rss_of(argv[2], std::vector<std::string>(argv + 3, argv + argc));
    }
    if (!parse_args(argc, argv, o)) return 0;
    if (o.memory_child) return memory_child(o);

    const double start = wall_now();
    std::cout << "sayso_bench " << sayso::version() << ": " << std::thread::hardware_concurrency()
              << " hardware threads, load average " << load_average() << " (1, 5, 15 min) at the start\n";
    corpus c = o.corpus.empty() ? synthetic_corpus(o.synthetic_bytes) : load_corpus(o.corpus);
    for (const std::string& t : c.texts) c.words += count_words(t);
    std::cout << "corpus: " << c.name << ": " << c.texts.size() << " documents, " << fixed(static_cast<double>(c.bytes) / 1e6, 2)
              << " MB, " << c.words << " words" << (o.rules_only ? ", rules only (no span model)" : "") << "\n";
    const sayso::pipeline p(pipeline_options_of(o));
    g_sink = g_sink + pipeline_pass(p, c, 0, std::max<std::size_t>(1, c.texts.size() / 16));  // warm up

    const auto wanted = [&o](std::string_view section) {
      return o.only.empty() || o.only.find("," + std::string(section) + ",") != std::string::npos;
    };
    if (wanted("stages")) bench_stages(o, p, c);
    if (wanted("threads")) bench_threads(o, p, c);
    if (wanted("linearity")) bench_linearity(o, p, c);
    if (wanted("tiny")) bench_tiny(o, p);
    if (wanted("memory")) bench_memory(o);
    if (wanted("startup")) bench_startup(o, c);
    if (wanted("cli")) bench_cli(o, c);

    std::cout << "\nTargets (issue 6)\n";
    for (const verdict& v : verdicts) {
      std::cout << "  [" << (v.holds ? "holds" : "MISSED") << "] " << v.target << ": " << v.measured << '\n';
    }
    std::cout << "load average " << load_average() << " at the end; " << fixed(wall_now() - start, 1) << " s in all\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sayso_bench: " << e.what() << '\n';
    return 2;
  }
}
