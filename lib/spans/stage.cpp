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
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t sentence = 0;
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
  combiner(const stage_input& in, workspace& ws, std::vector<rule_quote>& quotes)
      : in_(in), ws_(ws), tok_(in.doc.tokens()), quotes_(quotes) {}

  void collect_pieces() {
    ws_.pieces.clear();
    for (const sequence& s : ws_.enc.sequences) {
      for (std::uint32_t j = s.first; j < s.end; ++j) {
        const tag t = ws_.tags[j];
        const role r = role_of(t);
        if (r == role::none) continue;
        const std::uint32_t d = ws_.enc.tokens[j];
        if (is_begin(t) || j == s.first || role_of(ws_.tags[j - 1]) != r) {
          ws_.pieces.push_back({r, d, d, in_.doc.sentence_of_token(d)});
        } else {
          ws_.pieces.back().last = d;
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

  void combine(mode how) {
    const std::size_t rules = quotes_.size();
    if (how == mode::alone) quotes_.clear();
    for (const attribution& a : ws_.found) {
      std::vector<byte_range> spans = content_spans(a);
      if (spans.empty()) continue;
      if (how == mode::combined) {
        const std::uint32_t r = matching_rule(a, spans, rules);
        if (r != attribution::none) {
          adjust(quotes_[r], a, std::move(spans));
          continue;
        }
        if (overlaps_any_rule(spans, rules) || !worth_adding(a)) continue;
      } else if (a.cue == attribution::none && !touches_quotation(ws_.pieces[a.content.front()])) {
        continue;
      }
      quotes_.push_back(make_quote(a, std::move(spans)));
    }
    restore_order();
  }

 private:
  [[nodiscard]] std::string_view s(std::uint32_t t) const { return in_.doc.text_of(tok_[t].range); }
  [[nodiscard]] std::uint8_t quote_state(std::uint32_t t) const { return ws_.enc.quote_state[t]; }

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
  // their edges (GUIDELINES.md: spans exclude the marks).
  [[nodiscard]] std::vector<byte_range> content_spans(const attribution& a) const {
    std::vector<byte_range> out;
    for (const std::uint32_t i : a.content) {
      std::uint32_t first = ws_.pieces[i].first;
      std::uint32_t last = ws_.pieces[i].last;
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
    std::sort(out.begin(), out.end(), [](byte_range x, byte_range y) { return x.begin < y.begin; });
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
    double best_dice = 0.5;
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

  // A model attribution the rules did not find is added when its cue begins with a reporting
  // cue of the lexicon (a verb or "according to").
  [[nodiscard]] bool worth_adding(const attribution& a) const {
    if (a.cue == attribution::none || a.source == attribution::none) return false;
    const piece& c = ws_.pieces[a.cue];
    for (std::uint32_t t = c.first; t <= c.last; ++t) {
      if (tok_[t].kind == token_kind::word && (in_.info[t].classes & (wc_cue | wc_phrase)) != 0) return true;
    }
    return false;
  }

  [[nodiscard]] quote_kind kind_of(const std::vector<byte_range>& spans) const {
    for (const byte_range& r : spans) {
      for (std::uint32_t t = in_.doc.token_at(r.begin); t < tok_.size() && tok_[t].range.begin < r.end; ++t) {
        if (quote_state(t) != 0) return quote_kind::mixed;
      }
    }
    return quote_kind::indirect;
  }

  void adjust(rule_quote& q, const attribution& a, std::vector<byte_range> spans) {
    if (q.kind == quote_kind::direct) return;
    q.spans = std::move(spans);
    q.first_token = in_.doc.token_at(q.spans.front().begin);
    q.kind = kind_of(q.spans);
    if (a.source != attribution::none && q.source_first != npos) {
      const piece& src = ws_.pieces[a.source];
      if (src.first < q.source_end && src.last >= q.source_first) {
        q.source_first = src.first;
        q.source_end = src.last + 1;
      }
    }
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
      for (std::uint32_t t = c.first; t <= c.last; ++t) {
        if (tok_[t].kind != token_kind::word) continue;
        std::array<char, 48> buffer{};
        const std::string_view lower = lookup_key(s(t), buffer);
        const auto entries = in_.lex.cues_starting(lower);
        if (entries.empty()) continue;
        const cue_entry& e = in_.lex.cue(entries.front());
        q.lemma = e.lemma;
        q.type = e.type;
        q.belief = e.type == cue_type::belief;
        if (e.type == cue_type::according) kind = cue_kind::phrase;
        break;
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
  workspace& ws_;
  std::span<const token> tok_;
  std::vector<rule_quote>& quotes_;
};

}  // namespace

void apply(const stage_input& in, const model& m, mode how, std::vector<rule_quote>& quotes) {
  workspace& ws = thread_workspace();
  encode({in.doc, in.info, in.quotations, quotes}, ws.enc);
  const std::size_t n = ws.enc.tokens.size();
  if (n == 0 && how == mode::combined) return;
  ws.emissions.resize(n * tag_count);
  ws.tags.resize(n);
  m.emissions(ws.enc.keys.data(), n, ws.emissions.data());
  for (const sequence& s : ws.enc.sequences) {
    decode(m, ws.emissions.data() + std::size_t{s.first} * tag_count, s.end - s.first, ws.tags.data() + s.first,
           ws.scratch);
  }
  combiner c(in, ws, quotes);
  c.collect_pieces();
  c.group();
  c.combine(how);
}

}  // namespace sayso::detail::spans
