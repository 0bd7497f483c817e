// The sayso command-line tool.
//
//   sayso extract [FILE...]   quotes, speakers and stances as JSON Lines (FORMAT.md)
//   sayso terms               the active term lexicon
//   sayso report [FILE...] -o report.html
//                             one self-contained HTML page: quotes by speaker, who stands where
//   sayso version
//
// Exit status: 0 when every document was processed; 1 when some input could not be read or a
// record was malformed (each reported on stderr with its file and line, and as an error record
// in the output; the other documents are still processed); 2 for a usage or configuration
// error (unknown option, bad term lexicon); 3 when the output cannot be written (for example a
// closed pipe).
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include <sayso/sayso.hpp>

#include "io/jsonl.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitOutput = 3;

enum class input_format { automatic, text, jsonl };
enum class output_format { jsonl, json, table };

struct settings {
  std::vector<std::string> files;
  std::string offsets = "codepoint";
  std::string format = "jsonl";
  std::string input = "auto";
  std::string terms;
  unsigned threads = 0;
  bool no_beliefs = false;
  bool rules_only = false;  // the default; --span-model turns the model on
  bool span_model = false;
  bool no_text = false;
  std::string labels = "own-words";  // how stance labels are decided: own-words, rules or model
};

// One unit of work: a document to analyse, or an input error to report in order.
using job = sayso::detail::input_record;

class output_sink {
 public:
  explicit output_sink(output_format format) : format_(format) {}

  bool write(const std::string& s) {
    if (failed_) return false;
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
      failed_ = true;
      error_ = errno;
    }
    return !failed_;
  }
  void record(const std::string& json) {
    if (format_ == output_format::json) {
      write(first_ ? "[\n" : ",\n");
      first_ = false;
      write(json);
    } else {
      write(json);
      write("\n");
    }
  }
  bool finish() {
    if (format_ == output_format::json) write(first_ ? "[]\n" : "\n]\n");
    if (!failed_ && std::fflush(stdout) != 0) {
      failed_ = true;
      error_ = errno;
    }
    return !failed_;
  }
  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] int error_number() const { return error_; }
  [[nodiscard]] output_format format() const { return format_; }

 private:
  output_format format_;
  bool first_ = true;
  std::atomic<bool> failed_{false};  // also read by the reading thread while a worker writes
  int error_ = 0;
};

// Analyses and writes the documents it is given, in input order.
//
// With one thread, each document is read, analysed and written in turn. With N threads, the
// reading thread hands documents to N workers, which parse their JSON line, analyse them and
// render their record, and a worker that finishes the oldest document in flight writes every
// finished record from there on, in order; reading, analysis and writing thus overlap, and no
// batch boundary leaves a thread idle. At most 64 documents per thread or 32 MiB of input are in
// flight (beyond that the reader waits), so memory stays constant however long the stream is.
class extractor {
 public:
  static constexpr bool parses_jsonl = true;  // takes raw JSON lines (job::raw) and parses them

