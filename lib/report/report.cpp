// Report: analysed documents as a view model, rendered through a Mustache template (a data file,
// lib/report/report.html.mustache, embedded at build time). All HTML markup lives in the
// template; this file decides what goes where, and the template engine escapes every string.
#include <sayso/report.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <queue>
#include <sstream>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include <sayso/error.hpp>
#include <sayso/version.hpp>

namespace sayso {
namespace detail {
extern const std::string_view report_template_html;
}  // namespace detail

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// Speakers cycle through this many colours (classes c0..c11 in the template).
constexpr std::size_t kColours = 12;

// Speaker (index in the registry) -> colour. Colours follow the order in which speakers first
// speak: in a document, so that its speakers are told apart as well as possible; in the corpus
// matrix, over all documents.
using colour_map = std::unordered_map<std::size_t, std::size_t>;

// ---------------------------------------------------------------------------------------------
// Text

// A valid UTF-8 copy of `s`: each maximal ill-formed subpart (and NUL) becomes U+FFFD, so that
// the page is well-formed whatever the input.
std::string clean_utf8(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0) {
        out += kReplacement;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k < len && i + k < s.size(); ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      const bool ok = k == 1 ? (d >= lo && d <= hi) : (d >= 0x80 && d <= 0xBF);
      if (!ok) break;
    }
    if (k == len) {
      out.append(s.substr(i, len));
    } else {
      out += kReplacement;
    }
    i += k;
  }
  return out;
}

// A range clipped to the text and moved off continuation bytes, so that slicing never splits a
// character (the pipeline's ranges are already on boundaries; this guards hand-made analyses).
byte_range clip(byte_range r, std::string_view text) {
  const auto size = static_cast<std::uint32_t>(std::min<std::size_t>(text.size(), UINT32_MAX));
  const auto snap = [&](std::uint32_t b) {
    b = std::min(b, size);
    for (int steps = 0; steps < 3 && b > 0 && b < size &&
                        (static_cast<unsigned char>(text[b]) & 0xC0U) == 0x80U;
         ++steps) {
      --b;
    }
    return b;
  };
  byte_range out{snap(r.begin), snap(r.end)};
  if (out.end < out.begin) out.end = out.begin;
  return out;
}

std::string slice(std::string_view text, byte_range r) {
  const byte_range c = clip(r, text);
  return clean_utf8(text.substr(c.begin, c.end - c.begin));
}

std::string fold(std::string_view name) {
  std::string out;
  bool space = false;
  for (const char ch : name) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return out;
}

