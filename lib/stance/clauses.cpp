// Stance: the bounds of clauses and sentences within a quote, the subordinate clauses that keep
// a term from its governor, and the clause-level readings of conditions, concessions, refusals
// and nested reports.
#include "stance/labeller_impl.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sayso::detail::stance_internal {

void find_all(const screened_lists& screen, std::uint32_t entry, const screened_text& seen, std::string_view text,
              std::uint32_t base, cue_class cls, std::vector<hit>& out) {
  if (text.empty()) return;
  static thread_local std::vector<alternative_ref> alternatives;
  static thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> matches;
  alternatives.clear();
  screen.refs_of(entry, seen, alternatives);
  if (alternatives.empty()) return;
  matches.clear();
  detail::find_all(alternatives, text, matches);
  for (const auto& [b, e] : matches) out.push_back({base + b, base + e, cls});
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

// "hours after a truce was declared", "shortly after the talks": the time of an event.
bool labeller::event_time(const term_hit& th) const {
  const std::uint32_t from = th.begin > th.span_begin + 48 ? th.begin - 48 : th.span_begin;
  const std::string_view before = text_.substr(from, th.begin - from);
  const std::size_t after = before.rfind("after ");
  if (after == std::string_view::npos || after == 0 || words_between(before, static_cast<std::uint32_t>(after + 6), static_cast<std::uint32_t>(before.size())) > 3 ||
      before.substr(after).find_first_of(",;.") != std::string_view::npos) {
    return false;
  }
  std::string_view head = before.substr(0, after);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  for (const std::string_view w : {"hours", "days", "weeks", "months", "years", "minutes", "moments", "shortly", "soon", "just",
                                   "immediately", "hour", "day", "week", "month", "year"}) {
    if (head.size() >= w.size() && starts_with_ci(head.substr(head.size() - w.size()), w) &&
        (head.size() == w.size() || head[head.size() - w.size() - 1] == ' ')) {
      return true;
    }
  }
  return false;
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
  // (Each condition reads its piece of text as a whole text: RE2::PartialMatch on it.)
  const auto piece = [&](std::uint32_t a, std::uint32_t b) { return text_.substr(a, b - a); };
  if (cx.sentence_has && !cx.sentence_has.search(piece(sentence.begin, std::max(sentence.end, end)))) return false;
  const std::uint32_t from = std::max(sentence.begin, begin > kWindow ? begin - kWindow : 0U);
  if (cx.before && !cx.before.search(piece(std::min(from, begin), begin))) return false;
  if (cx.not_before && cx.not_before.search(piece(std::min(from, begin), begin))) return false;
  const std::uint32_t to = std::min<std::uint32_t>(static_cast<std::uint32_t>(text_.size()), end + kWindow);
  if (cx.not_after && cx.not_after.search(piece(end, to))) return false;
  if (cx.after && !cx.after.search(piece(end, to))) return false;
  // (The quote's sentences after the words around the mention: a longer search.)
  if (cx.quote_has && !quote_holds(cx.quote_has)) return false;
  // "the deal", "the meeting": the term the document is about.
  if (cx.document_mentions > 0 && named_in_document(cx.term) < cx.document_mentions) return false;
  const std::uint32_t mine = cx.document_first_of.empty() ? 0 : named_in_document(cx.term);
  if (!cx.document_first_of.empty() && mine == 0) return false;  // a document about none of them
  for (const std::size_t other : cx.document_first_of) {
    if (other == cx.term) continue;
    const std::uint32_t theirs = named_in_document(other);
    if (theirs > mine || (theirs == mine && other < cx.term)) return false;
  }
  return true;
}

bool labeller::quote_holds(const lazy_re2& re) const {
  // The sentences that hold the quote's spans and its cue: the content and the reporting clause
  // ("Officials said the hostages would be home by Friday"), not the rest of the document.
  const auto sentences = ctx_.doc.sentences();
  const auto holds = [&](byte_range r) {
    if (r.end <= r.begin) return false;
    const std::uint32_t first = sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(r.begin))].range.begin;
    const std::uint32_t last = sentences[ctx_.doc.sentence_of_token(ctx_.doc.token_at(r.end - 1))].range.end;
    const std::uint32_t a = std::min(first, r.begin);
    const std::uint32_t b = std::max(last, r.end);
    return re.search(text_.substr(a, b - a));
  };
  if (std::any_of(q_.spans.begin(), q_.spans.end(), holds)) return true;
  return q_.cue && holds(q_.cue->range);
}

document_terms& labeller::document_counts() const {
  document_terms& d = ctx_.terms_named != nullptr ? *ctx_.terms_named : own_counts_;
  if (d.counts.empty()) d.counts.assign(c_.patterns.size(), document_terms::uncounted);
  return d;
}

