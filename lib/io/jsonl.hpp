// Internal: JSON Lines document files ({"id", "text"} per line, FORMAT.md) as `sayso extract`
// reads them, and the error record it writes for a line it cannot use. Shared by the CLI
// (lib/cli), the Python binding (lib/python) and the fuzz target tests/fuzz/fuzz_jsonl.cpp, so
// that all three read and report every line alike. Built as the internal static library
// sayso_io (lib/CMakeLists.txt), not part of libsayso's API.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace sayso::detail {

/// One input record: a document to analyse, or an input error to report in order.
struct input_record {
  std::string id;
  std::string text;
  std::string source;  ///< "FILE:LINE" or "FILE"
  std::optional<std::string> error;
  bool raw = false;  ///< `text` is the record's JSON line, not yet parsed (parse_jsonl_line)
};

/// The record a line holds: the line without its line end (LF, CR LF), or nullopt when it is
/// blank (spaces and tabs only), which is no record at all.
std::optional<std::string_view> jsonl_line_content(std::string_view line);

/// Parses one line of a JSON Lines document file (without its line end) into `r`: sets `id` and
/// `text`, or `error` (and `id` when the record has one). Never throws on content.
void parse_jsonl_line(std::string_view line, input_record& r);

/// parse_jsonl_line without its fast path for common records: nlohmann-json alone, which reads
/// every record and words every error. The fast path must agree with it (tests/fuzz/fuzz_jsonl).
void parse_jsonl_line_with_nlohmann(std::string_view line, input_record& r);

/// Reads `in` as JSON Lines. Every line that is not blank gives exactly one record, a document
/// or an error, whose source is "NAME:LINE"; a read error gives one more error record. A line
/// may end in LF or CR LF. `emit` returns false to stop reading (for example when the output is
/// gone). With `parse` false the records are raw lines (input_record::raw), for the caller to
/// parse with parse_jsonl_line, on other threads. Returns the number of lines read.
std::size_t read_jsonl(std::istream& in, const std::string& name,
                       const std::function<bool(input_record&&)>& emit, bool parse = true);

/// The output record for an input record that could not be used (FORMAT.md):
/// {"id": ID or null, "error": {"source", "message"}, "quotes": []}. An empty id is written as
/// null.
std::string error_record(std::string_view id, std::string_view source, std::string_view message);

}  // namespace sayso::detail
