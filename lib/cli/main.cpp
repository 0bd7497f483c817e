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
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include <sayso/sayso.hpp>

#include "cli/jsonl_reader.hpp"
#include "output/json_writer.hpp"

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
  bool no_text = false;
};

// One unit of work: a document to analyse, or an input error to report in order.
using sayso::cli::job;

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
  bool failed_ = false;
  int error_ = 0;
};

std::string error_record(const job& j) {
  std::string out;
  sayso::detail::json_writer w(out);
  w.begin_object();
  w.key("id");
  if (j.id.empty()) {
    w.null();
  } else {
    w.string(j.id);
  }
  w.key("error");
  w.begin_object();
  w.key("source");
  w.string(j.source);
  w.key("message");
  w.string(*j.error);
  w.end_object();
  w.key("quotes");
  w.begin_array();
  w.end_array();
  w.end_object();
  return out;
}

class extractor {
 public:
  extractor(const sayso::pipeline& p, const settings& s, output_sink& sink, sayso::offset_unit unit)
      : pipeline_(p), settings_(s), sink_(sink), unit_(unit) {
    threads_ = s.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : s.threads;
  }

  void add(job j) {
    batch_bytes_ += j.text.size();
    batch_.push_back(std::move(j));
    // Bounded batches keep memory constant however long the stream is.
    if (batch_.size() >= 64 * threads_ || batch_bytes_ >= (std::size_t{32} << 20)) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    std::vector<std::string_view> texts;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < batch_.size(); ++i) {
      if (!batch_[i].error) {
        texts.emplace_back(batch_[i].text);
        index.push_back(i);
      }
    }
    std::vector<std::string> rendered(batch_.size());
    const auto results = pipeline_.analyze_batch(texts, threads_);
    // Rendering is cheap next to analysis but not free: do it on the same threads.
    render(results, index, rendered);
    for (std::size_t i = 0; i < batch_.size() && !sink_.failed(); ++i) {
      job& j = batch_[i];
      if (j.error) {
        ++errors_;
        std::cerr << "sayso: " << j.source << ": " << *j.error << '\n';
        if (sink_.format() != output_format::table) sink_.record(error_record(j));
      } else if (sink_.format() == output_format::table) {
        sink_.write(rendered[i]);
      } else {
        sink_.record(rendered[i]);
      }
    }
    batch_.clear();
    batch_bytes_ = 0;
  }

  [[nodiscard]] std::size_t errors() const { return errors_; }
  // True once the output is gone: reading more input would be wasted work.
  [[nodiscard]] bool stopped() const { return sink_.failed(); }

 private:
  void render(const std::vector<sayso::batch_result>& results, const std::vector<std::size_t>& index,
              std::vector<std::string>& rendered) {
    sayso::output_options options;
    options.offsets = unit_;
    options.include_text = !settings_.no_text;
    for (std::size_t k = 0; k < results.size(); ++k) {
      job& j = batch_[index[k]];
      if (results[k].failure) {
        j.error = results[k].failure->what();
        continue;
      }
      const sayso::analysis& a = *results[k].result;
      rendered[index[k]] = sink_.format() == output_format::table ? sayso::to_table(j.id, j.text, a)
                                                                   : sayso::to_json(j.id, j.text, a, options);
    }
  }

  const sayso::pipeline& pipeline_;
  const settings& settings_;
  output_sink& sink_;
  sayso::offset_unit unit_;
  unsigned threads_ = 1;
  std::vector<job> batch_;
  std::size_t batch_bytes_ = 0;
  std::size_t errors_ = 0;
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
    sayso::cli::read_jsonl(*in, name, [&ex](job&& j) {
      ex.add(std::move(j));
      return !ex.stopped();
    });
    return;
  }
  std::string text((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
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
      if (result.failure) {
        j.error = result.failure->what();
      } else {
        d.result = std::move(*result.result);
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