const screened_text& labeller::document_screen() const {
  document_terms& d = document_counts();
  if (!d.screened) {
    c_.screen().read(text_, d.whole);
    d.screened = true;
  }
  return d.whole;
}

std::uint32_t labeller::named_in_document(std::size_t term) const {
  document_terms& d = document_counts();
  if (term >= d.counts.size()) return 0;
  // Once per document and term, and only for the terms a context asks about (a few of them).
  std::uint32_t& n = d.counts[term];
  if (n != document_terms::uncounted) return n;
  // Through the alternatives of the term's expressions (and of its contexts that name it) that
  // the screen lets through for the whole text: a few small searches instead of native_re's of
  // the whole expression, which tries its many branches at every word of the text; until the
  // counts' searches have done as much work as compiling the whole expression costs (its RE2
  // automaton, warm in a long run, is then the cheaper: lazy_re2::charge).
  const bool through_alternatives = c_.named[term].charge(0);
  const compiled_terms::mention_screen& screen = c_.screen();
  static thread_local std::vector<alternative_ref> alternatives;
  alternatives.clear();
  if (through_alternatives) {
    const screened_text& whole = document_screen();
    screen.refs_of(static_cast<std::uint32_t>(term), whole, alternatives);
    for (std::size_t k = 0; k < c_.contexts.size(); ++k) {
      if (c_.contexts[k].term == term && c_.contexts[k].names_term()) screen.refs_of(c_.context_entry(k), whole, alternatives);
    }
  }
  const std::string& pattern = c_.named[term].pattern();
  bool reads_start = pattern.find("\\B") != std::string::npos || pattern.find("\\A") != std::string::npos;
  for (std::size_t i = pattern.find('^'); i != std::string::npos && !reads_start; i = pattern.find('^', i + 1)) {
    reads_start = i == 0 || pattern[i - 1] != '[';  // (not a negated class)
  }
  const bool searched = std::any_of(alternatives.begin(), alternatives.end(), [](const alternative_ref& a) { return a.words == nullptr; });
  if (through_alternatives && !reads_start && searched && !d.indexed) {
    d.boundaries.build(text_);
    d.indexed = true;
  }
  // (What the alternatives' searches did, and a pass over the text for the spelled words.)
  const auto work = [&] {
    std::size_t w = 0;
    for (const alternative_ref& a : alternatives) w += a.re->work();
    return w;
  };
  const std::size_t before = work();
  const auto counted = !through_alternatives || reads_start
                           ? std::nullopt
                           : count_consumed(alternatives, text_, kMaxNamed, &d.boundaries);
  if (through_alternatives) c_.named[term].charge(work() - before + text_.size());
  if (counted) {
    n = *counted;
    return n;
  }
  // (Where that reading may differ: as RE2::FindAndConsume, each search reads the rest of the
  // text as a whole text.)
  n = 0;
  std::string_view rest = text_;
  std::size_t end = 0;
  while (n < kMaxNamed && c_.named[term].search(rest, 0, nullptr, &end)) {
    rest.remove_prefix(end);
    ++n;
  }
  return n;
}

void labeller::after_conditions() {
  const auto sentences = ctx_.doc.sentences();
  for (const byte_range& span : q_.spans) {
    for (std::uint32_t k = ctx_.doc.sentence_of_token(ctx_.doc.token_at(span.begin));
         k < sentences.size() && sentences[k].range.begin < span.end; ++k) {
      std::uint32_t at = std::max(sentences[k].range.begin, span.begin);
      const std::uint32_t limit = std::min(sentences[k].range.end, span.end);
      while (at < limit && (text_[at] == ' ' || text_[at] == '"' || text_[at] == '\n')) ++at;
      if (!text_.substr(at, limit - at).starts_with("After ")) continue;
      const std::size_t comma = text_.substr(at, limit - at).find(',');
      if (comma == std::string_view::npos) continue;
      const auto main = static_cast<std::uint32_t>(at + comma);
      const std::string_view rest = text_.substr(main, limit - main);
      if (rest.find(" will ") == std::string_view::npos && rest.find(" would ") == std::string_view::npos &&
          rest.find(" can ") == std::string_view::npos) {
        continue;
      }
      conditions_.push_back({at, main, false, false});
    }
  }
}

