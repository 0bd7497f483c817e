// Internal to the report (lib/report): the parts of the page's view model, one file each.
//   text.cpp     text made safe for the page, and the symbols shown beside labels and kinds
//   matrix.cpp   speakers and terms shared by all documents, and the "who stands where" matrix
//   article.cpp  the article text as properly nested nodes, and each quote's details
//   report.cpp   render_report: the page, rendered through the template one section at a time
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include <sayso/report.hpp>

namespace sayso::detail::report_view {

using kainjow::mustache::data;

// Speakers cycle through this many colours (classes c0..c11 in the template).
constexpr std::size_t kColours = 12;

// Speaker (index in the registry) -> colour. Colours follow the order in which speakers first
// speak: in a document, so that its speakers are told apart as well as possible; in the corpus
// matrix, over all documents.
using colour_map = std::unordered_map<std::size_t, std::size_t>;

// ---------------------------------------------------------------------------------------------
// Text (text.cpp)

// A valid UTF-8 copy of `s`: each maximal ill-formed subpart (and NUL) becomes U+FFFD, so that
// the page is well-formed whatever the input.
std::string clean_utf8(std::string_view s);
// A range clipped to the text and moved off continuation bytes, so that slicing never splits a
// character (the pipeline's ranges are already on boundaries; this guards hand-made analyses).
byte_range clip(byte_range r, std::string_view text);
// The clipped range's text, made valid UTF-8.
std::string slice(std::string_view text, byte_range r);
// A name folded for comparison: ASCII lower case, runs of white space as one space.
std::string fold(std::string_view name);
// A quote's content spans joined by " … ".
std::string quote_text(std::string_view text, const quote& q);

// Vocabulary shown on the page: a symbol next to every label and kind, never colour alone.
std::string_view label_symbol(stance_label label);
std::string_view kind_symbol(quote_kind kind);

constexpr std::array<stance_label, 4> kLabels = {stance_label::support, stance_label::oppose,
                                                 stance_label::conditional, stance_label::neutral};
constexpr std::array<quote_kind, 3> kKinds = {quote_kind::direct, quote_kind::mixed,
                                              quote_kind::indirect};

inline std::string str(std::string_view s) { return std::string(s); }

// ---------------------------------------------------------------------------------------------
// Speakers and terms, shared by all documents of the report (matrix.cpp).

struct speaker_info {
  std::string name;
  std::string kind;
  std::size_t colour = 0;
};

class speaker_registry {
 public:
  // The speaker of `q` in document `doc`: its entity's canonical name; else its mention (kept
  // apart per document, since "he" in one article is not "he" in the next); else unknown.
  std::size_t of(const report_document& d, std::size_t doc, const quote& q);
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
  void add_stance(std::size_t speaker, const std::string& term, stance_label label, const quote_ref& ref);
  [[nodiscard]] data build(std::string caption) const;

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
// The article (article.cpp).

struct quote_view {
  std::string id;      // "d1-q3"
  std::string number;  // "3"
  std::size_t speaker = 0;
  std::size_t colour = 0;  // the speaker's colour in this document
};

// The article text as a flat list of text, open and close nodes that nest properly, however
// the marked ranges overlap: quote content outermost, then cues and mentions, then evidence.
// `quotes` and `source` are parallel: the document's quotes and their views.
data article_nodes(std::string_view text, const std::vector<quote_view>& quotes,
                   const std::vector<const quote*>& source, const speaker_registry& speakers);

// Per-quote details: shown in the speaker list, and (cloned by the page's script) on hover.
data quote_details(const report_document& d, const quote& q, const quote_view& v,
                   const speaker_registry& speakers);

}  // namespace sayso::detail::report_view
