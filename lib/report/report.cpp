// Report: analysed documents as a view model, rendered through a Mustache template (a data file,
// lib/report/report.html.mustache, embedded at build time). All HTML markup lives in the
// template; this file decides what goes where, and the template engine escapes every string.
//
// The view model is built by the files beside this one (view.hpp lists them); this one builds
// the page around them and renders it one section at a time.
#include <sayso/report.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include <sayso/error.hpp>
#include <sayso/version.hpp>

#include "report/view.hpp"

namespace sayso::detail {
extern const std::string_view report_template_html;
}  // namespace sayso::detail

SAYSO_BEGIN_NAMESPACE

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using detail::report_view::article_nodes;
using detail::report_view::clean_utf8;
using detail::report_view::colour_map;
using detail::report_view::kColours;
using detail::report_view::kind_symbol;
using detail::report_view::kKinds;
using detail::report_view::kLabels;
using detail::report_view::label_symbol;
using detail::report_view::matrix_builder;
using detail::report_view::quote_details;
using detail::report_view::quote_view;
using detail::report_view::speaker_registry;
using detail::report_view::str;
using detail::report_view::term_columns;

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
    sec.set("nodes", article_nodes(d.text, qv, source, speakers));
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

SAYSO_END_NAMESPACE  // sayso::v1
