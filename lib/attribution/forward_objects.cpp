// The content of speech acts and naming verbs in the forward frame: where the object of "called
// for", "rejected", "praised" ends, and what "called him a liar" calls whom (frames.hpp).
#include <array>
#include <string>
#include <string_view>

#include "attribution/frames.hpp"

namespace sayso::detail {

// "called him a liar", "calling Trump a fascist", "described the country as beset by …": a
// naming verb with an object and what it is called, without quotation marks.
bool forward_frame::predicative(const cue_entry& ce, std::uint32_t from, std::uint32_t end) const {
  if (!is_word(from)) return false;
  if ((ce.flags & cf_describing) != 0) {
    std::uint32_t j = from;
    for (int n = 0; n < 8 && j < end && is_wordish(j); ++n, j = next(j, end)) {
      if (lower_is(j, "as")) return j != from && next(j, end) < end;
      if (!cap(j) && (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_complementizer)) != 0)
        return false;
    }
    return false;
  }
  if ((ce.flags & cf_naming) == 0) return false;
  // The object: a pronoun or a name of up to five words.
  std::uint32_t j = from;
  if ((cls(j) & (wc_pronoun | wc_he | wc_she | wc_they | wc_it)) != 0 &&
      (cls(j) & wc_possessive) == 0 && !lower_is(j, "he") && !lower_is(j, "she") &&
      !lower_is(j, "they") && !lower_is(j, "we") && !lower_is(j, "i")) {
    j = next(j, end);
  } else if (cap(j) && (cls(j) & (wc_determiner | wc_time)) == 0) {
    for (int n = 0; n < 5 && j < end && (cap(j) || punct_is(j, ".")); ++n) j = next(j, end);
  } else if (!cap(j) &&
             ((cls(j) & (wc_determiner | wc_possessive)) != 0 ||
              (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_preposition | wc_conjunction |
                         wc_pronoun | wc_time | wc_negation | wc_complementizer)) == 0) &&
             !lower_is(j, "a") && !lower_is(j, "an")) {
    // (A bare noun phrase too: "called climate change a hoax".)
    const bool bare = (cls(j) & (wc_determiner | wc_possessive)) == 0;
    // "called the charges unsubstantiated", "called the citation and the demand a ploy": a
    // noun phrase (up to 12 words, no verb), then an article or an adjective.
    std::uint32_t n = 0;
    for (j = next(j, end);
         j < end && n < 12 && is_word(j) && !lower_is(j, "a") && !lower_is(j, "an");
         j = next(j, end), ++n) {
      const std::uint32_t pj = prev(j, from);
      // (After an article or a preposition a verb form is a noun: "the demand", "in favor of".)
      const bool after_det = pj != npos && is_word(pj) &&
                             (cls(pj) & (wc_determiner | wc_possessive | wc_preposition)) != 0;
      if (n > 0 && !after_det &&
          (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_complementizer | wc_negation)) != 0 &&
          !adverbial_only(j)) {
        return false;
      }
      if (lower_is(j, "to")) return false;  // "called the police to …"
      const std::string_view w = s(j);
      if (n > 0 && !cap(j) &&
          (ends_with(w, "ed") || ends_with(w, "ous") || ends_with(w, "ful") ||
           ends_with(w, "ive") || ends_with(w, "able") || ends_with(w, "ible") ||
           ends_with(w, "less"))) {
        return true;
      }
    }
    if (bare && n > 3) return false;
    return j < end && is_word(j) && (lower_is(j, "a") || lower_is(j, "an")) && next(j, end) < end;
  } else {
    return false;
  }
  // What it is called: a phrase opening with an article or an adjective, running a few words.
  if (j >= end || !is_word(j) || cap(j)) return false;
  if (lower_is(j, "a") || lower_is(j, "an")) return next(j, end) < end;
  return (cls(j) & (wc_preposition | wc_conjunction | wc_determiner | wc_time | wc_verb | wc_cue |
                    wc_auxiliary | wc_complementizer | wc_relative | wc_pronoun | wc_negation)) ==
             0 &&
         !ends_with(s(j), "ly");
}

