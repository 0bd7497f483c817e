// Cross-fitting the rules' reading for the stance trainer. The stance lexicon was grown from the
// development articles, so on them the rules read better than on unseen text, and a model fitted
// to that reading learns to trust it too much. Cross-fitting labels each group (a conflict) with
// the lexicon it would have had if that group had never been seen: the stance.toml entries that
// decide a label in that group only are left out for it. The rules' figures on the cross-fitted
// reading estimate how they fare on unseen articles, and a model trained on it learns how far
// to trust them there.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include <sayso/stance.hpp>

#include "stance/train/corpus.hpp"

namespace sayso::detail::stance_train {

/// One entry of the default stance lexicon (lib/lexicons/stance.toml).
struct lexicon_entry {
  std::string list;  // support, oppose, praise, ...
  std::string expression;
  std::unique_ptr<RE2> whole;   // matches words the entry spans wholly
  std::unique_ptr<RE2> prefix;  // matches at the start of words (a condition's cue)
};

/// The entries of the embedded stance.toml, in file order.
std::vector<lexicon_entry> stance_entries();

/// Per entry: the groups of `c` in which it decided a labelled item's label (as the predicate
/// that governed the term, the attribution's own cue, or the cue of the binding condition).
std::vector<std::set<std::string>> deciding_groups(const stance_corpus& c, const std::vector<lexicon_entry>& entries);

/// The default term lexicon with the entries marked in `removed` left out of its stance lists.
term_lexicon lexicon_without(const std::vector<lexicon_entry>& entries, const std::vector<bool>& removed);

/// Per group of `c`: the lexicon without the entries that decide in that group only; `log`
/// receives how many entries each group loses.
std::map<std::string, term_lexicon> cross_fitted_lexicons(const stance_corpus& c, std::ostream* log);

}  // namespace sayso::detail::stance_train
