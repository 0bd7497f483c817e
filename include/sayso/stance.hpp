// Stage 5, stance: where a quote's speaker stands on each ceasefire term the quote concerns.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/attribution.hpp>
#include <sayso/export.hpp>
#include <sayso/text.hpp>

namespace sayso::detail {
struct compiled_terms;       // lib/stance/compiled.hpp
struct term_lexicon_access;  // how the library reaches it
}  // namespace sayso::detail

SAYSO_BEGIN_NAMESPACE

/// A position on a term (GUIDELINES.md).
enum class stance_label : std::uint8_t {
  support,      ///< wants, demands, offers, accepts or welcomes it
  oppose,       ///< rejects, rules out, refuses or criticises it
  conditional,  ///< accepts it only under a condition, or ties it to a prior demand
  neutral,      ///< discusses it without a position (reports, describes, predicts)
};

/// "support", "oppose", "conditional" or "neutral".
SAYSO_EXPORT std::string_view to_string(stance_label label) noexcept;

/// How a stance label is decided (README, "How a label is decided").
enum class stance_labeller : std::uint8_t {
  rules,  ///< the hand-written rules over the predicate-polarity lexicon
  model,  ///< the rules' reading of each mention, weighed by a trained label model
  /// The default: the rules, but a term that nothing predicates (no predicate of the lexicon,
  /// no other verb: not "the truce expired", "a truce may be announced"), named in a quotation
  /// of a side's own words (direct or mixed, not in the past, not an analyst's, outlet's or
  /// "according to", not a question or a doubt), is supported, not neutral: the one decision the
  /// model changes most, as a rule.
  own_words,
};

/// The stance one holder takes on one term in one quote, with the words that show it.
struct stance {
  std::string term;                 ///< term id, e.g. "ceasefire"
  stance_label label = stance_label::neutral;
  float confidence = 0.0F;          ///< in [0, 1]
  std::vector<byte_range> evidence; ///< the term's expression and the cues that set the label
  std::optional<byte_range> condition;  ///< the condition clause, for `conditional`
  entity_id holder = no_entity;     ///< whose stance: the speaker, or a party the quote reports on
  bool reported = false;            ///< true when the holder is a party the speaker reports on
};

/// One term of a lexicon: id, description and expressions.
struct term_info {
  std::string id;
  std::string description;
  std::vector<std::string> expressions;
  /// Expressions of the term's contrary ("continue fighting" for a ceasefire): a stance on
  /// them is the reverse stance on the term. May be empty.
  std::vector<std::string> opposites;
};

/// A term lexicon: the terms stance is given for and the words that express them.
///
/// Thread safety: immutable after construction (its expressions are compiled on first use, by
/// whichever thread needs them first); safe for concurrent use. Ownership: value type sharing
/// its compiled patterns (copies are cheap). Cost: loading parses the file and, for a file of
/// one's own, compiles and checks every expression (tens of milliseconds); the default lexicon
/// is read in about a millisecond, and each expression is compiled when a quote first needs it.
class SAYSO_EXPORT term_lexicon {
 public:
  /// The default lexicon: the ten ceasefire terms of GUIDELINES.md (embedded; installed as
  /// share/sayso/lexicons/ceasefire.toml).
  static term_lexicon ceasefire();
  /// Loads a lexicon file (TOML, ceasefire.toml's format). Throws sayso::error(errc::io) if it
  /// cannot be read and sayso::error(errc::lexicon) naming the file, line and problem if it is
  /// malformed.
  static term_lexicon from_file(const std::filesystem::path& path);
  /// Parses lexicon text; `name` is used in error messages.
  static term_lexicon from_string(std::string_view toml, std::string_view name = "<string>");

  [[nodiscard]] std::span<const term_info> terms() const noexcept;

 private:
  friend struct detail::term_lexicon_access;
  explicit term_lexicon(std::shared_ptr<const detail::compiled_terms> impl);
  std::shared_ptr<const detail::compiled_terms> impl_;  // compiled patterns, never null
};

SAYSO_END_NAMESPACE  // sayso::v1
