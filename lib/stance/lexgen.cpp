// lexgen: writes the built-in term lexicon's compiled form (prebuilt.hpp) at build time.
//
//   sayso_lexgen OUT
//
// reads ceasefire.toml and stance.toml (embedded in this program as in the library), builds the
// compiled lexicon as term_lexicon::from_string does, with its word screens, and writes
// save_terms()'s bytes to OUT. The build embeds OUT in the library (lib/CMakeLists.txt).
#include <cstdio>
#include <exception>
#include <fstream>
#include <string_view>

#include "stance/prebuilt.hpp"

namespace sayso::detail {
extern const std::string_view ceasefire_terms_toml;
// (The library's copy of what this program writes: this program has none, and needs none.)
extern const std::string_view ceasefire_compiled;
const std::string_view ceasefire_compiled;
}  // namespace sayso::detail

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sayso_lexgen OUT\n");
    return 2;
  }
  try {
    // (Checked: an error in the built-in lexicon stops the build with its line.)
    const auto c = sayso::detail::build_terms(sayso::detail::ceasefire_terms_toml, "ceasefire.toml", true);
    const std::string bytes = sayso::detail::save_terms(*c);
    std::ofstream out(argv[1], std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "sayso_lexgen: cannot write %s\n", argv[1]);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sayso_lexgen: %s\n", e.what());
    return 1;
  }
  return 0;
}
