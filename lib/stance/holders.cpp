// Stance holders: the parties of the speaker's own side, and whether a clause states the position
// of another party ("Russia is not ready to stop fighting"), which the speaker then reports.
#include "stance/labeller_impl.hpp"

#include <algorithm>
#include <array>

#include <re2/re2.h>

#include "text/unicode.hpp"

namespace sayso::detail::stance_internal {

// ---- holders ------------------------------------------------------------------------------
namespace {

// Anonymous sources and analysts ("people familiar with the plans", "a source", "experts",
// "a professor at ...") describe the parties' positions; they are no party themselves.
bool describer_word(std::string_view w) {
  static constexpr std::array<std::string_view, 19> kDescribers = {
      "source", "sources", "people", "familiar", "analyst", "analysts", "expert", "experts", "observers",
      "observer", "correspondent", "correspondents", "professor", "researcher", "researchers", "scholar",
      "scholars", "commentator", "commentators"};
  return std::find(kDescribers.begin(), kDescribers.end(), w) != kDescribers.end();
}

}  // namespace

// Does a description of the speaker next to the name mention `m` call them an analyst, an expert
// or a correspondent: "Jo Hale, an analyst at the institute", "Middle East expert Jo Hale"?
// (Up to three words before the name in its sentence, or the apposition after a comma.)
bool labeller::described_as_describer(byte_range m) const {
  if (m.empty()) return false;
  const auto tokens = ctx_.doc.tokens();
  const std::uint32_t first = ctx_.doc.token_at(m.begin);
  std::uint32_t words = 0;
  for (std::uint32_t t = first; t > 0 && words < 3;) {
    --t;
    if (tokens[t].kind == token_kind::space) continue;
    if (tokens[t].kind != token_kind::word) break;
    ++words;
    std::array<char, 32> buf{};
    if (describer_word(lookup_key(tokens[t].range.of(text_), buf))) return true;
  }
  std::uint32_t t = ctx_.doc.token_at(m.end > 0 ? m.end - 1 : 0) + 1;
  while (t < tokens.size() && tokens[t].kind == token_kind::space) ++t;
  if (t >= tokens.size() || tokens[t].range.of(text_) != ",") return false;
  words = 0;
  for (++t; t < tokens.size() && words < 10; ++t) {
    if (tokens[t].kind == token_kind::space) continue;
    if (tokens[t].kind != token_kind::word) break;
    ++words;
    std::array<char, 32> buf{};
    if (describer_word(lookup_key(tokens[t].range.of(text_), buf))) return true;
  }
  return false;
}
std::uint16_t labeller::party_of(std::uint32_t t) const {
  if (ctx_.doc.tokens()[t].kind != token_kind::word) return 0;
  std::array<char, 48> buf{};
  std::string_view key = lookup_key(ctx_.doc.tokens()[t].range.of(text_), buf);
  // Possessive forms ("Russia's") name the party too.
  if (key.size() > 2 && key.substr(key.size() - 2) == "'s") key.remove_suffix(2);
  // "us", "un", "eu" in lower case are words, not parties.
  if (!ctx_.info[t].starts_upper() && key.size() <= 3) return 0;
  return ctx_.lex.party(key);
}

void labeller::parties_in(byte_range r, std::vector<std::uint16_t>& out) const {
  if (r.empty()) return;
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(r.begin); t < tokens.size() && tokens[t].range.begin < r.end; ++t) {
    const std::uint16_t p = party_of(t);
    if (p != 0 && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
}

// The parties of the speaker's own side: from the source mention and the speaker entity.
void labeller::speaker_parties(entity_id speaker) {
  if (!q_.source) return;
  const auto tokens = ctx_.doc.tokens();
  // News outlets ("Press TV", "Tasnim News Agency", "the newspaper") report; they take no side.
  for (std::uint32_t t = q_.source->first; t < q_.source->end; ++t) {
    if (tokens[t].kind != token_kind::word) continue;
    std::array<char, 32> buf{};
    const std::string_view w = lookup_key(tokens[t].range.of(text_), buf);
    static constexpr std::array<std::string_view, 21> kMedia = {
        "news", "tv", "television", "radio", "newspaper", "press", "media", "broadcaster", "agency",
        "reuters", "axios", "outlet", "times", "post", "journal", "interfax", "tass", "xinhua", "afp",
        "bbc", "cnn"};
    bool media = false;
    for (const auto m : kMedia) media = media || w == m;
    // Anonymous sources and analysts ("people familiar with the plans", "a source", "experts")
    // describe the parties' positions; they are no party themselves.
    describer_ = describer_ || describer_word(w);
    // A spokesperson, press secretary or aide speaks for a principal, whom their "he" or "she"
    // names ("He will accept the invitation", said by his press secretary).
    static constexpr std::array<std::string_view, 8> kSpokespeople = {
        "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "secretary", "aide", "aides"};
    for (const auto sp : kSpokespeople) spokesperson_ = spokesperson_ || w == sp;
    media_speaker_ = media_speaker_ || media;
    // An outlet or its reporter ("Reuters", "the agency's correspondent") takes no side; its
    // official with a role ("the press secretary", "a media official") speaks for a side.
    if (media) media_outlet_ = true;
    else if (media_outlet_ && (ctx_.info[t].classes & (wc_role | wc_title)) != 0) media_outlet_ = false;
  }
  parties_in({tokens[q_.source->first].range.begin, tokens[q_.source->last()].range.end}, mine_);
  // An apposition after the source: "Tarek Amin, a Hamas spokesman, said".
  std::uint32_t t = q_.source->end;
  while (t < tokens.size() && tokens[t].kind == token_kind::space) ++t;
  if (t < tokens.size() && tokens[t].range.of(text_) == ",") {
    const std::uint32_t from = t + 1;
    std::uint32_t words = 0;
    for (++t; t < tokens.size() && words < 8; ++t) {
      if (tokens[t].kind == token_kind::word) ++words;
      else if (tokens[t].kind != token_kind::space && tokens[t].range.of(text_) != "'" &&
               first_code_point(tokens[t].range.of(text_)) != 0x2019) break;
    }
    // Only a description ("a Hamas spokesman", "the group's leader"), not the content that
    // follows a fronted source ("According to X, Moscow's message was …").
    std::uint32_t first = from;
    while (first < t && tokens[first].kind == token_kind::space) ++first;
    const std::string_view w = first < t ? tokens[first].range.of(text_) : std::string_view();
    const bool description = w == "a" || w == "an" || w == "the" || (first < t && (ctx_.info[first].classes & (wc_role | wc_title)) != 0);
    bool in_content = false;
    for (const byte_range& span : q_.spans) {
      if (t > from && span.begin < tokens[t - 1].range.end && span.end > tokens[from].range.begin) in_content = true;
    }
    if (t > from && description && !in_content) parties_in({tokens[from].range.begin, tokens[t - 1].range.end}, mine_);
  }
  if (speaker != no_entity && speaker < ctx_.entities.size()) {
    // The first mentions only (the fullest forms come first): a speaker quoted thousands of
    // times must not make each of their quotes scan every mention (quadratic time).
    const auto& mentions = ctx_.entities[speaker].mentions;
    for (std::size_t i = 0; i < mentions.size() && i < kMaxSpeakerMentions; ++i) {
      parties_in(mentions[i], mine_);
      describer_ = describer_ || described_as_describer(mentions[i]);
    }
  }
  // The words before the source ("White House press secretary Sarah Sanders") and after it (", a
  // Kremlin spokesman,") say whether the speaker speaks for someone.
  if (!spokesperson_) {
    const std::uint32_t a = tokens[q_.source->first].range.begin;
    const std::uint32_t b = tokens[q_.source->last()].range.end;
    const std::uint32_t from = a > 40 ? a - 40 : 0;
    const std::uint32_t to = std::min<std::uint32_t>(static_cast<std::uint32_t>(text_.size()), b + 40);
    static const RE2 kSpeaksFor(R"((?i)\b(?:spokes(?:man|woman|person|men|women)|press secretary|aides?)\b)");
    std::string_view around = text_.substr(from, to - from);
    // Not across a sentence end before the source.
    const std::size_t stop = around.substr(0, a - from).find_last_of(".!?\n");
    if (stop != std::string_view::npos) around.remove_prefix(stop + 1);
    spokesperson_ = RE2::PartialMatch(re2::StringPiece(around.data(), around.size()), kSpeaksFor);
  }
}

// The first byte of the clause holding byte `at` within its span: after "that", ";", ":" or a
// dash, else the span's start.
std::uint32_t labeller::clause_start(std::uint32_t at, std::uint32_t span_begin) const {
  const auto tokens = ctx_.doc.tokens();
  std::uint32_t t = ctx_.doc.token_at(at);
  const std::uint32_t first = ctx_.doc.token_at(span_begin);
  // After a terminator ("but", "whereas"): a new clause with its own subject.
  std::uint32_t after_terminator = span_begin;
  for (const hit& h : cues_) {
    if (h.cls == cue_class::terminator && h.begin >= span_begin && h.end <= at) after_terminator = h.end;
  }
  while (t > first) {
    --t;
    const token& tok = tokens[t];
    if (tok.range.end <= after_terminator) return after_terminator;
    const std::string_view w = tok.range.of(text_);
    if (tok.kind == token_kind::word && (((ctx_.info[t].classes & wc_complementizer) != 0 && w == "that") || w == "then")) {
      // "terms that would stop the fighting": a "that" followed by its verb is a relative
      // pronoun, whose clause belongs to the clause around it.
      if (w == "that" && relative_that(t)) continue;
      return tok.range.end;
    }
    if (tok.kind == token_kind::punctuation &&
        (w == ";" || w == ":" || first_code_point(w) == 0x2014 || first_code_point(w) == 0x2013)) {
      return tok.range.end;
    }
  }
  return span_begin;
}

// Does the clause starting at byte `from` open with the speaker's own side as subject and a
// "will", "would" or "shall" before byte `limit` ("The United States will reduce its forces",
// in a statement of the United States)? A commitment, which supports what it commits to.
bool labeller::own_side_commits(std::uint32_t from, std::uint32_t limit) const {
  if (mine_.empty()) return false;
  const auto tokens = ctx_.doc.tokens();
  bool ours = false;
  std::uint32_t words = 0;
  for (std::uint32_t t = ctx_.doc.token_at(from); t < tokens.size() && tokens[t].range.end <= limit && words < 8; ++t) {
    if (tokens[t].range.begin < from || tokens[t].kind != token_kind::word) continue;
    ++words;
    const std::string_view w = tokens[t].range.of(text_);
    if (w == "will" || w == "would" || w == "shall") return ours;
    const std::uint16_t p = party_of(t);
    if (p != 0) {
      if (std::find(mine_.begin(), mine_.end(), p) == mine_.end()) return false;
      ours = true;
    }
  }
  return false;
}

// Is the "that" at token t a relative pronoun, followed directly by an auxiliary or verb?
bool labeller::relative_that(std::uint32_t t) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t k = t + 1; k < tokens.size() && k < t + 3; ++k) {
    if (tokens[k].kind == token_kind::space) continue;
    return tokens[k].kind == token_kind::word && (ctx_.info[k].classes & (wc_auxiliary | wc_modal | wc_verb)) != 0;
  }
  return false;
}

// "they must withdraw", "he should resign": the speaker demands it of them.
bool labeller::demanded_of(std::uint32_t t) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t k = t + 1; k < tokens.size() && k < t + 4; ++k) {
    if (tokens[k].kind == token_kind::space) continue;
    const std::string_view w = tokens[k].range.of(text_);
    return w == "must" || w == "should" || w == "need" || w == "needs" || w == "have" || w == "has" ||
           w == "ought";
  }
  return false;
}

