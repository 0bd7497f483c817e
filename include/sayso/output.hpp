// Stage 6, output: an analysis as JSON (FORMAT.md's prediction format) or as a table.
#pragma once

#include <string>
#include <string_view>

#include <sayso/analysis.hpp>
#include <sayso/export.hpp>
#include <sayso/text.hpp>

SAYSO_BEGIN_NAMESPACE

/// How to write a document's analysis.
struct output_options {
  offset_unit offsets = offset_unit::code_point;  ///< unit of every span written
  bool include_text = true;                        ///< add the text of quotes, cues and mentions
};

/// One JSON object (no newline) in the prediction format of FORMAT.md:
/// {"id", "quotes": [{"kind", "spans", "text", "speaker": {"name", "mention": {"span", "text"},
/// "entity"}, "cue": {"span", "text"}, "stance": [...], ...}], "entities": [...]}.
/// `text` must be the analysed text.
SAYSO_EXPORT std::string to_json(std::string_view id, std::string_view text, const analysis& result,
                                 const output_options& options = {});

/// A table for people: one row per quote with speaker, kind, cue, stance and text.
SAYSO_EXPORT std::string to_table(std::string_view id, std::string_view text, const analysis& result);

SAYSO_END_NAMESPACE  // sayso::v1