std::string quote_text(std::string_view text, const quote& q) {
  std::string out;
  for (const byte_range& r : q.content) {
    if (!out.empty()) out += " … ";
    out += slice(text, r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary shown on the page: a symbol next to every label and kind, never colour alone.

std::string_view label_symbol(stance_label label) {
  switch (label) {
    case stance_label::support: return "✔";
    case stance_label::oppose: return "✘";
    case stance_label::conditional: return "◐";
    case stance_label::neutral: return "○";
  }
  return "?";
}

std::string_view kind_symbol(quote_kind kind) {
  switch (kind) {
    case quote_kind::direct: return "❝";
    case quote_kind::mixed: return "◑";
    case quote_kind::indirect: return "↪";
  }
  return "?";
}

constexpr std::array<stance_label, 4> kLabels = {stance_label::support, stance_label::oppose,
                                                 stance_label::conditional, stance_label::neutral};
constexpr std::array<quote_kind, 3> kKinds = {quote_kind::direct, quote_kind::mixed,
                                              quote_kind::indirect};

std::string str(std::string_view s) { return std::string(s); }

// ---------------------------------------------------------------------------------------------
// Speakers and terms, shared by all documents of the report.

struct speaker_info {
  std::string name;
  std::string kind;
  std::size_t colour = 0;
};

class speaker_registry {
 public:
  // The speaker of `q` in document `doc`: its entity's canonical name; else its mention (kept
  // apart per document, since "he" in one article is not "he" in the next); else unknown.
  std::size_t of(const report_document& d, std::size_t doc, const quote& q) {
    std::string key;
    speaker_info info;
    const analysis& a = d.result;
    if (q.speaker && q.speaker->entity != no_entity && q.speaker->entity < a.entities.size()) {
      const entity& e = a.entities[q.speaker->entity];
      info.name = clean_utf8(e.name);
      info.kind = str(to_string(e.kind));
      key = fold(info.name);
    }
    if (key.empty() && q.speaker && !clip(q.speaker->mention, d.text).empty()) {
      info.name = "“" + slice(d.text, q.speaker->mention) + "”";
      info.kind = "unresolved";
      key = "\x01" + std::to_string(doc) + "\x01" + fold(info.name);
    }
    if (key.empty()) {
      info.name = "unknown speaker";
      info.kind = "unattributed";
      key = "\x01" + std::to_string(doc) + "\x01?";
    }
    const auto [it, added] = index_.try_emplace(key, speakers_.size());
    if (added) {
      info.colour = speakers_.size() % kColours;
      speakers_.push_back(std::move(info));
    }
    return it->second;
  }
  [[nodiscard]] const speaker_info& operator[](std::size_t i) const { return speakers_[i]; }
  [[nodiscard]] std::size_t size() const { return speakers_.size(); }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<speaker_info> speakers_;
};

class term_columns {
 public:
  explicit term_columns(const std::vector<term_info>& terms) {
    for (const term_info& t : terms) add(t.id, t.description);
  }
  std::size_t add(const std::string& id, const std::string& description = {}) {
    const auto [it, added] = index_.try_emplace(id, terms_.size());
    if (added) terms_.push_back({id, description});
    return it->second;
  }
  [[nodiscard]] std::size_t find(const std::string& id) const { return index_.at(id); }
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& all() const { return terms_; }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::pair<std::string, std::string>> terms_;  // id, description
};

// ---------------------------------------------------------------------------------------------
// The "who stands where" matrix: speakers down, terms across, each cell the labels with links
// to the quotes that carry them.

struct quote_ref {
  std::string href;
  std::string text;
};

class matrix_builder {
 public:
  matrix_builder(const term_columns& terms, const speaker_registry& speakers, const colour_map* colours)
      : terms_(terms), speakers_(speakers), colours_(colours) {}

  void add_quote(std::size_t speaker) { ++row_of(speaker).quotes; }

  void add_stance(std::size_t speaker, const std::string& term, stance_label label, const quote_ref& ref) {
    row_data& r = row_of(speaker);
    const std::size_t col = terms_.find(term);
    if (r.cells.size() <= col) r.cells.resize(terms_.all().size());
    auto& refs = r.cells[col][static_cast<std::size_t>(label)];
    // A quote counts once per label, however many times it states it.
    if (refs.empty() || refs.back().href != ref.href) refs.push_back(ref);
  }

  [[nodiscard]] data build(std::string caption) const {
    data columns{data::type::list};
    for (const auto& [id, description] : terms_.all()) {
      data parts{data::type::list};
      // Break points after underscores keep long ids (territorial_concession) narrow.
      std::size_t start = 0;
      while (start <= id.size()) {
        const std::size_t us = id.find('_', start);
        const bool last = us == std::string::npos;
        data part;
        part.set("part", last ? id.substr(start) : id.substr(start, us - start + 1));
        part.set("last", last);
        parts.push_back(part);
        if (last) break;
        start = us + 1;
      }
      data c;
      c.set("id", id);
      c.set("description", description.empty() ? id : description);
      c.set("parts", parts);
      columns.push_back(c);
    }
    // Speakers with a stance are rows; the others are listed below the table, so that the
    // matrix stays small enough to take in at a glance.
    data rows{data::type::list};
    data silent{data::type::list};
    for (const std::size_t s : order_) {
      const row_data& r = rows_.at(s);
      const speaker_info& who = speakers_[s];
      data cells{data::type::list};
      std::size_t row_stances = 0;
      for (std::size_t col = 0; col < terms_.all().size(); ++col) {
        data chips{data::type::list};
        bool any = false;
        if (col < r.cells.size()) {
          for (const stance_label label : kLabels) {
            const auto& refs = r.cells[col][static_cast<std::size_t>(label)];
            if (refs.empty()) continue;
            any = true;
            ++row_stances;
            data links{data::type::list};
            for (const quote_ref& ref : refs) {
              data l;
              l.set("href", ref.href);
              l.set("text", ref.text);
              links.push_back(l);
            }
            data chip;
            chip.set("label", str(to_string(label)));
            chip.set("symbol", str(label_symbol(label)));
            chip.set("count", std::to_string(refs.size()));
            chip.set("plural", refs.size() != 1);
            chip.set("refs", links);
            chips.push_back(chip);
          }
        }
        data cell;
        cell.set("term", terms_.all()[col].first);
        cell.set("speaker", who.name);
        cell.set("empty", !any);
        cell.set("chips", chips);
        cells.push_back(cell);
      }
      data rw;
      rw.set("name", who.name);
      rw.set("kind", who.kind);
      rw.set("colour", std::to_string(colours_ != nullptr ? colours_->at(s) : who.colour));
      rw.set("quotes", std::to_string(r.quotes));
      rw.set("plural", r.quotes != 1);
      rw.set("cells", cells);
      (row_stances > 0 ? rows : silent).push_back(rw);
    }
    data m;
    m.set("caption", std::move(caption));
    m.set("columns", columns);
    m.set("has_speakers", !order_.empty());
    m.set("has_rows", !rows.is_empty_list());
    m.set("has_silent", !silent.is_empty_list());
    m.set("rows", rows);
    m.set("silent", silent);
    return m;
  }

 private:
  struct row_data {
    std::size_t quotes = 0;
    std::vector<std::array<std::vector<quote_ref>, kLabels.size()>> cells;
  };
  row_data& row_of(std::size_t speaker) {
    const auto [it, added] = rows_.try_emplace(speaker);
    if (added) order_.push_back(speaker);
    return it->second;
  }

  const term_columns& terms_;
  const speaker_registry& speakers_;
  const colour_map* colours_;  // null: the registry's colours
  std::unordered_map<std::size_t, row_data> rows_;
  std::vector<std::size_t> order_;  // speakers in order of first quote
};

// ---------------------------------------------------------------------------------------------
// The article text as a flat list of text, open and close nodes that nest properly, however
// the marked ranges overlap: quote content outermost, then cues and mentions, then evidence.

enum class mark : std::uint8_t { quote = 0, cue = 1, mention = 2, evidence = 3 };

struct interval {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  mark type = mark::quote;
  std::vector<std::size_t> quotes;  // indices into the document's quotes
  bool anchor = false;  // the first piece of a quote: carries its id, marker and tab stop
  bool start = true;    // starts a content span (a remainder of a split range does not)
};

struct quote_view {
  std::string id;      // "d1-q3"
  std::string number;  // "3"
  std::size_t speaker = 0;
  std::size_t colour = 0;  // the speaker's colour in this document
};

class text_builder {
 public:
  text_builder(std::string_view text, const std::vector<quote_view>& quotes,
               const std::vector<const quote*>& source, const speaker_registry& speakers)
      : text_(text), quotes_(quotes), source_(source), speakers_(speakers) {}

  data build() {
    collect();
    // Min-heap on (begin, longer first, outer type first); remainders of split ranges go back in.
    const auto later = [this](std::size_t a, std::size_t b) {
      const interval& x = intervals_[a];
      const interval& y = intervals_[b];
      if (x.begin != y.begin) return x.begin > y.begin;
      if (x.end != y.end) return x.end < y.end;
      if (x.type != y.type) return x.type > y.type;
      return a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
    for (std::size_t i = 0; i < intervals_.size(); ++i) heap.push(i);
    std::vector<std::size_t> stack;
    std::uint32_t pos = 0;
    const auto close_until = [&](std::uint32_t at) {
      while (!stack.empty() && intervals_[stack.back()].end <= at) {
        emit_text(pos, intervals_[stack.back()].end);
        pos = std::max(pos, intervals_[stack.back()].end);
        emit_close();
        stack.pop_back();
      }
    };
    while (!heap.empty()) {
      const std::size_t i = heap.top();
      heap.pop();
      close_until(intervals_[i].begin);
      emit_text(pos, intervals_[i].begin);
      pos = std::max(pos, intervals_[i].begin);
      if (!stack.empty() && intervals_[i].end > intervals_[stack.back()].end) {
        // Crosses the end of the enclosing element: split it there.
        interval rest = intervals_[i];
        rest.begin = intervals_[stack.back()].end;
        rest.anchor = false;
        rest.start = false;
        intervals_[i].end = rest.begin;
        intervals_.push_back(std::move(rest));
        heap.push(intervals_.size() - 1);
      }
      emit_open(intervals_[i]);
      stack.push_back(i);
    }
    close_until(static_cast<std::uint32_t>(text_.size()));
    emit_text(pos, static_cast<std::uint32_t>(text_.size()));
    return std::move(nodes_);
  }

 private:
  void collect() {
    std::unordered_map<std::uint64_t, std::size_t> shared;  // (begin, end, type) -> interval
    const auto add_shared = [&](byte_range r, mark type, std::size_t q) {
      const byte_range c = clip(r, text_);
      if (c.empty()) return;
      const std::uint64_t key = (std::uint64_t{c.begin} << 34U) ^ (std::uint64_t{c.end} << 2U) ^
                                static_cast<std::uint64_t>(type);
      const auto [it, added] = shared.try_emplace(key, intervals_.size());
      if (added) {
        intervals_.push_back({c.begin, c.end, type, {q}});
      } else if (intervals_[it->second].quotes.back() != q) {
        intervals_[it->second].quotes.push_back(q);
      }
    };
    for (std::size_t q = 0; q < source_.size(); ++q) {
      const quote& qt = *source_[q];
      bool first = true;
      for (const byte_range& r : qt.content) {
        const byte_range c = clip(r, text_);
        if (c.empty()) continue;
        intervals_.push_back({c.begin, c.end, mark::quote, {q}, first, true});
        first = false;
      }
      if (qt.cue) add_shared(qt.cue->range, mark::cue, q);
      if (qt.speaker) add_shared(qt.speaker->mention, mark::mention, q);
      for (const stance& s : qt.stances) {
        for (const byte_range& r : s.evidence) add_shared(r, mark::evidence, q);
      }
    }
  }

  void emit_text(std::uint32_t from, std::uint32_t to) {
    if (to <= from) return;
    data n = node();
    n.set("text", clean_utf8(text_.substr(from, to - from)));
    nodes_.push_back(n);
  }

  void emit_open(const interval& iv) {
    std::string ids;
    for (const std::size_t q : iv.quotes) {
      if (!ids.empty()) ids += ' ';
      ids += quotes_[q].id;
    }
    const quote_view& first = quotes_[iv.quotes.front()];
    const speaker_info& who = speakers_[first.speaker];
    const quote& q = *source_[iv.quotes.front()];
    data o;
    o.set("is_quote", iv.type == mark::quote);
    o.set("is_cue", iv.type == mark::cue);
    o.set("is_mention", iv.type == mark::mention);
    o.set("is_evidence", iv.type == mark::evidence);
    o.set("qids", ids);
    o.set("qid", first.id);
    o.set("number", first.number);
    o.set("kind", str(to_string(q.kind)));
    o.set("kind_symbol", str(kind_symbol(q.kind)));
    o.set("speaker", who.name);
    o.set("colour", std::to_string(first.colour));
    o.set("anchor", iv.type == mark::quote && iv.anchor);
    o.set("start", iv.start);
    data n = node();
    n.set("open", o);
    nodes_.push_back(n);
  }

  void emit_close() {
    data n = node();
    n.set("close", true);
    nodes_.push_back(n);
  }

  // Every key set, so that Mustache never looks a missing one up in an enclosing context.
  static data node() {
    data n;
    n.set("text", false);
    n.set("open", false);
    n.set("close", false);
    return n;
  }

  std::string_view text_;
  const std::vector<quote_view>& quotes_;
  const std::vector<const quote*>& source_;
  const speaker_registry& speakers_;
  std::vector<interval> intervals_;
  data nodes_{data::type::list};
};

// ---------------------------------------------------------------------------------------------
// Per-quote details: shown in the speaker list, and (cloned by the page's script) on hover.

data quote_details(const report_document& d, const quote& q, const quote_view& v,
                   const speaker_registry& speakers) {
  const speaker_info& who = speakers[v.speaker];
  const analysis& a = d.result;
  data stances{data::type::list};
  data reported{data::type::list};
  for (const stance& s : q.stances) {
    std::string evidence;
    for (const byte_range& r : s.evidence) {
      const std::string words = slice(d.text, r);
      if (words.empty()) continue;
      if (!evidence.empty()) evidence += ", ";
      evidence += "“" + words + "”";
    }
    data st;
    st.set("term", clean_utf8(s.term));
    st.set("label", str(to_string(s.label)));
    st.set("symbol", str(label_symbol(s.label)));
    st.set("evidence", evidence);
    st.set("has_evidence", !evidence.empty());
    const std::string condition = s.condition ? slice(d.text, *s.condition) : std::string();
    st.set("condition", condition);
    st.set("has_condition", !condition.empty());
    std::string holder = "another party";
    if (s.holder != no_entity && s.holder < a.entities.size()) {
      holder = clean_utf8(a.entities[s.holder].name);
    }
    st.set("holder", holder);
    (s.reported ? reported : stances).push_back(st);
  }
  data det;
  det.set("qid", v.id);
  det.set("number", v.number);
  det.set("kind", str(to_string(q.kind)));
  det.set("kind_symbol", str(kind_symbol(q.kind)));
  det.set("speaker", who.name);
  det.set("speaker_kind", who.kind);
  det.set("colour", std::to_string(v.colour));
  const std::string mention = q.speaker ? slice(d.text, q.speaker->mention) : std::string();
  det.set("mention", mention);
  det.set("has_mention", !mention.empty());
  const std::string cue = q.cue ? slice(d.text, q.cue->range) : std::string();
  det.set("cue", cue);
  det.set("has_cue", !cue.empty());
  det.set("text", quote_text(d.text, q));
  det.set("belief", q.belief);
  det.set("unclosed", !q.closed);
  det.set("stances", stances);
  det.set("has_stances", !stances.is_empty_list());
  det.set("reported", reported);
  det.set("has_reported", !reported.is_empty_list());
  return det;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string nonce() {
  std::random_device rd;
  std::string out;
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 4; ++i) {
    const std::uint32_t v = rd();
    for (int k = 0; k < 8; ++k) out += kHex[(v >> (4 * k)) & 0xFU];
  }
  return out;
}

// The template split around its {{#sections}} ... {{/sections}} block, so that the page can be
// rendered one section at a time: only one document's view model is ever in memory. A tag
// alone on its line takes its line with it, as Mustache's standalone tags do.
struct split_template {
  std::string head;
  std::string section;
  std::string tail;
};

std::optional<split_template> split_sections(const std::string& t) {
  static constexpr std::string_view kOpen = "{{#sections}}";
  static constexpr std::string_view kClose = "{{/sections}}";
  const std::size_t open = t.find(kOpen);
  const std::size_t close = t.rfind(kClose);
  if (open == std::string::npos || close == std::string::npos || close < open + kOpen.size()) return std::nullopt;
  // [cut_begin, cut_end) of a tag: the whole line when the tag stands alone on it.
  const auto cut = [&](std::size_t at, std::size_t len) {
    std::size_t begin = at;
    while (begin > 0 && (t[begin - 1] == ' ' || t[begin - 1] == '\t')) --begin;
    std::size_t end = at + len;
    while (end < t.size() && (t[end] == ' ' || t[end] == '\t')) ++end;
    const bool line_start = begin == 0 || t[begin - 1] == '\n';
    if (line_start && end < t.size() && (t[end] == '\n' || t[end] == '\r')) {
      if (t[end] == '\r' && end + 1 < t.size() && t[end + 1] == '\n') ++end;
      return std::pair{begin, end + 1};
    }
    return std::pair{at, at + len};
  };
  const auto [open_begin, open_end] = cut(open, kOpen.size());
  const auto [close_begin, close_end] = cut(close, kClose.size());
  return split_template{t.substr(0, open_begin), t.substr(open_end, close_begin - open_end), t.substr(close_end)};
}

void check_template(const mustache& tmpl) {
  if (!tmpl.is_valid()) throw error(errc::invalid_argument, "report template: " + tmpl.error_message());
}

}  // namespace

std::string render_report(std::span<const report_document> documents, const report_options& options) {
  // First pass: the columns (listed terms, then any other term a stance uses), the speakers (one
  // per canonical name across documents), each document's speaker colours, and the corpus
  // matrix, which comes before the documents on the page.
  term_columns terms(options.terms);
  speaker_registry speakers;
  std::vector<std::vector<quote_view>> views(documents.size());
  std::size_t total_quotes = 0;
  std::size_t total_stances = 0;
  for (std::size_t di = 0; di < documents.size(); ++di) {
    const report_document& d = documents[di];
    if (d.error) continue;
    std::size_t n = 0;
    colour_map colours;
    for (const quote& q : d.result.quotes) {
      ++n;
      const std::size_t who = speakers.of(d, di, q);
      const std::size_t colour = colours.try_emplace(who, colours.size() % kColours).first->second;
      views[di].push_back({"d" + std::to_string(di + 1) + "-q" + std::to_string(n), std::to_string(n), who,
                           colour});
      for (const stance& s : q.stances) {
        if (s.reported) continue;
        terms.add(s.term);
        ++total_stances;
      }
    }
    total_quotes += n;
  }
  const bool corpus = documents.size() > 1;
  matrix_builder corpus_matrix(terms, speakers, nullptr);
  for (std::size_t di = 0; di < documents.size(); ++di) {
    const auto& quotes = documents[di].result.quotes;
    for (std::size_t k = 0; k < views[di].size(); ++k) {
      const quote_view& v = views[di][k];
      corpus_matrix.add_quote(v.speaker);
      for (const stance& s : quotes[k].stances) {
        if (s.reported) continue;
        // Appended rather than "D" + ...: GCC 12 warns falsely (-Wrestrict) on that form.
        std::string label = "D";
        label += std::to_string(di + 1);
        label += "·Q";
        label += v.number;
        corpus_matrix.add_stance(v.speaker, s.term, s.label, {"#" + v.id, std::move(label)});
      }
    }
  }

  const auto doc_id = [&](std::size_t di) {
    return documents[di].id.empty() ? "document " + std::to_string(di + 1) : clean_utf8(documents[di].id);
  };
  const auto doc_summary = [&](std::size_t di, std::size_t* speaker_count) {
    const report_document& d = documents[di];
    if (d.error) return "not analysed: " + clean_utf8(*d.error);
    std::vector<std::size_t> seen;
    std::size_t stances = 0;
    for (std::size_t k = 0; k < views[di].size(); ++k) {
      if (std::find(seen.begin(), seen.end(), views[di][k].speaker) == seen.end()) seen.push_back(views[di][k].speaker);
      for (const stance& s : d.result.quotes[k].stances) stances += s.reported ? 0 : 1;
    }
    if (speaker_count != nullptr) *speaker_count = seen.size();
    return plural(views[di].size(), "quote", "quotes") + " · " + plural(seen.size(), "speaker", "speakers") +
           " · " + plural(stances, "stance", "stances");
  };

  // One document's section: its matrix, its text as nodes, its speakers with their quotes.
  const auto document_section = [&](std::size_t di) {
    const report_document& d = documents[di];
    data sec;
    sec.set("is_corpus", false);
    sec.set("is_document", true);
    sec.set("anchor", "d" + std::to_string(di + 1));
    sec.set("number", std::to_string(di + 1));
    sec.set("id", doc_id(di));
    sec.set("error", d.error ? clean_utf8(*d.error) : std::string());
    sec.set("has_error", d.error.has_value());
    sec.set("documents", false);
    if (d.error) {
      sec.set("summary", "not analysed");
      sec.set("matrix", false);
      sec.set("nodes", false);
      sec.set("speakers", false);
      sec.set("has_quotes", false);
      return sec;
    }
    sec.set("summary", doc_summary(di, nullptr));
    const std::vector<quote_view>& qv = views[di];
    std::vector<const quote*> source;
    source.reserve(d.result.quotes.size());
    for (const quote& q : d.result.quotes) source.push_back(&q);
    colour_map colours;
    for (const quote_view& v : qv) colours.emplace(v.speaker, v.colour);
    matrix_builder matrix(terms, speakers, &colours);
    // Speakers in order of first quote, each with its quotes' details.
    std::vector<std::size_t> order;
    std::unordered_map<std::size_t, data> speaker_quotes;
    for (std::size_t k = 0; k < source.size(); ++k) {
      const quote_view& v = qv[k];
      matrix.add_quote(v.speaker);
      for (const stance& s : source[k]->stances) {
        if (!s.reported) matrix.add_stance(v.speaker, s.term, s.label, {"#" + v.id, "Q" + v.number});
      }
      const auto [it, added] = speaker_quotes.try_emplace(v.speaker, data::type::list);
      if (added) order.push_back(v.speaker);
      it->second.push_back(quote_details(d, *source[k], v, speakers));
    }
    data speaker_list{data::type::list};
    for (const std::size_t s : order) {
      data sp;
      const data& quotes = speaker_quotes.at(s);
      sp.set("name", speakers[s].name);
      sp.set("kind", speakers[s].kind);
      sp.set("colour", std::to_string(colours.at(s)));
      sp.set("count", plural(quotes.list_value().size(), "quote", "quotes"));
      sp.set("quotes", quotes);
      speaker_list.push_back(sp);
    }
    sec.set("matrix", matrix.build(corpus ? "Who stands where in this document" : "Who stands where"));
    sec.set("nodes", text_builder(d.text, qv, source, speakers).build());
    sec.set("speakers", speaker_list);
    sec.set("has_quotes", !source.empty());
    return sec;
  };

  const std::string page_summary = plural(documents.size(), "document", "documents") + " · " +
                                   plural(total_quotes, "quote", "quotes") + " · " +
                                   plural(speakers.size(), "speaker", "speakers") + " · " +
                                   plural(total_stances, "stance", "stances");
  const auto corpus_section = [&] {
    data contents{data::type::list};
    for (std::size_t di = 0; di < documents.size(); ++di) {
      data toc;
      toc.set("anchor", "d" + std::to_string(di + 1));
      toc.set("id", doc_id(di));
      toc.set("summary", doc_summary(di, nullptr));
      contents.push_back(toc);
    }
    data sec;
    sec.set("is_corpus", true);
    sec.set("is_document", false);
    sec.set("anchor", "corpus");
    sec.set("summary", page_summary);
    sec.set("matrix", corpus_matrix.build("Who stands where across all documents"));
    sec.set("documents", contents);
    sec.set("nodes", false);
    sec.set("speakers", false);
    sec.set("has_error", false);
    sec.set("has_quotes", false);
    return sec;
  };

  data page;
  page.set("title", clean_utf8(options.title));
  page.set("version", str(version()));
  page.set("nonce", nonce());
  page.set("corpus", corpus);
  page.set("summary", page_summary);
  data labels{data::type::list};
  for (const stance_label l : kLabels) {
    data x;
    x.set("label", str(to_string(l)));
    x.set("symbol", str(label_symbol(l)));
    labels.push_back(x);
  }
  page.set("labels", labels);
  data kinds{data::type::list};
  for (const quote_kind k : kKinds) {
    data x;
    x.set("kind", str(to_string(k)));
    x.set("kind_symbol", str(kind_symbol(k)));
    kinds.push_back(x);
  }
  page.set("kinds", kinds);

  const std::string tmpl_text =
      options.template_text.empty() ? std::string(detail::report_template_html) : options.template_text;
  mustache whole(tmpl_text);
  check_template(whole);
  const std::optional<split_template> parts = split_sections(tmpl_text);
  std::optional<mustache> head;
  std::optional<mustache> section;
  std::optional<mustache> tail;
  if (parts) {
    head.emplace(parts->head);
    section.emplace(parts->section);
    tail.emplace(parts->tail);
  }
  if (!parts || !head->is_valid() || !section->is_valid() || !tail->is_valid()) {
    // A template whose sections cannot be cut out is rendered whole, with every section built.
    data sections{data::type::list};
    if (corpus) sections.push_back(corpus_section());
    for (std::size_t di = 0; di < documents.size(); ++di) sections.push_back(document_section(di));
    page.set("sections", sections);
    std::string html = whole.render(page);
    check_template(whole);
    return html;
  }
  page.set("sections", data{data::type::list});
  std::ostringstream out;
  head->render(page, out);
  check_template(*head);
  kainjow::mustache::context<std::string> ctx(&page);
  const auto render_section = [&](const data& sec) {
    ctx.push(&sec);
    section->render(ctx, out);
    ctx.pop();
    check_template(*section);
  };
  if (corpus) render_section(corpus_section());
  for (std::size_t di = 0; di < documents.size(); ++di) render_section(document_section(di));
  tail->render(page, out);
  check_template(*tail);
  return std::move(out).str();
}

}  // namespace sayso
