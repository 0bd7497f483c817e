// Stance: the bounds of clauses and sentences within a quote, and the subordinate clauses that
// keep a term from its governor.
#include "stance/labeller_impl.hpp"

#include <algorithm>
#include <array>

namespace sayso::detail::stance_internal {

void find_all(const RE2* re, std::string_view text, std::uint32_t base, cue_class cls, std::vector<hit>& out) {
  if (re == nullptr || text.empty()) return;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= text.size() && re->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto b = static_cast<std::uint32_t>(match.data() - text.data());
    const auto e = static_cast<std::uint32_t>(b + match.size());
    out.push_back({base + b, base + e, cls});
    pos = e > b ? e : e + 1;
  }
}

// Number of words (runs of letters or digits) in text[a, b).
std::uint32_t words_between(std::string_view text, std::uint32_t a, std::uint32_t b) {
  std::uint32_t n = 0;
  bool in_word = false;
  for (std::uint32_t i = a; i < b && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto lower = static_cast<char>((a >= 'A' && a <= 'Z') ? a + 32 : a);
    if (lower != prefix[i]) return false;
  }
  return true;
}

// End of the sentence (within its span) holding byte `from`.
std::uint32_t labeller::clause_limit(std::uint32_t from) const {
  for (const byte_range& span : q_.spans) {
    if (from < span.begin || from > span.end) continue;
    const auto sentences = ctx_.doc.sentences();
    return std::min(span.end, sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(from))].range.end);
  }
  return from;
}

// End of the clause starting at byte `from`: a comma, semicolon, terminator ("but"), dash,
// the sentence's end or the span's end.
std::uint32_t labeller::clause_end(std::uint32_t from) const {
  for (const byte_range& span : q_.spans) {
    if (from < span.begin || from > span.end) continue;
    const auto sentences = ctx_.doc.sentences();
    std::uint32_t limit = std::min(span.end, sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(from))].range.end);
    for (const hit& h : cues_) {
      if (h.cls == cue_class::terminator && h.begin > from && h.begin < limit) limit = h.begin;
    }
    for (std::uint32_t i = from; i < limit; ++i) {
      const char ch = text_[i];
      if (ch == ',' || ch == ';') return i;
      // A dash ends it too.
      if (static_cast<unsigned char>(ch) == 0xE2 && i + 2 < limit && text_[i + 1] == '\x80' &&
          (text_[i + 2] == '\x94' || text_[i + 2] == '\x93')) {
        return i;
      }
    }
    return limit;
  }
  return from;
}

std::uint32_t labeller::clause_begin(const term_hit& th) const {
  // The sentence holding the term (periods in "U.S." do not end it), or a semicolon.
  const auto sentences = ctx_.doc.sentences();
  std::uint32_t begin = std::max(th.span_begin,
                                 sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(th.begin))].range.begin);
  for (std::uint32_t i = th.begin; i > begin; --i) {
    if (text_[i - 1] == ';') {
      begin = i;
      break;
    }
  }
  for (const hit& h : cues_) {
    if (h.cls == cue_class::terminator && h.begin >= begin && h.end <= th.begin) begin = h.end;
  }
  return begin;
}

// Does the attribution's own verb govern the term? Not when a subordinate clause ("while the
// ceasefire is in effect", "if talks fail", "since the truce") stands between them.
bool labeller::governed_by_cue(const term_hit& th) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(th.span_begin); t < tokens.size() && tokens[t].range.end <= th.begin; ++t) {
    if (tokens[t].kind != token_kind::word || tokens[t].range.begin < th.span_begin) continue;
    const std::string_view w = tokens[t].range.of(text_);
    static constexpr std::array<std::string_view, 12> kSubordinators = {
        "while", "if", "since", "after", "despite", "during", "because", "although", "when", "unless", "until", "whereas"};
    for (const auto sub : kSubordinators) {
      if (w == sub) return false;
    }
  }
  return true;
}

// "since the ceasefire took effect", "since the start of the truce": a time reference.
bool labeller::time_reference(const term_hit& th) const {
  const std::string_view span = text_.substr(th.span_begin, th.begin - th.span_begin);
  const std::size_t found = span.rfind("since ");
  if (found == std::string_view::npos) return false;
  const std::size_t since = th.span_begin + found;
  return
         words_between(text_, static_cast<std::uint32_t>(since + 6), th.begin) <= 4 &&
         text_.substr(since, th.begin - since).find_first_of(",;.") == std::string_view::npos;
}

// "taking hostages", "took prisoners": capture, not an exchange or a release.
bool labeller::capture(const term_hit& th) const {
  const std::uint32_t from = th.begin > th.span_begin + 8 ? th.begin - 8 : th.span_begin;
  const std::string_view before = text_.substr(from, th.begin - from);
  return before.find("taking ") != std::string_view::npos || before.find("took ") != std::string_view::npos ||
         before.find("take ") != std::string_view::npos || before.find("held ") != std::string_view::npos;
}

// "has been", "was", "were", "is being" between a term and a cue.
bool labeller::passive_between(std::uint32_t a, std::uint32_t b) const {
  const std::string_view gap = text_.substr(a, b - a);
  for (const std::string_view be : {"been", "was", "were", "is ", "are ", "be "}) {
    if (gap.find(be) != std::string_view::npos) return true;
  }
  return false;
}

bool labeller::same_sentence(std::uint32_t a, std::uint32_t b) const {
  const std::uint32_t lo = std::min(a, b);
  const std::uint32_t hi = std::max(a, b);
  for (const byte_range& span : q_.spans) {
    if (lo < span.begin || hi > span.end) continue;
    const auto sentences = ctx_.doc.sentences();
    return ctx_.doc.sentence_of_token(ctx_.doc.token_at(lo)) == ctx_.doc.sentence_of_token(ctx_.doc.token_at(hi)) &&
           sentences.size() > 0;
  }
  return false;
}

bool labeller::context_holds(const detail::compiled_terms::context& cx, std::uint32_t begin, std::uint32_t end) const {
  // How far before and after a mention its context conditions look.
  constexpr std::uint32_t kWindow = 96;
  const byte_range sentence = ctx_.doc.sentences()[ctx_.doc.sentence_of_token(ctx_.doc.token_at(begin))].range;
  const auto piece = [&](std::uint32_t a, std::uint32_t b) { return re2::StringPiece(text_.data() + a, b - a); };
  if (cx.sentence_has && !RE2::PartialMatch(piece(sentence.begin, std::max(sentence.end, end)), *cx.sentence_has)) {
    return false;
  }
  const std::uint32_t from = std::max(sentence.begin, begin > kWindow ? begin - kWindow : 0U);
  if (cx.before && !RE2::PartialMatch(piece(std::min(from, begin), begin), *cx.before)) return false;
  if (cx.not_before && RE2::PartialMatch(piece(std::min(from, begin), begin), *cx.not_before)) return false;
  const std::uint32_t to = std::min<std::uint32_t>(static_cast<std::uint32_t>(text_.size()), end + kWindow);
  return !(cx.not_after && RE2::PartialMatch(piece(end, to), *cx.not_after));
}

}  // namespace sayso::detail::stance_internal
