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
  encoded_document enc;
  std::vector<std::int32_t> emissions;
  std::vector<std::int32_t> best;  // per sequence, the best tagging's score
  std::vector<std::int32_t> masked;
  std::vector<tag> masked_tags;
  std::vector<std::int32_t> scratch;
  std::vector<tag> tags;
  std::vector<piece> pieces;
  std::vector<attribution> found;
};

workspace& thread_workspace() {
  thread_local workspace ws;
  return ws;
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
    for (std::uint32_t si = 0; si < enc_.sequences.size(); ++si) {
      const sequence& s = enc_.sequences[si];
      for (std::uint32_t j = s.first; j < s.end; ++j) {
        const tag t = tags_[j];
        const role r = role_of(t);
        if (r == role::none) continue;
        const std::uint32_t d = enc_.tokens[j];
        if (is_begin(t) || j == s.first || role_of(tags_[j - 1]) != r) {
          ws_.pieces.push_back({r, d, d, in_.doc.sentence_of_token(d), si, j, j});
        } else {
          ws_.pieces.back().last = d;
          ws_.pieces.back().last_j = j;
        }
      }
    }
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
      for (std::uint32_t k = 0; k < p.size(); ++k) {
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
    const std::size_t rules = quotes_.size();
    if (how == mode::alone) quotes_.clear();
    for (const attribution& a : ws_.found) {
      std::vector<byte_range> spans = content_spans(a);
      if (spans.empty()) continue;
      if (how == mode::combined) {
        const std::uint32_t r = matching_rule(a, spans, rules);
        if (r != attribution::none) {
          adjust(quotes_[r], a);
          continue;
        }
        if (overlaps_any_rule(spans, rules) || !worth_adding(a, spans) || margin(a) < settings_.add_margin) continue;
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
  [[nodiscard]] std::uint8_t quote_state(std::uint32_t t) const { return enc_.quote_state[t]; }

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
    for (std::uint32_t k = 0; k < p.size(); ++k) {
      if (p[k].what != role::source || p[k].sentence != p[cue].sentence) continue;
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
  [[nodiscard]] std::uint32_t matching_rule(const attribution& a, const std::vector<byte_range>& spans,
                                            std::size_t rules) const {
    if (a.cue != attribution::none) {
      const piece& c = ws_.pieces[a.cue];
      for (std::uint32_t r = 0; r < rules; ++r) {
        const rule_quote& q = quotes_[r];
        if (q.cue_first == npos || q.cue_first > c.last || q.cue_end <= c.first) continue;
        if (overlap(q.spans, spans) > 0) return r;
      }
    }
    std::uint32_t best = attribution::none;
    double best_dice = settings_.adjust_overlap;
    for (std::uint32_t r = 0; r < rules; ++r) {
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

  [[nodiscard]] bool overlaps_any_rule(const std::vector<byte_range>& spans, std::size_t rules) const {
    for (std::uint32_t r = 0; r < rules; ++r) {
      if (overlap(quotes_[r].spans, spans) > 0) return true;
    }
    return false;
  }

  // How much better the best tagging is than the best one in which the attribution's tokens
  // are all outside (the model's confidence in it).
  [[nodiscard]] std::int32_t margin(const attribution& a) const {
    if (m_ == nullptr) return std::numeric_limits<std::int32_t>::max();
    const std::uint32_t si = ws_.pieces[a.content.front()].sequence;
    const sequence& s = enc_.sequences[si];
    const std::size_t n = s.end - s.first;
    ws_.masked.assign(ws_.emissions.begin() + std::ptrdiff_t{s.first} * tag_count,
                      ws_.emissions.begin() + std::ptrdiff_t{s.end} * tag_count);
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
    const std::int32_t without = decode(*m_, ws_.masked.data(), n, ws_.masked_tags.data(), ws_.scratch);
    return ws_.best[si] - without;
  }

  // The lexicon's entry for a cue piece: that of its first word that begins one, or null.
  [[nodiscard]] const cue_entry* entry_of(const piece& c) const {
    for (std::uint32_t t = c.first; t <= c.last; ++t) {
      if (tok_[t].kind != token_kind::word || (in_.info[t].classes & (wc_cue | wc_phrase)) == 0) continue;
      std::array<char, 48> buffer{};
      const auto entries = in_.lex.cues_starting(lookup_key(s(t), buffer));
      if (!entries.empty()) return &in_.lex.cue(entries.front());
    }
    return nullptr;
  }

  // A model attribution the rules did not find is added when it has a source and its cue is a
  // reporting cue of the lexicon: a speech verb, "according to" or a belief; a cue that also
  // names acts and findings ("accused", "showed", "called") only with quoted words in the
  // content. (The model learnt PolNeAR's broader notion of attribution, "X decided to",
  // "Y seemed"; sayso reports speech.)
  [[nodiscard]] bool worth_adding(const attribution& a, const std::vector<byte_range>& spans) const {
    if (a.cue == attribution::none || a.source == attribution::none) return false;
    // The source next to its cue ("X said", "said X", "X, Y's minister, said"); a be-form makes
    // a passive, whose subject is not the speaker ("X is said to ...").
    const piece& c = ws_.pieces[a.cue];
    if (distance(c, ws_.pieces[a.source]) > 12) return false;
    for (std::uint32_t t = c.first; t <= c.last; ++t) {
      if (tok_[t].kind != token_kind::word) continue;
      std::array<char, 16> buffer{};
      const std::string_view w = lookup_key(s(t), buffer);
      if (w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being") return false;
    }
    const cue_entry* e = entry_of(c);
    if (e == nullptr) return false;
    switch (e->type) {
      case cue_type::speech:
      case cue_type::according:
      case cue_type::belief: return true;
      case cue_type::evidential:
      case cue_type::quoting:
      case cue_type::act: return kind_of(spans) == quote_kind::mixed;
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
  // own tagging to the rule's by settings::adjust_margin; its source extent replaces the rule's
  // where the two overlap.
  void adjust(rule_quote& q, const attribution& a) {
    if (q.kind == quote_kind::direct) return;
    const std::uint32_t first_sentence = in_.doc.sentence_of_token(in_.doc.token_at(q.spans.front().begin));
    const std::uint32_t last_sentence = in_.doc.sentence_of_token(in_.doc.token_at(q.spans.back().end - 1));
    std::vector<byte_range> spans = content_spans(a, {first_sentence, last_sentence});
    if (!spans.empty() && spans != q.spans && rule_margin(a, q) >= settings_.adjust_margin) {
      q.spans = std::move(spans);
      q.first_token = in_.doc.token_at(q.spans.front().begin);
      q.kind = kind_of(q.spans);
    }
    if (a.source != attribution::none && q.source_first != npos) {
      const piece& src = ws_.pieces[a.source];
      if (src.first < q.source_end && src.last >= q.source_first) {
        q.source_first = src.first;
        q.source_end = src.last + 1;
      }
    }
  }

  // How much better the best tagging is than the best one that tags the rule quote's content
  // as the rule has it.
  [[nodiscard]] std::int32_t rule_margin(const attribution& a, const rule_quote& q) const {
    if (m_ == nullptr) return std::numeric_limits<std::int32_t>::max();
    const std::uint32_t si = ws_.pieces[a.content.front()].sequence;
    const sequence& s = enc_.sequences[si];
    const std::size_t n = s.end - s.first;
    ws_.masked.assign(ws_.emissions.begin() + std::ptrdiff_t{s.first} * tag_count,
                      ws_.emissions.begin() + std::ptrdiff_t{s.end} * tag_count);
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
    const std::int32_t as_rule = decode(*m_, ws_.masked.data(), n, ws_.masked_tags.data(), ws_.scratch);
    return ws_.best[si] - as_rule;
  }

  [[nodiscard]] rule_quote make_quote(const attribution& a, std::vector<byte_range> spans) const {
    rule_quote q;
    q.spans = std::move(spans);
    q.first_token = in_.doc.token_at(q.spans.front().begin);
    q.paragraph = in_.doc.sentences()[in_.doc.sentence_of_token(q.first_token)].paragraph;
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
      q.cue_first = c.first;
      q.cue_end = c.last + 1;
      cue_kind kind = cue_kind::verb;
      if (c.first == c.last && s(c.first) == ":") kind = cue_kind::colon;
      if (const cue_entry* e = entry_of(c)) {
        q.lemma = e->lemma;
        q.type = e->type;
        q.belief = e->type == cue_type::belief;
        if (e->type == cue_type::according) kind = cue_kind::phrase;
      }
      q.cue = reporting_cue{{tok_[c.first].range.begin, tok_[c.last].range.end}, kind};
    }
    if (a.source != attribution::none) {
      q.source_first = ws_.pieces[a.source].first;
      q.source_end = ws_.pieces[a.source].last + 1;
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
      if (out.back().speaker_from != npos) out.back().speaker_from = position[out.back().speaker_from];
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
  encode({in.doc, in.info, in.quotations, quotes}, ws.enc);
  const std::size_t n = ws.enc.tokens.size();
  if (n == 0 && how == mode::combined) return;
  ws.emissions.resize(n * tag_count);
  ws.tags.resize(n);
  ws.best.clear();
  m.emissions(ws.enc.keys.data(), n, ws.emissions.data());
  for (const sequence& s : ws.enc.sequences) {
    ws.best.push_back(decode(m, ws.emissions.data() + std::size_t{s.first} * tag_count, s.end - s.first,
                             ws.tags.data() + s.first, ws.scratch));
  }
  combiner c(in, ws.enc, ws.tags, ws, quotes);
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
