// Stage 7, report: analysed documents as one self-contained HTML page for people.
//
//   std::vector<sayso::report_document> docs;
//   docs.push_back({"summit", std::string(text), pipeline.analyze(text)});
//   sayso::report_options options;
//   options.terms.assign(pipeline.terms().terms().begin(), pipeline.terms().terms().end());
//   std::string html = sayso::render_report(docs, options);
//
// The page holds, per document, the article text (HTML-escaped) with every quote highlighted in
// its speaker's colour, the kind of quote shown by style and by a symbol, the cue and speaker
// mention marked, details (speaker, kind, stance and evidence) on hover or keyboard focus, a list
// of speakers with their quotes, and a "who stands where" matrix (speakers down, terms across,
// each cell the labels with their number of quotes, linking to them). For several documents, the
// same matrix aggregated over the corpus (speakers merged by canonical name) comes first. CSS and
// JavaScript are inline and a Content-Security-Policy forbids any network access, so the file
// works offline, from e-mail and on paper.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <sayso/analysis.hpp>
#include <sayso/export.hpp>
#include <sayso/stance.hpp>

SAYSO_BEGIN_NAMESPACE

/// One document of a report: its id, its text and the analysis of that text.
struct report_document {
  std::string id;    ///< shown as the document's title
  std::string text;  ///< the analysed text (UTF-8; ill-formed sequences are shown as U+FFFD)
  analysis result;   ///< byte ranges into `text`; ranges past its end are clipped
  /// Set when the document could not be read or analysed: the page shows this message in its
  /// place, so that nothing is silently left out.
  std::optional<std::string> error;
};

/// How to render a report.
struct report_options {
  std::string title = "sayso report";  ///< the page title and heading
  /// Columns of the matrix, in order: usually pipeline::terms().terms(). Terms that occur in
  /// stances but are not listed are appended in order of first use; when empty, the columns are
  /// just the terms that occur.
  std::vector<term_info> terms;
  /// A Mustache template to use instead of the built-in one (installed as
  /// share/sayso/report.html.mustache, which documents the data it receives). Empty: built-in.
  std::string template_text;
};

/// Renders `documents` as one HTML page (UTF-8). Throws sayso::error(errc::invalid_argument)
/// when `options.template_text` is not a valid Mustache template; never throws on content.
///
/// Thread safety: a pure function, safe to call from many threads. Cost: linear in the total
/// size of the texts plus the number of quotes, stances and mentions (a few milliseconds per
/// news article). Memory: the page (about six times the size of the texts) plus the view model
/// of one document at a time.
SAYSO_EXPORT std::string render_report(std::span<const report_document> documents,
                                       const report_options& options = {});

SAYSO_END_NAMESPACE  // sayso::v1
