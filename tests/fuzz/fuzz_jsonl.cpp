// Fuzz target: the CLI's JSON Lines document reader (lib/cli/jsonl_reader.cpp), the code that
// `sayso extract docs.jsonl` runs on every line.
//
// Checks that nothing is lost or invented: every line that is not blank gives exactly one job,
// in order, whose source names the file and that line; a job is either a document (an id and a
// text, no error) or an error with a message. Documents are then analysed, as the CLI does.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/sayso.hpp>

#include "cli/jsonl_reader.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sayso::pipeline pipeline;
  const std::string input(reinterpret_cast<const char*>(data), size);

  // The lines that must each give one job, counted independently of the reader.
  std::vector<std::size_t> expected;
  std::size_t number = 0;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\n', start);
    const std::size_t next = end == std::string::npos ? input.size() : end + 1;
    if (end == std::string::npos) end = input.size();
    ++number;
    std::string_view line(input.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) expected.push_back(number);
    start = next;
  }

  std::istringstream in(input);
  std::vector<sayso::cli::job> jobs;
  const std::size_t lines = sayso::cli::read_jsonl(in, "fuzz.jsonl", [&](sayso::cli::job&& j) {
    jobs.push_back(std::move(j));
    return true;
  });
  SAYSO_FUZZ_CHECK(lines == number, "lines read " + std::to_string(lines) + ", expected " + std::to_string(number));
  SAYSO_FUZZ_CHECK(jobs.size() == expected.size(),
                   std::to_string(jobs.size()) + " jobs for " + std::to_string(expected.size()) + " records");
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    const sayso::cli::job& j = jobs[k];
    SAYSO_FUZZ_CHECK(j.source == "fuzz.jsonl:" + std::to_string(expected[k]), "source " + j.source);
    if (j.error) {
      SAYSO_FUZZ_CHECK(!j.error->empty(), "an error without a message");
      SAYSO_FUZZ_CHECK(j.text.empty(), "an error with a text");
      continue;
    }
    const sayso::analysis a = pipeline.analyze(j.text);
    const std::string json = sayso::to_json(j.id, j.text, a);
    SAYSO_FUZZ_CHECK(!json.empty(), "empty record");
  }

  // Stopping early: the reader stops at once and gives no further job.
  if (!expected.empty()) {
    std::istringstream again(input);
    std::size_t seen = 0;
    sayso::cli::read_jsonl(again, "fuzz.jsonl", [&](sayso::cli::job&&) {
      ++seen;
      return false;
    });
    SAYSO_FUZZ_CHECK(seen == 1, "the reader must stop when asked");
  }
  return 0;
}