// Where the object of a speech act ends (at most `end`): before a comma, a subordinate or
// relative clause, or a coordinated clause ("echoed the themes and took the stage").
std::uint32_t forward_frame::act_object_end(std::uint32_t from, std::uint32_t end) const {
  // (Conditions, "unless", "until", "if", stay: they qualify the act; so do "as" and "before",
  // "praised the crews as heroes", "appeared before the court", and "where".)
  // ("while also allowing aid in": "while" and a participle goes on with the demand.)
  const auto stops = [this, end](std::uint32_t k) {
    if ((cls(k) & wc_subordinator) == 0 || lower_is(k, "unless") || lower_is(k, "until") ||
        lower_is(k, "as") || lower_is(k, "before") || lower_is(k, "where"))
      return false;
    if (lower_is(k, "while")) {
      std::uint32_t n = next(k, end);
      while (n < end && adverbial(n) && adverbial_only(n)) n = next(n, end);
      if (n < end && is_word(n) && !cap(n) && ends_with(s(n), "ing")) return false;
    }
    return true;
  };
  std::uint32_t last = npos;
  bool clause_after = false;  // it ends before a comma opening a clause of the writer's
  for (std::uint32_t k = from; k < end; k = next(k, end)) {
    if (in_quotation(k)) {
      k = qspans_[qid(k)].close_tok;
      last = k;
      // “…,” saying …: the comma inside the closing mark ends the phrase the same way.
      if (comma_inside_close(k) && new_clause_after(k, end)) {
        clause_after = true;
        break;
      }
      continue;
    }
    if (k > from && is_comma(k) && list_continues(k, end)) {
      last = k;
      continue;
    }
    if (k > from && is_comma(k) && new_clause_after(k, end)) {
      clause_after = true;
      break;
    }
    if (k > from && is_word(k) && !cap(k)) {
      if (stops(k)) break;
      if (lower_is(k, "and") || lower_is(k, "but") || lower_is(k, "or")) {
        const std::uint32_t n = next(k, end);
        // (Not an adverb or the first word of a compound: "and long-lasting".)
        if (n < end && is_word(n) && !cap(n) && !((cls(n) & wc_auxiliary) != 0 && adverbial_only(n)) &&
            !punct_is(n + 1, "-") &&
            (((cls(n) & (wc_verb | wc_cue | wc_auxiliary)) != 0 && (cls(n) & wc_determiner) == 0) ||
             ends_with(s(n), "ed") ||
             ((cls(n) & (wc_he | wc_she | wc_they | wc_we | wc_i)) != 0 &&
              (cls(n) & wc_possessive) == 0))) {
          break;
        }
      }
    }
    last = k;
  }
  if (last == npos) return end;
  // A quotation further on makes the report mixed ("praised the deal as “historic”"), unless
  // a clause of its own holds it (", calling it “historic”").
  for (std::uint32_t k = last + 1; k < end; ++k) {
    if (in_quotation(k)) return clause_after ? last + 1 : end;
  }
  return last + 1;
}

// Does the comma at k go on with a list of noun phrases ("a ceasefire, the release of
// hostages, and aid")? The next phrase opens with a determiner, an "and" or "or" comes before
// `end`, and no verb comes between.
bool forward_frame::list_continues(std::uint32_t k, std::uint32_t end) const {
  std::uint32_t n = next(k, end);
  if (n >= end || !is_word(n) || cap(n)) return false;
  const bool last_item = lower_is(n, "and") || lower_is(n, "or");  // ", and new talks"
  if (!last_item && (cls(n) & wc_determiner) == 0) return false;
  // (At most 80 tokens, about 40 words, ahead: a list item is short, and the scan stays linear.)
  const std::uint32_t stop = std::min<std::uint32_t>(end, n + 80);
  for (std::uint32_t j = last_item ? next(n, end) : n; j < stop; j = next(j, end)) {
    if (in_quotation(j) || punct_is(j, ";") || is_dash(j)) return false;
    if (is_word(j) && (lower_is(j, "and") || lower_is(j, "or")) && !last_item) return true;
    if (is_word(j) && !cap(j) && (cls(j) & (wc_verb | wc_cue | wc_auxiliary)) != 0 &&
        adverbial_only(j) == false) {
      return false;
    }
  }
  return last_item && stop == end;
}

bool forward_frame::new_clause_after(std::uint32_t k, std::uint32_t end) const {
  std::uint32_t n = next(k, end);
  // ", and the minister has …", ", but the court ruled …"
  if (n < end && (lower_is(n, "and") || lower_is(n, "but") || lower_is(n, "yet"))) n = next(n, end);
  if (n >= end || !is_word(n) || (cls(n) & (wc_relative | wc_preposition)) != 0) return false;
  // "…, and two deputies, will have …": a verb after the comma closes an aside; no new clause.
  if (!cap(n) && (cls(n) & (wc_auxiliary | wc_verb)) != 0 && !adverbial_only(n)) return false;
  // ", saying …", ", adding …": the writer's participle clause.
  // (Not one telling what the object is made of: "a council, consisting of …"; an outcome,
  // ", leaving …", after a speech act's object is the outcome of the act, the writer's.)
  if (!cap(n) && ends_with(s(n), "ing") && (cls(n) & wc_determiner) == 0)
    return !(lower_is(n, "consisting") || lower_is(n, "comprising") || lower_is(n, "containing"));
  for (std::uint32_t j = next(n, end), w = 0; j < end && w < 6; j = next(j, end), ++w) {
    if (!is_word(j) || in_quotation(j)) return false;
    if (!cap(j) && (cls(j) & (wc_auxiliary | wc_verb)) != 0 && adverbial_only(j) == false)
      return true;
    if ((cls(j) & (wc_relative | wc_preposition | wc_conjunction)) != 0) return false;
  }
  return false;
}

}  // namespace sayso::detail
