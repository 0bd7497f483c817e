// Helpers for the suites that check whole analyses (attribution, entities, reported speech,
// stance): one shared default pipeline, the quote over a piece of the text, and the speaker,
// cue and stance of a quote as plain strings, so that a failed check prints what came out.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

namespace sayso_test {

/// The default pipeline, built once: construction compiles the lexicons, and users share one
/// pipeline across documents too.
inline const sayso::pipeline& default_pipeline() {
  static const sayso::pipeline pipeline;
  return pipeline;
}

inline sayso::analysis analyze(std::string_view text) { return default_pipeline().analyze(text); }

inline bool overlaps(sayso::byte_range a, sayso::byte_range b) {
  return a.begin < b.end && b.begin < a.end;
}

/// The quotes whose content overlaps the `occurrence`-th occurrence of `needle`.
inline std::vector<const sayso::quote*> quotes_over(const sayso::analysis& a, std::string_view text,
                                                    std::string_view needle,
                                                    std::size_t occurrence = 0) {
  const sayso::byte_range r = find_range(text, needle, occurrence);
  std::vector<const sayso::quote*> out;
  for (const sayso::quote& q : a.quotes) {
    for (const sayso::byte_range& span : q.content) {
      if (overlaps(span, r)) {
        out.push_back(&q);
        break;
      }
    }
  }
  return out;
}

/// The one quote over `needle`, or nullptr when there is none or more than one.
inline const sayso::quote* quote_over(const sayso::analysis& a, std::string_view text,
                                      std::string_view needle, std::size_t occurrence = 0) {
  const auto found = quotes_over(a, text, needle, occurrence);
  return found.size() == 1 ? found.front() : nullptr;
}

/// The byte ranges of the first occurrences of `needles`, in order: a quote's expected content.
inline std::vector<sayso::byte_range> ranges(std::string_view text,
                                             std::initializer_list<std::string_view> needles) {
  std::vector<sayso::byte_range> out;
  for (const std::string_view n : needles) out.push_back(find_range(text, n));
  return out;
}

/// The cue's words, or "(none)".
inline std::string_view cue_text(const sayso::quote& q, std::string_view text) {
  return q.cue ? q.cue->range.of(text) : std::string_view("(none)");
}

/// The speaker mention's words ("" for a speaker from context), or "(none)" without a speaker.
inline std::string_view mention_text(const sayso::quote& q, std::string_view text) {
  return q.speaker ? q.speaker->mention.of(text) : std::string_view("(none)");
}

/// The entity at `id`, or nullptr.
inline const sayso::entity* entity_at(const sayso::analysis& a, sayso::entity_id id) {
  return id != sayso::no_entity && id < a.entities.size() ? &a.entities[id] : nullptr;
}

/// The canonical name of the quote's speaker, or "(none)".
inline std::string speaker_name(const sayso::analysis& a, const sayso::quote& q) {
  const sayso::entity* e = q.speaker ? entity_at(a, q.speaker->entity) : nullptr;
  return e != nullptr ? e->name : std::string("(none)");
}

/// The kind of the quote's speaker entity ("person", "organisation", ...), or "(none)".
inline std::string speaker_kind(const sayso::analysis& a, const sayso::quote& q) {
  const sayso::entity* e = q.speaker ? entity_at(a, q.speaker->entity) : nullptr;
  return e != nullptr ? std::string(sayso::to_string(e->kind)) : std::string("(none)");
}

/// An organisation's name with a leading article dropped: GUIDELINES.md writes "the Kremlin",
/// the gold sets write "Russian Ministry of Defense"; either is the same name to a user.
inline std::string without_article(std::string name) {
  if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
  return name;
}

/// The stance on `term` held by the speaker (reported = false) or by a party the speaker
/// reports on (reported = true), or nullptr.
inline const sayso::stance* stance_on(const sayso::quote& q, std::string_view term,
                                      bool reported = false) {
  for (const sayso::stance& s : q.stances) {
    if (s.term == term && s.reported == reported) return &s;
  }
  return nullptr;
}

/// The label of stance_on(q, term, reported), or "(none)".
inline std::string label_of(const sayso::quote& q, std::string_view term, bool reported = false) {
  const sayso::stance* s = stance_on(q, term, reported);
  return s != nullptr ? std::string(sayso::to_string(s->label)) : std::string("(none)");
}

/// The canonical name of a stance's holder, or "(none)".
inline std::string holder_name(const sayso::analysis& a, const sayso::stance& s) {
  const sayso::entity* e = entity_at(a, s.holder);
  return e != nullptr ? e->name : std::string("(none)");
}

/// Does the stance's evidence include exactly the range of `needle` in `text`?
inline bool has_evidence(const sayso::stance& s, std::string_view text, std::string_view needle,
                         std::size_t occurrence = 0) {
  const sayso::byte_range r = find_range(text, needle, occurrence);
  for (const sayso::byte_range& e : s.evidence) {
    if (e == r) return true;
  }
  return false;
}

/// The words of every evidence range, for failure messages.
inline std::string evidence_text(const sayso::stance& s, std::string_view text) {
  std::string out;
  for (const sayso::byte_range& e : s.evidence) {
    if (!out.empty()) out += " | ";
    out += e.of(text);
  }
  return out;
}

/// Who a quote is attributed to, as the test expects it: the cue's words, the speaker mention's
/// words, the speaker entity's canonical name and its kind.
struct who {
  std::string_view cue;
  std::string_view mention;
  std::string_view name;
  std::string_view kind;
};

/// Checks the quote's cue, mention, speaker name and kind against `w`.
inline void check_who(const sayso::analysis& a, const sayso::quote& q, std::string_view text,
                      const who& w) {
  BOOST_TEST_CONTEXT("quote over «" << (q.content.empty() ? std::string_view() : q.content[0].of(text))
                                     << "»") {
    BOOST_TEST(cue_text(q, text) == w.cue);
    BOOST_TEST(mention_text(q, text) == w.mention);
    BOOST_TEST(speaker_name(a, q) == w.name);
    BOOST_TEST(speaker_kind(a, q) == w.kind);
  }
}

/// What every analysis must satisfy whatever the text: ranges inside the text, confidences in
/// [0, 1], holders that exist, one stance per term and holder side, speaker stances held by the
/// speaker.
inline void check_well_formed(const sayso::analysis& a, std::string_view text) {
  const auto size = static_cast<std::uint32_t>(text.size());
  for (const sayso::quote& q : a.quotes) {
    BOOST_TEST(!q.content.empty());
    for (const sayso::byte_range& r : q.content) BOOST_TEST((r.begin < r.end && r.end <= size));
    BOOST_TEST((q.confidence >= 0.0F && q.confidence <= 1.0F));
    if (q.cue) BOOST_TEST(q.cue->range.end <= size);
    if (q.speaker) {
      BOOST_TEST(q.speaker->mention.end <= size);
      BOOST_TEST((q.speaker->entity == sayso::no_entity || q.speaker->entity < a.entities.size()));
    }
    for (std::size_t i = 0; i < q.stances.size(); ++i) {
      const sayso::stance& s = q.stances[i];
      BOOST_TEST((s.confidence >= 0.0F && s.confidence <= 1.0F), s.term << " confidence " << s.confidence);
      BOOST_TEST(!s.evidence.empty(), s.term << " has no evidence");
      for (const sayso::byte_range& e : s.evidence) BOOST_TEST((e.begin < e.end && e.end <= size));
      if (s.condition) BOOST_TEST((s.condition->begin < s.condition->end && s.condition->end <= size));
      BOOST_TEST((s.holder == sayso::no_entity || s.holder < a.entities.size()));
      if (!s.reported && q.speaker) BOOST_TEST(s.holder == q.speaker->entity);
      for (std::size_t k = i + 1; k < q.stances.size(); ++k) {
        BOOST_TEST(!(q.stances[k].term == s.term && q.stances[k].reported == s.reported &&
                     q.stances[k].holder == s.holder),
                   "two stances on " << s.term << " for one holder");
      }
    }
  }
  for (const sayso::entity& e : a.entities) {
    BOOST_TEST(!e.name.empty());
    for (const sayso::byte_range& r : e.mentions) BOOST_TEST(r.end <= size);
  }
}

}  // namespace sayso_test
