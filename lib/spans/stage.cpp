// The span-model stage: decode, group the tags into attributions, combine with the rules.
#include "spans/stage.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <string_view>

#include "text/unicode.hpp"

namespace sayso::detail::spans {

namespace {

// A run of tokens the model gave one role: document tokens [first, last].
struct piece {
  role what = role::none;
  std::uint32_t first = 0;     // document tokens
  std::uint32_t last = 0;
  std::uint32_t sentence = 0;
  std::uint32_t sequence = 0;  // index into encoded_document::sequences
  std::uint32_t first_j = 0;   // sequence tokens [first_j, last_j]
  std::uint32_t last_j = 0;
};

// Pieces grouped: the content pieces of one attribution, its cue and its source (indices into
// the pieces, or none).
struct attribution {
  static constexpr std::uint32_t none = UINT32_MAX;
  std::vector<std::uint32_t> content;
  std::uint32_t cue = none;
  std::uint32_t source = none;
};

struct workspace {
  encoded_document enc;  // marks, tokens and sequences; no buckets (each sentence is scored as encoded)
  std::vector<std::uint32_t> sentence_tokens;
  std::vector<std::uint32_t> buckets;  // of one sentence
  std::vector<std::int32_t> emissions;  // tag_count per sequence token, kept for the margins
  std::vector<std::int64_t> best;  // per sequence, the best tagging's score
  std::vector<std::int32_t> masked;
  std::vector<tag> masked_tags;
  std::vector<std::uint8_t> scratch;
  std::vector<tag> tags;
  std::vector<piece> pieces;
  std::vector<std::uint32_t> piece_begin;  // per sequence, its first piece (and one past the last)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rule_index;  // (sentence, rule quote), sorted
  std::vector<std::uint32_t> near_rules;
  std::vector<attribution> found;
};

workspace& thread_workspace() {
  thread_local workspace ws;
  return ws;
}

std::int32_t clamp32(std::int64_t v) {
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(v, INT32_MIN, INT32_MAX));
}

std::uint32_t distance(const piece& a, const piece& b) {
  if (a.first > b.last) return a.first - b.last;
  if (b.first > a.last) return b.first - a.last;
  return 0;
}

class combiner {
 public:
  combiner(const stage_input& in, const encoded_document& enc, const std::vector<tag>& tags, workspace& ws,
           std::vector<rule_quote>& quotes)
      : in_(in), enc_(enc), tags_(tags), ws_(ws), tok_(in.doc.tokens()), quotes_(quotes) {}

  void collect_pieces() {
    ws_.pieces.clear();
    ws_.piece_begin.clear();
    for (std::uint32_t si = 0; si < enc_.sequences.size(); ++si) {
      const sequence& s = enc_.sequences[si];
      ws_.piece_begin.push_back(static_cast<std::uint32_t>(ws_.pieces.size()));
      for (std::uint32_t j = s.first; j < s.end; ++j) {
        const tag t = tags_[j];
        const role r = role_of(t);
        if (r == role::none) continue;
        const std::uint32_t d = enc_.tokens[j];
        if (is_begin(t) || j == s.first || role_of(tags_[j - 1]) != r) {
          ws_.pieces.push_back({r, d, d, s.sentence, si, j, j});
        } else {
          ws_.pieces.back().last = d;
          ws_.pieces.back().last_j = j;
        }
      }
    }
    ws_.piece_begin.push_back(static_cast<std::uint32_t>(ws_.pieces.size()));
  }

