// Internal to the stance stage: the labeller of one quote, whose work is split by what it does
// across labeller.cpp (terms, cues and labels), clauses.cpp (clause and sentence bounds),
// holders.cpp (whose position a clause states) and predicates.cpp (the predicate that governs
// a term).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stance/label_model.hpp"
#include "stance/labeller.hpp"

namespace sayso::detail::stance_internal {

// How many of a speaker entity's mentions are read for the parties of their side.
constexpr std::size_t kMaxSpeakerMentions = 16;
// How many term expressions and stance cues of one quote are read (the first, in text order).
constexpr std::size_t kMaxTermHits = 64;
constexpr std::size_t kMaxCueHits = 256;
// Counts of a term's names in a document stop here: enough to rank terms.
constexpr std::uint32_t kMaxNamed = 1000;

enum class cue_class : std::uint8_t { support, oppose, conditional, neutral, negation, pseudo, terminator };

struct hit {
  std::uint32_t begin;
  std::uint32_t end;
  cue_class cls;
  bool evaluative = false;  // praise or condemn: said of a term before or after it
  bool accusing = false;    // undermine: said of another agent, the speaker supports the term
  bool uncertain = false;   // "not clear whether": what follows in the sentence is asked about
};

// Every match of `screen`'s entry `entry` in `text`, at byte offset `base`, as hits of class
// `cls`: through what the screen lets through for `text` (`seen`, from screen.read(text)).
void find_all(const screened_lists& screen, std::uint32_t entry, const screened_text& seen, std::string_view text,
              std::uint32_t base, cue_class cls, std::vector<hit>& out);
// Number of words (runs of letters or digits) in text[a, b).
std::uint32_t words_between(std::string_view text, std::uint32_t a, std::uint32_t b);
// Does `s` start with the lower-case ASCII `prefix`, ignoring the case of `s`?
bool starts_with_ci(std::string_view s, std::string_view prefix);

struct term_hit {
  std::size_t term;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t span_begin;
  std::uint32_t span_end;
  bool opposite;  // an expression of the term's contrary
};

struct condition_clause {
  std::uint32_t begin;  // the conditional cue
  std::uint32_t end;    // end of its clause
  bool prior;           // "before X": X waits on the main clause (which is then its precondition)
  bool negative;        // a negation inside ("should a ceasefire not be achieved")
  bool strong = false;  // "unless", "until", "only if", "as long as": binds even a negated term
  // "if", "should": a term inside is a hypothesis the main clause depends on ("we will respond
  // if they break the truce"), not a demand, unless the condition is negative.
  bool hypothetical = false;
  // A strong condition that is a demand made first ("unless", "until", "only after", "under
  // fire"), not an exchange: the speaker supports preconditions.
  bool demand = false;
};

// Orders `present` (entries found in `s`, each once) as RE2::Set over `patterns` (entry i:
// patterns[i], unanchored, the same options as the expressions) lists them: by where the first
// match of each ends, and where two end at one place, the entry whose pattern sorts last as text
// first (the set compiles its patterns sorted, and lists the entries of one match state in
// reverse). `expressions`: (entry, expression) pairs, each entry's expressions together matching
// what its pattern matches in `s`; those of entries not present are ignored.
// tables_tests checks it against RE2::Set on random texts.
void order_as_set(std::string_view s, std::span<const std::pair<int, const lazy_re2*>> expressions,
                  const std::vector<std::string>& patterns, std::vector<int>& present);

// Labels one quote: collect() finds its terms and cues, run() labels each term.
// Not thread-safe (one per quote, on the stack); holds references to its inputs.
class labeller {
 public:
  labeller(const stance_context& ctx, const detail::compiled_terms& c, const attributed_quote& q)
      : ctx_(ctx), c_(c), q_(q), text_(ctx.doc.text()) {}

  void run(entity_id speaker, std::vector<stance>& out, std::optional<reported_party>& party);

