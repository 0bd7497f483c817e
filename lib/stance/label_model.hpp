// Internal: the stance label model. The rules (labeller.cpp, predicates.cpp, clauses.cpp,
// holders.cpp) read each term mention and decide a label; while they do, they note what they
// looked at in a label_decision: which rule decided, the class of the governing predicate,
// negation, modality, conditions, the holder. The label model is a multinomial logistic
// regression over general features of that record (no word of any text, only the lexicons'
// classes and the rules' own readings) that gives the final label of each speaker's stance.
// Trained by `sayso-train stance` (lib/stance/train) on annotated ceasefire news; shipped as
// lib/models/stance.model (text: one line of four weights per feature).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/quotes.hpp>
#include <sayso/stance.hpp>
#include <sayso/text.hpp>

namespace sayso::detail {

/// Which rule of the labeller decided a mention's label (README, "How a label is decided").
enum class label_path : std::uint8_t {
  none,               // nothing governs the term: neutral
  event_or_nested,    // "hours after the truce", "X said Y wanted a truce": neutral
  uncertain,          // "not clear whether a truce will hold": neutral
  concession,         // "even if they seek talks": neutral
  required,           // "will not sign without a withdrawal": the withdrawal is required
  double_oppose,      // "criticized the rejection of the truce"
  governor_before,    // a support/oppose/evaluative predicate before the term in its clause
  governor_after,     // an evaluation, passive, deontic or commitment said of the term after it
  leading_predicate,  // the term's own expression starts with its predicate ("invited to talks")
  own_side_commits,   // "our government will engage in talks", said by that side
  deontic,            // "the fighting must stop"
  own_cue,            // the attribution's own cue ("X urged a ceasefire")
  neutral_governor,   // a reporting, scheduling or predicting predicate keeps it neutral
  negated_evaluation, // "the talks were not productive": an outcome, no position
  negation_only,      // a negation with no predicate ("there will be no truce")
  preconditions,      // the preconditions term's own reading
  condition_inside,   // the term is inside a condition clause
  condition_governs,  // a condition in the term's sentence binds it
  first_then,         // "first X, then Y": Y conditional
  evaluated_object,   // a short evaluative content said of a term named before it
  without_demand,     // "rejects X without Y": preconditions supported
  count
};

/// The rules' reading of one term mention: what the label model sees. Plain data.
struct label_decision {
  label_path path = label_path::none;
  stance_label rule = stance_label::neutral;      // the speaker's label by the rules
  stance_label content = stance_label::neutral;   // the label before the holder is considered
  // The governing predicate: its class, side and distance.
  enum class governor : std::uint8_t { none, support, oppose, praise, condemn, undermine, neutral, count };
  governor gov = governor::none;
  bool gov_after = false;
  std::uint32_t gov_words = 0;  // words between the predicate and the term
  // Where the governing predicate and the attribution's own cue are (for audits; not features).
  byte_range gov_range;
  byte_range own_range;
  byte_range condition_range;  // the condition clause that bound the term, from its cue
  // The attribution's own cue: 0 none, 1 support, 2 oppose.
  std::uint8_t own_cue = 0;
  bool governed_by_cue = false;
  quote_kind kind = quote_kind::direct;
  std::uint8_t cue_type = 0;  // detail::cue_type
  bool verb_cue = false;
  // Flags the rules set.
  bool negated = false;
  bool negated_evaluation = false;
  bool required = false;
  bool double_oppose = false;
  bool accused = false;
  bool restricted_kind = false;  // "a bad deal", "a wasted meeting"
  bool only_restricted = false;  // "would only take part in talks that …"
  bool refused_after = false;    // "we want peace, but we will never accept …"
  bool qualified_kind = false;   // "not a real truce"
  bool opposite = false;         // an expression of the term's contrary
  bool inside_condition = false;
  bool inside_prior = false;
  bool inside_hypothetical = false;
  bool inside_negative = false;
  bool governing_condition = false;
  bool governing_strong = false;
  bool first_then = false;
  // The holder.
  bool reported = false;       // the clause's subject is another party
  bool media_outlet = false;
  bool describer = false;      // an anonymous source or an analyst
  bool no_side = false;        // the speaker's side is not known
  // The clause and sentence around the term (lexicon classes only).
  bool first_person = false;   // we, I, our, us before the term in its clause
  bool third_person = false;   // they, he, she before the term in its clause
  bool future = false;         // will, would, shall, 'll before the term in its clause
  bool possible = false;       // may, might, could before the term in its clause
  bool obligation = false;     // must, should, need, have to in the term's sentence
  bool past = false;           // was, were, had, did in the term's clause
  bool question = false;       // the sentence asks
  bool sentence_negation = false;
  bool sentence_conditional = false;
  bool sentence_uncertain = false;
  bool sentence_support = false;
  bool sentence_oppose = false;
  bool sentence_praise = false;
  bool sentence_condemn = false;
  bool sentence_neutral = false;
  std::uint32_t term = 0;       // index of the term in its lexicon
  std::string_view term_id;     // its id (the model knows the ten default terms by name)
  // Across the quote's mentions of the same term.
  std::uint8_t mentions = 1;
  bool other_support = false;   // another mention of the term read as support by the rules
  bool other_oppose = false;
  bool other_conditional = false;
  bool other_terms = false;     // the quote concerns another term too
  // Not a feature of the model (its file fixes the features): the term is the subject of a verb
  // after it in its clause ("the truce expired", "talks may resume", "the fighting will end"),
  // so the clause reports or predicts something of it; own_words leaves such a term neutral.
  bool predicated = false;
};

/// stance_labeller::own_words: does the rules' neutral reading `d` become support? Nothing
/// governs the term (path none), the quote gives the speaker's own words (direct or mixed), not
/// in the past, and the speaker is a side (not an analyst, an outlet, "according to") speaking
/// of its own position (no other party's clause).
bool own_words_support(const label_decision& d);

/// The names of the model's features, in the order of their ids ("rule=support",
/// "path=own_cue", "gov=praise", ...). Fixed by the code; the model file names them.
const std::vector<std::string>& label_feature_names();

/// The ids of the features that hold for `d`, ascending, into `out` (cleared first).
void label_features(const label_decision& d, std::vector<std::uint16_t>& out);

/// Weights of the label model: one row of four (support, oppose, conditional, neutral) per
/// feature.
///
/// The file (lib/models/stance.model) is text: comment lines start with '#', then one line
/// per feature with a non-zero weight, "name w_support w_oppose w_conditional w_neutral";
/// a feature not listed weighs nothing.
///
/// Thread safety: immutable after construction; safe for concurrent use. Ownership: owns its
/// table (a few hundred rows of four floats). Cost: parsing is linear in the file; a label
/// reads one row per active feature (a few dozen).
class label_model {
 public:
  label_model();
  /// The model embedded in the library (lib/models/stance.model), parsed once.
  static const label_model& embedded();
  /// Parses model text; throws sayso::error(errc::lexicon) naming `name` and the line when a
  /// line is malformed or names an unknown feature.
  static std::unique_ptr<label_model> parse(std::string_view text, std::string_view name);
  /// The file's text; `header` (comment lines, each starting with "# ") goes first.
  [[nodiscard]] std::string serialize(std::string_view header = {}) const;

  [[nodiscard]] std::array<float, 4>& row(std::size_t feature) { return w_[feature]; }
  [[nodiscard]] const std::array<float, 4>& row(std::size_t feature) const { return w_[feature]; }
  [[nodiscard]] std::size_t size() const noexcept { return w_.size(); }

  /// Scores of the four labels for the features `f`.
  [[nodiscard]] std::array<float, 4> scores(const std::vector<std::uint16_t>& f) const;
  /// The best label and its probability (softmax of the scores).
  [[nodiscard]] stance_label predict(const std::vector<std::uint16_t>& f, float& probability) const;

 private:
  std::vector<std::array<float, 4>> w_;
};

}  // namespace sayso::detail