  // Each content piece joins the nearest cue of its sentence (or, for a quotation, of the
  // sentence before or after: “A.” she said.); a cue's attribution takes the nearest source of
  // the cue's sentence.
  void group() {
    ws_.found.clear();
    const std::vector<piece>& p = ws_.pieces;
    std::vector<std::uint32_t> by_cue(p.size(), attribution::none);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
      if (p[i].what != role::content) continue;
      const bool quoted = touches_quotation(p[i]);
      std::uint32_t best = attribution::none;
      std::uint32_t best_distance = std::numeric_limits<std::uint32_t>::max();
      // The pieces of its sentence and, for a quotation, of the sentences next to it.
      const std::uint32_t si = p[i].sequence;
      const std::uint32_t from = ws_.piece_begin[quoted && si > 0 ? si - 1 : si];
      const std::uint32_t to = ws_.piece_begin[quoted && si + 1 < enc_.sequences.size() ? si + 2 : si + 1];
      for (std::uint32_t k = from; k < to; ++k) {
        if (p[k].what != role::cue) continue;
        const bool near = p[k].sentence == p[i].sentence ||
                          (quoted && p[k].sentence + 1 >= p[i].sentence && p[k].sentence <= p[i].sentence + 1 &&
                           same_paragraph(p[k], p[i]));
        if (!near) continue;
        const std::uint32_t d = distance(p[k], p[i]) + (p[k].sentence == p[i].sentence ? 0 : 1000);
        if (d < best_distance) {
          best_distance = d;
          best = k;
        }
      }
      if (best == attribution::none) {
        ws_.found.push_back({{i}, attribution::none, attribution::none});
        continue;
      }
      if (by_cue[best] == attribution::none) {
        by_cue[best] = static_cast<std::uint32_t>(ws_.found.size());
        ws_.found.push_back({{}, best, nearest_source(best)});
      }
      ws_.found[by_cue[best]].content.push_back(i);
    }
  }

  void combine(mode how, const model* m, const settings& how_much) {
    m_ = m;
    settings_ = how_much;
    index_rules();
    if (how == mode::alone) quotes_.clear();
    for (const attribution& a : ws_.found) {
      std::vector<byte_range> spans = content_spans(a);
      if (spans.empty()) continue;
      if (how == mode::combined) {
        rules_near(a);
        const std::uint32_t r = matching_rule(a, spans);
        if (r != attribution::none) {
          adjust(quotes_[r], a);
          continue;
        }
        if (overlaps_any_rule(spans) || !worth_adding(a, spans) || margin(a) < settings_.add_margin) continue;
      } else if (a.cue == attribution::none && !touches_quotation(ws_.pieces[a.content.front()])) {
        continue;
      }
      rule_quote q = make_quote(a, std::move(spans));
      if (q.belief && !in_.beliefs) continue;
      quotes_.push_back(std::move(q));
    }
    restore_order();
  }

 private:
  [[nodiscard]] std::string_view s(std::uint32_t t) const { return in_.doc.text_of(tok_[t].range); }
  [[nodiscard]] std::uint8_t quote_state(std::uint32_t t) const { return enc_.m.quote_state[t]; }

  [[nodiscard]] bool same_paragraph(const piece& a, const piece& b) const {
    const auto sentences = in_.doc.sentences();
    return sentences[a.sentence].paragraph == sentences[b.sentence].paragraph;
  }

  [[nodiscard]] bool touches_quotation(const piece& p) const {
    for (std::uint32_t t = p.first; t <= p.last; ++t) {
      if (quote_state(t) != 0) return true;
    }
    return false;
  }

  [[nodiscard]] std::uint32_t nearest_source(std::uint32_t cue) const {
    const std::vector<piece>& p = ws_.pieces;
    std::uint32_t best = attribution::none;
    std::uint32_t best_distance = std::numeric_limits<std::uint32_t>::max();
    const std::uint32_t si = p[cue].sequence;
    for (std::uint32_t k = ws_.piece_begin[si]; k < ws_.piece_begin[si + 1]; ++k) {
      if (p[k].what != role::source) continue;
      const std::uint32_t d = distance(p[k], p[cue]);
      if (d < best_distance) {
        best_distance = d;
        best = k;
      }
    }
    return best;
  }