 private:
  // ---- labeller.cpp: terms, cues and labels ------------------------------------------
  void collect();
  // The entries of compiled::mentions (terms, then opposites) that occur in `s`, in the set's
  // order (which orders the stances of two terms found at one place); false if none.
  // `seen`: what screen() lets through for `s` (see find_all).
  bool mentions_in(std::string_view s, std::vector<int>& present, screened_text& seen) const;
  std::size_t precondition_term() const;
  // Condition clauses from relative clauses restricting a negated term ("no ceasefire that ...").
  void restrictive_conditions();
  void label(const term_hit& th, entity_id speaker, bool reported, std::vector<stance>& out);
  void add(std::vector<stance>& out, std::size_t term, stance_label label, entity_id speaker, bool reported,
           std::vector<byte_range> evidence, std::optional<byte_range> condition, bool accused = false);
  // Adds or updates the stance on `id` held by `holder`; returns the index of the stance it
  // added or changed in `out`, or npos.
  static std::size_t merge(std::vector<stance>& out, const std::string& id, stance_label label, entity_id holder,
                    bool reported, const std::vector<byte_range>& evidence, std::optional<byte_range> condition,
                    float confidence);
  // ---- decision.cpp: what the rules looked at, for the label model ---------------------
  // Notes in cur_ the quote, holder and clause around the term mention `th` (clause from `begin`).
  // (null: the quote and holder only).
  void note_context(const term_hit* th, std::uint32_t begin);
  // The label model's features of each of the speaker's own stances in out[first, end), into
  // ctx_.decisions; with ctx_.model, the model's label replaces the rules'.
  void finish(std::vector<stance>& out, std::size_t first);
  // ---- clauses.cpp: clause and sentence bounds ---------------------------------------
  // End of the sentence (within its span) holding byte `from`.
  std::uint32_t clause_limit(std::uint32_t from) const;
  // End of the clause starting at byte `from`: a comma, semicolon, terminator ("but"), dash,
  // the sentence's end or the span's end.
  std::uint32_t clause_end(std::uint32_t from) const;
  std::uint32_t clause_begin(const term_hit& th) const;
  // Does the attribution's own verb govern the term? Not when a subordinate clause ("while the
  // ceasefire is in effect", "if talks fail", "since the truce") stands between them.
  bool governed_by_cue(const term_hit& th) const;
  // "since the ceasefire took effect", "since the start of the truce": a time reference.
  bool time_reference(const term_hit& th) const;
  // "hours after a truce was declared": the time of an event, no position on the term.
  bool event_time(const term_hit& th) const;
  // "taking hostages", "took prisoners": capture, not an exchange or a release.
  bool capture(const term_hit& th) const;
  // "has been", "was", "were", "is being" between a term and a cue.
  bool passive_between(std::uint32_t a, std::uint32_t b) const;
  bool same_sentence(std::uint32_t a, std::uint32_t b) const;
  // Do the conditions of a context expression hold for its mention text_[begin, end)?
  bool context_holds(const detail::compiled_terms::context& cx, std::uint32_t begin, std::uint32_t end) const;
  // Whether the quote (its spans and its cue, in their whole sentences) holds a match of `re`.
  bool quote_holds(const lazy_re2& re) const;
  // Condition clauses from a sentence that opens with "After …," and goes on to a plan.
  void after_conditions();
  // Does text_[from, to) say that something fails ("should the truce fail")?
  bool ends_in_failure(std::uint32_t from, std::uint32_t to) const;
  // "not a real truce": a negated term qualified as the true or whole kind.
  bool qualified_kind(const term_hit& th) const;
  // "We want peace, but we will never accept …": a refusal by the speaker's side after the term.
  bool refused_after(const term_hit& th) const;
  // "Pompeo said Washington wanted a truce": another speaker's report inside the content.
  bool nested_report(const term_hit& th, std::uint32_t begin) const;
  // Is there a determiner or possessive in text_[a, b)?
  bool determiner_between(std::uint32_t a, std::uint32_t b) const;
  // How often the document names term `term` (its plain expressions, in the whole text).
  std::uint32_t named_in_document(std::size_t term) const;
  // The document's term counts (ctx_.terms_named, or this quote's own).
  document_terms& document_counts() const;
  // What the term screen lets through for the whole text (read once per document).
  const screened_text& document_screen() const;
  // Is the term the subject of a verb after it in its clause (decision.cpp)?
  bool predicated(const term_hit& th, std::uint32_t clause_to) const;
  // The term the document is about: the one it names most often, if at least three times; else
  // the number of terms.
  std::size_t document_topic() const;
  // ---- holders.cpp: whose position a clause states -----------------------------------
  // ---- holders ------------------------------------------------------------------------------
  std::uint16_t party_of(std::uint32_t t) const;
  void parties_in(byte_range r, std::vector<std::uint16_t>& out) const;
  // The parties of the speaker's own side: from the source mention and the speaker entity.
  void speaker_parties(entity_id speaker);
  // The first byte of the clause holding byte `at` within its span: after "that", ";", ":" or a
  // dash, else the span's start.
  std::uint32_t clause_start(std::uint32_t at, std::uint32_t span_begin) const;
  // "they must withdraw", "he should resign": the speaker demands it of them.
  bool demanded_of(std::uint32_t t) const;
  // Does the clause from byte `from` open with the speaker's own side and "will" before `limit`?
  bool own_side_commits(std::uint32_t from, std::uint32_t limit) const;
  // Is the "that" at token t a relative pronoun ("terms that would stop the war")?
  bool relative_that(std::uint32_t t) const;
  // Is the pronoun at token t followed (after adverbs) by a verb or auxiliary?
  bool verb_follows_pronoun(std::uint32_t t) const;
  // Does the clause starting at byte `from` open with "there" or "it"?
  bool expletive_at(std::uint32_t from) const;
  // Is the subject of the clause starting at byte `from` a party other than the speaker's own
  // side? Sets `mention` to the party's words.
  bool third_party_at(std::uint32_t from, std::uint32_t limit, byte_range& mention) const;

