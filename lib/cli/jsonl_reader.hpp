// Internal to the CLI: reading document files in JSON Lines ({"id", "text"} per line, FORMAT.md).
// Kept out of main.cpp so that the fuzz target tests/fuzz/fuzz_jsonl.cpp runs the very code the
// CLI runs.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace sayso::cli {

/// One unit of work for the CLI: a document to analyse, or an input error to report in order.
struct job {
  std::string id;
  std::string text;
  std::string source;  ///< "FILE:LINE" or "FILE"
  std::optional<std::string> error;
  bool raw = false;  ///< `text` is the record's JSON line, not yet parsed (parse_jsonl_line)
};

/// Parses one line of a JSON Lines document file (without its line end) into `j`: sets `id` and
/// `text`, or `error` (and `id` when the record has one). Never throws on content.
void parse_jsonl_line(std::string_view line, job& j);

/// parse_jsonl_line without its fast path for common records: nlohmann-json alone, which reads
/// every record and words every error. The fast path must agree with it (tests/fuzz/fuzz_jsonl).
void parse_jsonl_line_with_nlohmann(std::string_view line, job& j);

/// Reads `in` as JSON Lines. Every line that is not blank gives exactly one job, a document or
/// an error, whose source is "NAME:LINE"; a read error gives one more error job. A line may end
/// in LF or CR LF. `emit` returns false to stop reading (for example when the output is gone).
/// With `parse` false the jobs are raw lines (job::raw), for the caller to parse with
/// parse_jsonl_line, on other threads. Returns the number of lines read.
std::size_t read_jsonl(std::istream& in, const std::string& name, const std::function<bool(job&&)>& emit,
                       bool parse = true);

}  // namespace sayso::cli