  // Content pieces as byte ranges, without quotation marks, space and trailing punctuation at
  // their edges (GUIDELINES.md: spans exclude the marks). Pieces of one sentence are joined
  // unless the attribution's own cue or source lies between them (“A,” she said, “B.”): a word
  // the model left out inside a content is still content. With `sentences` (first, last), only
  // pieces in those sentences count.
  [[nodiscard]] std::vector<byte_range> content_spans(
      const attribution& a, std::pair<std::uint32_t, std::uint32_t> sentences = {0, UINT32_MAX}) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;  // token [first, last], in order
    std::uint32_t run_sentence = UINT32_MAX;
    for (const std::uint32_t i : a.content) {  // in text order: pieces are
      const piece& p = ws_.pieces[i];
      if (p.sentence < sentences.first || p.sentence > sentences.second) continue;
      const auto between = [&](std::uint32_t x) {
        return x != attribution::none && ws_.pieces[x].first > runs.back().second && ws_.pieces[x].last < p.first;
      };
      if (!runs.empty() && run_sentence == p.sentence && !between(a.cue) && !between(a.source)) {
        runs.back().second = p.last;
      } else {
        runs.emplace_back(p.first, p.last);
        run_sentence = p.sentence;
      }
    }
    std::vector<byte_range> out;
    for (auto [first, last] : runs) {
      const auto trimmable = [&](std::uint32_t t, bool at_end) {
        if (tok_[t].kind == token_kind::space || tok_[t].kind == token_kind::quotation_mark) return true;
        if (tok_[t].kind != token_kind::punctuation) return false;
        const std::string_view p = s(t);
        if (!at_end) return p == "," || p == ";" || p == ":" || p == "(" || p == ")";
        // A quotation keeps its final punctuation (“We are ready,”); reported speech does not.
        return quote_state(t) == 0 && (p == "," || p == ";" || p == ":" || p == "." || p == "(" ||
                                       p == "-" || p == "--" || is_dash(first_code_point(p)));
      };
      while (first < last && trimmable(first, false)) ++first;
      while (last > first && trimmable(last, true)) --last;
      if (trimmable(first, true) && first == last) continue;
      out.push_back({tok_[first].range.begin, tok_[last].range.end});
    }
    return out;
  }

  static std::uint64_t overlap(const std::vector<byte_range>& a, const std::vector<byte_range>& b) {
    std::uint64_t n = 0;
    for (const byte_range& x : a) {
      for (const byte_range& y : b) {
        const std::uint32_t lo = std::max(x.begin, y.begin);
        const std::uint32_t hi = std::min(x.end, y.end);
        if (hi > lo) n += hi - lo;
      }
    }
    return n;
  }
  static std::uint64_t length(const std::vector<byte_range>& a) {
    std::uint64_t n = 0;
    for (const byte_range& x : a) n += x.size();
    return n;
  }

  // The rule quote that a model attribution refines: one sharing its cue, else the one whose
  // content it mostly covers.
  // Sentences of each rule quote (its first 16 and its last: enough to find overlaps with the
  // model's attributions, which lie in one sentence or two), so that finding the rule quotes near
  // an attribution costs a look-up, not a pass over all quotes.
  void index_rules() {
    ws_.rule_index.clear();
    for (std::uint32_t r = 0; r < quotes_.size(); ++r) {
      const rule_quote& q = quotes_[r];
      if (q.spans.empty()) continue;
      const std::uint32_t first = in_.doc.sentence_of_token(in_.doc.token_at(q.spans.front().begin));
      const std::uint32_t last = in_.doc.sentence_of_token(in_.doc.token_at(q.spans.back().end - 1));
      for (std::uint32_t s = first; s <= last && s < first + 16; ++s) ws_.rule_index.emplace_back(s, r);
      if (last >= first + 16) ws_.rule_index.emplace_back(last, r);
    }
    std::sort(ws_.rule_index.begin(), ws_.rule_index.end());
  }

  // The rule quotes in the sentences of attribution `a` (into ws_.near_rules).
  void rules_near(const attribution& a) const {
    ws_.near_rules.clear();
    const auto add = [&](std::uint32_t piece_index) {
      const std::uint32_t s = ws_.pieces[piece_index].sentence;
      auto it = std::lower_bound(ws_.rule_index.begin(), ws_.rule_index.end(), std::pair{s, 0U});
      for (; it != ws_.rule_index.end() && it->first == s; ++it) ws_.near_rules.push_back(it->second);
    };
    for (const std::uint32_t i : a.content) add(i);
    if (a.cue != attribution::none) add(a.cue);
    std::sort(ws_.near_rules.begin(), ws_.near_rules.end());
    ws_.near_rules.erase(std::unique(ws_.near_rules.begin(), ws_.near_rules.end()), ws_.near_rules.end());
  }

  // The rule quote that a model attribution refines: one sharing its cue, else the one whose
  // content it mostly covers. Call rules_near(a) first.
  [[nodiscard]] std::uint32_t matching_rule(const attribution& a, const std::vector<byte_range>& spans) const {
    if (a.cue != attribution::none) {
      const piece& c = ws_.pieces[a.cue];
      for (const std::uint32_t r : ws_.near_rules) {
        const rule_quote& q = quotes_[r];
        if (!q.cue || q.cue->range.empty()) continue;
        // The rule's cue tokens [cue_first, cue_end) against the model's cue piece.
        const std::uint32_t cue_first = in_.doc.token_at(q.cue->range.begin);
        const std::uint32_t cue_end = in_.doc.token_at(q.cue->range.end - 1) + 1;
        if (cue_first > c.last || cue_end <= c.first) continue;
        if (overlap(q.spans, spans) > 0) return r;
      }
    }
    std::uint32_t best = attribution::none;
    double best_dice = settings_.adjust_overlap;
    for (const std::uint32_t r : ws_.near_rules) {
      const std::uint64_t o = overlap(quotes_[r].spans, spans);
      if (o == 0) continue;
      const double dice = 2.0 * static_cast<double>(o) / static_cast<double>(length(quotes_[r].spans) + length(spans));
      if (dice >= best_dice) {
        best_dice = dice;
        best = r;
      }
    }
    return best;
  }

  [[nodiscard]] bool overlaps_any_rule(const std::vector<byte_range>& spans) const {
    for (const std::uint32_t r : ws_.near_rules) {
      if (overlap(quotes_[r].spans, spans) > 0) return true;
    }
    return false;
  }

  // The emission scores of sequence `s`, copied into ws_.masked (to be constrained).
  void score_again(const sequence& s) const {
    ws_.masked.assign(ws_.emissions.begin() + std::ptrdiff_t{s.first} * tag_count,
                      ws_.emissions.begin() + std::ptrdiff_t{s.end} * tag_count);
  }

  // How much better the best tagging is than the best one in which the attribution's tokens
  // are all outside (the model's confidence in it).
  [[nodiscard]] std::int32_t margin(const attribution& a) const {
    if (m_ == nullptr) return std::numeric_limits<std::int32_t>::max();
    const std::uint32_t si = ws_.pieces[a.content.front()].sequence;
    const sequence& s = enc_.sequences[si];
    const std::size_t n = s.end - s.first;
    score_again(s);
    const auto mask = [&](std::uint32_t p) {
      const piece& x = ws_.pieces[p];
      if (x.sequence != si) return;
      for (std::uint32_t j = x.first_j; j <= x.last_j; ++j) {
        for (int t = 1; t < tag_count; ++t) ws_.masked[(j - s.first) * tag_count + t] = -(1 << 28);
      }
    };
    for (const std::uint32_t p : a.content) mask(p);
    if (a.cue != attribution::none) mask(a.cue);
    if (a.source != attribution::none) mask(a.source);
    ws_.masked_tags.resize(n);
    const std::int64_t without = decode(*m_, ws_.masked.data(), n, ws_.masked_tags.data(), ws_.scratch);
    return clamp32(ws_.best[si] - without);
  }

  // A source that can speak: a name or a capitalised word, a pronoun, a title, role,
  // organisation or medium ("officials", "the newspaper"); not an event ("protests"), not a
  // negated one ("no group") and not a bare quantifier ("few believe …").
  [[nodiscard]] bool speakerish(const piece& p) const {
    bool first_word = true;
    bool ok = false;
    int words = 0;
    bool quantifier = false;  // "few", "many", "some": alone, the writer's summary of a belief
    for (std::uint32_t t = p.first; t <= p.last; ++t) {
      if (tok_[t].kind != token_kind::word) continue;
      const std::uint32_t c = in_.info[t].classes;
      ++words;
      quantifier = (c & wc_determiner) != 0;
      if (first_word && (c & wc_negation) != 0) return false;
      first_word = false;
      // A capital counts on a word that is not a function word ("The" of "The delay").
      constexpr std::uint32_t function = wc_determiner | wc_preposition | wc_conjunction | wc_auxiliary |
                                         wc_relative | wc_complementizer | wc_negation | wc_possessive;
      if ((in_.info[t].starts_upper() && (c & function) == 0) ||
          (c & (wc_pronoun | wc_title | wc_role | wc_org | wc_medium)) != 0) {
        ok = true;
      }
    }
    return ok && !(words == 1 && quantifier);
  }

  // A headline: a paragraph of one sentence that does not end in sentence punctuation (or a
  // closing mark after it). The rules read no cue in one either.
  [[nodiscard]] bool headline(std::uint32_t sentence_index) const {
    const auto sentences = in_.doc.sentences();
    const paragraph& p = in_.doc.paragraphs()[sentences[sentence_index].paragraph];
    if (p.end_sentence - p.first_sentence != 1) return false;
    std::uint32_t t = sentences[sentence_index].end_token;
    while (t > sentences[sentence_index].first_token) {
      --t;
      if (tok_[t].kind == token_kind::space || tok_[t].kind == token_kind::quotation_mark) continue;
      const std::string_view x = s(t);
      return !(x == "." || x == "!" || x == "?" || x == ":" || first_code_point(x) == 0x2026);
    }
    return true;
  }

  // The lexicon's entry for a cue piece: the longest form that its words begin with, from
  // its first word that begins one ("called for" is an act, "called" names), or null.
  [[nodiscard]] const cue_entry* entry_of(const piece& c) const {
    std::array<char, 48> buffer{};
    for (std::uint32_t t = c.first; t <= c.last; ++t) {
      if (tok_[t].kind != token_kind::word || (in_.info[t].classes & (wc_cue | wc_phrase)) == 0) continue;
      for (const std::uint32_t e : in_.lex.cues_starting(lookup_key(s(t), buffer))) {
        const cue_entry& entry = in_.lex.cue(e);
        std::uint32_t k = t;
        bool match = true;
        for (std::size_t w = 1; w < entry.words.size() && match; ++w) {
          k = next_word(k);
          match = k < tok_.size() && lookup_key(s(k), buffer) == entry.words[w];
        }
        if (match) return &entry;
      }
    }
    return nullptr;
  }

  [[nodiscard]] bool lower_is(std::uint32_t t, std::string_view w) const {
    std::array<char, 48> buffer{};
    return tok_[t].kind == token_kind::word && lookup_key(s(t), buffer) == w;
  }

  [[nodiscard]] std::uint32_t previous_word(std::uint32_t t) const {
    while (t > 0 && tok_[t - 1].kind == token_kind::space) --t;
    return t > 0 ? t - 1 : 0;
  }

  [[nodiscard]] std::uint32_t next_word(std::uint32_t t) const {
    ++t;
    while (t < tok_.size() && tok_[t].kind == token_kind::space) ++t;
    return t;
  }

  // A model attribution the rules did not find is added when it has a source and its cue is a
  // reporting cue of the lexicon: a speech verb, a speech act ("urged", "called for"),
  // "according to" or a belief; a cue that also reports findings or names things ("showed",
  // "called") only with quoted words in the content. (The model learnt PolNeAR's broader notion of attribution, "X decided to",
  // "Y seemed"; sayso reports speech.)
  [[nodiscard]] bool worth_adding(const attribution& a, const std::vector<byte_range>& spans) const {
    if (a.cue == attribution::none || a.source == attribution::none) return false;
    // The source next to its cue ("X said", "said X", "X, Y's minister, said"); a be-form makes
    // a passive, whose subject is not the speaker ("X is said to ...").
    const piece& c = ws_.pieces[a.cue];
    const piece& src = ws_.pieces[a.source];
    if (distance(c, src) > 12) return false;
    // Content before its attribution ends at a comma, dash or closing mark ("C, X said"):
    // words run straight into a source are its subject ("No group claimed …").
    for (const std::uint32_t i : a.content) {
      const piece& p = ws_.pieces[i];
      if (p.last >= c.first || p.last >= src.first) continue;
      const std::uint32_t n = next_word(p.last);
      if (n >= tok_.size()) return false;
      const std::string_view x = s(n);
      if (!(tok_[n].kind == token_kind::quotation_mark || x == "," || x == ":" || x == "--" || x == "-" ||
            is_dash(first_code_point(x)))) {
        return false;
      }
    }
    // A source after its cue follows it at once ("…, said the minister"); one further on
    // belongs to another clause ("By refusing to …, Putin demonstrates …").
    if (src.first > c.last) {
      for (std::uint32_t t = c.last + 1; t < src.first; ++t) {
        if (tok_[t].kind != token_kind::space) return false;
      }
    }
    // A modal before it makes a forecast or a hypothesis of the writer's ("supporters will
    // applaud", "critics may say").
    for (std::uint32_t t = c.first > 0 ? c.first - 1 : 0; t <= c.last; ++t) {
      if (tok_[t].kind != token_kind::word) continue;
      std::array<char, 16> buffer{};
      const std::string_view w = lookup_key(s(t), buffer);
      if (w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being") {
        return false;
      }
      if (w == "will" || w == "'ll" || w == "would" || w == "may" || w == "might" || w == "could" || w == "can" ||
          w == "should" || w == "must") {
        return false;
      }
    }
    if (!speakerish(ws_.pieces[a.source]) || headline(c.sentence)) return false;
    // "… announced by X": a passive participle; its subject is what was said, not who.
    const std::uint32_t after = next_word(c.last);
    if (after < tok_.size() && lower_is(after, "by")) return false;
    const cue_entry* e = entry_of(c);
    if (e == nullptr) return false;
    switch (e->type) {
      case cue_type::speech:
      case cue_type::according:
      case cue_type::belief:
      case cue_type::act: return true;
      case cue_type::evidential:
      case cue_type::quoting: return kind_of(spans) == quote_kind::mixed;
    }
    return false;
  }

  [[nodiscard]] quote_kind kind_of(const std::vector<byte_range>& spans) const {
    for (const byte_range& r : spans) {
      for (std::uint32_t t = in_.doc.token_at(r.begin); t < tok_.size() && tok_[t].range.begin < r.end; ++t) {
        const std::uint8_t q = quote_state(t);
        if (q == 1 || q == 2 || q == 3) return quote_kind::mixed;  // inside, opening, closing; not stray marks
      }
    }
    return quote_kind::indirect;
  }

  // The model's boundaries replace a reported-speech rule quote's where the model prefers its
  // own tagging to the rule's by settings::adjust_margin. The rule's source stays: the speaker
  // stage reads the mentions the rules write (a name, a title and a name, a description), where
  // PolNeAR's sources, which the model learnt, run on into appositions.
  void adjust(rule_quote& q, const attribution& a) {
    // A quotation is bounded by its marks; a fragment named by a quoting verb ("described the
    // call as “productive”") is the quoted words.
    if (q.kind == quote_kind::direct || q.type == cue_type::quoting) return;
    const std::uint32_t first_sentence = in_.doc.sentence_of_token(in_.doc.token_at(q.spans.front().begin));
    const std::uint32_t last_sentence = in_.doc.sentence_of_token(in_.doc.token_at(q.spans.back().end - 1));
    std::vector<byte_range> spans = content_spans(a, {first_sentence, last_sentence});
    if (!spans.empty() && spans != q.spans && !reports_again(q.spans.back().end, spans.back().end) &&
        !crosses_colon(spans.front().begin, q.spans.front().begin) &&
        !drops_head(q.spans.front().begin, spans.front().begin) && rule_margin(a, q) >= settings_.adjust_margin) {
      q.spans = std::move(spans);
      q.kind = kind_of(q.spans);
    }
  }

  // Does the text the model adds after a rule's content, bytes [from, to), hold a second report
  // ("… but also states that …", "… and denies …") or a dash or semicolon that opens the writer's aside ("…” for
  // a summit — an attempt to …")? Then the rule's end stands.
  [[nodiscard]] bool reports_again(std::uint32_t from, std::uint32_t to) const {
    if (to <= from) return false;
    for (std::uint32_t t = in_.doc.token_at(from); t < tok_.size() && tok_[t].range.begin < to; ++t) {
      if (quote_state(t) != 0) continue;
      if (tok_[t].kind == token_kind::punctuation) {
        const std::string_view p = s(t);
        if (p == ";" || p == "--" || is_dash(first_code_point(p))) return true;
        continue;
      }
      if (tok_[t].kind != token_kind::word || (in_.info[t].classes & wc_cue) == 0) continue;
      const std::uint32_t n = next_word(t);
      if (n < tok_.size() && (in_.info[n].classes & wc_complementizer) != 0) return true;
      if (t > 0 && (in_.info[previous_word(t)].classes & wc_conjunction) != 0) return true;  // "… and denies …"
    }
    return false;
  }

  // Does the model's content, starting at byte `from` before the rule's at `to`, reach back over
  // a colon ("… tells its own story: C")? What follows the colon is the content.
  [[nodiscard]] bool crosses_colon(std::uint32_t from, std::uint32_t to) const {
    if (to <= from) return false;
    for (std::uint32_t t = in_.doc.token_at(from); t < tok_.size() && tok_[t].range.begin < to; ++t) {
      if (tok_[t].kind == token_kind::punctuation && s(t) == ":" && quote_state(t) == 0) return true;
    }
    return false;
  }

  // Would the model's content, starting at byte `to` where the rule's starts at `from`, begin
  // with a relative pronoun, leaving out the noun phrase it describes ("X, who was …, has been
  // killed")?
  [[nodiscard]] bool drops_head(std::uint32_t from, std::uint32_t to) const {
    if (to <= from) return false;
    const std::uint32_t t = in_.doc.token_at(to);
    return lower_is(t, "who") || lower_is(t, "whom") || lower_is(t, "whose") || lower_is(t, "which");
  }

  // How much better the best tagging is than the best one that tags the rule quote's content
  // as the rule has it.
  [[nodiscard]] std::int32_t rule_margin(const attribution& a, const rule_quote& q) const {
    if (m_ == nullptr) return std::numeric_limits<std::int32_t>::max();
    const std::uint32_t si = ws_.pieces[a.content.front()].sequence;
    const sequence& s = enc_.sequences[si];
    const std::size_t n = s.end - s.first;
    score_again(s);
    constexpr std::int32_t kNever = -(1 << 28);
    const auto only = [&](std::uint32_t j, tag keep) {
      for (int t = 0; t < tag_count; ++t) {
        if (t != static_cast<int>(keep)) ws_.masked[j * tag_count + t] = kNever;
      }
    };
    for (const byte_range& r : q.spans) {
      bool first = true;
      std::uint32_t j = 0;
      for (j = 0; j < n; ++j) {
        const token& tk = tok_[enc_.tokens[s.first + j]];
        if (tk.range.end <= r.begin) continue;
        if (tk.range.begin >= r.end) break;
        only(j, first ? tag::begin_content : tag::inside_content);
        first = false;
      }
      if (j < n) ws_.masked[j * tag_count + static_cast<int>(tag::inside_content)] = kNever;
    }
    ws_.masked_tags.resize(n);
    const std::int64_t as_rule = decode(*m_, ws_.masked.data(), n, ws_.masked_tags.data(), ws_.scratch);
    return clamp32(ws_.best[si] - as_rule);
  }

  [[nodiscard]] rule_quote make_quote(const attribution& a, std::vector<byte_range> spans) const {
    rule_quote q;
    q.spans = std::move(spans);
    const std::uint32_t first_token = in_.doc.token_at(q.spans.front().begin);
    q.paragraph = in_.doc.sentences()[in_.doc.sentence_of_token(first_token)].paragraph;
    q.kind = kind_of(q.spans);
    if (q.kind == quote_kind::mixed) {
      // Wholly inside one quotation: direct.
      bool inside = true;
      for (const byte_range& r : q.spans) {
        for (std::uint32_t t = in_.doc.token_at(r.begin); t < tok_.size() && tok_[t].range.begin < r.end; ++t) {
          if (tok_[t].kind != token_kind::space && quote_state(t) != 1) inside = false;
        }
      }
      if (inside) q.kind = quote_kind::direct;
    }
    q.confidence = 0.5F;
    if (a.cue != attribution::none) {
      const piece& c = ws_.pieces[a.cue];
      cue_kind kind = cue_kind::verb;
      if (c.first == c.last && s(c.first) == ":") kind = cue_kind::colon;
      if (const cue_entry* e = entry_of(c)) {
        q.type = e->type;
        q.belief = e->type == cue_type::belief;
        if (e->type == cue_type::according) kind = cue_kind::phrase;
      }
      q.cue = reporting_cue{{tok_[c.first].range.begin, tok_[c.last].range.end}, kind};
    }
    if (a.source != attribution::none) {
      q.source = token_span{ws_.pieces[a.source].first, ws_.pieces[a.source].last + 1};
    }
    return q;
  }

  // Text order of the first spans; floating quotes refer to quotes by index, so re-map those.
  void restore_order() {
    std::vector<std::uint32_t> order(quotes_.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
      return quotes_[a].spans.front().begin < quotes_[b].spans.front().begin;
    });
    bool sorted = true;
    for (std::uint32_t i = 0; i < order.size(); ++i) sorted = sorted && order[i] == i;
    if (sorted) return;
    std::vector<std::uint32_t> position(order.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    std::vector<rule_quote> out;
    out.reserve(quotes_.size());
    for (const std::uint32_t i : order) {
      out.push_back(std::move(quotes_[i]));
      if (out.back().continues != npos) out.back().continues = position[out.back().continues];
    }
    quotes_ = std::move(out);
  }

  const stage_input& in_;
  const encoded_document& enc_;
  const std::vector<tag>& tags_;
  workspace& ws_;
  const model* m_ = nullptr;
  settings settings_;
  std::span<const token> tok_;
  std::vector<rule_quote>& quotes_;
};

}  // namespace

