// Attribution: which stretches of text are reported speech, by which cue, from which source.
//
// No parser is available at run time, so the rules work on ICU tokens, sentence structure,
// capitalisation and the lexicon's word classes. The document is cut into units: sentences,
// merged where a quotation runs over a sentence boundary. In each unit the reporting cues
// outside quotations are found, and each cue is read in one of these frames, tried in order:
//
//   according  "According to X, C." / "C, according to X." / "A, according to X, B."
//   inverted   "“Q,” X said." / "C, said X." / "A, X said, B." (the source follows the content)
//   forward    "X said (that) C." / "X said: “Q”" / "X called for C." / "X urged Y to C."
//
// Quotations left over are attributed by a colon ("X: “Q”"), a dash ("“Q” — X"), a colon
// ending the previous paragraph, or continue the previous quote (“A,” he said. “B.”) or speaker
// (floating quotes); short fragments with none of these are scare quotes or titles.
#include "attribution/attributor.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/unicode.hpp"

namespace sayso::detail {

namespace {

using detail::first_code_point;

class attributor {
 public:
  explicit attributor(const attribution_input& in)
      : in_(in),
        doc_(in.doc),
        text_(in.doc.text()),
        tok_(in.doc.tokens()),
        info_(in.info),
        lex_(in.lex),
        quots_(in.quotations) {}

  std::vector<raw_quote> run() {
    index_quotations();
    build_units();
    for (std::size_t u = 0; u < units_.size(); ++u) process_unit(static_cast<std::uint32_t>(u));
    leftover_quotations();
    // Text order; floating quotes refer to quotes by index, so re-map those.
    std::vector<std::uint32_t> order(out_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
      return out_[a].spans.front().begin < out_[b].spans.front().begin;
    });
    std::vector<std::uint32_t> position(out_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    std::vector<raw_quote> sorted;
    sorted.reserve(out_.size());
    for (const std::uint32_t i : order) {
      sorted.push_back(std::move(out_[i]));
      raw_quote& q = sorted.back();
      if (q.speaker_from != npos) q.speaker_from = position[q.speaker_from];
    }
    return sorted;
  }

 private:
  struct unit {
    std::uint32_t first;  // first token
    std::uint32_t end;    // one past the last token
    std::uint32_t paragraph;
    bool headline;        // a paragraph without sentence punctuation: not searched for cues
  };
  struct cue_hit {
    std::uint32_t first;
    std::uint32_t end;
    std::uint32_t entry;
    bool done = false;
  };
  struct qspan {
    std::uint32_t open_tok;
    std::uint32_t close_tok;  // last token of the quotation (closing mark, or last token)
  };

  // ---- token helpers ----------------------------------------------------------------------
  [[nodiscard]] std::string_view s(std::uint32_t i) const { return tok_[i].range.of(text_); }
  [[nodiscard]] bool is_word(std::uint32_t i) const { return tok_[i].kind == token_kind::word; }
  [[nodiscard]] bool is_wordish(std::uint32_t i) const {
    return tok_[i].kind == token_kind::word || tok_[i].kind == token_kind::number;
  }
  [[nodiscard]] std::uint32_t cls(std::uint32_t i) const { return info_[i].classes; }
  [[nodiscard]] bool cap(std::uint32_t i) const { return info_[i].starts_upper(); }
  [[nodiscard]] bool lower_is(std::uint32_t i, std::string_view w) const {
    if (!is_word(i)) return false;
    const std::string_view t = s(i);
    // lookup_key(t) == w without building the key (this runs for most tokens, many times):
    // the key is never longer than the word, and a word without ’ (whose first byte is E2)
    // has for key the word itself with its ASCII letters lowered.
    if (t.size() < w.size()) return false;
    const auto lowered = [](unsigned char c) { return static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c); };
    // The first byte decides most calls: unless it starts a ’, it is the key's first byte.
    if (!w.empty() && t[0] != '\xE2' && lowered(static_cast<unsigned char>(t[0])) != w[0]) return false;
    if (t.size() <= 32 && std::none_of(t.begin(), t.end(), [](char c) { return c == '\xE2'; })) {
      if (t.size() != w.size()) return false;
      for (std::size_t k = 0; k < t.size(); ++k) {
        if (lowered(static_cast<unsigned char>(t[k])) != w[k]) return false;
      }
      return true;
    }
    std::array<char, 32> buf{};
    return lookup_key(t, buf) == w;
  }
  [[nodiscard]] bool punct_is(std::uint32_t i, std::string_view p) const {
    return tok_[i].kind == token_kind::punctuation && s(i) == p;
  }
  [[nodiscard]] bool is_comma(std::uint32_t i) const { return punct_is(i, ","); }
  [[nodiscard]] bool is_dash(std::uint32_t i) const {
    if (tok_[i].kind != token_kind::punctuation) return false;
    const std::string_view t = s(i);
    if (t == "-" || t == "--") {
      // Hyphens count as a dash only with space on both sides: " - " or " -- ".
      std::uint32_t a = i;
      std::uint32_t b = i;
      while (a > 0 && s(a - 1) == "-") --a;
      while (b + 1 < tok_.size() && s(b + 1) == "-") ++b;
      return a > 0 && b + 1 < tok_.size() && b - a < 3 && tok_[a - 1].kind == token_kind::space &&
             tok_[b + 1].kind == token_kind::space;
    }
    return detail::is_dash(first_code_point(t));
  }
  [[nodiscard]] bool is_terminal(std::uint32_t i) const {
    if (tok_[i].kind != token_kind::punctuation) return false;
    const std::string_view t = s(i);
    return t == "." || t == "!" || t == "?" || first_code_point(t) == 0x2026;
  }
  [[nodiscard]] std::uint32_t next(std::uint32_t i, std::uint32_t end) const {
    ++i;
    while (i < end && tok_[i].kind == token_kind::space) ++i;
    return std::min(i, end);
  }
  [[nodiscard]] std::uint32_t prev(std::uint32_t i, std::uint32_t first) const {
    while (i > first) {
      --i;
      if (tok_[i].kind != token_kind::space) return i;
    }
    return npos;
  }
  [[nodiscard]] std::uint32_t qid(std::uint32_t i) const { return qid_[i]; }
  [[nodiscard]] bool in_quotation(std::uint32_t i) const { return qid_[i] != npos; }
  [[nodiscard]] bool is_open_mark(std::uint32_t i) const {
    return qid_[i] != npos && qspans_[qid_[i]].open_tok == i;
  }
  [[nodiscard]] bool is_close_mark(std::uint32_t i) const {
    return qid_[i] != npos && qspans_[qid_[i]].close_tok == i && quots_[qid_[i]].closed;
  }
  [[nodiscard]] bool adverbial(std::uint32_t i) const {
    if (!is_word(i) || cap(i)) return false;
    if ((cls(i) & (wc_auxiliary | wc_negation)) != 0 || negated_auxiliary(i)) return true;
    const std::string_view t = s(i);
    return t.size() > 4 && t.substr(t.size() - 2) == "ly" && (cls(i) & wc_cue) == 0;
  }
  [[nodiscard]] const cue_entry& entry(const cue_hit& h) const { return lex_.cue(h.entry); }

  // ---- setup ------------------------------------------------------------------------------
  void index_quotations() {
    qid_.assign(tok_.size(), npos);
    qspans_.resize(quots_.size());
    quotation_used_.assign(quots_.size(), npos);
    const auto paragraphs = doc_.paragraphs();
    const auto sentences = doc_.sentences();
    for (std::uint32_t q = 0; q < quots_.size(); ++q) {
      const quotation& qu = quots_[q];
      const std::uint32_t open = doc_.token_at(qu.open_mark.begin);
      std::uint32_t close = open;
      if (qu.closed) {
        close = doc_.token_at(qu.close_mark.end - 1);
      } else {
        // Unclosed: to the end of the paragraph.
        const std::uint32_t sent = doc_.sentence_of_token(open);
        const paragraph& p = paragraphs[sentences[sent].paragraph];
        close = sentences[p.end_sentence - 1].end_token - 1;
      }
      qspans_[q] = {open, close};
      if (qu.continues != quotation::none) continued_by_.emplace_back(qu.continues, q);
      if (qu.depth != 0) continue;
      for (std::uint32_t t = open; t <= close && t < tok_.size(); ++t) qid_[t] = q;
    }
    std::sort(continued_by_.begin(), continued_by_.end());
  }

  void build_units() {
    const auto sentences = doc_.sentences();
    const auto paragraphs = doc_.paragraphs();
    for (std::uint32_t si = 0; si < sentences.size();) {
      const sentence& first = sentences[si];
      std::uint32_t end = first.end_token;
      std::uint32_t sj = si + 1;
      // Extend while a quotation runs past the unit's end (same paragraph only).
      for (;;) {
        std::uint32_t last = end - 1;
        while (last > first.first_token && tok_[last].kind == token_kind::space) --last;
        const std::uint32_t q = qid_[last];
        if (q == npos || qspans_[q].close_tok < end || sj >= sentences.size() ||
            sentences[sj].paragraph != first.paragraph) {
          break;
        }
        end = sentences[sj].end_token;
        ++sj;
      }
      const paragraph& para = paragraphs[first.paragraph];
      push_unit(first.first_token, end, first.paragraph, is_headline(para));
      si = sj;
    }
  }

  // A "sentence" of thousands of tokens (a page without sentence ends) is cut outside
  // quotations into units of about kMaxUnitTokens, at a space if there is one: the per-unit
  // passes compare cues with cues and claims, so unbounded units would make attribution
  // quadratic in the text.
  static constexpr std::uint32_t kMaxUnitTokens = 1024;
  void push_unit(std::uint32_t first, std::uint32_t end, std::uint32_t paragraph, bool headline) {
    while (end - first > kMaxUnitTokens) {
      std::uint32_t cut = npos;
      for (int pass = 0; pass < 2 && cut == npos; ++pass) {  // a space, else any token
        for (std::uint32_t t = first + kMaxUnitTokens; t > first + kMaxUnitTokens / 2 && cut == npos; --t) {
          if (qid_[t] == npos && (pass == 1 || tok_[t].kind == token_kind::space)) cut = t;
        }
      }
      for (std::uint32_t t = first + kMaxUnitTokens + 1; t < end && cut == npos; ++t) {
        if (qid_[t] == npos) cut = t;
      }
      if (cut == npos || cut + 1 >= end) break;
      units_.push_back({first, cut, paragraph, headline});
      first = tok_[cut].kind == token_kind::space ? cut + 1 : cut;
    }
    units_.push_back({first, end, paragraph, headline});
  }

  // A paragraph that does not end like a sentence and is short: a headline, dateline or
  // navigation line. Quotes are not looked for in it.
  bool is_headline(const paragraph& p) const {
    const auto sentences = doc_.sentences();
    const std::uint32_t first = sentences[p.first_sentence].first_token;
    const std::uint32_t last = sentences[p.end_sentence - 1].end_token - 1;
    std::uint32_t t = last;
    while (t > first && (tok_[t].kind == token_kind::space)) --t;
    if (is_terminal(t) || tok_[t].kind == token_kind::quotation_mark || punct_is(t, ":")) {
      return false;
    }
    // A paragraph opening with a quotation is speech ("“…” — Name"), not a headline.
    if (tok_[first].kind == token_kind::quotation_mark && is_open_mark(first)) return false;
    std::uint32_t words = 0;
    for (std::uint32_t i = first; i <= last; ++i) words += is_word(i) ? 1 : 0;
    return words < 25;
  }

  // ---- cues -------------------------------------------------------------------------------
  void find_cues(const unit& u, std::vector<cue_hit>& hits) const {
    hits.clear();
    std::array<char, 32> buf{};
    for (std::uint32_t i = u.first; i < u.end; ++i) {
      if (!is_word(i) || in_quotation(i) || (cls(i) & (wc_cue | wc_phrase)) == 0) continue;
      const std::string_view key = lookup_key(s(i), buf);
      for (const std::uint32_t e : lex_.cues_starting(key)) {
        const cue_entry& ce = lex_.cue(e);
        std::uint32_t j = i;
        bool ok = true;
        for (std::size_t w = 1; ok && w < ce.words.size(); ++w) {
          j = next(j, u.end);
          ok = j < u.end && !in_quotation(j) && lower_is(j, ce.words[w]);
        }
        if (!ok) continue;
        if (!plausible_cue(u, i, j + 1, ce)) break;
        hits.push_back({i, j + 1, e});
        i = j;
        break;
      }
    }
  }