  extractor(const sayso::pipeline& p, const settings& s, output_sink& sink, sayso::offset_unit unit)
      : pipeline_(p), sink_(sink) {
    threads_ = s.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : s.threads;
    options_.offsets = unit;
    options_.include_text = !s.no_text;
    max_in_flight_ = 64 * std::size_t{threads_};
    if (threads_ > 1) {
      workers_.reserve(threads_);
      for (unsigned t = 0; t < threads_; ++t) workers_.emplace_back([this] { work(); });
    }
  }
  extractor(const extractor&) = delete;
  extractor& operator=(const extractor&) = delete;
  ~extractor() {
    {
      const std::lock_guard lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  void add(job j) {
    if (threads_ <= 1) {
      slot s(std::move(j));
      process(s);
      write(s);
      return;
    }
    std::unique_lock lock(mutex_);
    space_ready_.wait(lock, [this] {
      return in_flight_.empty() || (in_flight_.size() < max_in_flight_ && in_flight_bytes_ < kMaxInFlightBytes);
    });
    const std::size_t bytes = j.text.size();
    in_flight_bytes_ += bytes;
    in_flight_.emplace_back(std::move(j), bytes);
    lock.unlock();
    work_ready_.notify_one();
  }

  // Waits until every document added has been written; rethrows what a worker could not handle.
  void flush() {
    if (threads_ <= 1) return;
    std::unique_lock lock(mutex_);
    // Empty is not enough: the writer takes documents out before writing them, without the lock.
    space_ready_.wait(lock, [this] { return in_flight_.empty() && !writing_; });
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
  }

  [[nodiscard]] std::size_t errors() const { return errors_; }
  // True once the output is gone (or a worker failed): reading more input would be wasted work.
  [[nodiscard]] bool stopped() const { return sink_.failed() || aborted_; }

 private:
  static constexpr std::size_t kMaxInFlightBytes = std::size_t{32} << 20;

  struct slot {
    explicit slot(job jb, std::size_t b = 0) : j(std::move(jb)), bytes(b) {}
    job j;
    std::string rendered;
    std::size_t bytes = 0;  // of the text (or line) when added
    bool done = false;
    bool failed = false;  // process() threw something else than sayso::error
  };

  // Parses, analyses and renders one document (or its error record); on any thread.
  void process(slot& s) const {
    job& j = s.j;
    if (j.raw) {
      const std::string line = std::exchange(j.text, std::string());
      j.raw = false;
      sayso::detail::parse_jsonl_line(line, j);
    }
    if (!j.error) {
      try {
        const sayso::analysis a = pipeline_.analyze(j.text);
        s.rendered = sink_.format() == output_format::table ? sayso::to_table(j.id, j.text, a)
                                                            : sayso::to_json(j.id, j.text, a, options_);
      } catch (const sayso::error& e) {
        j.error = e.what();
      }
    }
    if (j.error && sink_.format() != output_format::table) {
      s.rendered = sayso::detail::error_record(j.id, j.source, *j.error);
    }
    j.text = std::string();  // not needed any more: free it while the record waits its turn
  }

  // Writes one processed document: its record, or its error (also on stderr). One thread at a
  // time, in input order.
  void write(const slot& s) {
    if (sink_.failed() || aborted_) return;
    if (s.failed) {
      aborted_ = true;  // flush() rethrows the failure; nothing after it is written
      return;
    }
    const job& j = s.j;
    if (j.error) {
      ++errors_;
      std::cerr << "sayso: " << j.source << ": " << *j.error << '\n';
      if (sink_.format() != output_format::table) sink_.record(s.rendered);
    } else if (sink_.format() == output_format::table) {
      sink_.write(s.rendered);
    } else {
      sink_.record(s.rendered);
    }
  }

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return closing_ || next_ < in_flight_.size(); });
      if (next_ >= in_flight_.size()) return;  // closing, and nothing left
      // A std::deque keeps references to its elements while others come and go at its ends.
      slot& s = in_flight_[next_++];
      lock.unlock();
      bool failed = false;
      try {
        process(s);
      } catch (...) {
        failed = true;
        const std::lock_guard guard(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      lock.lock();
      s.done = true;
      s.failed = failed;
      if (writing_) continue;  // the thread writing will come to it
      // Become the writer: write the finished documents at the front, in order, without holding
      // the lock while writing.
      writing_ = true;
      while (!in_flight_.empty() && in_flight_.front().done) {
        std::vector<slot> ready;
        while (!in_flight_.empty() && in_flight_.front().done) {
          in_flight_bytes_ -= in_flight_.front().bytes;
          ready.push_back(std::move(in_flight_.front()));
          in_flight_.pop_front();
          --next_;
        }
        lock.unlock();
        for (const slot& r : ready) write(r);
        lock.lock();
        space_ready_.notify_all();
      }
      writing_ = false;
      space_ready_.notify_all();  // flush() waits for the writer to be done
    }
  }

  const sayso::pipeline& pipeline_;
  output_sink& sink_;
  sayso::output_options options_;
  unsigned threads_ = 1;
  std::size_t max_in_flight_ = 64;
  std::size_t errors_ = 0;  // by the writing thread only
  std::atomic<bool> aborted_{false};

  std::mutex mutex_;  // guards what follows
  std::condition_variable work_ready_;
  std::condition_variable space_ready_;
  std::deque<slot> in_flight_;  // added and not yet written, in input order
  std::size_t next_ = 0;        // index in in_flight_ of the next document to process
  std::size_t in_flight_bytes_ = 0;
  bool writing_ = false;
  bool closing_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
};

