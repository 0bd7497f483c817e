// Internal: the compiled form of a term lexicon written to bytes and read back, so that the
// built-in lexicon is read from the TOML and analysed at build time, not in every process.
//
// Making a pipeline read ceasefire.toml and stance.toml (toml++: 12 million instructions), and
// the first documents that mention a term built the word screens of all term and stance lists (60
// million, more than analysing 400 KB of news). lexgen (lib/stance/lexgen.cpp), a program the build
// runs, makes the compiled form from the TOML files as term_lexicon::from_string would and
// writes it with save_terms(); the library embeds the bytes, and term_lexicon::ceasefire() reads
// them with load_terms(): strings and tables, no parsing, no analysis. The TOML files stay the
// source of truth (edit them; the build writes the bytes again), and term lexicons given at run
// time (--terms FILE) are read from their TOML as before. Each expression's native_re machine
// (native_re.hpp: what the stance stage searches with) is compiled here too and written after its
// pattern; a process reads the machine of an expression from the bytes the first time it
// searches it (building the machines at run time was some 31 M instructions of a run over
// PolNeAR dev). Where native_re cannot answer, RE2 is still compiled on first use, in each
// process (RE2 has no serialised form).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "stance/compiled.hpp"

namespace sayso::detail {

/// The bytes of `c`, with its word screens and native_re machines (built here if they are not yet).
std::string save_terms(const compiled_terms& c);
/// The compiled lexicon `bytes` (from save_terms) hold, its screens built. The lexicon reads
/// its expressions' native_re machines from `bytes` on first use: `bytes` must outlive it (the
/// library's embedded data does).
std::shared_ptr<compiled_terms> load_terms(std::string_view bytes);

}  // namespace sayso::detail
