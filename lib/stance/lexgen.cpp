// lexgen: writes the built-in term lexicon's compiled form (prebuilt.hpp) at build time.
//
//   sayso_lexgen TERMS_OUT LEXICON_OUT SPEAKERS_OUT
//
// reads ceasefire.toml and stance.toml (embedded in this program as in the library), builds the
// compiled lexicon as term_lexicon::from_string does, with its word screens, and writes
// save_terms()'s bytes to TERMS_OUT; and english.toml's word lexicon (lexicon::parse) to
// LEXICON_OUT (lexicon::save); and speakers.toml's speaker lexicon (speaker_lexicon::parse) to
// SPEAKERS_OUT (speaker_lexicon::save). The build embeds them in the library (lib/CMakeLists.txt).
#include <cstdio>
#include <exception>
#include <fstream>
#include <string_view>

#include "entities/speaker_lexicon.hpp"
#include "stance/prebuilt.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {
extern const std::string_view ceasefire_terms_toml;
extern const std::string_view english_lexicon_toml;
extern const std::string_view speaker_lexicon_toml;
// (The library's copies of what this program writes: this program has none, and needs none.)
extern const std::string_view ceasefire_compiled;
const std::string_view ceasefire_compiled;
extern const std::string_view english_lexicon_compiled;
const std::string_view english_lexicon_compiled;
extern const std::string_view speaker_lexicon_compiled;
const std::string_view speaker_lexicon_compiled;
}  // namespace sayso::detail

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: sayso_lexgen TERMS_OUT LEXICON_OUT SPEAKERS_OUT\n");
    return 2;
  }
  try {
    // (Checked: an error in the built-in lexicon stops the build with its line.)
    const auto c = sayso::detail::build_terms(sayso::detail::ceasefire_terms_toml, "ceasefire.toml", true);
    const auto lexicon = sayso::detail::lexicon::parse(sayso::detail::english_lexicon_toml, "english.toml");
    const auto speakers = sayso::detail::speaker_lexicon::parse(sayso::detail::speaker_lexicon_toml, "speakers.toml");
    const std::string files[3] = {sayso::detail::save_terms(*c), lexicon->save(), speakers->save()};
    for (int i = 0; i < 3; ++i) {
      std::ofstream out(argv[1 + i], std::ios::binary);
      out.write(files[i].data(), static_cast<std::streamsize>(files[i].size()));
      out.close();
      if (!out) {
        std::fprintf(stderr, "sayso_lexgen: cannot write %s\n", argv[1 + i]);
        return 1;
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sayso_lexgen: %s\n", e.what());
    return 1;
  }
  return 0;
}