  // ---- predicates.cpp: the predicate that governs a term ---------------------------------
  // The cue that governs term `th` in its clause (starting at `begin`), or null: a support,
  // oppose or evaluative cue before it, an evaluation or a passive or deontic predicate after
  // it, or a neutral predicate (reporting, predicting) that keeps it neutral. Sets
  // `negated_after` when a negation stands between the term and a predicate after it.
  const hit* governor(const term_hit& th, std::uint32_t begin, bool& negated_after) const;
  // The nearest support, oppose, evaluative or neutral predicate before the term in its clause.
  const hit* governor_before(const term_hit& th, std::uint32_t begin) const;
  // A predicate said of the term after it: "talks were productive", "the fighting must stop".
  const hit* governor_after(const term_hit& th, bool& negated) const;
  // Is the agent of the undermining predicate `h` someone other than the speaker's side
  // ("they are trying to derail the talks", not "we will derail them")?
  bool accuses_other(const hit& h, std::uint32_t begin) const;
  // Does a determiner or possessive stand right before the cue `h` ("their offer", "the call")?
  bool noun_after_determiner(const hit& h) const;
  // Is the first word at or after byte `at` a copula or modal ("offer is", "plan would")?
  bool copula_follows(std::uint32_t at) const;
  // Does the term's own expression hold a deontic modal ("the killing must end")?
  bool deontic(const term_hit& th) const;
  // The support or oppose predicate that governs an evaluation of the term ("want" in "don't
  // want a wasted meeting"), or the evaluation itself if none does.
  const hit* outer_governor(const hit& evaluation, std::uint32_t begin) const;
  // A short content that only evaluates ("productive") something named before it in its
  // sentence ("the call was described as “productive”"): that thing's terms take the evaluation.
  void label_evaluated_object(entity_id speaker, std::vector<stance>& out);
  // Drops predicate cues inside a longer predicate cue ("resume" in "will resume").
  void keep_longest_predicates();
  // A support or oppose predicate that starts the term's own expression ("invited them to talks").
  const hit* leading_predicate(const term_hit& th) const;

  // ---- state -----------------------------------------------------------------------------
  const stance_context& ctx_;
  const detail::compiled_terms& c_;
  const attributed_quote& q_;
  std::string_view text_;
  std::vector<term_hit> terms_;
  std::vector<hit> cues_;
  std::vector<hit> own_;
  std::vector<condition_clause> conditions_;
  std::vector<byte_range> first_then_;  // "then …" clauses after a "first …" clause
  std::vector<std::uint16_t> mine_;
  bool media_speaker_ = false;
  bool media_outlet_ = false;  // a news outlet or its reporter: no stance of its own
  bool describer_ = false;     // an anonymous source or an analyst: describes the parties
  // An outlet, or an anonymous source or analyst of no side: they describe the parties' positions
  // and take none of their own (the annotators label their terms neutral).
  [[nodiscard]] bool described_as_describer(byte_range m) const;
  [[nodiscard]] bool describes_only() const { return media_outlet_ || (describer_ && mine_.empty()); }
  bool spokesperson_ = false;  // speaks for a principal: "he", "she" in their words is that principal
  bool without_demand_ = false;  // the speaker demands something before a truce or talks
  byte_range demand_evidence_{};  // what is demanded (the condition, or the term after "without")
  bool report_party_ = true;  // give the reported party's own stance (false: another party's clause)
  label_decision cur_;                       // the mention being labelled
  std::vector<label_decision> decisions_;    // per stance in out: the mention that decided it
  std::vector<std::pair<std::uint32_t, stance_label>> mentions_;  // every own mention: term, label
  mutable document_terms own_counts_;  // when the context holds no document_terms to share
};

}  // namespace sayso::detail::stance_internal