bool looks_like_jsonl(const std::string& name) {
  const auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".jsonl") || ends(".ndjson") || ends(".jsonl.txt");
}

template <class Sink>
void read_input(const std::string& file, input_format format, Sink& ex) {
  const bool is_stdin = file == "-";
  const std::string name = is_stdin ? "<stdin>" : file;
  std::ifstream stream;
  std::istream* in = &std::cin;
  if (!is_stdin) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
      ex.add({"", "", name, "is a directory, not a file"});
      return;
    }
    // A text file too large to analyse is refused before it is read.
    const bool text_file =
        format == input_format::text || (format == input_format::automatic && !looks_like_jsonl(file));
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec && text_file && size > sayso::max_input_bytes) {
      try {
        sayso::check_input_size(static_cast<std::size_t>(size));
      } catch (const sayso::error& e) {
        ex.add({"", "", name, e.what()});
        return;
      }
    }
    stream.open(file, std::ios::binary);
    if (!stream) {
      ex.add({"", "", name, std::string("cannot open: ") + std::strerror(errno)});
      return;
    }
    in = &stream;
  }
  bool jsonl = format == input_format::jsonl;
  if (format == input_format::automatic) {
    if (is_stdin) {
      // Sniff: JSON Lines start with '{'.
      int c = in->peek();
      while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        in->get();
        c = in->peek();
      }
      jsonl = c == '{';
    } else {
      jsonl = looks_like_jsonl(file);
    }
  }
  if (jsonl) {
    // The extractor parses lines where it analyses them (on its worker threads).
    sayso::detail::read_jsonl(
        *in, name,
        [&ex](job&& j) {
          ex.add(std::move(j));
          return !ex.stopped();
        },
        !Sink::parses_jsonl);
    return;
  }
  std::string text;
  {
    std::array<char, std::size_t{1} << 16> buffer{};
    while (in->read(buffer.data(), buffer.size()) || in->gcount() > 0) {
      text.append(buffer.data(), static_cast<std::size_t>(in->gcount()));
    }
  }
  if (in->bad()) {
    ex.add({"", "", name, std::string("read error: ") + std::strerror(errno)});
    return;
  }
  if (text.empty()) {
    // An empty file is an empty document, not an error: it gives a record with no quotes.
  }
  ex.add({is_stdin ? "stdin" : file, std::move(text), name, std::nullopt});
}

std::optional<sayso::offset_unit> parse_unit(const std::string& s) {
  if (s == "codepoint" || s == "code_point" || s == "codepoints") return sayso::offset_unit::code_point;
  if (s == "utf8" || s == "byte" || s == "bytes") return sayso::offset_unit::utf8;
  if (s == "utf16") return sayso::offset_unit::utf16;
  return std::nullopt;
}

sayso::pipeline make_pipeline(const settings& s) {
  sayso::pipeline_options options;
  if (!s.terms.empty()) options.terms = sayso::term_lexicon::from_file(s.terms);
  options.beliefs = !s.no_beliefs;
  options.span_model = s.span_model && !s.rules_only;
  options.labeller = s.labels == "model"       ? sayso::stance_labeller::model
                     : s.labels == "own-words" ? sayso::stance_labeller::own_words
                                               : sayso::stance_labeller::rules;
  return sayso::pipeline(std::move(options));
}

int run_extract(const settings& s) {
  const auto unit = parse_unit(s.offsets);
  output_format fmt = output_format::jsonl;
  if (s.format == "json") fmt = output_format::json;
  else if (s.format == "table") fmt = output_format::table;
  input_format in = input_format::automatic;
  if (s.input == "text") in = input_format::text;
  else if (s.input == "jsonl") in = input_format::jsonl;
  const sayso::pipeline pipeline = make_pipeline(s);
  output_sink sink(fmt);
  extractor ex(pipeline, s, sink, *unit);
  std::vector<std::string> files = s.files;
  if (files.empty()) files.emplace_back("-");
  for (const std::string& f : files) {
    read_input(f, in, ex);
    if (sink.failed()) break;
  }
  ex.flush();
  if (!sink.finish()) {
    std::cerr << "sayso: cannot write output: " << std::strerror(sink.error_number()) << '\n';
    return kExitOutput;
  }
  if (ex.errors() > 0) {
    std::cerr << "sayso: " << ex.errors() << " input error" << (ex.errors() == 1 ? "" : "s")
              << "; the other documents were processed\n";
    return kExitInputErrors;
  }
  return kExitOk;
}