// "should the truce fail", "if the talks collapse": the condition is that the term fails, and
// the speaker who fears it wants the term. "if the truce fails to bring security" is not: it is a
// condition on what the term achieves.
bool labeller::ends_in_failure(std::uint32_t from, std::uint32_t to) const {
  const std::string_view c = text_.substr(from, to - from);
  for (const std::string_view w : {" fail", " collapse", " break down", " breaks down", " falls apart", " fall apart"}) {
    const std::size_t at = c.find(w);
    if (at == std::string_view::npos) continue;
    std::size_t end = at + w.size();
    while (end < c.size() && std::isalpha(static_cast<unsigned char>(c[end]))) ++end;
    if (c.substr(end).starts_with(" to ")) continue;
    return true;
  }
  return false;
}

// Is the term qualified as the true or whole kind, right after a negation: "not a real
// truce", "no genuine talks", "not a complete ceasefire"?
bool labeller::qualified_kind(const term_hit& th) const {
  const std::uint32_t from = th.begin > th.span_begin + 40 ? th.begin - 40 : th.span_begin;
  std::string_view before = text_.substr(from, th.begin - from);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  for (const std::string_view q : {" real", " genuine", " true", " complete", " full", " comprehensive", " proper", " serious",
                                   " meaningful", " lasting"}) {
    if (!before.ends_with(q)) continue;
    std::string_view rest = before.substr(0, before.size() - q.size());
    for (const std::string_view a : {" a", " an", " any"}) {
      if (rest.ends_with(a)) rest = rest.substr(0, rest.size() - a.size());
    }
    return rest.ends_with(" not") || rest.ends_with(" no") || rest.ends_with("n't") || rest.ends_with("n\xE2\x80\x99t") ||
           rest.ends_with(" never");
  }
  return false;
}

// After the term in its span, a "but" clause of the speaker's side that refuses: "but we will
// never accept", "but you cannot have". Reads at most a few hundred bytes.
bool labeller::refused_after(const term_hit& th) const {
  constexpr std::uint32_t kWindow = 240;
  const std::uint32_t end = std::min(th.span_end, th.end + kWindow);
  const std::string_view rest = text_.substr(th.end, end - th.end);
  for (std::size_t at = 0; (at = rest.find("ut ", at)) != std::string_view::npos; at += 3) {
    if (at == 0 || (rest[at - 1] != 'b' && rest[at - 1] != 'B') || (at >= 2 && std::isalpha(static_cast<unsigned char>(rest[at - 2])))) {
      continue;
    }
    const std::string_view clause = rest.substr(at + 3, 40);
    if (!(starts_with_ci(clause, "we ") || starts_with_ci(clause, "you ") || starts_with_ci(clause, "i ") ||
          starts_with_ci(clause, "it "))) {
      continue;
    }
    const std::size_t space = clause.find(' ');
    const std::string_view next = clause.substr(space + 1);
    for (const std::string_view n : {"will never ", "would never ", "never ", "cannot ", "can't ", "can\xE2\x80\x99t ",
                                     "will not ", "won't ", "won\xE2\x80\x99t ", "must not ", "should not "}) {
      if (starts_with_ci(next, n)) return true;
    }
  }
  return false;
}

// "Pompeo said Washington wanted a truce", inside another speaker's content: a speech verb of
// someone else (not "I said", "we told them") between the clause's start and the term makes the
// position that speaker's, which the quote's speaker only reports.
bool labeller::nested_report(const term_hit& th, std::uint32_t begin) const {
  const auto tokens = ctx_.doc.tokens();
  std::string_view previous;
  for (std::uint32_t t = ctx_.doc.token_at(begin); t < tokens.size() && tokens[t].range.end <= th.begin; ++t) {
    if (tokens[t].range.begin < begin || tokens[t].kind != token_kind::word) continue;
    const std::string_view w = tokens[t].range.of(text_);
    const bool speech = w == "said" || w == "says" || w == "told" || w == "tells" || w == "stated" || w == "added";
    if (speech && !previous.empty() && previous != "I" && previous != "we" && previous != "We" && previous != "has" &&
        previous != "have" && previous != "had" && previous != "was" && previous != "is" && previous != "be") {
      return true;
    }
    previous = w;
  }
  return false;
}

// Is there a determiner or possessive in text_[a, b) ("not met our demand")?
bool labeller::determiner_between(std::uint32_t a, std::uint32_t b) const {
  const auto tokens = ctx_.doc.tokens();
  for (std::uint32_t t = ctx_.doc.token_at(a); t < tokens.size() && tokens[t].range.end <= b; ++t) {
    if (tokens[t].range.begin < a || tokens[t].kind != token_kind::word) continue;
    const std::string_view w = tokens[t].range.of(text_);
    for (const std::string_view d : {"a", "an", "the", "our", "their", "his", "her", "its", "my", "your"}) {
      if (w.size() == d.size() && starts_with_ci(w, d)) return true;
    }
  }
  return false;
}

}  // namespace sayso::detail::stance_internal
