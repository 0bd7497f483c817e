// sayso: who said what, and where do they stand? The umbrella header.
//
//   #include <sayso/sayso.hpp>
//   const sayso::pipeline pipeline;                    // default English news lexicons
//   sayso::analysis result = pipeline.analyze(text);   // std::string_view, UTF-8
//   for (const sayso::quote& q : result.quotes) { /* q.kind, q.content, q.speaker, ... */ }
//
// Headers, in data-flow order: text.hpp (document, offsets), quotes.hpp (quotation marks),
// attribution.hpp (cues, speakers), entities.hpp, stance.hpp (terms, stances), analysis.hpp
// (the result), pipeline.hpp (all stages), output.hpp (JSON and tables), report.hpp (an HTML
// page for people).
#pragma once

#include <sayso/analysis.hpp>
#include <sayso/attribution.hpp>
#include <sayso/entities.hpp>
#include <sayso/error.hpp>
#include <sayso/output.hpp>
#include <sayso/pipeline.hpp>
#include <sayso/quotes.hpp>
#include <sayso/report.hpp>
#include <sayso/stance.hpp>
#include <sayso/text.hpp>
#include <sayso/version.hpp>