// Is the pronoun at token t followed (after adverbs) by a verb or auxiliary?
bool labeller::verb_follows_pronoun(std::uint32_t t) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t k = t + 1; k < tokens.size() && k < t + 8; ++k) {
    if (tokens[k].kind == token_kind::space) continue;
    if (tokens[k].kind != token_kind::word) return false;
    const std::uint32_t c = ctx_.info[k].classes;
    if ((c & (wc_auxiliary | wc_verb | wc_cue | wc_negation)) != 0) return true;
    return !ctx_.info[k].starts_upper();  // an unknown lower-case word: the verb
  }
  return false;
}

// Does the clause starting at byte `from` open with "there" or "it"?
bool labeller::expletive_at(std::uint32_t from) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(from); t < tokens.size(); ++t) {
    if (tokens[t].range.end <= from || tokens[t].kind == token_kind::space) continue;
    const std::string_view w = tokens[t].range.of(text_);
    return w == "there" || w == "There" || w == "it" || w == "It";
  }
  return false;
}

// Is the subject of the clause starting at byte `from` a party other than the speaker's own
// side? Sets `mention` to the party's words.
bool labeller::third_party_at(std::uint32_t from, std::uint32_t limit, byte_range& mention) const {
  if (q_.type == cue_type::act || q_.type == cue_type::quoting) return false;
  // Without a side of their own, only "they" in a direct quote can tell, unless the speaker only
  // describes others (a news outlet, an anonymous source, an analyst).
  const bool describes = media_speaker_ || (describer_ && mine_.empty());
  const bool no_side = mine_.empty() && !describes;
  const auto tokens = ctx_.doc.tokens();
  std::uint32_t t = ctx_.doc.token_at(from);
  if (t < tokens.size() && tokens[t].range.end <= from) ++t;
  std::vector<std::uint16_t> theirs;
  bool verb_follows = false;
  bool started = false;
  for (std::uint32_t n = 0; t < tokens.size() && tokens[t].range.begin < limit && n < 8; ++t) {
    const token& tok = tokens[t];
    if (tok.kind == token_kind::space) continue;
    if (tok.kind != token_kind::word) {
      const std::string_view p = tok.range.of(text_);
      if (p == "." || p == "-" || first_code_point(p) == 0x2019 || p == "'") continue;
      if (tok.kind == token_kind::quotation_mark && !started) continue;
      break;
    }
    const std::uint32_t c = ctx_.info[t].classes;
    const bool upper = ctx_.info[t].starts_upper();
    if (!started && (c & wc_complementizer) != 0 && !upper) continue;  // "that"
    if ((c & wc_pronoun) != 0 && (c & wc_possessive) == 0) {
      // "we", "I" are the speaker's side; in the speaker's own words "they", "he", "she" are
      // someone else ("They want the talks to fail"), which the speaker reports on.
      if (q_.kind == quote_kind::direct && (c & (wc_they | wc_he | wc_she)) != 0 && !demanded_of(t) &&
          !(spokesperson_ && (c & wc_they) == 0)) {
        mention = tok.range;
        return verb_follows_pronoun(t);
      }
      return false;
    }
    // "— and the U.S. does not want …": a clause's leading conjunction is not its subject.
    if (!started && (c & wc_conjunction) != 0 && !upper) continue;
    if ((c & (wc_preposition | wc_conjunction)) != 0 && (c & (wc_org | wc_place | wc_title)) == 0) break;
    if (!upper && (c & (wc_auxiliary | wc_verb | wc_cue | wc_negation)) != 0) {
      // "Russia must withdraw", "Ukraine should hold talks": the speaker demands it of them.
      if (!theirs.empty() && demanded_of(t - 1)) return false;
      verb_follows = true;
      break;
    }
    if (!upper && (c & wc_determiner) != 0 && started) break;
    // An unknown lower-case word after a capitalised subject is its verb ("Russia launched").
    if (!upper && (c & (wc_role | wc_org | wc_title | wc_demonym | wc_determiner)) == 0 && !theirs.empty()) {
      verb_follows = true;
      break;
    }
    started = true;
    const std::uint16_t p = party_of(t);
    if (p != 0 && std::find(theirs.begin(), theirs.end(), p) == theirs.end()) {
      theirs.push_back(p);
      std::string_view w = tok.range.of(text_);
      std::uint32_t end = tok.range.end;
      if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") end -= 4;
      else if (w.size() > 2 && w.substr(w.size() - 2) == "'s") end -= 2;
      mention = {tok.range.begin, end};
    }
    ++n;
  }
  if (no_side || theirs.empty() || !verb_follows) return false;
  if (describes) return true;  // a news outlet or a source reports other parties' positions
  for (const std::uint16_t p : theirs) {
    if (std::find(mine_.begin(), mine_.end(), p) != mine_.end()) return false;
  }
  return true;
}

}  // namespace sayso::detail::stance_internal