int run_terms(const settings& s) {
  const sayso::pipeline pipeline = make_pipeline(s);
  for (const sayso::term_info& t : pipeline.terms().terms()) {
    std::cout << t.id << '\t' << t.description << '\t' << t.expressions.size() << " expressions\n";
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitOutput;
}

// sayso report: reads documents as extract does, analyses them all, writes one HTML page.
struct report_settings {
  std::string output = "-";
  std::string title = "sayso report";
  std::string template_file;
};

class report_collector {
 public:
  static constexpr bool parses_jsonl = false;  // read_input parses the lines
  void add(job j) { jobs.push_back(std::move(j)); }
  [[nodiscard]] bool stopped() const { return false; }
  std::vector<job> jobs;
};

int run_report(const settings& s, const report_settings& r) {
  input_format in = input_format::automatic;
  if (s.input == "text") in = input_format::text;
  else if (s.input == "jsonl") in = input_format::jsonl;
  sayso::report_options options;
  options.title = r.title;
  if (!r.template_file.empty()) {
    std::ifstream t(r.template_file, std::ios::binary);
    if (!t) throw sayso::error(sayso::errc::io, r.template_file + ": cannot open: " + std::strerror(errno));
    options.template_text.assign(std::istreambuf_iterator<char>(t), std::istreambuf_iterator<char>());
  }
  const sayso::pipeline pipeline = make_pipeline(s);
  options.terms.assign(pipeline.terms().terms().begin(), pipeline.terms().terms().end());
  report_collector inputs;
  std::vector<std::string> files = s.files;
  if (files.empty()) files.emplace_back("-");
  for (const std::string& f : files) read_input(f, in, inputs);

  std::vector<std::string_view> texts;
  for (const job& j : inputs.jobs) {
    if (!j.error) texts.emplace_back(j.text);
  }
  const unsigned threads = s.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : s.threads;
  std::vector<sayso::batch_result> results = pipeline.analyze_batch(texts, threads);
  std::vector<sayso::report_document> documents;
  std::size_t errors = 0;
  std::size_t k = 0;
  for (job& j : inputs.jobs) {
    sayso::report_document d;
    d.id = j.id.empty() ? j.source : j.id;
    if (!j.error) {  // it was analysed: its result is the next one
      sayso::batch_result& result = results[k++];
      if (result) {
        d.result = std::move(result).value();
      } else {
        j.error = result.failure().what();
      }
    }
    if (j.error) {
      ++errors;
      std::cerr << "sayso: " << j.source << ": " << *j.error << '\n';
      d.error = *j.error;
    }
    d.text = std::move(j.text);
    documents.push_back(std::move(d));
  }
  std::string html;
  try {
    html = sayso::render_report(documents, options);
  } catch (const sayso::error& e) {
    std::cerr << "sayso: " << (r.template_file.empty() ? "" : r.template_file + ": ") << e.what() << '\n';
    return kExitUsage;
  }
  bool written = false;
  if (r.output == "-") {
    written = std::fwrite(html.data(), 1, html.size(), stdout) == html.size() && std::fflush(stdout) == 0;
  } else {
    std::ofstream out(r.output, std::ios::binary | std::ios::trunc);
    written = static_cast<bool>(out.write(html.data(), static_cast<std::streamsize>(html.size())).flush());
  }
  if (!written) {
    std::cerr << "sayso: cannot write " << (r.output == "-" ? "output" : r.output) << ": " << std::strerror(errno)
              << '\n';
    return kExitOutput;
  }
  if (errors > 0) {
    std::cerr << "sayso: " << errors << " input error" << (errors == 1 ? "" : "s")
              << "; the report shows the other documents\n";
    return kExitInputErrors;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed stdout must give an error we can report, not kill the process silently.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);

  CLI::App app{"sayso: who said what, and where do they stand? Quotes, speakers and stance in news text."};
  app.set_version_flag("--version", std::string(sayso::version()));
  app.require_subcommand(1);
  settings s;

  CLI::App* extract = app.add_subcommand("extract", "Extract quotes, speakers and stances as JSON Lines");
  extract->add_option("files", s.files,
                      "Plain-text files (one document each), .jsonl document files ({\"id\", \"text\"} per "
                      "line), or - for stdin (the default)");
  extract->add_option("--offsets", s.offsets, "Unit of every offset written")
      ->check(CLI::IsMember({"codepoint", "utf8", "utf16"}))
      ->capture_default_str();
  extract->add_option("--format", s.format, "jsonl (one object per document), json (one array) or table")
      ->check(CLI::IsMember({"jsonl", "json", "table"}))
      ->capture_default_str();
  extract->add_option("--input", s.input,
                      "How to read inputs: auto (.jsonl/.ndjson files and stdin starting with '{' are JSON "
                      "Lines), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}))
      ->capture_default_str();
  extract->add_option("--terms", s.terms, "Term lexicon file (TOML) to use instead of the ceasefire terms");
  extract->add_option("--threads", s.threads, "Threads to use (0: all cores); output stays in input order")
      ->check(CLI::Range(0U, 1024U))
      ->capture_default_str();
  extract->add_flag("--no-beliefs", s.no_beliefs, "Do not report attributed beliefs (\"X believes ...\")");
  extract->add_flag("--span-model", s.span_model,
                    "Refine quotes with the trained span model (slower: about 1.5x the time; off by default)");
  extract->add_flag("--rules-only", s.rules_only, "Hand-written rules only, without the span model (the default)");
  extract->add_option("--labels", s.labels,
                      "How stance labels are decided: rules, model (the rules' reading weighed by the trained label "
                      "model) or own-words (the rules; a term no predicate governs in a side's own quoted words is supported)")
      ->check(CLI::IsMember({"rules", "model", "own-words"}))
      ->capture_default_str();
  extract->add_flag("--no-text", s.no_text, "Leave the text of quotes, cues and mentions out of the JSON");

  CLI::App* terms = app.add_subcommand("terms", "List the active term lexicon");
  terms->add_option("--terms", s.terms, "Term lexicon file (TOML) to list instead of the ceasefire terms");

  report_settings rs;
  CLI::App* report = app.add_subcommand("report", "Write one self-contained HTML page: quotes by speaker, who stands where");
  report->add_option("files", s.files, "Documents as for extract: plain-text files, .jsonl files, or - for stdin");
  report->add_option("-o,--output", rs.output, "HTML file to write (- for stdout)")->capture_default_str();
  report->add_option("--title", rs.title, "Title of the page")->capture_default_str();
  report->add_option("--template", rs.template_file,
                     "Mustache template to use instead of the built-in one (share/sayso/report.html.mustache)");
  report->add_option("--input", s.input, "How to read inputs: auto, text or jsonl (as for extract)")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}))
      ->capture_default_str();
  report->add_option("--terms", s.terms, "Term lexicon file (TOML): the columns of the matrix");
  report->add_option("--threads", s.threads, "Threads to use (0: all cores)")->check(CLI::Range(0U, 1024U));
  report->add_flag("--no-beliefs", s.no_beliefs, "Do not report attributed beliefs (\"X believes ...\")");
  report->add_flag("--span-model", s.span_model,
                   "Refine quotes with the trained span model (slower: about 1.5x the time; off by default)");
  report->add_flag("--rules-only", s.rules_only, "Hand-written rules only, without the span model (the default)");
  report->add_option("--labels", s.labels, "How stance labels are decided: rules, model or own-words (as for extract)")
      ->check(CLI::IsMember({"rules", "model", "own-words"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (extract->parsed()) return run_extract(s);
    if (terms->parsed()) return run_terms(s);
    if (report->parsed()) return run_report(s, rs);
  } catch (const sayso::error& e) {
    std::cerr << "sayso: " << e.what() << '\n';
    return e.code() == sayso::errc::io || e.code() == sayso::errc::lexicon ? kExitUsage : kExitInputErrors;
  } catch (const std::exception& e) {
    std::cerr << "sayso: " << e.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}
