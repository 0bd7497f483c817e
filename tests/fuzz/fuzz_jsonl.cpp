// Fuzz target: the JSON Lines document reader (lib/io/jsonl.cpp), the code that
// `sayso extract docs.jsonl` and the Python binding's map_jsonl run on every line.
//
// Checks that nothing is lost or invented: every line that is not blank gives exactly one job,
// in order, whose source names the file and that line; a job is either a document (an id and a
// text, no error) or an error with a message. Each line's result (id, text or error message)
// must equal the reference, nlohmann-json alone, whatever the reader's fast path for common
// records does; reading raw lines for other threads (parse = false) gives the same jobs.
// Documents are then analysed, as the CLI does.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/sayso.hpp>

#include "io/jsonl.hpp"
#include "fuzz_check.hpp"

namespace {

// The reference: the record read with nlohmann-json only, as the CLI first did.
sayso::detail::input_record reference(std::string_view line) {
  sayso::detail::input_record j;
  sayso::detail::parse_jsonl_line_with_nlohmann(line, j);
  return j;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sayso::pipeline pipeline;
  const std::string input(reinterpret_cast<const char*>(data), size);

  // The lines that must each give one job, counted independently of the reader.
  std::vector<std::size_t> expected;
  std::vector<std::string_view> expected_lines;
  std::size_t number = 0;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\n', start);
    const std::size_t next = end == std::string::npos ? input.size() : end + 1;
    if (end == std::string::npos) end = input.size();
    ++number;
    std::string_view line(input.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      expected.push_back(number);
      expected_lines.push_back(line);
    }
    start = next;
  }

  std::istringstream in(input);
  std::vector<sayso::detail::input_record> jobs;
  const std::size_t lines = sayso::detail::read_jsonl(in, "fuzz.jsonl", [&](sayso::detail::input_record&& j) {
    jobs.push_back(std::move(j));
    return true;
  });
  SAYSO_FUZZ_CHECK(lines == number, "lines read " + std::to_string(lines) + ", expected " + std::to_string(number));
  SAYSO_FUZZ_CHECK(jobs.size() == expected.size(),
                   std::to_string(jobs.size()) + " jobs for " + std::to_string(expected.size()) + " records");
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    const sayso::detail::input_record& j = jobs[k];
    SAYSO_FUZZ_CHECK(j.source == "fuzz.jsonl:" + std::to_string(expected[k]), "source " + j.source);
    SAYSO_FUZZ_CHECK(!j.raw, "a parsed job is not raw");
    const sayso::detail::input_record ref = reference(expected_lines[k]);
    SAYSO_FUZZ_CHECK(j.error.has_value() == ref.error.has_value(),
                     "line " + std::to_string(expected[k]) + ": " + (j.error ? "error " + *j.error : "a document") +
                         ", reference: " + (ref.error ? "error " + *ref.error : "a document"));
    SAYSO_FUZZ_CHECK(j.id == ref.id, "line " + std::to_string(expected[k]) + ": id differs from the reference");
    SAYSO_FUZZ_CHECK(j.text == ref.text, "line " + std::to_string(expected[k]) + ": text differs from the reference");
    SAYSO_FUZZ_CHECK(!j.error || *j.error == *ref.error, "line " + std::to_string(expected[k]) +
                                                              ": message '" + *j.error + "', reference '" +
                                                              *ref.error + "'");
    if (j.error) {
      SAYSO_FUZZ_CHECK(!j.error->empty(), "an error without a message");
      SAYSO_FUZZ_CHECK(j.text.empty(), "an error with a text");
      continue;
    }
    const sayso::analysis a = pipeline.analyze(j.text);
    const std::string json = sayso::to_json(j.id, j.text, a);
    SAYSO_FUZZ_CHECK(!json.empty(), "empty record");
  }

  // Raw lines, parsed later (the CLI's workers): the same jobs.
  std::istringstream raw_in(input);
  std::size_t k = 0;
  sayso::detail::read_jsonl(
      raw_in, "fuzz.jsonl",
      [&](sayso::detail::input_record&& j) {
        SAYSO_FUZZ_CHECK(k < jobs.size(), "more raw jobs than parsed ones");
        SAYSO_FUZZ_CHECK(j.source == jobs[k].source, "raw job source " + j.source);
        if (j.raw) {
          SAYSO_FUZZ_CHECK(!j.error, "a raw job with an error");
          const std::string line = std::move(j.text);
          j.text.clear();
          sayso::detail::parse_jsonl_line(line, j);
        }
        SAYSO_FUZZ_CHECK(j.error == jobs[k].error && j.id == jobs[k].id && j.text == jobs[k].text,
                         "a raw job parsed later differs: " + j.source);
        ++k;
        return true;
      },
      /*parse=*/false);
  SAYSO_FUZZ_CHECK(k == jobs.size(), "fewer raw jobs than parsed ones");

  // Stopping early: the reader stops at once and gives no further job.
  if (!expected.empty()) {
    std::istringstream again(input);
    std::size_t seen = 0;
    sayso::detail::read_jsonl(again, "fuzz.jsonl", [&](sayso::detail::input_record&&) {
      ++seen;
      return false;
    });
    SAYSO_FUZZ_CHECK(seen == 1, "the reader must stop when asked");
  }
  return 0;
}