void apply(const stage_input& in, const model& m, mode how, std::vector<rule_quote>& quotes,
           const settings& how_much) {
  workspace& ws = thread_workspace();
  const encode_input enc_in{in.doc, in.info, in.lex, in.quotations.quotations(), quotes};
  encoded_document& enc = ws.enc;
  mark(enc_in, enc.m);
  enc.tokens.clear();
  enc.sequences.clear();
  ws.tags.clear();
  ws.best.clear();
  // Sentence by sentence: memory stays at a few bytes per token of the document, whatever its
  // length.
  const auto sentences = static_cast<std::uint32_t>(in.doc.sentences().size());
  for (std::uint32_t si = 0; si < sentences; ++si) {
    if (!candidate(enc_in, enc.m, si)) continue;
    sequence seq;
    seq.first = static_cast<std::uint32_t>(enc.tokens.size());
    seq.sentence = si;
    ws.buckets.clear();
    encode_sentence(enc_in, enc.m, si, m.bucket_bits(), enc.tokens, ws.buckets);
    seq.end = static_cast<std::uint32_t>(enc.tokens.size());
    const std::size_t n = seq.end - seq.first;
    if (n == 0) continue;
    ws.emissions.resize(std::size_t{seq.end} * tag_count);
    std::int32_t* em = ws.emissions.data() + std::size_t{seq.first} * tag_count;
    m.emissions(ws.buckets.data(), n, em);
    ws.tags.resize(seq.end);
    ws.best.push_back(decode(m, em, n, ws.tags.data() + seq.first, ws.scratch));
    enc.sequences.push_back(seq);
  }
  if (enc.sequences.empty() && how == mode::combined) return;
  combiner c(in, enc, ws.tags, ws, quotes);
  c.collect_pieces();
  c.group();
  c.combine(how, &m, how_much);
}

void apply_tags(const stage_input& in, const encoded_document& enc, const std::vector<tag>& tags, mode how,
                std::vector<rule_quote>& quotes) {
  workspace& ws = thread_workspace();
  combiner c(in, enc, tags, ws, quotes);
  c.collect_pieces();
  c.group();
  c.combine(how, nullptr, {});
}

}  // namespace sayso::detail::spans
