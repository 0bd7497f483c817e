// Fuzz target: the term lexicon parser (TOML, then RE2 compilation of every expression).
// term_lexicon::from_string must either succeed or throw sayso::error naming the lexicon and a
// line; any other exception, crash or sanitizer report is a finding. A lexicon that loads is
// then used by a pipeline on a short article, so that its compiled patterns run.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <sayso/sayso.hpp>

#include "fuzz_check.hpp"

namespace {

constexpr std::string_view kArticle =
    "\xE2\x80\x9CWe support a ceasefire and reject any truce unless the hostages are freed,\xE2\x80\x9D "
    "the minister said on Monday.\n\n"
    "The rebels said they would not accept a \"humanitarian pause\" or a buffer zone. "
    "\xE2\x80\x9CNo talks without a withdrawal,\xE2\x80\x9D a spokesman told reporters.\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view toml(reinterpret_cast<const char*>(data), size);
  std::optional<sayso::term_lexicon> lexicon;
  try {
    lexicon = sayso::term_lexicon::from_string(toml, "fuzz.toml");
  } catch (const sayso::error& e) {
    SAYSO_FUZZ_CHECK(e.code() == sayso::errc::lexicon, "from_string threw an error that is not errc::lexicon");
    const std::string_view message = e.what();
    SAYSO_FUZZ_CHECK(message.starts_with("fuzz.toml:"), "the message must name the lexicon: " + std::string(message));
    return 0;
  }
  SAYSO_FUZZ_CHECK(!lexicon->terms().empty(), "a lexicon that loads has terms");
  std::string text(kArticle);
  for (const sayso::term_info& t : lexicon->terms()) {
    SAYSO_FUZZ_CHECK(!t.id.empty() && !t.expressions.empty(), "a term has an id and expressions");
    // Mention each term by its id and description, to give its patterns a chance to match.
    text += "\xE2\x80\x9CWe back the " + t.id + ", " + t.description + ",\xE2\x80\x9D she said. ";
  }
  sayso::pipeline_options options;
  options.terms = *lexicon;
  const sayso::pipeline pipeline(std::move(options));
  const sayso::analysis a = pipeline.analyze(text);
  for (const sayso::quote& q : a.quotes) {
    for (const sayso::stance& s : q.stances) {
      bool known = false;
      for (const sayso::term_info& t : lexicon->terms()) known = known || t.id == s.term;
      SAYSO_FUZZ_CHECK(known, "a stance on a term the lexicon does not have: " + s.term);
    }
  }
  return 0;
}