  // Filters noun and infinitive uses of cue words.
  bool plausible_cue(const unit& u, std::uint32_t first, std::uint32_t end, const cue_entry& ce) const {
    const std::uint32_t p = prev(first, u.first);
    if (p != npos && is_word(p)) {
      // "to say", "refused to comment": an infinitive, not a report.
      if (lower_is(p, "to") && ce.type != cue_type::according) return false;
      // "secretary of state", "in support": a noun after a preposition.
      // ("by saying", "for saying", "without saying": a gerund after a preposition is a report.)
      const bool gerund = ce.participle && ends_with(s(first), "ing") &&
                          (lower_is(p, "by") || lower_is(p, "for") || lower_is(p, "without") || lower_is(p, "in") ||
                           lower_is(p, "since") || lower_is(p, "upon"));
      if ((cls(p) & wc_preposition) != 0 && !cap(p) && ce.type != cue_type::according && !gerund &&
          !lower_is(p, "as") && !lower_is(p, "after") && !lower_is(p, "before") && !lower_is(p, "while")) {
        return false;
      }
      // "the report", "his statement", "a call for": nouns.
      static constexpr std::array<std::string_view, 13> kNounDeterminers = {
          "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"};
      for (const auto d : kNounDeterminers) {
        if (lower_is(p, d)) return false;
      }
      // "the next two states", "hundreds of reports": a verb in -s cannot follow a plural.
      static constexpr std::array<std::string_view, 12> kPlural = {
          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands"};
      if (s(first).size() > 3 && s(first).back() == 's' && !ce.base_form && ce.words.size() == 1) {
        for (const auto d : kPlural) {
          if (lower_is(p, d)) return false;
        }
      }
      // "the government's request", "Rubio's call": a noun after a possessive.
      const std::string_view pw = s(p);
      if (possessive_s(pw)) return false;
      // "anti-government protests", "peace talks": a plural noun after a modifier. A verb in
      // -s follows its subject, which is a name, pronoun, role or organisation.
      const std::string_view cw = s(first);
      static constexpr std::array<std::string_view, 24> kNounLemmas = {
          "report", "claim", "call", "comment", "remark", "demand", "promise", "pledge", "offer", "request",
          "protest", "appeal", "question", "answer", "reply", "estimate", "tweet", "post", "plan", "hope",
          "fear", "view", "vow", "order"};
      const std::string& lemma = lex_.lemmas()[ce.lemma];
      const bool noun_like = std::find(kNounLemmas.begin(), kNounLemmas.end(), lemma) != kNounLemmas.end();
      // "finance reports shows", "the claims are": a verb right after makes the cue a noun.
      if (noun_like && ce.words.size() == 1 && cw.size() > 3 && cw.back() == 's') {
        const std::uint32_t n = next(end - 1, u.end);
        if (n < u.end && is_word(n) && !cap(n) && (cls(n) & (wc_verb | wc_cue | wc_auxiliary)) != 0 && !adverbial_only(n) &&
            (cls(n) & wc_preposition) == 0) {
          return false;
        }
      }
      // "a Medium post", "the final report": an article and a modifier before a noun.
      if (noun_like && ce.words.size() == 1 && (cls(p) & (wc_role | wc_title | wc_org | wc_pronoun | wc_auxiliary)) == 0) {
        const std::uint32_t pp = prev(p, u.first);
        // ("The IDF claim that …", "the PCD estimates": after a name and "the", a verb.)
        if (pp != npos && (lower_is(pp, "a") || lower_is(pp, "an") || (lower_is(pp, "the") && !cap(p)))) return false;
      }
      if (noun_like && !cap(p) && cw.size() > 3 && cw.back() == 's' && ce.words.size() == 1 && !ce.base_form &&
          (cls(p) & (wc_role | wc_org | wc_title | wc_place | wc_pronoun | wc_auxiliary | wc_negation |
                     wc_relative | wc_conjunction | wc_time | wc_demonym)) == 0 &&
          tok_[p].kind == token_kind::word && pw.size() > 2 && pw.back() != 's') {
        return false;
      }
    }
    // "it is demanding and time-consuming": a participle used as an adjective.
    if (ce.participle && ce.words.size() == 1) {
      const std::uint32_t n = next(end - 1, u.end);
      if (n < u.end && (lower_is(n, "and") || lower_is(n, "or") || is_terminal(n) || is_comma(n)) && p != npos &&
          (lower_is(p, "is") || lower_is(p, "are") || lower_is(p, "was") || lower_is(p, "were") || lower_is(p, "be") ||
           lower_is(p, "been") || lower_is(p, "very") || lower_is(p, "more") || lower_is(p, "most"))) {
        return false;
      }
    }
    // "to understand and counter …": a verb coordinated with an infinitive.
    if (ce.base_form && p != npos && (lower_is(p, "and") || lower_is(p, "or"))) {
      const std::uint32_t v = prev(p, u.first);
      const std::uint32_t t = v == npos ? npos : prev(v, u.first);
      if (t != npos && lower_is(t, "to")) return false;
    }
    // "will argue", "would welcome": a prediction or hypothesis, not a report.
    // ("would formally declare", "will also argue": past adverbs.)
    if (p != npos && is_word(p) && ce.type != cue_type::according) {
      std::uint32_t m = p;
      for (int n = 0; n < 2 && m != npos && is_word(m) && !cap(m) &&
                      (ends_with(s(m), "ly") || ((cls(m) & wc_auxiliary) != 0 && adverbial_only(m)));
           ++n) {
        m = prev(m, u.first);
      }
      static constexpr std::array<std::string_view, 8> kModals = {"will", "would", "could", "might", "may", "can", "should", "must"};
      // ("Theresa May said": a capitalised "May" inside a sentence is a name.)
      const bool name = m != npos && cap(m) && prev(m, u.first) != npos;
      for (const auto w : kModals) {
        if (m != npos && !name && lower_is(m, w)) return false;
      }
    }
    // "Rwanda-backed", "U.S.-brokered": a participle in a compound adjective.
    if (first > 0 && punct_is(first - 1, "-")) return false;
    // "per X" reports only after a comma or at the start ("…, per the ministry"); elsewhere it
    // is the preposition ("$500 per speech").
    if (ce.type == cue_type::according && ce.words.size() == 1 && lower_is(first, "per")) {
      if (p != npos && !is_comma(p) && !is_dash(p) && !punct_is(p, "(")) return false;
      const std::uint32_t n = next(end - 1, u.end);
      if (n >= u.end || !is_word(n) || !(cap(n) || (cls(n) & wc_determiner) != 0)) return false;
    }
    // A capitalised cue word inside a sentence is a name ("Hope", "Read", "Grant").
    if (cap(first) && p != npos && ce.type != cue_type::according) return false;
    // An imperative or base form opening the sentence ("Read the rest here.").
    if (p == npos && ce.base_form && ce.type != cue_type::according) return false;
    const std::uint32_t n = next(end - 1, u.end);
    // "reports of", "claims of": nouns (but "warn of" is its own cue, and "says of Clinton" a verb).
    if (n < u.end && lower_is(n, "of") && ce.words.size() == 1 && !ce.past_participle) {
      const std::string& lemma = lex_.lemmas()[ce.lemma];
      if (lemma != "say" && lemma != "tell" && lemma != "write" && lemma != "speak") return false;
    }
    return true;
  }

  // ---- source phrases ---------------------------------------------------------------------
  // Can token i be part of a speaker phrase scanned leftwards?
  bool np_token_left(std::uint32_t i) const {
    if (negated_auxiliary(i)) return false;  // "he hasn't endorsed"
    if (is_wordish(i)) {
      const std::uint32_t c = cls(i);
      // "(R-IN)", "D-OR": a state code after a party letter.
      if (i > 0 && punct_is(i - 1, "-") && info_[i].all_upper()) return true;
      // "Theresa May", "Chairman Will Rogers": a capitalised auxiliary after a capitalised word
      // is a name.
      if (cap(i) && (c & wc_auxiliary) != 0 && i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
          cap(i - 2)) {
        return true;
      }
      if (cap(i)) {
        // "Until", "But", "If" at a sentence start are not names.
        return (c & (wc_conjunction | wc_preposition | wc_complementizer | wc_relative | wc_auxiliary)) == 0 ||
               (c & (wc_title | wc_org | wc_role | wc_place | wc_demonym)) != 0;
      }
      if ((c & (wc_complementizer | wc_relative)) != 0 && (c & wc_determiner) == 0) return false;
      // (Prepositions first: "in" also starts the cue "in the words of".)
      if ((c & wc_preposition) != 0 && (c & wc_conjunction) == 0) {
        if (lower_is(i, "of") || lower_is(i, "for")) return true;
        if (lower_is(i, "in") && ratio_around(i)) return true;  // "six in 10 voters"
        // "a source within the ministry", "officials at the embassy", "a diplomat in Brussels"
        const bool place_prep = lower_is(i, "within") || lower_is(i, "at") || lower_is(i, "in") ||
                                lower_is(i, "from") || lower_is(i, "inside") || lower_is(i, "close") ||
                                lower_is(i, "with") || lower_is(i, "on");
        if (i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
            ((lower_is(i, "with") && lower_is(i - 2, "familiar")) || (lower_is(i, "to") && lower_is(i - 2, "close")) ||
             (lower_is(i, "to") && (cls(i - 2) & wc_role) != 0))) {
          return true;  // "officials familiar with the matter", "a source close to the talks"
        }
        // "an inside source": a preposition after an article is an adjective.
        if (i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
            (lower_is(i - 2, "a") || lower_is(i - 2, "an") || lower_is(i - 2, "the"))) {
          return true;
        }
        // "people with knowledge of", "officials briefed on", "veterans interviewed at rallies in"
        return place_prep && i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
               ((cls(i - 2) & wc_role) != 0 || participle_after_role(i - 2) ||
                (!cap(i - 2) && !lower_is(i, "with") &&
                 (cls(i - 2) & (wc_verb | wc_cue | wc_auxiliary | wc_preposition | wc_conjunction |
                                wc_determiner | wc_complementizer | wc_relative | wc_pronoun | wc_negation)) == 0 &&
                 !ends_with(s(i - 2), "ed") && !ends_with(s(i - 2), "ing")));
      }
      // "people briefed on", "officials familiar": a participle after a role noun.
      if (participle_after_role(i)) return true;
      // "self-described", "so-called", "still-struggling": words in a hyphenated adjective.
      if (i > 1 && punct_is(i - 1, "-") && is_word(i - 2)) return true;
      if (i + 2 < tok_.size() && punct_is(i + 1, "-") && is_word(i + 2)) return true;
      if ((c & (wc_verb | wc_cue | wc_auxiliary | wc_negation)) != 0 &&
          (c & (wc_role | wc_title | wc_org | wc_determiner | wc_demonym)) == 0) {
        // "officials familiar with the talks": a cue word after a determiner is a noun.
        const bool after_det = i > 1 && tok_[i - 1].kind == token_kind::space && is_word(i - 2) &&
                               (cls(i - 2) & wc_determiner) != 0 && !lower_is(i - 2, "that");
        // ("an earlier report": an adverb after an article is an adjective.)
        if (!after_det || ((c & wc_auxiliary) != 0 && !adverbial_only(i))) return false;
      }
      if ((c & wc_conjunction) != 0 && (c & wc_determiner) == 0) return false;
      if ((c & wc_pronoun) != 0) return true;
      return true;
    }
    if (possessive_mark(i)) return true;  // "Sanders’ campaign"
    if (tok_[i].kind == token_kind::punctuation) {
      const std::string_view t = s(i);
      // Inside names and abbreviations: "U.S.", "Al-Shifa", "AT&T", "(PCD)".
      if (t == "%") return i > 0 && tok_[i - 1].kind == token_kind::number;  // "42% say"
      return t == "." || t == "-" || t == "&" || t == "'" || t == "(" || t == ")" || t == "/" ||
             first_code_point(t) == 0x2019;
    }
    return false;
  }

  // In [first, end), a verb: "to" before a lower-case word that is not a noun phrase's, or after
  // a capitalised word a lower-case word (not a role, title, organisation, place, time,
  // determiner, preposition or "and") followed by a determiner or pronoun, its object.
  bool verb_after_name(std::uint32_t first, std::uint32_t end) const {
    bool name = false;
    for (std::uint32_t t = first; t < end; ++t) {
      if (!is_word(t)) continue;
      if (cap(t)) {
        name = true;
        continue;
      }
      const std::uint32_t c = cls(t);
      if (lower_is(t, "to")) {
        const std::uint32_t n = next(t, end);
        if (n < end && is_word(n) && !cap(n) && (cls(n) & (wc_determiner | wc_role | wc_org | wc_title)) == 0) return true;
        continue;
      }
      // ("political scientist", "-based attorney": adjectives go on with a noun; a verb takes an
      // object that opens with a determiner or pronoun.)
      const std::uint32_t n = next(t, end);
      // "the Khan family deserved better": a past tense closing the phrase, not before a noun.
      if (name && ends_with(s(t), "ed") && (c & (wc_role | wc_org | wc_title)) == 0 &&
          (n >= end || !is_word(n) || (!cap(n) && (cls(n) & (wc_role | wc_org)) == 0 && !ends_with(s(n), "s")))) {
        return true;
      }
      if (name && n < end && is_word(n) && !cap(n) && (cls(n) & (wc_determiner | wc_pronoun)) != 0 &&
          (c & (wc_role | wc_title | wc_org | wc_place | wc_time | wc_determiner | wc_preposition | wc_demonym |
                wc_conjunction | wc_possessive)) == 0) {
        return true;
      }
    }
    return false;
  }

  // "hasn't", "didn’t", "won't": an auxiliary with its negation in one token.
  bool negated_auxiliary(std::uint32_t i) const {
    if (!is_word(i)) return false;
    const std::string_view w = s(i);
    const auto tail = [w](std::string_view e) { return w.size() >= e.size() + 2 && w.substr(w.size() - e.size()) == e; };
    return tail("n't") || tail("n\xE2\x80\x99t");
  }

  // A closing mark after a comma inside the quotation (“… the “Golden Week,” saying …”).
  bool comma_inside_close(std::uint32_t p) const {
    if (!is_close_mark(p) || !in_quotation(p)) return false;
    const std::string_view inner = quots_[qid(p)].inner.of(text_);
    return !inner.empty() && inner.back() == ',';
  }

  // "he", "they", "I" as a subject: a personal pronoun that is neither possessive nor an
  // object form ("him", "them", "us", "me"); "it" too when `with_it`.
  bool subject_pronoun(std::uint32_t i, bool with_it = false) const {
    const std::uint32_t persons = wc_he | wc_she | wc_they | wc_we | wc_i | (with_it ? wc_it : 0U);
    return is_word(i) && (cls(i) & persons) != 0 && (cls(i) & wc_possessive) == 0 && !lower_is(i, "him") &&
           !lower_is(i, "them") && !lower_is(i, "us") && !lower_is(i, "me");
  }

  // "Trump's", "Rubio’s": a word ending in a possessive 's.
  static bool possessive_s(std::string_view w) {
    return (w.size() > 2 && w.substr(w.size() - 2) == "'s") || (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
  }

  // An apostrophe after a plural (“Sanders’ campaign”) that no quotation uses.
  bool possessive_mark(std::uint32_t i) const {
    if (tok_[i].kind != token_kind::quotation_mark || in_quotation(i) || i == 0 || !is_word(i - 1)) return false;
    const std::string_view t = s(i);
    const std::string_view w = s(i - 1);
    return (t == "'" || first_code_point(t) == 0x2019) && !w.empty() && (w.back() == 's' || w.back() == 'S');
  }

  static bool ends_with(std::string_view w, std::string_view e) {
    return w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e;
  }
  // "briefed" in "people briefed on": a lower-case -ed word right after a role noun.
  bool participle_after_role(std::uint32_t i) const {
    return is_word(i) && !cap(i) && ends_with(s(i), "ed") && (cls(i) & wc_auxiliary) == 0 && i > 1 &&
           tok_[i - 1].kind == token_kind::space && is_word(i - 2) && (cls(i - 2) & wc_role) != 0 &&
           (cls(i - 2) & (wc_determiner | wc_pronoun)) == 0;
  }

  // Is token i a number or a number word ("10", "five")?
  bool numberish(std::uint32_t i) const {
    if (tok_[i].kind == token_kind::number) return true;
    static constexpr std::array<std::string_view, 10> kNumbers = {"one", "two", "three", "four", "five",
                                                                  "six", "seven", "eight", "nine", "ten"};
    for (const auto w : kNumbers) {
      if (lower_is(i, w)) return true;
    }
    return false;
  }
  // "in" between two numbers: a ratio ("one in five", "six in 10").
  bool ratio_around(std::uint32_t i) const {
    return i > 1 && i + 2 < tok_.size() && tok_[i - 1].kind == token_kind::space &&
           tok_[i + 1].kind == token_kind::space && numberish(i - 2) && numberish(i + 2);
  }

  // Moves left from token j over adverbs and time adjuncts between a subject and its verb:
  // "X only last week said", "X on Tuesday said", "X earlier this month said".
  std::uint32_t skip_back_adjuncts(std::uint32_t j, std::uint32_t first) const {
    for (int round = 0; round < 4 && j != npos; ++round) {
      while (j != npos && adverbial(j)) j = prev(j, first);
      // "who in 2010 said": a year after a preposition.
      // "on May 5 said": a day after a month.
      if (j != npos && tok_[j].kind == token_kind::number && s(j).size() <= 2) {
        const std::uint32_t mo = prev(j, first);
        if (mo != npos && is_word(mo) && cap(mo) && (cls(mo) & wc_time) != 0) {
          const std::uint32_t pr = prev(mo, first);
          if (pr != npos && (lower_is(pr, "on") || lower_is(pr, "in"))) {
            j = prev(pr, first);
            continue;
          }
        }
      }
      if (j != npos && tok_[j].kind == token_kind::number && s(j).size() == 4) {
        const std::uint32_t p = prev(j, first);
        if (p != npos && (lower_is(p, "in") || lower_is(p, "since") || lower_is(p, "during"))) {
          j = prev(p, first);
          continue;
        }
      }
      // "X in a Medium post said", "X in a statement on Tuesday said": a channel adjunct.
      if (j != npos && is_word(j) && !cap(j) && (cls(j) & wc_medium) != 0) {
        std::uint32_t m = prev(j, first);
        for (int n = 0; n < 4 && m != npos && !(lower_is(m, "in") || lower_is(m, "on") || lower_is(m, "via")); ++n) {
          m = (is_wordish(m) || punct_is(m, "-")) ? prev(m, first) : npos;
        }
        if (m != npos && (lower_is(m, "in") || lower_is(m, "on") || lower_is(m, "via")) && prev(m, first) != npos) {
          j = prev(m, first);
          continue;
        }
      }
      if (j == npos || !is_word(j) || (cls(j) & wc_time) == 0) break;
      // "Theresa May said": a capitalised month right after a name is part of the name.
      if (cap(j)) {
        const std::uint32_t b = prev(j, first);
        if (b != npos && is_word(b) && cap(b) && (cls(b) & (wc_time | wc_preposition | wc_determiner)) == 0) break;
      }
      std::uint32_t k = j;
      bool anchored = false;  // "four years" alone is a noun phrase, "last week" an adjunct
      while (k != npos && ((is_word(k) && (cls(k) & wc_time) != 0) || tok_[k].kind == token_kind::number)) {
        anchored = anchored || !(lower_is(k, "day") || lower_is(k, "days") || lower_is(k, "week") || lower_is(k, "weeks") ||
                                 lower_is(k, "month") || lower_is(k, "months") || lower_is(k, "year") ||
                                 lower_is(k, "years") || tok_[k].kind == token_kind::number);
        k = prev(k, first);
      }
      if (!anchored && !(k != npos && (lower_is(k, "this") || lower_is(k, "that") || lower_is(k, "each") ||
                                       lower_is(k, "every")))) {
        break;
      }
      // "this week", "that day", "each year"
      if (k != npos && (lower_is(k, "this") || lower_is(k, "that") || lower_is(k, "each") || lower_is(k, "every"))) {
        k = prev(k, first);
      }
      if (k != npos && is_word(k) && (lower_is(k, "on") || lower_is(k, "in") || lower_is(k, "during"))) {
        k = prev(k, first);
      }
      if (k == j) break;
      j = k;
    }
    return j;
  }

  // The speaker phrase ending just before token `before`, scanning left within the unit;
  // adverbs and auxiliaries between it and `before` are skipped. Returns {first, end} or
  // {npos, npos}.
  std::pair<std::uint32_t, std::uint32_t> scan_left_np(std::uint32_t before, std::uint32_t first,
                                                       std::uint32_t max_words = 10) const {
    const std::uint32_t j = skip_back_adjuncts(prev(before, first), first);
    if (j == npos || !np_token_left(j) || in_quotation(j)) return {npos, npos};
    std::uint32_t start = j;
    std::uint32_t words = 0;
    int parens = 0;
    bool joined = false;  // an "and" joins names in the phrase
    std::uint32_t k = j;
    while (k != npos && !in_quotation(k) && np_token_left(k)) {
      if (punct_is(k, ")")) ++parens;
      if (punct_is(k, "(")) {
        if (parens == 0) break;
        --parens;
      }
      // Punctuation must be glued to a word on at least one side ("U.S.", "Al-Shifa").
      if (tok_[k].kind == token_kind::punctuation && !punct_is(k, "(") && !punct_is(k, ")") &&
          (k == 0 || tok_[k - 1].kind == token_kind::space)) {
        break;
      }
      // A determiner opens the phrase: only "of", "for" or "and" may come before it
      // ("the head of the agency"), not a verb ("issues a statement").
      if (k != j && is_word(start) && (cls(start) & wc_determiner) != 0 && !cap(start) && !lower_is(start, "that") &&
          !(lower_is(k, "of") || lower_is(k, "for") || lower_is(k, "and") ||
            (cls(k) & (wc_preposition | wc_determiner)) != 0) &&  // "the two sides", "all the
          !numeral_after_modifier(start, k, first) &&
          !(punct_is(k, "-") && k + 1 == start)) {  // "twenty-four percent"
        break;
      }
      // "and" joins two named or role phrases ("Britain and France", "X and prime minister Y").
      start = k;
      // (Parts joined by a slash or hyphen count as one word: "CNN/ORC", "vice-presidential".)
      const bool joined_part = k + 1 < tok_.size() && (punct_is(k + 1, "/") || punct_is(k + 1, "-"));
      if (is_wordish(k) && !joined_part && ++words > max_words) return {npos, npos};
      std::uint32_t p = prev(k, first);
      if (p != npos && lower_is(p, "and")) {
        const std::uint32_t pp = prev(p, first);
        if (pp != npos && (cap(pp) || (cls(pp) & (wc_role | wc_org)) != 0) &&
            (cap(k) || (cls(k) & (wc_title | wc_role | wc_determiner | wc_demonym)) != 0)) {
          p = pp;
          joined = true;
        } else {
          break;
        }
      }
      // "the United Kingdom, France, Germany and Poland": a list of names joined by "and".
      if (p != npos && joined && is_comma(p) && cap(k)) {
        const std::uint32_t pp = prev(p, first);
        const std::uint32_t ppp = pp == npos ? npos : prev(pp, first);
        const bool after_preposition = ppp != npos && is_word(ppp) && (cls(ppp) & wc_preposition) != 0;  // "In Brussels, …"
        if (pp != npos && cap(pp) && is_word(pp) && (cls(pp) & (wc_preposition | wc_conjunction)) == 0 && !after_preposition) {
          p = pp;
        }
      }
      k = p;
    }
    // Trim leading "of"/"for" and trailing punctuation.
    while (start <= j && (lower_is(start, "of") || lower_is(start, "for") ||
                          (tok_[start].kind == token_kind::punctuation && !punct_is(start, "(")))) {
      start = next(start, j + 1);
    }
    if (start > j) return {npos, npos};
    return {start, j + 1};
  }

  // "the next two states", "the first three speakers": a modifier between an article and a
  // numeral (`start`, a determiner, follows the modifier `k`).
  bool numeral_after_modifier(std::uint32_t start, std::uint32_t k, std::uint32_t first) const {
    static constexpr std::array<std::string_view, 12> kNumerals = {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several", "dozen"};
    bool numeral = false;
    for (const auto w : kNumerals) numeral = numeral || lower_is(start, w);
    if (!numeral || !is_word(k) || cap(k)) return false;
    // "of nearly four years", "about two dozen": an approximator before the numeral.
    if (ends_with(s(k), "ly") || lower_is(k, "about") || lower_is(k, "some") || lower_is(k, "over")) return true;
    if ((cls(k) & (wc_verb | wc_cue | wc_auxiliary)) != 0) return false;
    const std::uint32_t p = prev(k, first);
    return p != npos && is_word(p) && (lower_is(p, "the") || (cls(p) & wc_possessive) != 0);
  }

  // The speaker phrase starting at token `from`, scanning right to a comma, quotation, verb or
  // the end of the unit.
  std::pair<std::uint32_t, std::uint32_t> scan_right_np(std::uint32_t from, std::uint32_t end,
                                                        std::uint32_t max_words = 12,
                                                        bool lenient = false) const {
    std::uint32_t k = from;
    std::uint32_t last = npos;
    std::uint32_t words = 0;
    int parens = 0;
    while (k < end && !in_quotation(k)) {
      if (is_wordish(k)) {
        const std::uint32_t c = cls(k);
        if (!cap(k) && (c & (wc_complementizer | wc_relative)) != 0 &&
            ((c & wc_determiner) == 0 || lower_is(k, "that"))) {
          break;
        }
        const bool compound = k + 2 < end && punct_is(k + 1, "-") && is_word(k + 2);  // "a just-released poll"
        if (!cap(k) && !compound && (c & (wc_auxiliary | wc_negation)) != 0 && (c & (wc_role | wc_title)) == 0) break;
        if (!cap(k) && !lenient && (c & (wc_cue | wc_verb)) != 0 &&
            (c & (wc_role | wc_title | wc_org | wc_determiner | wc_demonym | wc_time)) == 0) {
          break;
        }
        if (!cap(k) && (c & wc_conjunction) != 0 && !lower_is(k, "and")) break;
        if (++words > max_words) return {npos, npos};
        last = k;
      } else if (possessive_mark(k)) {
        last = k;  // "Sanders’ campaign"
      } else if (tok_[k].kind == token_kind::punctuation) {
        const std::string_view t = s(k);
        if (t == "(") {
          ++parens;
        } else if (t == ")") {
          if (parens == 0) break;
          --parens;
          last = k;
        } else if (!(t == "." || t == "-" || t == "&" || t == "/" || first_code_point(t) == 0x2019 || t == "'") ||
                   (t == "." && (k + 1 >= end || tok_[k + 1].kind == token_kind::space) && !is_abbrev_dot(k))) {
          break;
        } else {
          last = k;
        }
      } else {
        break;
      }
      k = next(k, end);
    }
    if (last == npos) return {npos, npos};
    // Drop a trailing "and" or preposition.
    while (last > from && is_word(last) && (lower_is(last, "and") || (cls(last) & wc_preposition) != 0)) {
      last = prev(last, from);
      if (last == npos) return {npos, npos};
    }
    return {from, last + 1};
  }

  // A period after an abbreviation or initial inside a name ("Rep.", "G.K.").
  bool is_abbrev_dot(std::uint32_t k) const {
    if (k == 0 || !is_word(k - 1)) return false;
    const std::string_view w = s(k - 1);
    if (w.size() <= 3 && cap(k - 1)) return true;  // "Rep", "Jr", "G.K" is longer
    return w.find('.') != std::string_view::npos;
  }

  // Does [first, end) look like a speaker: a name, pronoun, role, organisation or group?
  bool speakerish(std::uint32_t first, std::uint32_t end) const {
    // "No organization claimed ...", "Nobody said ...": nobody is reported.
    if (lower_is(first, "no") || lower_is(first, "nobody") || lower_is(first, "none") || lower_is(first, "neither")) {
      return false;
    }
    bool any = false;
    for (std::uint32_t i = first; i < end; ++i) {
      if (punct_is(i, "%") && i > first) any = true;  // "47% say"
      if (!is_wordish(i)) continue;
      const std::uint32_t c = cls(i);
      if ((c & (wc_he | wc_she | wc_they | wc_we | wc_i | wc_it)) != 0 && (c & wc_possessive) == 0) any = true;
      if ((c & (wc_role | wc_org | wc_title | wc_place)) != 0) any = true;
      if (cap(i) && (c & (wc_determiner | wc_conjunction | wc_preposition | wc_time)) == 0) any = true;
      if (is_word(i) && lower_is(i, "in") && ratio_around(i)) any = true;  // "one in five say"
      if (is_word(i) && lower_is(i, "out") && i + 4 < end && lower_is(i + 2, "of") && numberish(i + 4)) any = true;
    }
    if (!any) return false;
    // The head (last word) must be able to speak: a name, pronoun, role, organisation or place
    // ("Rubio's phone call" has "phone" as head, and "call" is a noun).
    // ("both of the rivals for the nomination": the head comes before the first preposition.)
    // (Not past a possessive: "Secretary of State Marco Rubio's phone" has "phone" as head.)
    std::uint32_t last = end;
    for (std::uint32_t i = first + 1; i < end; ++i) {
      if (is_word(i) && !cap(i) && (cls(i) & wc_preposition) != 0 && (cls(i) & wc_conjunction) == 0) {
        last = i;
        break;
      }
    }
    for (std::uint32_t i = last; i < end; ++i) {
      if (is_word(i) && possessive_s(s(i))) {
        last = end;
        break;
      }
    }
    while (last > first && !is_wordish(last - 1)) --last;
    if (last > first) {
      const std::uint32_t h = last - 1;
      const std::uint32_t c = cls(h);
      bool possessive_before = false;
      for (std::uint32_t i = first; i < h; ++i) possessive_before = possessive_before || possessive_s(s(i));
      // ("Clinton's biggest boosters": a plural of people can follow a possessive.)
      const bool plural = ends_with(s(h), "s") && !ends_with(s(h), "ss");
      if (!cap(h) && tok_[h].kind == token_kind::word &&
          (c & (wc_role | wc_title | wc_org | wc_place | wc_demonym | wc_pronoun | wc_relative)) == 0 &&
          ((possessive_before && !plural) || (c & wc_medium) != 0)) {
        return false;
      }
    }
    // A lone object pronoun or "it" starting a clause ("it is said") is not a speaker here.
    if (end == first + 1 && (lower_is(first, "him") || lower_is(first, "them") || lower_is(first, "me") ||
                             lower_is(first, "us"))) {
      return false;
    }
    return true;
  }

  // The subject of a cue in the forward frame, skipping an appositive or relative clause set
  // off by commas ("X, a close ally, insisted"; "X, who met Y, has said").
  std::pair<std::uint32_t, std::uint32_t> forward_subject(const unit& u, std::uint32_t cue_first) const {
    const auto np = forward_subject_rules(u, cue_first);
    if (np.first != npos) return np;
    const auto initial = clause_initial_subject(u, cue_first);
    if (initial.first != npos) return initial;
    return subject_before_relative(u, cue_first);
  }

  // "People who have battled online threats say …", "Officials who spoke on condition of
  // anonymity said …": a subject with a relative clause and no comma before a verb of saying.
  std::pair<std::uint32_t, std::uint32_t> subject_before_relative(const unit& u, std::uint32_t cue_first) const {
    std::array<char, 32> buf{};
    const std::string_view key = lookup_key(s(cue_first), buf);
    if (!(key == "say" || key == "said" || key == "says" || key == "told" || key == "argue" || key == "argued" ||
          key == "insist" || key == "insisted")) {
      return {npos, npos};
    }
    std::uint32_t words = 0;
    for (std::uint32_t k = prev(cue_first, u.first); k != npos && words < 20; k = prev(k, u.first)) {
      if (in_quotation(k) || is_comma(k) || is_dash(k) || punct_is(k, ";") || punct_is(k, ":")) return {npos, npos};
      if (!is_word(k)) continue;
      ++words;
      if (!(lower_is(k, "who") || lower_is(k, "that"))) continue;
      if (k + 2 >= cue_first) return {npos, npos};  // "people who say": the relative pronoun is the subject
      const auto np = scan_left_np(k, u.first, 8);
      if (np.first == npos || !clause_start(u, np.first) || !speakerish(np.first, np.second)) return {npos, npos};
      const std::uint32_t h = np.second - 1;
      if (!is_word(h) || ((cls(h) & (wc_role | wc_org | wc_demonym)) == 0 && !cap(h))) return {npos, npos};
      // The mention is the whole description, relative clause included ("officials who spoke on
      // condition of anonymity").
      const std::uint32_t last = skip_back_adjuncts(prev(cue_first, u.first), u.first);  // not "on Tuesday"
      return {np.first, (last != npos && last > k ? last : prev(cue_first, u.first)) + 1};
    }
    return {npos, npos};
  }

  // "Experts on North Korea and nuclear nonproliferation said": everything from the start of
  // the clause to a verb of saying, when it holds no verb and opens with a speaker-like phrase.
  std::pair<std::uint32_t, std::uint32_t> clause_initial_subject(const unit& u, std::uint32_t cue_first) const {
    // (Verbs of saying and speech acts; with a belief or an evidential verb, the phrase is too
    // often a topic rather than a source.)
    std::array<char, 32> buf{};
    const std::string_view key = lookup_key(s(cue_first), buf);
    bool speech_or_act = false;
    for (const std::uint32_t e : lex_.cues_starting(key)) {
      const cue_entry& ce = lex_.cue(e);
      // (The one-word entry: "call" is a naming verb, "call for" a speech act.)
      if (ce.words.size() == 1) speech_or_act = ce.type == cue_type::speech || ce.type == cue_type::act;
    }
    if (!speech_or_act || ends_with(s(cue_first), "ing")) return {npos, npos};
    const std::uint32_t last = prev(cue_first, u.first);
    if (last == npos || !is_wordish(last)) return {npos, npos};
    std::uint32_t start = last;
    std::uint32_t words = 0;
    std::uint32_t tokens = 0;
    for (std::uint32_t k = last; k != npos && ++tokens < 64; k = prev(k, u.first)) {
      if (in_quotation(k) || (clause_boundary(k) && !lower_is(k, "and"))) break;
      if (tok_[k].kind == token_kind::punctuation && !punct_is(k, ".") && !punct_is(k, "-") && !punct_is(k, "'") &&
          first_code_point(s(k)) != 0x2019) {
        return {npos, npos};
      }
      if (is_word(k) && !cap(k) && (cls(k) & (wc_verb | wc_cue | wc_auxiliary | wc_relative | wc_negation)) != 0 &&
          !adverbial_only(k) && !((cls(k) & wc_determiner) != 0)) {
        return {npos, npos};
      }
      if (is_wordish(k) && ++words > 16) return {npos, npos};
      start = k;
    }
    if (!clause_start(u, start) || !is_word(start)) return {npos, npos};
    // "Secretary of State Rubio's phone call": a possessive before a plain noun right before the
    // cue makes the phrase a thing, not a source.
    if (!cap(last) && (cls(last) & (wc_role | wc_org)) == 0) {
      for (std::uint32_t t = start; t < last; ++t) {
        if (is_word(t) && possessive_s(s(t))) return {npos, npos};
      }
    }
    // The head of the first phrase (before its first preposition) must be able to speak.
    std::uint32_t head_end = start;
    for (std::uint32_t k = start; k <= last; k = next(k, last + 1)) {
      if (k != start && is_word(k) && !cap(k) && (cls(k) & wc_preposition) != 0) break;
      head_end = k + 1;
    }
    if (head_end == last + 1 || !speakerish(start, head_end)) return {npos, npos};
    // The head is a name or role, or a plural noun after a name ("Clinton's biggest boosters").
    const std::uint32_t h = head_end - 1;
    bool name_before = false;
    for (std::uint32_t t = start; t < h; ++t) name_before = name_before || (is_word(t) && cap(t) && (cls(t) & wc_determiner) == 0);
    const bool plural = is_word(h) && ends_with(s(h), "s") && !ends_with(s(h), "ss");
    if (!is_word(h) || (!cap(h) && (cls(h) & (wc_role | wc_org | wc_demonym)) == 0 && !(plural && name_before))) {
      return {npos, npos};
    }
    return {start, last + 1};
  }

  std::pair<std::uint32_t, std::uint32_t> forward_subject_rules(const unit& u, std::uint32_t cue_first) const {
    // "Kasich (who has 25 delegates) said": a remark in brackets between subject and verb.
    const std::uint32_t close = prev(cue_first, u.first);
    if (close != npos && punct_is(close, ")")) {
      std::uint32_t open = close;
      bool lower = false;
      for (int n = 0; n < 30 && open != npos && !punct_is(open, "("); ++n) {
        lower = lower || (is_word(open) && !cap(open));
        open = prev(open, u.first);
      }
      if (open != npos && punct_is(open, "(") && lower) {
        const auto np = scan_left_np(open, u.first);
        if (np.first != npos && speakerish(np.first, np.second) && clause_start(u, np.first)) return np;
      }
    }
    auto np = scan_left_np(cue_first, u.first);
    // "Saturday at the convention Sen. Jane Roe said": a phrase too long to be a subject, or
    // not starting a clause, ends in a titled name, which is the subject.
    if (np.first == npos || !clause_start(u, np.first)) {
      const auto wide = scan_left_np(cue_first, u.first, 24);
      if (wide.first != npos) {
        for (std::uint32_t t = wide.second - 1; t > wide.first; --t) {
          if (is_word(t) && cap(t) && (cls(t) & wc_title) != 0 && is_word(prev(t, wide.first)) &&
              (!cap(prev(t, wide.first)) || (cls(prev(t, wide.first)) & (wc_title | wc_demonym | wc_org | wc_place)) == 0)) {
            if (speakerish(t, wide.second)) return {t, wide.second};
            break;
          }
        }
      }
    }
    // "The businessman says", "hacking specialists say": with a verb of saying, a determiner
    // and a noun, or a plural noun, make a speaker.
    if (np.first != npos && !speakerish(np.first, np.second) && is_word(np.second - 1) && !cap(np.second - 1) &&
        (cls(np.second - 1) & (wc_verb | wc_auxiliary | wc_time | wc_preposition | wc_pronoun)) == 0 &&
        ((np.second - np.first >= 3 && is_word(np.first) && (cls(np.first) & wc_determiner) != 0 &&
          !lower_is(np.first, "that")) ||
         (ends_with(s(np.second - 1), "s") && !ends_with(s(np.second - 1), "ss") && np.second - np.first <= 7))) {
      std::array<char, 32> buf{};
      const std::string_view key = lookup_key(s(cue_first), buf);
      if (key == "says" || key == "said" || key == "say" || key == "told" || key == "tells" || key == "added" ||
          key == "adds" || key == "wrote" || key == "writes") {
        if (clause_start(u, np.first)) return np;
      }
      // "His surrogates called him …": with any cue, a possessive and a plural noun.
      if (np.second - np.first <= 5 && is_word(np.first) && (cls(np.first) & wc_possessive) != 0 &&
          ends_with(s(np.second - 1), "s") && !ends_with(s(np.second - 1), "ss") && clause_start(u, np.first)) {
        return np;
      }
    }
    if (np.first != npos) {
      // The phrase must start a clause: at the unit start, or after a comma, colon, dash,
      // quotation, "that", "and", "but", "while"...
      std::uint32_t p = prev(np.first, u.first);
      p = skip_back_quantifiers(p, u.first);
      if (p == npos || clause_boundary(p)) return speakerish(np.first, np.second) ? np : std::pair{npos, npos};
      // "…, with X calling Y a fascist": the subject of an absolute participle clause.
      if (lower_is(p, "with") && ends_with(s(cue_first), "ing") && speakerish(np.first, np.second)) return np;
      // "the report by X said" etc.: accept when the phrase is itself a name or role.
      return speakerish(np.first, np.second) && (cap(np.first) || (cls(np.first) & wc_determiner) != 0)
                 ? np
                 : std::pair{npos, npos};
    }
    std::uint32_t j = skip_back_adjuncts(prev(cue_first, u.first), u.first);
    if (j == npos) return {npos, npos};
    // "who said", "which reported": the relative pronoun is the mention.
    if (is_word(j) && (lower_is(j, "who") || lower_is(j, "which"))) return {j, j + 1};
    // "X said A and added B", "X welcomed it but said B": the subject of the first verb.
    if (is_word(j) && (lower_is(j, "and") || lower_is(j, "but"))) return clause_subject(u, cue_first);
    const bool dash = is_dash(j);
    if (!is_comma(j) && !dash) return {npos, npos};
    // Find the comma (or dash) opening the aside; with commas, the aside may hold several
    // ("X, a former official who …, which …, said"): try up to four, nearest first.
    std::uint32_t k = prev(j, u.first);
    while (dash && k != npos && k + 1 == j && is_dash(k)) {  // " -- " is two tokens
      j = k;
      k = prev(k, u.first);
    }
    std::uint32_t words = 0;
    for (int tries = 0; tries < 4; ++tries) {
      while (k != npos && !(dash ? is_dash(k) : is_comma(k)) && words < 40) {
        if (in_quotation(k)) {  // a title or fragment inside the aside: "the co-author of “X,” about …"
          const std::uint32_t open = qspans_[qid(k)].open_tok;
          if (open >= k || open < u.first) break;
          k = prev(open, u.first);
          ++words;
          continue;
        }
        if (is_wordish(k)) ++words;
        if (!dash && is_dash(k)) break;
        k = prev(k, u.first);
      }
      if (k == npos || !(dash ? is_dash(k) : is_comma(k))) return {npos, npos};
      while (dash && k > 0 && is_dash(k - 1)) --k;  // the first token of " -- "
      const auto found = aside_subject(u, j, k, dash);
      if (found.first != npos || dash) return found;
      k = prev(k, u.first);
    }
    return {npos, npos};
  }

  // The subject before an aside that opens after the comma or dash k and closes at j.
  std::pair<std::uint32_t, std::uint32_t> aside_subject(const unit& u, std::uint32_t j, std::uint32_t k,
                                                        bool dash) const {
    const std::uint32_t aside = next(k, j);
    if (aside >= j) return {npos, npos};
    const std::uint32_t c = cls(aside);
    const std::string_view aside_text = s(aside);
    const bool participle =
        !cap(aside) && aside_text.size() > 4 &&
        (aside_text.substr(aside_text.size() - 3) == "ing" ||  // "X, visiting Kyiv, said"
         (!dash && (aside_text.substr(aside_text.size() - 2) == "ed" || (c & wc_verb) != 0) &&
          (c & (wc_auxiliary | wc_cue)) == 0));  // "X, struck by her story, told"
    // "Several capitals — notably Berlin and Paris — view …": an adverb opens the aside.
    const bool adverb = !cap(aside) && aside_text.size() > 4 && aside_text.substr(aside_text.size() - 2) == "ly";
    const bool appositive = (c & (wc_relative | wc_determiner | wc_title | wc_role)) != 0 || participle || adverb ||
                            has_contraction(aside) ||  // "X, who's chairing the team, said"
                            tok_[aside].kind == token_kind::number ||  // "Anna Kowal, 52, said"
                            cap(aside) || lower_is(aside, "for") || lower_is(aside, "in") || lower_is(aside, "at") ||
                            lower_is(aside, "of") || lower_is(aside, "from") || lower_is(aside, "with") ||
                            lower_is(aside, "however") || lower_is(aside, "meanwhile") || lower_is(aside, "too") ||
                            lower_is(aside, "on") || lower_is(aside, "along") || lower_is(aside, "by") ||
                            (!cap(aside) && (c & wc_auxiliary) != 0 && adverbial_only(aside)) ||  // "X, then 38, said"
                            (!cap(aside) && (c & wc_preposition) != 0) ||  // "X, after the rally, wrote"
                            lower_is(aside, "during") || lower_is(aside, "unlike") || lower_is(aside, "though") ||
                            lower_is(aside, "like") || lower_is(aside, "as");
    const std::uint32_t after_aside = next(aside, j);
    bool role_near = false;  // "longtime aide Huma Abedin", "former senior adviser"
    for (std::uint32_t t = aside, n = 0; t < j && n < 3; t = next(t, j), ++n) {
      role_near = role_near || (is_word(t) && (cls(t) & (wc_role | wc_title)) != 0);
    }
    const bool noun_of = appositive || role_near ||
                         (!cap(aside) && is_word(aside) && after_aside < j &&
                          (lower_is(after_aside, "of") || lower_is(after_aside, "at")));  // "dean of …"
    if (!noun_of && !dash) return {npos, npos};
    auto np2 = scan_left_np(k, u.first, 14);
    // "Jimmy Ghazal, 39, a man visiting …, told": an age between commas before the aside.
    if (!dash && np2.first != npos && np2.second == np2.first + 1 && tok_[np2.first].kind == token_kind::number) {
      const std::uint32_t c2 = prev(np2.first, u.first);
      if (c2 != npos && is_comma(c2)) {
        np2 = scan_left_np(c2, u.first);
        if (np2.first != npos && !cap(np2.first)) np2 = {npos, npos};
      }
    }
    if (np2.first == npos || !speakerish(np2.first, np2.second)) {
      // "Henry Clay's biographers, David and Jane Roe, wrote": the names in the aside speak.
      if (!dash && cap(aside) && (cls(aside) & (wc_determiner | wc_title | wc_relative | wc_preposition)) == 0) {
        const auto names = scan_left_np(j, u.first, 6);
        if (names.first == aside && speakerish(names.first, names.second)) return names;
      }
      return {npos, npos};
    }
    if (!noun_of && !(dash && cap(np2.first))) return {npos, npos};
    // "Dean Roe, a salesman from Sumter, Ohio, says": the phrase found is itself an appositive
    // of the name before it.
    if (!dash && is_word(np2.first) && !cap(np2.first) && (cls(np2.first) & wc_determiner) != 0) {
      const std::uint32_t c2 = prev(np2.first, u.first);
      if (c2 != npos && is_comma(c2)) {
        const auto name = scan_left_np(c2, u.first, 6);
        const std::uint32_t before_name = name.first == npos ? npos : prev(name.first, u.first);
        if (name.first != npos && cap(name.first) && speakerish(name.first, name.second) &&
            (before_name == npos || clause_boundary(before_name))) {
          return name;
        }
      }
    }
    const std::uint32_t p = skip_back_quantifiers(prev(np2.first, u.first), u.first);
    if (p != npos && !clause_boundary(p)) {
      // "One delegate not on the slate, Kelly Roe, told …": the name in the aside speaks.
      if (!dash && cap(aside) && (cls(aside) & (wc_determiner | wc_title | wc_relative | wc_preposition)) == 0) {
        const auto names = scan_left_np(j, u.first, 6);
        if (names.first == aside && speakerish(names.first, names.second)) return names;
      }
      return {npos, npos};
    }
    // "Ostrel's foreign minister, Pavel Dragan, said": a bare name in the aside completes the
    // mention (the name is who speaks).
    if (!dash) {
      bool bare_name = true;
      std::uint32_t name_words = 0;
      for (std::uint32_t t = aside; t < j; t = next(t, j)) {
        if (is_wordish(t)) {
          ++name_words;
          bare_name = bare_name && cap(t) && (cls(t) & (wc_determiner | wc_title | wc_relative)) == 0;
        } else if (!punct_is(t, ".") && !punct_is(t, "-")) {
          bare_name = false;
        }
      }
      // (The head is the word before the first preposition: "Cambodia's ambassador to the
      // United Nations, Chhea Keo, said".)
      std::uint32_t head = np2.second - 1;
      for (std::uint32_t t = np2.first + 1; t < np2.second; ++t) {
        if (is_word(t) && !cap(t) && (cls(t) & wc_preposition) != 0) {
          head = prev(t, np2.first);
          break;
        }
      }
      if (bare_name && name_words >= 2 && name_words <= 4 && head != npos && is_word(head) &&
          (cls(head) & (wc_role | wc_title)) != 0 && !cap(head)) {
        return {np2.first, j};
      }
    }
    return np2;
  }

  // "Only 52 percent of voters said", "About three in 10 said", "Even the hawks say": moves
  // left from p over adverbs and approximators before a subject.
  std::uint32_t skip_back_quantifiers(std::uint32_t p, std::uint32_t first) const {
    while (p != npos && is_word(p)) {
      const bool adverb = (cls(p) & wc_auxiliary) != 0 && (cls(p) & (wc_verb | wc_cue)) == 0 &&
                          !lower_is(p, "will") && !lower_is(p, "would");
      const bool approx = lower_is(p, "about") || lower_is(p, "nearly") || lower_is(p, "almost") ||
                          lower_is(p, "roughly") || lower_is(p, "approximately") || lower_is(p, "around") ||
                          lower_is(p, "over") || lower_is(p, "some") || lower_is(p, "than") || lower_is(p, "least");
      if (!adverb && !approx) break;
      if (lower_is(p, "than") || lower_is(p, "least")) {  // "more than", "at least"
        const std::uint32_t q = prev(p, first);
        if (q == npos || !(lower_is(q, "more") || lower_is(q, "fewer") || lower_is(q, "less") || lower_is(q, "at"))) break;
        p = q;
      }
      p = prev(p, first);
    }
    return p;
  }

  // Does a subject phrase starting at `first` start a clause?
  bool clause_start(const unit& u, std::uint32_t first) const {
    const std::uint32_t p = skip_back_quantifiers(prev(first, u.first), u.first);
    return p == npos || clause_boundary(p);
  }

  bool clause_boundary(std::uint32_t p) const {
    if (tok_[p].kind == token_kind::punctuation) {
      const std::string_view t = s(p);
      return t == "," || t == ";" || t == ":" || t == "(" || is_dash(p) || is_terminal(p);
    }
    if (tok_[p].kind == token_kind::quotation_mark) return true;
    if (is_word(p)) {
      return lower_is(p, "that") || lower_is(p, "and") || lower_is(p, "but") || lower_is(p, "while") ||
             lower_is(p, "as") || lower_is(p, "because") || lower_is(p, "although") ||
             lower_is(p, "though") || lower_is(p, "when") || lower_is(p, "after") ||
             lower_is(p, "before") || lower_is(p, "since") || lower_is(p, "so") ||
             lower_is(p, "yet") || lower_is(p, "if") || lower_is(p, "where") || lower_is(p, "which") ||
             lower_is(p, "who") || lower_is(p, "whose") || lower_is(p, "whereas");
    }
    return false;
  }

  // ---- content ----------------------------------------------------------------------------
  // Skips adjuncts after a cue: adverbs, times ("on Tuesday"), channels ("in a statement",
  // "in an interview with CNN"), and "to reporters". Returns the first token after them.
  std::uint32_t skip_adjuncts(std::uint32_t k, std::uint32_t end) const {
    for (int round = 0; round < 4 && k < end; ++round) {
      if (adverbial(k) && adverbial_only(k)) {
        k = next(k, end);
        continue;
      }
      if (is_word(k) && (cls(k) & wc_time) != 0) {  // "last week", "Friday afternoon"
        std::uint32_t j = k;
        while (j < end && is_word(j) && (cls(j) & wc_time) != 0) j = next(j, end);
        k = j;
        continue;
      }
      if (is_word(k) && (cls(k) & wc_preposition) != 0 && !in_quotation(k)) {
        // A prepositional adjunct ending at a channel or time word within a few tokens.
        std::uint32_t j = next(k, end);
        std::uint32_t last_hit = npos;
        for (int n = 0; n < 6 && j < end && !in_quotation(j) && (is_wordish(j) || punct_is(j, "-") || punct_is(j, "."));
             ++n) {
          if (is_word(j) && (cls(j) & (wc_medium | wc_time)) != 0) last_hit = j;
          // "in June 2012", "on Dec. 7": a number after a time word belongs to it.
          if (tok_[j].kind == token_kind::number && last_hit != npos && prev(j, k) == last_hit) last_hit = j;
          // ("a written statement", "a prepared text": a participle after an article is an adjective)
          const std::uint32_t pj = prev(j, k);
          const bool adjective = pj != npos && (lower_is(pj, "a") || lower_is(pj, "an") || lower_is(pj, "the"));
          if (is_word(j) && (lower_is(j, "that") || ((cls(j) & (wc_cue | wc_verb)) != 0 && !adjective))) break;
          j = next(j, end);
        }
        if (last_hit != npos) {
          k = next(last_hit, end);
          // "in an interview with CNN", "in a post on X"
          if (k < end && (lower_is(k, "with") || lower_is(k, "on") || lower_is(k, "to") || lower_is(k, "by"))) {
            std::uint32_t m = next(k, end);
            std::uint32_t n = 0;
            while (m < end && n < 5 && is_wordish(m) &&
                   (cap(m) || (cls(m) & (wc_determiner | wc_medium | wc_demonym | wc_role)) != 0)) {
              m = next(m, end);
              ++n;
            }
            if (n > 0) k = m;
          }
          continue;
        }
        // "to reporters", "to journalists"
        if (lower_is(k, "to")) {
          const std::uint32_t m = next(k, end);
          if (m < end && is_word(m) && (cls(m) & wc_role) != 0) {
            k = next(m, end);
            continue;
          }
        }
      }
      break;
    }
    return k;
  }

  // Where a forward content starting at `from` ends: the end of the unit, or before a dash,
  // a semicolon, another attribution (", he said", ", adding", "and added", ", according to").
  std::uint32_t content_end(const unit& u, std::uint32_t from, const std::vector<cue_hit>& hits,
                            bool relative_source = false) const {
    std::uint32_t last = npos;
    for (std::uint32_t k = from; k < u.end; k = next(k, u.end)) {
      if (in_quotation(k)) {
        last = qspans_[qid(k)].close_tok;
        // “…,” has been: the comma inside the marks closes a relative clause.
        const std::uint32_t n = next(last, u.end);
        const std::string_view inner = quots_[qid(k)].inner.of(text_);
        if (relative_source && n < u.end && !inner.empty() && inner.back() == ',' && main_verb_after_relative(n)) {
          return last + 1;
        }
        k = last;
        continue;
      }
      if (punct_is(k, ";")) break;
      if (is_dash(k)) {
        // "taxes - the highest of any economy - carried …": an aside between two dashes.
        std::uint32_t d = next(k, u.end);
        for (int n = 0; n < 30 && d < u.end && !is_dash(d) && !is_terminal(d) && !punct_is(d, ";") && !in_quotation(d); ++n) {
          d = next(d, u.end);
        }
        const std::uint32_t after = d < u.end && is_dash(d) ? next(d, u.end) : u.end;
        if (k == from || after >= u.end || !is_word(after) || cap(after) || starts_attribution(u, after, hits)) break;
        last = d;
        k = d;
        continue;
      }
      if (is_comma(k) || lower_is(k, "and") || lower_is(k, "but")) {
        std::uint32_t n = next(k, u.end);
        // "and also said", "but later added" (after "but", only a speech verb: "but does not
        // plan to" goes on with the same content)
        while (n < u.end && adverbial(n) && !in_quotation(n)) n = next(n, u.end);
        // "… and suggested that …": the same source's next report.
        if (lower_is(k, "and") && n < u.end && is_word(n) && (cls(n) & wc_cue) != 0 && !cap(n)) {
          const std::uint32_t m = next(n, u.end);
          if (m < u.end && lower_is(m, "that")) break;
        }
        if (n < u.end && starts_attribution(u, n, hits)) {
          if (!lower_is(k, "but")) break;
          bool speech = false;
          for (const cue_hit& h : hits) speech = speech || (h.first == n && entry(h).type == cue_type::speech);
          if (speech) break;
        }
        n = next(k, u.end);
        // ", but they remain wary …": a new clause with its own subject ends the content.
        if (is_comma(k) && n < u.end && lower_is(n, "but")) {
          const std::uint32_t m = next(n, u.end);
          if (m < u.end && is_word(m) && (cls(m) & (wc_he | wc_she | wc_they | wc_it | wc_we)) != 0 &&
              (cls(m) & wc_possessive) == 0) {
            break;
          }
        }
        // ", while 9 percent found it …", ", whereas the others said …": a contrast with its own
        // subject and verb is the writer's.
        if (is_comma(k) && n < u.end && (lower_is(n, "while") || lower_is(n, "whereas")) && subject_then_verb(n, u.end)) {
          break;
        }
        // ", contradicting …", ", raising …": a participial clause of the writer's.
        if (is_comma(k) && n < u.end && is_word(n) && !cap(n) && s(n).size() > 5 &&
            s(n).substr(s(n).size() - 3) == "ing" && (cls(n) & (wc_preposition | wc_determiner)) == 0) {
          break;
        }
        // "X, who said that …, has been forced to …": the main clause resumes after the
        // relative clause holding the attribution.
        if (relative_source && is_comma(k) && n < u.end && main_verb_after_relative(n)) break;
        // ", in violation of …", ", despite …", ", which violated …" closing the sentence: the
        // writer's comment on what was reported.
        if (is_comma(k) && n < u.end && is_word(n) && !cap(n) && writer_adjunct(u, n)) break;
      }
      if (is_terminal(k) && next(k, u.end) >= u.end) {
        break;
      }
      // "… after the mother of a hostage said that …": a subordinate clause with its own
      // attribution is a quote of its own.
      if (k > from && is_word(k) && !cap(k) && subordinate_attribution(u, k, hits)) break;
      last = k;
    }
    return last == npos ? npos : last + 1;
  }

  bool subordinate_attribution(const unit& u, std::uint32_t k, const std::vector<cue_hit>& hits) const {
    static constexpr std::array<std::string_view, 8> kSub = {"after", "before", "when", "while", "as", "because", "since", "although"};
    bool sub = false;
    for (const auto w : kSub) sub = sub || lower_is(k, w);
    if (!sub) return false;
    const std::uint32_t n = next(k, u.end);
    for (const cue_hit& h : hits) {
      if (h.first <= n || entry(h).type != cue_type::speech) continue;
      auto np = scan_left_np(h.first, n, 10);
      return np.first == n && speakerish(np.first, np.second);
    }
    return false;
  }

  // After the comma closing "X, who said …,": the main clause's verb ("has", "met").
  bool main_verb_after_relative(std::uint32_t n) const {
    return is_word(n) && !cap(n) &&
           (cls(n) & (wc_conjunction | wc_preposition | wc_determiner | wc_pronoun | wc_complementizer)) == 0;
  }

  // A final adjunct that comments on the report rather than belonging to it.
  bool writer_adjunct(const unit& u, std::uint32_t n) const {
    static constexpr std::array<std::string_view, 6> kLead = {"despite", "amid", "both", "which", "in", "following"};
    bool lead = false;
    for (const auto w : kLead) lead = lead || lower_is(n, w);
    if (!lead) return false;
    if (lower_is(n, "in")) {
      const std::uint32_t m = next(n, u.end);
      if (m >= u.end || !(lower_is(m, "violation") || lower_is(m, "breach") || lower_is(m, "defiance"))) return false;
    }
    // It must run to the end of the sentence.
    for (std::uint32_t k = next(n, u.end); k < u.end; k = next(k, u.end)) {
      if (is_comma(k) || punct_is(k, ";") || in_quotation(k)) return false;
    }
    return true;
  }

  // Does an attribution start at token n ("he said", "said X", "adding", "according to")?
  bool starts_attribution(const unit& u, std::uint32_t n, const std::vector<cue_hit>& hits) const {
    for (const cue_hit& h : hits) {
      if (h.first == n) {
        const cue_entry& ce = entry(h);
        if (ce.type == cue_type::according) return true;
        if (ce.participle && ce.type != cue_type::evidential) return true;
        // ", said X" / "and added"
        return ce.type != cue_type::evidential;
      }
      if (h.first > n) {
        // ", he said" / ", the official added" (a short source before the cue)
        if (!(lex_.cue(h.entry).type == cue_type::speech)) return false;
        auto np = scan_left_np(h.first, n, 6);
        if (np.first == n) {
          const std::uint32_t after = next(h.end - 1, u.end);
          if (after >= u.end || is_comma(after) || is_terminal(after) || in_quotation(after)) return true;
          // "…, and Hillary Clinton said she would …": a new report with its own source.
          return speakerish(np.first, np.second) && after < u.end && is_word(after) &&
                 (cap(n) || lower_is(after, "that") || (cls(after) & (wc_determiner | wc_he | wc_she | wc_they | wc_we | wc_i | wc_it)) != 0);
        }
        return false;
      }
    }
    return false;
  }

  // ---- building quotes --------------------------------------------------------------------
  // The outermost quotation exactly covering [first, end), if any.
  std::uint32_t whole_quotation(std::uint32_t first, std::uint32_t end) const {
    if (first >= end || !in_quotation(first)) return npos;
    const std::uint32_t q = qid(first);
    if (qspans_[q].open_tok != first) return npos;
    std::uint32_t last = end - 1;
    while (last > first && (tok_[last].kind == token_kind::space || is_terminal(last) || is_comma(last))) --last;
    return qspans_[q].close_tok == last ? q : npos;
  }

  byte_range tokens_range(std::uint32_t first, std::uint32_t end) const {
    // Trim spaces and edge punctuation that is not part of the words (commas, dashes).
    while (first < end && (tok_[first].kind == token_kind::space || is_comma(first) || is_dash(first) ||
                           punct_is(first, ":"))) {
      ++first;
    }
    while (end > first && (tok_[end - 1].kind == token_kind::space || is_comma(end - 1) ||
                           is_dash(end - 1) || punct_is(end - 1, ":"))) {
      --end;
    }
    if (first >= end) return {};
    byte_range r{tok_[first].range.begin, tok_[end - 1].range.end};
    // A content starting or ending with a quotation mark: the span excludes the mark.
    if (tok_[first].kind == token_kind::quotation_mark && is_open_mark(first)) {
      const quotation& q = quots_[qid(first)];
      if (q.inner.begin > r.begin && q.inner.begin <= r.end) r.begin = q.inner.begin;
    }
    if (tok_[end - 1].kind == token_kind::quotation_mark && is_close_mark(end - 1)) {
      const quotation& q = quots_[qid(end - 1)];
      if (q.inner.end < r.end && q.inner.end >= r.begin) r.end = q.inner.end;
    }
    return r;
  }

  // Marks the quotations inside [first, end) as used by quote `index`; true if any.
  bool claim_quotations(std::uint32_t first, std::uint32_t end, std::uint32_t index) {
    bool any = false;
    for (std::uint32_t k = first; k < end; ++k) {
      if (is_open_mark(k)) {
        use(qid(k), index);
        any = true;
      }
    }
    return any;
  }

  raw_quote& emit(const unit& u, const cue_hit* hit, std::pair<std::uint32_t, std::uint32_t> source) {
    raw_quote& q = out_.emplace_back();
    q.paragraph = u.paragraph;
    if (hit != nullptr) {
      const cue_entry& ce = entry(*hit);
      q.cue = reporting_cue{{tok_[hit->first].range.begin, tok_[hit->end - 1].range.end},
                            ce.type == cue_type::according ? cue_kind::phrase : cue_kind::verb};
      q.cue_first = hit->first;
      q.cue_end = hit->end;
      q.lemma = ce.lemma;
      q.type = ce.type;
      q.belief = ce.type == cue_type::belief;
    }
    q.source_first = source.first;
    q.source_end = source.second;
    return q;
  }

  // Adds a content stretch [first, end) to quote q: a whole quotation gives a direct span,
  // anything else an indirect or mixed one.
  void add_content(raw_quote& q, std::uint32_t first, std::uint32_t end, std::uint32_t index) {
    const std::uint32_t whole = whole_quotation(first, end);
    if (whole != npos) {
      add_quotation(q, whole, index);
      return;
    }
    const byte_range r = tokens_range(first, end);
    if (r.empty()) return;
    if (q.spans.empty()) q.first_token = first;
    q.spans.push_back(r);
    if (claim_quotations(first, end, index)) {
      q.kind = quote_kind::mixed;
    } else if (q.kind != quote_kind::mixed) {
      q.kind = quote_kind::indirect;
    }
  }

  void add_quotation(raw_quote& q, std::uint32_t qi, std::uint32_t index) {
    const quotation& qu = quots_[qi];
    if (q.spans.empty()) {
      q.first_token = qspans_[qi].open_tok;
      q.kind = quote_kind::direct;
    }
    q.spans.push_back(qu.inner);
    // A piece continued in the next paragraph has no closing mark by convention.
    const auto succ = std::lower_bound(continued_by_.begin(), continued_by_.end(), std::pair<std::uint32_t, std::uint32_t>{qi, 0});
    const bool continued = succ != continued_by_.end() && succ->first == qi;
    q.closed = q.closed && (qu.closed || continued);
    use(qi, index);
  }

  // A quotation reads as a sentence of speech (rather than a scare quote or title) when it
  // starts with a capital letter and has several words or ends like a sentence.
  bool sentence_like(std::uint32_t qi) const {
    const quotation& qu = quots_[qi];
    const std::string_view inner = qu.inner.of(text_);
    const char32_t c = first_code_point(inner);
    std::uint32_t words = 0;
    bool lower_word = false;
    for (std::uint32_t k = qspans_[qi].open_tok + 1; k < qspans_[qi].close_tok; ++k) {
      if (is_word(k)) {
        ++words;
        if (!cap(k)) lower_word = true;
      }
    }
    // Title Case without sentence punctuation inside: a title ("The Steve Harvey Morning Show").
    if (!lower_word && words <= 10 && inner.find_first_of(".?!") == std::string_view::npos) return false;
    const char32_t last = detail::last_code_point(inner);
    const bool ends_sentence = last == '.' || last == '!' || last == '?' || last == ',' || last == 0x2026;
    if (words >= 4 && (detail::is_upper(c) || detail::is_digit(c) || c == 0x2026 || c == '.') && lower_word) return true;
    if (ends_sentence && words >= 2 && detail::is_upper(c)) return true;
    return words >= 8;
  }

  // ---- frames -----------------------------------------------------------------------------
  void process_unit(std::uint32_t ui) {
    const unit& u = units_[ui];
    if (u.headline) return;
    std::vector<cue_hit> hits;
    find_cues(u, hits);
    if (hits.empty()) return;
    claimed_.clear();
    for (cue_hit& h : hits) {
      if (entry(h).type == cue_type::according) try_according(ui, h, hits);
    }
    for (cue_hit& h : hits) {
      if (!h.done && !inside_claimed(h.first)) try_inverted(ui, h, hits);
    }
    for (cue_hit& h : hits) {
      if (!h.done && !inside_claimed(h.first)) try_forward(ui, h, hits);
    }
  }

  bool inside_claimed(std::uint32_t t) const {
    return std::any_of(claimed_.begin(), claimed_.end(),
                       [t](const std::pair<std::uint32_t, std::uint32_t>& r) { return t >= r.first && t < r.second; });
  }

  // The first token after a dateline opening the unit ("KYIV, March 14 — "), or u.first.
  std::uint32_t after_dateline(const unit& u) const {
    std::uint32_t k = u.first;
    while (k < u.end && tok_[k].kind == token_kind::space) ++k;
    if (k >= u.end || !is_word(k)) return u.first;
    if (!info_[k].all_upper()) {
      // "Washington (AFP) – ": a place and an agency in brackets.
      std::uint32_t j = k;
      for (int n = 0; n < 3 && j < u.end && is_word(j) && cap(j); ++n) j = next(j, u.end);
      if (j < u.end && punct_is(j, "(")) {
        std::uint32_t m = next(j, u.end);
        while (m < u.end && is_word(m) && info_[m].all_upper()) m = next(m, u.end);
        if (m < u.end && punct_is(m, ")")) {
          const std::uint32_t d = next(m, u.end);
          if (d < u.end && is_dash(d)) return next(d, u.end);
        }
      }
      return u.first;
    }
    for (std::uint32_t n = 0; k < u.end && n < 10; k = next(k, u.end), ++n) {
      if (is_dash(k)) return next(k, u.end);
      const bool part = (is_word(k) && (info_[k].all_upper() || cap(k) || (cls(k) & wc_time) != 0)) ||
                        tok_[k].kind == token_kind::number || is_comma(k) || punct_is(k, ".");
      if (!part) break;
    }
    return u.first;
  }

  // The first token of the unit not yet claimed by an attribution before `t`.
  std::uint32_t free_start(const unit& u, std::uint32_t t) const {
    std::uint32_t start = after_dateline(u);
    for (const auto& r : claimed_) {
      if (r.second <= t && r.second > start) start = r.second;
    }
    while (start < t && tok_[start].kind == token_kind::space) ++start;
    return start;
  }

  void try_according(std::uint32_t ui, cue_hit& h, const std::vector<cue_hit>& hits) {
    const unit& u = units_[ui];
    const std::uint32_t src_from = next(h.end - 1, u.end);
    if (src_from >= u.end) return;
    auto src = scan_right_np(src_from, u.end, 20, true);
    if (src.first == npos) return;
    const std::uint32_t after = next(src.second - 1, u.end);
    const std::uint32_t before = prev(h.first, u.first);
    const auto index = static_cast<std::uint32_t>(out_.size());
    if (before == npos || (is_comma(before) && prev(before, u.first) == npos)) {
      // "According to X, C."
      if (after >= u.end || !is_comma(after)) return;
      const std::uint32_t from = next(after, u.end);
      const std::uint32_t end = content_end(u, from, hits);
      if (end == npos || end <= from) return;
      raw_quote& q = emit(u, &h, src);
      add_content(q, from, end, index);
      if (q.spans.empty()) {
        out_.pop_back();
        return;
      }
      claimed_.emplace_back(h.first, end);
    } else {
      // "C, according to X." or "A, according to X, B." (the comma is sometimes left out)
      const std::uint32_t from = free_start(u, h.first);
      if (from >= before) return;
      raw_quote& q = emit(u, &h, src);
      add_content(q, from, (is_comma(before) || is_dash(before)) ? before : before + 1, index);
      const std::uint32_t cont = after < u.end && is_comma(after) ? next(after, u.end) : u.end;
      const bool participial = cont < u.end && is_word(cont) && !cap(cont) && s(cont).size() > 5 &&
                               s(cont).substr(s(cont).size() - 3) == "ing";
      if (after < u.end && is_comma(after) && !participial && !writer_adjunct(u, cont)) {
        const std::uint32_t from2 = next(after, u.end);
        const std::uint32_t end2 = content_end(u, from2, hits);
        if (end2 != npos && end2 > from2) add_content(q, from2, end2, index);
        claimed_.emplace_back(from, end2 == npos ? u.end : end2);
      } else {
        claimed_.emplace_back(from, u.end);
      }
      if (q.spans.empty()) {
        out_.pop_back();
        return;
      }
    }
    h.done = true;
  }

  // Is there a verb or auxiliary within `n` words after token k ("their ties can …")?
  bool verb_within(std::uint32_t k, std::uint32_t end, int n) const {
    for (std::uint32_t j = next(k, end); j < end && n > 0; j = next(j, end), --n) {
      if (!is_word(j) || in_quotation(j)) return false;
      if (!cap(j) && (cls(j) & (wc_verb | wc_auxiliary)) != 0 && !adverbial_only(j)) return true;
    }
    return false;
  }

  // Does the "as" at `as` open an "as X said, C" clause: at the start of the sentence, after
  // "but" or "and" there, or after a comma and "and"/"but" ("…, and as Comey noted, …")?
  bool as_source_opening(const unit& u, std::uint32_t as) const {
    const std::uint32_t p = prev(as, u.first);
    if (p == npos || is_comma(p)) return true;
    if (!(lower_is(p, "but") || lower_is(p, "and"))) return false;
    const std::uint32_t pp = prev(p, u.first);
    return pp == npos || is_comma(pp);
  }

  // "it’s", "they’re", "we’ll", "he’d": a pronoun and a verb in one token.
  bool has_contraction(std::uint32_t i) const {
    const std::string_view w = s(i);
    for (const std::string_view a : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      const std::size_t at = w.find(a);
      if (at == std::string_view::npos || at == 0) continue;
      // Only after a pronoun: "week’s" is a possessive.
      std::array<char, 32> buf{};
      const std::string_view base = lookup_key(w.substr(0, at), buf);
      static constexpr std::array<std::string_view, 12> kBases = {"it", "he", "she", "they", "we", "you",
                                                                 "i", "that", "there", "what", "who", "here"};
      if (std::find(kBases.begin(), kBases.end(), base) == kBases.end()) continue;
      const std::string_view rest = w.substr(at + a.size());
      if (rest == "s" || rest == "re" || rest == "ll" || rest == "d" || rest == "ve" || rest == "m") return true;
    }
    return false;
  }

  // An adverb listed with the auxiliaries ("also", "repeatedly"), not a verb.
  bool adverbial_only(std::uint32_t i) const {
    return (cls(i) & (wc_verb | wc_cue)) == 0 && !lower_is(i, "will") && !lower_is(i, "would") &&
           !lower_is(i, "can") && !lower_is(i, "could") && !lower_is(i, "should") && !lower_is(i, "must") &&
           !lower_is(i, "may") && !lower_is(i, "might") && !lower_is(i, "shall") && !lower_is(i, "had") &&
           !lower_is(i, "has") && !lower_is(i, "have") && !lower_is(i, "do") && !lower_is(i, "does") &&
           !lower_is(i, "did");
  }

  // Verbs whose first object is the addressee ("told reporters that", "assured allies").
  bool is_tell(const cue_hit& h) const {
    static constexpr std::array<std::string_view, 8> kTell = {
        "tell", "assure", "inform", "remind", "ask", "warn", "notify", "advise"};
    const std::string& lemma = lex_.lemmas()[entry(h).lemma];
    return std::find(kTell.begin(), kTell.end(), lemma) != kTell.end();
  }

  // After a cue in the inverted frame: adverbs, time and channel adjuncts, and for "told" a
  // short addressee. Returns the next token, which must end the attribution.
  std::uint32_t after_inverted_cue(const unit& u, const cue_hit& h) const {
    std::uint32_t k = skip_adjuncts(next(h.end - 1, u.end), u.end);
    if (k < u.end && is_word(k) && is_tell(h)) {
      // "the president told reporters."
      std::uint32_t n = 0;
      // (A subordinator ends the addressee: "told his advisers as he labored …"; so do a verb
      // and a subject pronoun: "told POLITICO she was …".)
      while (k < u.end && is_wordish(k) && n < 5 &&
             !(n > 0 && !cap(k) && (((cls(k) & (wc_verb | wc_auxiliary)) != 0 && !adverbial_only(k)) ||
                                    subject_pronoun(k))) &&
             (cap(k) || ((cls(k) & (wc_cue | wc_complementizer)) == 0 &&
                         ((cls(k) & wc_conjunction) == 0 || lower_is(k, "and") || lower_is(k, "or")))) &&
             !(n > 0 && !cap(k) && (cls(k) & wc_preposition) != 0)) {  // "told reporters in a video call"
        k = next(k, u.end);
        ++n;
      }
      k = skip_adjuncts(k, u.end);
    }
    // "…,” X said after the meeting ended.": a subordinate clause closing the sentence is the
    // writer's, not part of the quote.
    if (k < u.end && is_word(k) && !cap(k)) {
      static constexpr std::array<std::string_view, 9> kSub = {"after", "before", "as", "while", "when",
                                                              "since", "because", "although", "though"};
      for (const auto w : kSub) {
        if (lower_is(k, w)) return u.end;
      }
    }
    // "said on condition of anonymity", "said outside the court", "said of the rebels": a
    // prepositional phrase closing the sentence belongs to the attribution.
    if (k < u.end && is_word(k) && !cap(k) && (cls(k) & wc_preposition) != 0 && !lower_is(k, "that")) {
      std::uint32_t j = next(k, u.end);
      std::uint32_t n = 0;
      while (j < u.end && n < 10 && (is_wordish(j) || punct_is(j, ".") || punct_is(j, "-")) && !is_terminal(j) &&
             !(is_word(j) && !cap(j) && (cls(j) & (wc_cue | wc_verb | wc_auxiliary | wc_complementizer)) != 0 &&
               (cls(j) & (wc_determiner | wc_role | wc_medium)) == 0)) {
        j = next(j, u.end);
        ++n;
      }
      if (n > 0 && ends_attribution(u, j)) return j;
    }
    return k;
  }

  bool ends_attribution(const unit& u, std::uint32_t k) const {
    return k >= u.end || is_comma(k) || is_terminal(k) || punct_is(k, ";") || is_dash(k) ||
           is_open_mark(k) || punct_is(k, "(");
  }

  void try_inverted(std::uint32_t ui, cue_hit& h, const std::vector<cue_hit>& hits) {
    const unit& u = units_[ui];
    const cue_entry& ce = entry(h);
    if (ce.type == cue_type::act || ce.type == cue_type::according) return;
    if (ce.participle) return;
    std::pair<std::uint32_t, std::uint32_t> src{npos, npos};
    std::uint32_t separator = npos;  // comma, closing mark or dash between content and source
    std::uint32_t after = npos;
    bool verb_first = false;

    // Pattern A: "…, X said" / "“Q,” X said" / "“Q,” X, an economist, said"
    auto np = scan_left_np(h.first, u.first, 8);
    if (np.first == npos) {
      // Only a subject set off by an aside ("…, X, a minister, said"), not the subject of an
      // earlier verb ("…, voters were unhappy and worried").
      const std::uint32_t before_cue = prev(h.first, u.first);
      if (before_cue != npos && (is_comma(before_cue) || is_dash(before_cue))) np = forward_subject(u, h.first);
    }
    // "…, who sees himself as …": a relative pronoun is the subject of its own clause.
    if (np.first != npos && np.second == np.first + 1 &&
        (lower_is(np.first, "who") || lower_is(np.first, "which") || lower_is(np.first, "that"))) {
      np = {npos, npos};
    }
    if (np.first != npos) {
      const std::uint32_t p = prev(np.first, u.first);
      // Right after a closing quotation mark any short phrase is the speaker ("the ad's narrator").
      const bool ok = speakerish(np.first, np.second) ||
                      (p != npos && is_close_mark(p) && np.second - np.first <= 10 &&
                       (cap(np.first) || (cls(np.first) & wc_determiner) != 0)) ||
                      // "…, the airline said.": an article and a noun between a comma and the cue
                      (p != npos && is_comma(p) && np.second - np.first <= 7 && entry(h).type == cue_type::speech &&
                       is_word(np.first) && (lower_is(np.first, "the") || lower_is(np.first, "a") || lower_is(np.first, "an") ||
                                             lower_is(np.first, "one")) &&
                       is_word(np.second - 1) && !cap(np.second - 1) &&
                       (cls(np.second - 1) & (wc_verb | wc_auxiliary | wc_time | wc_preposition | wc_pronoun)) == 0);
      if (ok && p != npos && (is_comma(p) || is_close_mark(p) || is_dash(p))) {
        const std::uint32_t k = after_inverted_cue(u, h);
        if (ends_attribution(u, k)) {
          src = np;
          separator = p;
          after = k;
        }
      }
    }
    // Pattern B: "…, said X" / "“Q,” said X"
    if (src.first == npos) {
      std::uint32_t p = prev(h.first, u.first);
      while (p != npos && adverbial(p)) p = prev(p, u.first);
      if (p != npos && (is_comma(p) || is_close_mark(p) || is_dash(p))) {
        const std::uint32_t from = skip_adjuncts(next(h.end - 1, u.end), u.end);
        auto r = scan_right_np(from, u.end);
        // "…, said X" never has a subject pronoun for X: "Sexton, a professor, said he holds …"
        // is the forward frame after an aside.
        if (r.first != npos && is_word(r.first) && (subject_pronoun(r.first, true) || has_contraction(r.first))) {
          r = {npos, npos};
        }
        // "…, said Trump campaign strategists plan to secure …": a verb after the phrase's name
        // makes it the subject of a clause.
        if (r.first != npos && verb_after_name(r.first, r.second)) r = {npos, npos};
        bool object_inside = false;  // "…, say Trump’s manager yanked her": a clause, not a source
        for (std::uint32_t t = r.first == npos ? 0 : next(r.first, r.second); r.first != npos && t < r.second; t = next(t, r.second)) {
          object_inside = object_inside || (is_word(t) && !cap(t) && (lower_is(t, "her") || lower_is(t, "him") ||
                                                                     lower_is(t, "them") || lower_is(t, "it") || lower_is(t, "us")));
        }
        if (r.first != npos && speakerish(r.first, r.second) && !object_inside &&
            (cls(r.first) & wc_preposition) == 0) {
          // The source phrase may be followed by an appositive: ", head of the caucus".
          std::uint32_t k = next(r.second - 1, u.end);
          // "said the foreign minister, Ilse Marten": the name completes the mention.
          if (k < u.end && is_comma(k) && !cap(r.first)) {
            const std::uint32_t n = next(k, u.end);
            auto name = scan_right_np(n, u.end, 5);
            if (name.first == n && cap(n) && (cls(n) & (wc_determiner | wc_title)) == 0) {
              const std::uint32_t after_name = next(name.second - 1, u.end);
              if (after_name >= u.end || is_terminal(after_name)) {
                r.second = name.second;
                k = after_name;
              }
            }
          }
          k = skip_adjuncts(k, u.end);
          // "…, said a handful of Democrats who point to …": a relative clause on the source
          // runs to the end of the sentence.
          if (k < u.end && (lower_is(k, "who") || lower_is(k, "whose"))) k = u.end;
          // "…, said Mr. Cameron and the ''Remain'' camp had …": a quotation right after the
          // phrase means it is the subject of a clause, not a source.
          if (ends_attribution(u, k) && !(k < u.end && is_open_mark(k) && !is_close_mark(p))) {
            src = r;
            separator = p;
            after = k;
            verb_first = true;
          }
        }
      }
    }
    if (src.first == npos) return;
    // "In a statement, the SDF said, “…”": a quotation (or colon) after the cue makes it forward.
    if (after < u.end && (punct_is(after, ":") || (is_comma(after) && next(after, u.end) < u.end &&
                                                   is_open_mark(next(after, u.end)) &&
                                                   sentence_like(qid(next(after, u.end))) && !is_close_mark(separator)))) {
      return;
    }
    // "On Dec. 7 on MSNBC, Bush said “…” must …": the cue's own quotation follows.
    if (after < u.end && after == next(h.end - 1, u.end) && is_open_mark(after) && !is_close_mark(separator)) return;

    // The content before the separator.
    std::uint32_t content_last = separator;
    if (is_comma(separator) || is_dash(separator)) {
      content_last = prev(separator, u.first);
    }
    if (content_last == npos) return;
    const std::uint32_t from = free_start(u, content_last);
    if (from > content_last) return;
    // "X's campaign manager, Corey Roe, said the staff member who …": before ", said X" there
    // must be a clause; a noun phrase alone is the subject of the cue, read forward.
    if (verb_first && is_comma(separator) && !in_quotation(from)) {
      bool verb = false;
      for (std::uint32_t t = from; t <= content_last && !verb; ++t) {
        verb = in_quotation(t) || (is_word(t) && !cap(t) && (((cls(t) & (wc_verb | wc_auxiliary | wc_cue)) != 0 &&
                                                              !adverbial_only(t)) || has_contraction(t) ||
                                                             negated_auxiliary(t) || ends_with(s(t), "ed")));
      }
      if (!verb) return;
    }
    // "Rather, he said, B." / "In Iowa, he said, B.": a connective or an adjunct before the
    // attribution is not reported; the content is B.
    const bool lead_in = is_comma(separator) && !is_close_mark(separator) && !in_quotation(from) &&
                         only_lead_in(from, content_last + 1);
    // "Heading into the debate, Sanders told MSNBC's “Morning Joe” that …": a lead-in is not a
    // report; without a continuation the cue is read forward.
    if (lead_in && !(after < u.end && is_comma(after))) return;
    const auto index = static_cast<std::uint32_t>(out_.size());
    raw_quote& q = emit(u, &h, src);
    if (!lead_in) add_content(q, from, content_last + 1, index);
    if (lead_in) {
      const std::uint32_t n = next(after, u.end);
      const std::uint32_t end2 = n < u.end ? content_end(u, n, hits) : npos;
      if (end2 == npos || end2 <= n || in_quotation(n)) {
        out_.pop_back();
        return;
      }
      add_content(q, n, end2, index);
      q.confidence = 0.8F;
      claimed_.emplace_back(from, end2);
      h.done = true;
      return;
    }
    // Quoting and evidential verbs follow only a quotation ("…,” he continued), except a
    // finding reported by a poll, study or record ("…, an analysis of the filings shows.").
    const std::string& lemma = lex_.lemmas()[ce.lemma];
    const bool finding = ce.type == cue_type::evidential && !verb_first && is_comma(separator) &&
                         (lemma == "show" || lemma == "find" || lemma == "suggest" || lemma == "indicate") &&
                         is_word(src.second - 1) && (cls(src.second - 1) & wc_role) != 0 && !cap(src.second - 1);
    if (q.spans.empty() ||
        ((ce.type == cue_type::quoting || ce.type == cue_type::evidential) && q.kind != quote_kind::direct && !finding)) {
      release(q, index);
      out_.pop_back();
      return;
    }
    const bool left_is_quotation = q.kind == quote_kind::direct;
    std::uint32_t claim_end = std::max(h.end, src.second);
    // A content continuing after the attribution: "“A,” he said, “B.”" / "A, they said, B."
    // ("“A;” read the statement; “B.”" too)
    if (after < u.end && (is_comma(after) || (punct_is(after, ";") && left_is_quotation))) {
      const std::uint32_t n = next(after, u.end);
      if (n < u.end) {
        if (is_open_mark(n) && left_is_quotation) {
          const std::uint32_t qi = qid(n);
          add_quotation(q, qi, index);
          claim_end = qspans_[qi].close_tok + 1;
        } else if (!left_is_quotation && !verb_first && !starts_attribution(u, n, hits) && !is_open_mark(n)) {
          const std::uint32_t end2 = content_end(u, n, hits);
          if (end2 != npos && end2 > n) {
            add_content(q, n, end2, index);
            claim_end = end2;
          }
        }
      }
    } else if (after < u.end && is_open_mark(after) && left_is_quotation) {
      const std::uint32_t qi = qid(after);
      add_quotation(q, qi, index);
      claim_end = qspans_[qi].close_tok + 1;
    }
    // “A,” X said, referring to Y, “B.”: the second quotation after an aside.
    if (left_is_quotation && q.spans.size() == 1 && after < u.end && is_comma(after)) {
      for (std::uint32_t k = next(after, u.end); k < u.end; k = next(k, u.end)) {
        if (is_terminal(k) || punct_is(k, ";")) break;
        if (in_quotation(k)) {
          if (is_open_mark(k) && is_comma(prev(k, u.first)) && quotation_used_[qid(k)] == npos &&
              sentence_like(qid(k))) {
            add_quotation(q, qid(k), index);
            claim_end = qspans_[qid(k)].close_tok + 1;
          }
          break;
        }
      }
    }
    q.confidence = 0.9F;
    claimed_.emplace_back(from, claim_end);
    h.done = true;
  }

  void try_forward(std::uint32_t ui, cue_hit& h, const std::vector<cue_hit>& hits) {
    const unit& u = units_[ui];
    const cue_entry& ce = entry(h);
    if (ce.type == cue_type::according) return;
    if (ce.type == cue_type::belief && !in_.beliefs) return;
    // The source.
    std::pair<std::uint32_t, std::uint32_t> src{npos, npos};
    const std::uint32_t p = prev(h.first, u.first);
    std::uint32_t be = p;
    while (be != npos && is_word(be) && (cls(be) & wc_negation) != 0) be = prev(be, u.first);
    if (be != npos && adverbial(be) && !lower_is(be, "is") && !lower_is(be, "was") && !lower_is(be, "were") &&
        !lower_is(be, "are") && !lower_is(be, "been") && !lower_is(be, "be")) {
      be = prev(be, u.first);
    }
    const bool passive = be != npos && ce.past_participle && is_word(be) &&
                         (lower_is(be, "was") || lower_is(be, "were") || lower_is(be, "been") ||
                          lower_is(be, "is") || lower_is(be, "are") || lower_is(be, "be") ||
                          lower_is(be, "being"));
    std::uint32_t k = next(h.end - 1, u.end);
    if (passive) {
      // "was described by both sides as …"
      if (k < u.end && lower_is(k, "by")) {
        const std::uint32_t from = next(k, u.end);
        auto r = scan_right_np(from, u.end, 8);
        if (r.first != npos && speakerish(r.first, r.second)) {
          src = r;
          k = next(r.second - 1, u.end);
        }
      }
      if (src.first == npos) return;
    } else if (ce.participle && p != npos && lower_is(p, "and") && writers_participle_before(u, p)) {
      // ", increasing tensions and threatening the ceasefire": the writer's participle clause.
      return;
    } else if (ce.participle && is_statement_object(u, h.first)) {
      // "X issued a statement saying …", "X released a video calling for …": X speaks.
      src = statement_subject(u, h.first);
      if (src.first == npos) return;
    } else if (ce.participle && p != npos && (is_comma(p) || is_dash(p) || comma_inside_close(p) || lower_is(p, "while") || lower_is(p, "by") ||
                                              lower_is(p, "after") || lower_is(p, "before") || lower_is(p, "for") ||
                                              lower_is(p, "without") || lower_is(p, "in") || lower_is(p, "since") ||
                                              lower_is(p, "upon"))) {
      // "…, adding that …": the subject of the clause it hangs on.
      if (ce.type == cue_type::evidential) return;
      src = clause_subject(u, h.first);
      if (src.first == npos) return;
    } else {
      src = forward_subject(u, h.first);
      if (src.first == npos) return;
    }

    // "few believe …", "many think …": a belief with a bare quantifier for holder is the
    // writer's summary of opinion, not a source's.
    if (ce.type == cue_type::belief && src.second == src.first + 1 &&
        (lower_is(src.first, "few") || lower_is(src.first, "many") || lower_is(src.first, "some") ||
         lower_is(src.first, "most") || lower_is(src.first, "several") || lower_is(src.first, "others"))) {
      return;
    }
    // Where the content starts.
    k = skip_adjuncts(k, u.end);
    const bool tell = is_tell(h);
    std::uint32_t from = npos;
    // Look ahead for "that", ":" or a quotation within a few tokens of adjuncts or an object.
    {
      std::uint32_t j = k;
      for (int n = 0; n < 10 && j < u.end; ++n) {
        if (is_word(j) && lower_is(j, "that") && !in_quotation(j)) {
          // "threatening the ceasefire that ended the war": after a participle and its object, a
          // plain noun before "that" opens a relative clause.
          const std::uint32_t b = prev(j, u.first);
          if (n > 0 && ce.participle && !tell && is_word(k) && (cls(k) & wc_determiner) != 0 && b != npos && is_word(b) &&
              !cap(b) && !ends_with(s(b), "ly") &&
              (cls(b) & (wc_role | wc_medium | wc_time | wc_pronoun | wc_auxiliary | wc_negation | wc_preposition)) == 0) {
            break;
          }
          from = next(j, u.end);
          break;
        }
        // "asked whether …", "questioned how …": the question is the content.
        if (n == 0 && is_word(j) && !cap(j) &&
            (lower_is(j, "whether") || lower_is(j, "how") || lower_is(j, "why") || lower_is(j, "what") ||
             lower_is(j, "who") || lower_is(j, "when") || lower_is(j, "where") || lower_is(j, "which"))) {
          from = j;
          break;
        }
        if (punct_is(j, ":")) {
          from = next(j, u.end);
          break;
        }
        if (is_open_mark(j) && (n == 0 || (n == 1 && is_comma(k)))) {
          from = j;
          break;
        }
        // "telling supporters in Columbus, Ohio, that …": a place and its state or country.
        if (is_comma(j) && n > 0 && prev(j, k) != npos && cap(prev(j, k))) {
          const std::uint32_t st = next(j, u.end);
          const std::uint32_t c2 = st < u.end ? next(st, u.end) : u.end;
          if (st < u.end && is_word(st) && cap(st) && c2 < u.end && is_comma(c2)) {
            j = next(c2, u.end);
            continue;
          }
        }
        // "told reporters as he left Ankara that …": a subordinate clause before the "that".
        if (n > 0 && is_word(j) && !cap(j) &&
            (lower_is(j, "as") || lower_is(j, "while") || lower_is(j, "when") || lower_is(j, "after") ||
             lower_is(j, "before"))) {
          std::uint32_t c = next(j, u.end);
          for (int w = 0; w < 15 && c < u.end && !is_comma(c) && !is_terminal(c) && !in_quotation(c) && !lower_is(c, "that");
               ++w) {
            c = next(c, u.end);
          }
          if (c < u.end && lower_is(c, "that")) {
            from = next(c, u.end);
            break;
          }
        }
        // "said on CNN, where he is a contributor, that …": a relative aside on the adjunct.
        if (is_comma(j) && (n > 0 || k != next(h.end - 1, u.end))) {
          const std::uint32_t m = next(j, u.end);
          if (m < u.end && (lower_is(m, "where") || lower_is(m, "which") || lower_is(m, "who"))) {
            std::uint32_t c = next(m, u.end);
            for (int w = 0; w < 20 && c < u.end && !is_comma(c) && !is_terminal(c) && !in_quotation(c); ++w) c = next(c, u.end);
            if (c < u.end && is_comma(c)) {
              j = next(c, u.end);
              continue;
            }
          }
        }
        // "told her, “Q”", "said on CBS, “Q”"
        if (is_comma(j) && n > 0) {
          const std::uint32_t m = next(j, u.end);
          if (m < u.end && is_open_mark(m) && sentence_like(qid(m))) from = m;
          break;
        }
        // A short title in the addressee ("told MSNBC's “Morning Joe” that") is skipped.
        if (is_open_mark(j) && n > 0 && !sentence_like(qid(j))) {
          j = next(qspans_[qid(j)].close_tok, u.end);
          continue;
        }
        if (punct_is(j, "-") && n > 0) {  // "told co-host Joe Scarborough that"
          j = next(j, u.end);
          continue;
        }
        // "wrote in both listings he was …": after a prepositional adjunct, a subject pronoun
        // opens the content.
        if (n > 1 && is_word(k) && (cls(k) & wc_preposition) != 0 && !tell && subject_pronoun(j)) {
          from = j;
          break;
        }
        // A verb or auxiliary means the content clause has begun ("said his party would …"),
        // and so does a contraction ("said it’s time that …").
        if (is_word(j) && !cap(j) && has_contraction(j)) break;
        if (!is_wordish(j) || (!cap(j) && (cls(j) & (wc_cue | wc_verb | wc_auxiliary)) != 0 && !adverbial_only(j)) ||
            in_quotation(j)) {
          break;
        }
        if (!tell && n == 0 && ce.type != cue_type::speech && ce.type != cue_type::evidential) break;
        j = next(j, u.end);
      }
    }
    if (from == npos && ce.type == cue_type::belief && k < u.end) {
      // Beliefs need a clause: "believes (that) X is …", "views X as Y", "wants X (to …)".
      const std::string& lemma = lex_.lemmas()[ce.lemma];
      static constexpr std::array<std::string_view, 4> kAs = {"view", "see", "regard", "consider"};
      static constexpr std::array<std::string_view, 6> kObject = {"want", "wish", "prefer", "seek", "intend", "plan"};
      if (std::find(kAs.begin(), kAs.end(), lemma) != kAs.end()) {
        std::uint32_t j = k;
        for (int n = 0; n < 8 && j < u.end && !lower_is(j, "as"); ++n) j = next(j, u.end);
        if (j >= u.end || !lower_is(j, "as")) return;
        from = k;
      } else if (std::find(kObject.begin(), kObject.end(), lemma) != kObject.end()) {
        from = k;
      } else if (is_word(k) && ((cls(k) & (wc_pronoun | wc_determiner)) != 0 || cap(k) || has_contraction(k) ||
                                lower_is(k, "there")) &&
                 ((cls(k) & wc_possessive) == 0 || verb_within(k, u.end, 7))) {  // "believe their ties can …"
        from = k;
      } else if (is_word(k) && !cap(k) &&
                 (cls(k) & (wc_preposition | wc_conjunction | wc_auxiliary | wc_verb | wc_cue | wc_complementizer |
                            wc_negation)) == 0 &&
                 verb_within(k, u.end, 5)) {
        from = k;  // "believe meaningful debt relief is possible": a clause with a bare subject
      } else {
        return;
      }
    }
    if (from == npos) {
      // "Polls show Clinton with a lead", "the study found 31 incidents": an evidential verb
      // with a clause or a phrase that states a finding.
      // "Polls show voters are split": a subject followed by its verb is a clause too.
      const std::uint32_t k2 = k < u.end ? next(k, u.end) : u.end;
      const bool clause = (k < u.end && is_word(k) && has_contraction(k)) ||  // "suggested she’ll …"
                          (k < u.end && is_word(k) && !cap(k) &&
                          (cls(k) & (wc_preposition | wc_determiner | wc_conjunction | wc_auxiliary)) == 0 && k2 < u.end &&
                          is_word(k2) && (cls(k2) & (wc_auxiliary | wc_verb)) != 0 && !adverbial_only(k2));
      // "Polls show a close contest", "The video shows an officer …": a record shows a finding.
      const std::string& ev_lemma = lex_.lemmas()[ce.lemma];
      const bool finding = k < u.end && is_word(k) && (lower_is(k, "a") || lower_is(k, "an")) &&
                           (ev_lemma == "show" || ev_lemma == "reveal" || ev_lemma == "find") &&
                           is_word(src.second - 1) && (cls(src.second - 1) & wc_role) != 0;
      if (ce.type == cue_type::evidential && k < u.end && is_wordish(k) && !ce.participle &&
          (cap(k) || tok_[k].kind == token_kind::number || clause || finding ||
           (cls(k) & (wc_he | wc_she | wc_they | wc_we | wc_it | wc_i)) != 0)) {
        from = k;
      } else if (ce.type == cue_type::evidential || ce.type == cue_type::belief) {
        return;
      }
      if (k >= u.end || is_terminal(k)) {
        // "X said:" ending a paragraph, the quotation in the next one.
        return;
      }
      if (is_comma(k)) {
        const std::uint32_t n = next(k, u.end);
        const std::uint32_t before_src = prev(src.first, u.first);
        if (n < u.end && is_open_mark(n)) {
          from = n;
        } else if (n < u.end && ce.type == cue_type::speech && before_src != npos && lower_is(before_src, "as") &&
                   as_source_opening(u, before_src)) {
          from = n;  // "As X said, the two have become …": the main clause is what X said
        } else {
          return;
        }
      } else if (tell && ce.type == cue_type::speech) {
        // "told the Military Times the attack took place", "warned officials to boost …":
        // skip the addressee; an infinitive after it is the content.
        std::uint32_t j = k;
        std::uint32_t n = 0;
        if (is_word(j) && (cls(j) & (wc_determiner | wc_pronoun)) != 0) {
          j = next(j, u.end);
          ++n;
        }
        while (j < u.end && (is_wordish(j) || (punct_is(j, "-") && j > 0 && tok_[j - 1].kind != token_kind::space)) &&
               n < 8 && !lower_is(j, "to") && !has_contraction(j) &&
               (cls(j) & (wc_determiner | wc_pronoun)) == 0 &&
               (cap(j) || (cls(j) & (wc_verb | wc_auxiliary)) == 0)) {
          j = next(j, u.end);
          ++n;
        }
        if (j >= u.end || n == 0 || !is_word(j)) return;  // "told reporters." with nothing more
        from = lower_is(j, "that") ? next(j, u.end) : j;  // "told state television that …"
      } else {
        from = k;
      }
    }
    if (from >= u.end) {
      // "X said:" at the end of a paragraph: the quotation follows in the next one.
      if (punct_is(prev(from, u.first), ":")) colon_to_next_paragraph(ui, h, src);
      return;
    }
    // "X, who said that …, has …": the relative clause ends before the main clause resumes.
    const bool relative_source = src.first + 1 == src.second && (lower_is(src.first, "who") || lower_is(src.first, "which"));
    std::uint32_t end = content_end(u, from, hits, relative_source);
    if (end == npos || end <= from) return;
    // "opposed it on those grounds, …", "offered fresh ammunition to critics who …": a speech
    // act's object ends with its phrase.
    if (ce.type == cue_type::act && !is_open_mark(from) && !lower_is(prev(from, u.first), "that") &&
        !punct_is(prev(from, u.first), ":")) {
      end = act_object_end(from, end);
    }
    // said, “Q”, while addressing the press: the quotation alone is the content.
    if (is_open_mark(from) && quots_[qid(from)].closed) {
      const std::uint32_t close = qspans_[qid(from)].close_tok;
      const std::uint32_t after = next(close, u.end);
      if (close + 1 < end && (after >= u.end || is_comma(after) || is_terminal(after) || punct_is(after, ";"))) {
        end = close + 1;
      }
    }
    // "said before he died", "spoke at the dinner", "responded to requests": an adjunct, not
    // a content (questions excepted: "asked when …").
    if (!is_open_mark(from) && is_word(from) && !cap(from) && ce.type != cue_type::act &&
        ce.type != cue_type::quoting && !punct_is(prev(from, u.first), ":")) {
      const bool question = lex_.lemmas()[ce.lemma] == "ask" || lex_.lemmas()[ce.lemma] == "wonder" ||
                            lex_.lemmas()[ce.lemma] == "question";
      static constexpr std::array<std::string_view, 12> kSubordinators = {
          "before", "after", "since", "until", "while", "because", "as", "when", "where", "although", "though", "unless"};
      bool sub = false;
      for (const auto w : kSubordinators) sub = sub || lower_is(from, w);
      const bool prep = (cls(from) & wc_preposition) != 0 && (cls(from) & wc_conjunction) == 0 &&
                        !lower_is(from, "about") && !lower_is(from, "to") && !lower_is(from, "of") &&
                        !lower_is(prev(from, u.first), "that");
      const bool after_that = lower_is(prev(from, u.first), "that");
      if (((sub && !question) || prep) && !after_that) return;
    }
    // Content must have some words.
    std::uint32_t words = 0;
    for (std::uint32_t t = from; t < end; ++t) words += is_wordish(t) ? 1 : 0;
    if (words == 0) return;
    if (ce.type == cue_type::speech && words == 1 && !in_quotation(from) && (cls(from) & wc_pronoun) != 0) return;
    const auto index = static_cast<std::uint32_t>(out_.size());
    raw_quote& q = emit(u, &h, src);
    add_content(q, from, end, index);
    // "described witnessing 35 bodies": a quoting verb may also take a gerund.
    const bool gerund = ce.type == cue_type::quoting && is_word(from) && !cap(from) && s(from).size() > 5 &&
                        s(from).substr(s(from).size() - 3) == "ing" && lex_.lemmas()[ce.lemma] == "describe";
    if (q.spans.empty() || (ce.type == cue_type::quoting && q.kind == quote_kind::indirect && !gerund &&
                            !predicative(ce, from, end))) {
      release(q, index);
      out_.pop_back();
      return;
    }
    // A quoting verb's content is the quoted fragment itself ("described … as “productive”").
    if (ce.type == cue_type::quoting && q.kind == quote_kind::mixed) {
      for (std::uint32_t t = from; t < end; ++t) {
        if (is_open_mark(t)) {
          q.spans.assign(1, quots_[qid(t)].inner);
          q.first_token = t;
          release(q, index);
          use(qid(t), index);
          claimed_.emplace_back(src.first, qspans_[qid(t)].close_tok + 1);
          q.confidence = 0.7F;
          h.done = true;
          return;
        }
      }
    }
    // A quoted fragment that does not start a sentence is mixed ("called it “rigged”").
    if (q.kind == quote_kind::direct) {
      const std::uint32_t qi = qid(from);
      const std::uint32_t before = prev(from, u.first);
      const bool introduced = before != npos && (punct_is(before, ":") || is_comma(before));
      const char32_t c = first_code_point(q.spans.front().of(text_));
      if (qi != npos && !introduced && !detail::is_upper(c)) q.kind = quote_kind::mixed;
    }
    q.confidence = ce.type == cue_type::speech ? 0.8F : 0.6F;
    claimed_.emplace_back(src.first, end);
    h.done = true;
  }

  // Does a clause with its own subject start after the comma at k ("…, the base has shown")?
  // After token k: a subject (a word or a number that is not a preposition, relative or
  // participle) and, within six words, a verb of any kind ("while 9 percent found …").
  bool subject_then_verb(std::uint32_t k, std::uint32_t end) const {
    const std::uint32_t n = next(k, end);
    if (n >= end || !is_wordish(n) || (is_word(n) && (cls(n) & (wc_relative | wc_preposition)) != 0)) return false;
    if (is_word(n) && !cap(n) && ends_with(s(n), "ing")) return false;
    for (std::uint32_t j = next(n, end), w = 0; j < end && w < 6; j = next(j, end), ++w) {
      if (!is_wordish(j) || in_quotation(j)) return false;
      if (is_word(j) && !cap(j) && (cls(j) & (wc_auxiliary | wc_verb | wc_cue)) != 0 && !adverbial_only(j)) return true;
      if (is_word(j) && (cls(j) & (wc_relative | wc_conjunction)) != 0) return false;
    }
    return false;
  }

  bool new_clause_after(std::uint32_t k, std::uint32_t end) const {
    std::uint32_t n = next(k, end);
    // ", and the minister has …", ", but the court ruled …"
    if (n < end && (lower_is(n, "and") || lower_is(n, "but") || lower_is(n, "yet"))) n = next(n, end);
    if (n >= end || !is_word(n) || (cls(n) & (wc_relative | wc_preposition)) != 0) return false;
    // ", saying …", ", adding …": the writer's participle clause.
    if (!cap(n) && ends_with(s(n), "ing") && (cls(n) & wc_determiner) == 0) return true;
    for (std::uint32_t j = next(n, end), w = 0; j < end && w < 6; j = next(j, end), ++w) {
      if (!is_word(j) || in_quotation(j)) return false;
      if (!cap(j) && (cls(j) & (wc_auxiliary | wc_verb)) != 0 && adverbial_only(j) == false) return true;
      if ((cls(j) & (wc_relative | wc_preposition | wc_conjunction)) != 0) return false;
    }
    return false;
  }

  // Does the comma at k go on with a list of noun phrases ("a ceasefire, the release of
  // hostages, and aid")? The next phrase opens with a determiner, an "and" or "or" comes before
  // `end`, and no verb comes between.
  bool list_continues(std::uint32_t k, std::uint32_t end) const {
    std::uint32_t n = next(k, end);
    if (n >= end || !is_word(n) || cap(n)) return false;
    const bool last_item = lower_is(n, "and") || lower_is(n, "or");  // ", and new talks"
    if (!last_item && (cls(n) & wc_determiner) == 0) return false;
    // (At most 80 tokens, about 40 words, ahead: a list item is short, and the scan stays linear.)
    const std::uint32_t stop = std::min<std::uint32_t>(end, n + 80);
    for (std::uint32_t j = last_item ? next(n, end) : n; j < stop; j = next(j, end)) {
      if (in_quotation(j) || punct_is(j, ";") || is_dash(j)) return false;
      if (is_word(j) && (lower_is(j, "and") || lower_is(j, "or")) && !last_item) return true;
      if (is_word(j) && !cap(j) && (cls(j) & (wc_verb | wc_cue | wc_auxiliary)) != 0 && adverbial_only(j) == false) {
        return false;
      }
    }
    return last_item && stop == end;
  }

  // "called him a liar", "calling Trump a fascist", "described the country as beset by …": a
  // naming verb with an object and what it is called, without quotation marks.
  bool predicative(const cue_entry& ce, std::uint32_t from, std::uint32_t end) const {
    const std::string& lemma = lex_.lemmas()[ce.lemma];
    if (!is_word(from)) return false;
    if (lemma == "describe" || lemma == "characterize" || lemma == "characterise" || lemma == "portray") {
      std::uint32_t j = from;
      for (int n = 0; n < 8 && j < end && is_wordish(j); ++n, j = next(j, end)) {
        if (lower_is(j, "as")) return j != from && next(j, end) < end;
        if (!cap(j) && (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_complementizer)) != 0) return false;
      }
      return false;
    }
    if (lemma != "call" && lemma != "label" && lemma != "brand" && lemma != "dub" && lemma != "term") return false;
    // The object: a pronoun or a name of up to five words.
    std::uint32_t j = from;
    if ((cls(j) & (wc_pronoun | wc_he | wc_she | wc_they | wc_it)) != 0 && (cls(j) & wc_possessive) == 0 &&
        !lower_is(j, "he") && !lower_is(j, "she") && !lower_is(j, "they") && !lower_is(j, "we") && !lower_is(j, "i")) {
      j = next(j, end);
    } else if (cap(j) && (cls(j) & (wc_determiner | wc_time)) == 0) {
      for (int n = 0; n < 5 && j < end && (cap(j) || punct_is(j, ".")); ++n) j = next(j, end);
    } else if (!cap(j) && ((cls(j) & (wc_determiner | wc_possessive)) != 0 ||
                           (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_preposition | wc_conjunction | wc_pronoun |
                                      wc_time | wc_negation | wc_complementizer)) == 0) &&
               !lower_is(j, "a") && !lower_is(j, "an")) {
      // (A bare noun phrase too: "called climate change a hoax".)
      const bool bare = (cls(j) & (wc_determiner | wc_possessive)) == 0;
      // "called the charges unsubstantiated", "called the citation and the demand a ploy": a
      // noun phrase (up to 12 words, no verb), then an article or an adjective.
      std::uint32_t n = 0;
      for (j = next(j, end); j < end && n < 12 && is_word(j) && !lower_is(j, "a") && !lower_is(j, "an"); j = next(j, end), ++n) {
        const std::uint32_t pj = prev(j, from);
        // (After an article or a preposition a verb form is a noun: "the demand", "in favor of".)
        const bool after_det = pj != npos && is_word(pj) && (cls(pj) & (wc_determiner | wc_possessive | wc_preposition)) != 0;
        if (n > 0 && !after_det && (cls(j) & (wc_verb | wc_cue | wc_auxiliary | wc_complementizer | wc_negation)) != 0 &&
            !adverbial_only(j)) {
          return false;
        }
        if (lower_is(j, "to")) return false;  // "called the police to …"
        const std::string_view w = s(j);
        if (n > 0 && !cap(j) && (ends_with(w, "ed") || ends_with(w, "ous") || ends_with(w, "ful") || ends_with(w, "ive") ||
                                 ends_with(w, "able") || ends_with(w, "ible") || ends_with(w, "less"))) {
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
    return (cls(j) & (wc_preposition | wc_conjunction | wc_determiner | wc_time | wc_verb | wc_cue | wc_auxiliary |
                      wc_complementizer | wc_relative | wc_pronoun | wc_negation)) == 0 &&
           !ends_with(s(j), "ly");
  }

  // Is [first, end) only a connective ("Rather", "Still") or a fronted adjunct without a verb
  // ("In Iowa", "On Tuesday")?
  bool only_lead_in(std::uint32_t first, std::uint32_t end) const {
    std::uint32_t words = 0;
    for (std::uint32_t t = first; t < end && words <= 12; ++t) {
      if (!is_wordish(t)) continue;
      ++words;
      if (t != first && !cap(t) && (cls(t) & (wc_verb | wc_cue | wc_auxiliary)) != 0 && !adverbial_only(t)) return false;
      if (t != first && has_contraction(t)) return false;
    }
    if (words == 1 && is_word(first)) {
      static constexpr std::array<std::string_view, 14> kConnectives = {
          "rather", "instead", "however", "still", "but", "and", "so", "yet", "moreover", "meanwhile",
          "indeed", "also", "now", "then"};
      for (const auto w : kConnectives) {
        if (lower_is(first, w)) return true;
      }
      return ends_with(s(first), "ly");
    }
    // "Heading into the debate", "Speaking to students this week": a participle opening.
    if (is_word(first) && ends_with(s(first), "ing") && (cls(first) & (wc_cue | wc_determiner)) == 0) return words <= 12;
    return words <= 8 && is_word(first) && (cls(first) & wc_preposition) != 0 && (cls(first) & wc_conjunction) == 0 &&
           !lower_is(first, "of");
  }

  // Where the object of a speech act ends (at most `end`): before a comma, a subordinate or
  // relative clause, or a coordinated clause ("echoed the themes and took the stage").
  std::uint32_t act_object_end(std::uint32_t from, std::uint32_t end) const {
    // (Conditions, "unless", "until", "if", stay: they qualify the act.)
    static constexpr std::array<std::string_view, 8> kStops = {
        "while", "because", "since", "when", "after", "although", "though", "whereas"};
    std::uint32_t last = npos;
    for (std::uint32_t k = from; k < end; k = next(k, end)) {
      if (in_quotation(k)) {
        k = qspans_[qid(k)].close_tok;
        last = k;
        continue;
      }
      if (k > from && is_comma(k) && list_continues(k, end)) {
        last = k;
        continue;
      }
      if (k > from && is_comma(k) && new_clause_after(k, end)) break;
      if (k > from && is_word(k) && !cap(k)) {
        bool stop = false;
        for (const auto w : kStops) stop = stop || lower_is(k, w);
        if (stop) break;
        if (lower_is(k, "and") || lower_is(k, "but") || lower_is(k, "or")) {
          const std::uint32_t n = next(k, end);
          if (n < end && is_word(n) && !cap(n) &&
              (((cls(n) & (wc_verb | wc_cue | wc_auxiliary)) != 0 && (cls(n) & wc_determiner) == 0) ||
               ends_with(s(n), "ed") ||
               ((cls(n) & (wc_he | wc_she | wc_they | wc_we | wc_i)) != 0 && (cls(n) & wc_possessive) == 0))) {
            break;
          }
        }
      }
      last = k;
    }
    if (last == npos) return end;
    // A quotation further on makes the report mixed ("praised the deal as “historic”").
    for (std::uint32_t k = last + 1; k < end; ++k) {
      if (in_quotation(k)) return end;
    }
    return last + 1;
  }

  // Before the "and" at `and_tok`, within eight words: a comma and a participle that is not a
  // cue (", increasing tensions and …"), the writer's own clause.
  bool writers_participle_before(const unit& u, std::uint32_t and_tok) const {
    std::uint32_t k = prev(and_tok, u.first);
    for (int n = 0; n < 8 && k != npos; ++n, k = prev(k, u.first)) {
      if (in_quotation(k)) return false;
      if (is_comma(k)) {
        const std::uint32_t w = next(k, and_tok);
        return w < and_tok && is_word(w) && !cap(w) && ends_with(s(w), "ing") && (cls(w) & wc_cue) == 0;
      }
    }
    return false;
  }

  // Is the participle at `cue_first` preceded by "a statement", "a letter", "a video"?
  bool is_statement_object(const unit& u, std::uint32_t cue_first) const { return statement_article(u, cue_first) != npos; }

  // The article opening "a statement" (or "a series of tweets early Friday") before a
  // participle cue, or npos.
  std::uint32_t statement_article(const unit& u, std::uint32_t cue_first) const {
    std::uint32_t n = prev(cue_first, u.first);
    // "a series of tweets early Friday saying": past a time adjunct.
    while (n != npos && is_word(n) && ((cls(n) & wc_time) != 0 || lower_is(n, "early") || lower_is(n, "late")) &&
           (cls(n) & wc_medium) == 0) {
      n = prev(n, u.first);
    }
    if (n == npos || !is_word(n) || (cls(n) & (wc_medium | wc_role)) == 0 || cap(n)) return npos;
    std::uint32_t d = prev(n, u.first);
    while (d != npos && is_word(d) && !cap(d) && (cls(d) & (wc_determiner | wc_verb | wc_cue)) == 0) d = prev(d, u.first);
    return d != npos && (lower_is(d, "a") || lower_is(d, "an")) && prev(d, u.first) != npos ? d : npos;
  }

  // "after Donald Trump unleashed a series of tweets criticizing …": the subject of the verb
  // that takes the statement, else the subject of the clause.
  std::pair<std::uint32_t, std::uint32_t> statement_subject(const unit& u, std::uint32_t cue_first) const {
    const std::uint32_t d = statement_article(u, cue_first);
    const std::uint32_t v = d == npos ? npos : prev(d, u.first);
    if (v != npos && is_word(v) && !cap(v)) {
      const auto np = scan_left_np(v, u.first);
      if (np.first != npos && speakerish(np.first, np.second)) return np;
    }
    return clause_subject(u, cue_first);
  }

  // The subject of the clause a participle hangs on: the source of an attribution earlier in
  // the unit, or the phrase that opens the unit.
  std::pair<std::uint32_t, std::uint32_t> clause_subject(const unit& u, std::uint32_t before) const {
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->paragraph != u.paragraph || it->cue_first == npos) break;
      if (it->cue_first >= u.first && it->cue_first < before && it->source_first != npos) {
        return {it->source_first, it->source_end};
      }
      if (it->cue_first < u.first) break;
    }
    std::uint32_t k = after_dateline(u);
    while (k < before && (in_quotation(k) || tok_[k].kind != token_kind::word)) k = next(k, before);
    if (k >= before) return {npos, npos};
    // "But the court overruled and said …": past a leading conjunction.
    if (!in_quotation(k) && (lower_is(k, "but") || lower_is(k, "and") || lower_is(k, "yet") || lower_is(k, "so"))) {
      const std::uint32_t n = next(k, before);
      if (n < before && is_word(n) && !is_comma(n)) k = n;
    }
    // "With leaders worried about X, President Y is rolling out …": past a leading adjunct.
    if ((cls(k) & (wc_preposition | wc_conjunction)) != 0) {
      std::uint32_t c = k;
      while (c < before && !is_comma(c)) c = next(c, before);
      if (c >= before) return {npos, npos};
      k = next(c, before);
      if (k >= before || !is_word(k)) return {npos, npos};
    }
    auto r = scan_right_np(k, before, 12);
    if (r.first == npos) return {npos, npos};
    // After a name, an unknown lower-case word is the clause's verb ("Israel releases …").
    for (std::uint32_t t = r.first; t < r.second; ++t) {
      if (!is_word(t) || cap(t) || t == r.first) continue;
      const std::uint32_t c = cls(t);
      bool cap_before = false;
      for (std::uint32_t b = r.first; b < t; ++b) cap_before = cap_before || cap(b);
      if (cap_before && (c & (wc_role | wc_org | wc_title | wc_demonym | wc_place | wc_determiner | wc_time)) == 0 &&
          !lower_is(t, "of") && !lower_is(t, "and")) {
        std::uint32_t e = prev(t, r.first);
        if (e == npos) return {npos, npos};
        r.second = e + 1;
        break;
      }
    }
    if (!speakerish(r.first, r.second)) return {npos, npos};
    const std::uint32_t n = next(r.second - 1, before);
    if (n < before && !is_comma(n) && !(is_word(n) && (cls(n) & (wc_cue | wc_verb | wc_auxiliary)) != 0) &&
        !(is_word(n) && !cap(n))) {
      return {npos, npos};
    }
    return r;
  }

  // "X said:" closing a paragraph: the next paragraph's opening quotation is the content.
  void colon_to_next_paragraph(std::uint32_t ui, cue_hit& h, std::pair<std::uint32_t, std::uint32_t> src) {
    for (std::uint32_t v = ui + 1; v < units_.size(); ++v) {
      const unit& w = units_[v];
      if (w.paragraph == units_[ui].paragraph) continue;
      if (w.paragraph != units_[ui].paragraph + 1) return;
      std::uint32_t f = w.first;
      while (f < w.end && tok_[f].kind == token_kind::space) ++f;
      if (f < w.end && !is_open_mark(f) && !in_quotation(f) && !w.headline && entry(h).type == cue_type::speech) {
        // "The governor added:" and the words in the next paragraph without quotation marks
        // (a block quotation): the whole paragraph, taken as said.
        std::uint32_t end = w.end;
        for (std::uint32_t x = v + 1; x < units_.size() && units_[x].paragraph == w.paragraph; ++x) end = units_[x].end;
        while (end > f && tok_[end - 1].kind == token_kind::space) --end;
        if (end <= f) return;
        const auto index = static_cast<std::uint32_t>(out_.size());
        raw_quote& q = emit(units_[ui], &h, src);
        q.paragraph = w.paragraph;
        add_content(q, f, end, index);
        if (q.spans.empty()) {
          out_.pop_back();
          return;
        }
        if (q.kind == quote_kind::indirect) q.kind = quote_kind::direct;
        q.confidence = 0.6F;
        h.done = true;
        return;
      }
      if (f >= w.end || !is_open_mark(f) || quotation_used_[qid(f)] != npos) return;
      const auto index = static_cast<std::uint32_t>(out_.size());
      raw_quote& q = emit(units_[ui], &h, src);
      q.paragraph = w.paragraph;
      add_quotation(q, qid(f), index);
      follow_continuations(q, qid(f), index);
      q.confidence = 0.8F;
      h.done = true;
      return;
    }
  }

  // Gives back the quotations a discarded quote had claimed.
  void release(const raw_quote& q, std::uint32_t index) {
    (void)q;
    // The quotations quote `index` was given (not a scan of all quotations: long documents
    // stay linear).
    if (index >= given_.size()) return;
    for (const std::uint32_t qi : given_[index]) {
      if (quotation_used_[qi] == index) quotation_used_[qi] = npos;
    }
    given_[index].clear();
  }

  // Gives quotation qi to quote `index`.
  void use(std::uint32_t qi, std::uint32_t index) {
    quotation_used_[qi] = index;
    if (index == npos) return;
    if (index >= given_.size()) given_.resize(index + 1);
    given_[index].push_back(qi);
  }

  // Adds the pieces of a quotation running over several paragraphs: the first free quotation
  // after qi that continues it, then the first free one after that continuing it, and so on.
  // (Through the index continued_by_, not a scan of all quotations: long documents stay linear.)
  void follow_continuations(raw_quote& q, std::uint32_t qi, std::uint32_t index) {
    for (std::uint32_t from = qi + 1;;) {
      auto it = std::lower_bound(continued_by_.begin(), continued_by_.end(), std::pair{qi, from});
      while (it != continued_by_.end() && it->first == qi && quotation_used_[it->second] != npos) ++it;
      if (it == continued_by_.end() || it->first != qi) return;
      add_quotation(q, it->second, index);
      qi = it->second;
      from = qi + 1;
    }
  }

  // ---- quotations without a cue -----------------------------------------------------------
  void leftover_quotations() {
    // Pieces of a multi-paragraph quotation attributed in a later paragraph ("“A.\n\n“B,” she
    // said.") join it first, then pieces after an attributed one.
    for (std::uint32_t qi = 0; qi < quots_.size(); ++qi) {
      const quotation& qu = quots_[qi];
      if (qu.depth != 0 || quotation_used_[qi] == npos) continue;
      const std::uint32_t owner = quotation_used_[qi];
      std::vector<byte_range> before;
      std::uint32_t first_piece = qi;
      for (std::uint32_t p = qu.continues; p != quotation::none && quotation_used_[p] == npos;
           p = quots_[p].continues) {
        before.insert(before.begin(), quots_[p].inner);
        use(p, owner);
        first_piece = p;
      }
      if (!before.empty()) {
        raw_quote& q = out_[owner];
        q.spans.insert(q.spans.begin(), before.begin(), before.end());
        q.first_token = qspans_[first_piece].open_tok;
        q.kind = quote_kind::direct;
      }
      follow_continuations(out_[owner], qi, owner);
    }
    index_quote_starts();
    std::uint32_t unit_index = 0;
    for (std::uint32_t qi = 0; qi < quots_.size(); ++qi) {
      const quotation& qu = quots_[qi];
      if (qu.depth != 0 || quotation_used_[qi] != npos) continue;
      const std::uint32_t open = qspans_[qi].open_tok;
      while (unit_index + 1 < units_.size() && units_[unit_index].end <= open) ++unit_index;
      const unit& u = units_[unit_index];
      if (u.headline) continue;
      if (try_colon_or_dash(u, qi)) continue;
      if (!sentence_like(qi)) continue;  // scare quote, title or nickname
      // Continues the previous quote: “A,” he said. “B.” (same paragraph, right after it).
      const std::uint32_t prev_quote = last_quote_before(open);
      const std::uint32_t prev_direct = last_quote_before(open, true);
      if (prev_direct != npos && out_[prev_direct].paragraph == u.paragraph && unit_starts_with(u, open) &&
          nothing_between(prev_direct, u, open)) {
        raw_quote& q = out_[prev_direct];
        add_quotation(q, qi, prev_direct);
        follow_continuations(q, qi, prev_direct);
        continue;
      }
      // A floating quote: the previous speaker's, in the same or the previous paragraph.
      const auto index = static_cast<std::uint32_t>(out_.size());
      raw_quote& q = out_.emplace_back();
      q.paragraph = u.paragraph;
      add_quotation(q, qi, index);
      follow_continuations(q, qi, index);
      q.confidence = 0.5F;
      if (prev_quote != npos && out_[prev_quote].paragraph + 1 >= u.paragraph) {
        q.speaker_from = prev_quote;
        q.confidence = 0.7F;
      } else if (!unit_starts_with(u, open)) {
        // A quotation inside narration with no source anywhere near: not a quote.
        out_.pop_back();
        quotation_used_[qi] = npos;
      }
    }
  }

  bool unit_starts_with(const unit& u, std::uint32_t t) const {
    std::uint32_t f = u.first;
    while (f < u.end && tok_[f].kind == token_kind::space) ++f;
    return f == t;
  }

  // last_quote_before's index, so that long documents stay linear: the quotes present when the
  // leftover quotations are taken up, as (first token, index) in order, all and direct ones.
  // The quotes added after them (from index indexed_ on) start at the quotation being
  // attributed, so they come in text order and are direct; should that ever not hold,
  // last_quote_before falls back to a scan.
  void index_quote_starts() {
    starts_.clear();
    direct_starts_.clear();
    for (std::uint32_t i = 0; i < out_.size(); ++i) {
      const raw_quote& q = out_[i];
      if (q.spans.empty()) continue;
      starts_.emplace_back(q.first_token, i);
      if (q.kind == quote_kind::direct) direct_starts_.emplace_back(q.first_token, i);
    }
    std::sort(starts_.begin(), starts_.end());
    std::sort(direct_starts_.begin(), direct_starts_.end());
    indexed_ = static_cast<std::uint32_t>(out_.size());
    checked_ = indexed_;
  }

  // The most recent quote (or direct quote) whose content starts before token t: the greatest
  // first token, and of equal ones the latest quote.
  std::uint32_t last_quote_before(std::uint32_t t, bool direct_only = false) {
    if (indexed_ == npos) return last_quote_before_scan(t, direct_only);
    checked_ = std::min(checked_, static_cast<std::uint32_t>(out_.size()));
    for (; checked_ < out_.size(); ++checked_) {
      const raw_quote& q = out_[checked_];
      if (q.spans.empty() || q.kind != quote_kind::direct ||
          (checked_ > indexed_ && q.first_token < out_[checked_ - 1].first_token)) {
        indexed_ = npos;
        return last_quote_before_scan(t, direct_only);
      }
    }
    const auto& starts = direct_only ? direct_starts_ : starts_;
    std::uint32_t best = npos;
    std::uint32_t best_tok = 0;
    auto it = std::lower_bound(starts.begin(), starts.end(), std::pair{t, std::uint32_t{0}});
    if (it != starts.begin()) {
      --it;
      best_tok = it->first;
      best = it->second;
    }
    const auto added = out_.begin() + indexed_;
    const auto after = std::partition_point(added, out_.end(), [t](const raw_quote& q) { return q.first_token < t; });
    if (after != added && (best == npos || (after - 1)->first_token >= best_tok)) {
      best = static_cast<std::uint32_t>(after - 1 - out_.begin());
    }
    return best;
  }

  std::uint32_t last_quote_before_scan(std::uint32_t t, bool direct_only) const {
    std::uint32_t best = npos;
    std::uint32_t best_tok = 0;
    for (std::uint32_t i = 0; i < out_.size(); ++i) {
      const raw_quote& q = out_[i];
      if (q.spans.empty() || q.first_token >= t) continue;
      if (direct_only && q.kind != quote_kind::direct) continue;
      if (best == npos || q.first_token >= best_tok) {
        best = i;
        best_tok = q.first_token;
      }
    }
    return best;
  }

  // Is unit u the one right after the unit holding quote `qi`'s attribution?
  bool nothing_between(std::uint32_t qi, const unit& u, std::uint32_t open) const {
    const raw_quote& q = out_[qi];
    std::uint32_t last_tok = q.first_token;
    if (q.cue_end != npos) last_tok = std::max(last_tok, q.cue_end);
    if (q.source_end != npos) last_tok = std::max(last_tok, q.source_end);
    for (const byte_range& r : q.spans) last_tok = std::max(last_tok, doc_.token_at(r.end - 1));
    // The previous unit must hold the quote's last token. (Units are in text order: a binary
    // search finds u.)
    const auto it = std::lower_bound(units_.begin(), units_.end(), u.first,
                                     [](const unit& a, std::uint32_t first) { return a.first < first; });
    if (it == units_.end() || it->first != u.first) return false;
    const auto v = static_cast<std::size_t>(it - units_.begin());
    return v > 0 && last_tok >= units_[v - 1].first && last_tok < units_[v - 1].end && open >= u.first;
  }

  // A quote of quotation `qi` attributed by a punctuation cue (colon or dash) at token `cue`.
  void emit_punctuated(const unit& u, std::uint32_t qi, std::uint32_t cue, cue_kind kind,
                       std::pair<std::uint32_t, std::uint32_t> src, float confidence) {
    const auto index = static_cast<std::uint32_t>(out_.size());
    raw_quote& q = out_.emplace_back();
    q.paragraph = u.paragraph;
    q.cue = reporting_cue{tok_[cue].range, kind};
    q.cue_first = cue;
    q.cue_end = cue + 1;
    q.source_first = src.first;
    q.source_end = src.second;
    add_quotation(q, qi, index);
    follow_continuations(q, qi, index);
    q.confidence = confidence;
  }

  // "X: “Q”" and "“Q” — X".
  bool try_colon_or_dash(const unit& u, std::uint32_t qi) {
    const std::uint32_t open = qspans_[qi].open_tok;
    const std::uint32_t close = qspans_[qi].close_tok;
    const std::uint32_t p = prev(open, u.first);
    if (p != npos && punct_is(p, ":")) {
      auto np = scan_left_np(p, u.first, 6);
      if (np.first != npos && prev(np.first, u.first) == npos && speakerish(np.first, np.second) &&
          (cap(np.first) || (cls(np.first) & wc_determiner) != 0)) {
        emit_punctuated(u, qi, p, cue_kind::colon, np, 0.8F);
        return true;
      }
      // "X is rolling out a new message: “Q”", "The piece used her words as its headline:
      // “Q”": a channel word before the colon makes the clause's subject the source.
      if (sentence_like(qi)) {
        bool channel = false;
        for (std::uint32_t k = u.first; k < p; ++k) {
          if (is_word(k) && !in_quotation(k) && (cls(k) & (wc_medium | wc_cue)) != 0 && !cap(k)) channel = true;
        }
        const auto src = channel ? clause_subject(u, p) : std::pair{npos, npos};
        if (src.first != npos) {
          emit_punctuated(u, qi, p, cue_kind::colon, src, 0.6F);
          return true;
        }
      }
    }
    // "Trump issued the following statement:" ending the previous paragraph, the quotation
    // opening this one: the subject of the clause with a channel or cue word speaks.
    if (p == npos && &u != units_.data() && sentence_like(qi)) {
      const unit& before = *(&u - 1);
      const std::uint32_t colon = before.end > before.first ? prev(before.end, before.first) : npos;
      if (colon != npos && punct_is(colon, ":") && before.paragraph + 1 == u.paragraph && !before.headline) {
        bool channel = false;
        for (std::uint32_t k = before.first; k < colon; ++k) {
          if (is_word(k) && !in_quotation(k) && (cls(k) & (wc_medium | wc_cue)) != 0 && !cap(k)) channel = true;
        }
        auto src = channel ? clause_subject(before, colon) : std::pair{npos, npos};
        if (src.first == npos && channel) {  // "As X reported after …:"
          for (std::uint32_t k = before.first; k < colon && src.first == npos; ++k) {
            if (is_word(k) && (cls(k) & wc_cue) != 0 && !cap(k)) src = forward_subject(before, k);
          }
        }
        if (src.first != npos) {
          emit_punctuated(before, qi, colon, cue_kind::colon, src, 0.6F);
          out_.back().paragraph = u.paragraph;
          return true;
        }
      }
    }
    const std::uint32_t n = next(close, u.end);
    if (quots_[qi].closed && n < u.end && is_dash(n)) {
      const std::uint32_t from = next(n, u.end);
      auto r = scan_right_np(from, u.end, 8);
      if (r.first != npos && speakerish(r.first, r.second) && cap(r.first)) {
        const std::uint32_t after = next(r.second - 1, u.end);
        if (after >= u.end || is_terminal(after) || is_comma(after) || is_open_mark(after)) {
          emit_punctuated(u, qi, n, cue_kind::dash, r, 0.7F);
          return true;
        }
      }
    }
    return false;
  }

  const attribution_input& in_;
  const document& doc_;
  std::string_view text_;
  std::span<const token> tok_;
  const std::vector<token_info>& info_;
  const lexicon& lex_;
  const std::vector<quotation>& quots_;
  std::vector<std::uint32_t> qid_;
  std::vector<qspan> qspans_;
  std::vector<std::uint32_t> quotation_used_;  // quote index using each quotation, or npos (set by use())
  std::vector<std::vector<std::uint32_t>> given_;  // per quote index, the quotations use() gave it
  // (continued quotation, continuing quotation) pairs, sorted: follow_continuations.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> continued_by_;
  // (first token, quote index) pairs, sorted; the quotes from indexed_ on are not in them, and
  // are checked up to checked_: last_quote_before.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> starts_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> direct_starts_;
  std::uint32_t indexed_ = npos;
  std::uint32_t checked_ = 0;
  std::vector<unit> units_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> claimed_;
  std::vector<raw_quote> out_;
};

}  // namespace

std::vector<raw_quote> attribute(const attribution_input& in) {
  std::vector<raw_quote> quotes = attributor(in).run();
  return quotes;
}

}  // namespace sayso::detail
