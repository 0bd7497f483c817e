// Fuzz target: the whole pipeline over arbitrary bytes, then the JSON and table output.
//
// Checks, besides "no crash, no sanitizer report": the document's tokens tile the text and its
// sentences and paragraphs are ordered ranges inside it; every range of every quotation and
// every quote (content, cue, speaker mention, stance evidence and condition, entity mentions)
// lies within the text with begin <= end; entity ids are valid; confidences are in [0, 1]; the
// JSON output is valid UTF-8 and valid JSON in each offset unit, with as many quotes as the
// analysis and every offset within the text's length in that unit.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <sayso/sayso.hpp>

#include "fuzz_check.hpp"
#include "fuzz_utf8.hpp"

namespace {

using sayso::byte_range;

void check_range(byte_range r, std::size_t size, const char* what) {
  SAYSO_FUZZ_CHECK(r.begin <= r.end, std::string(what) + " begins after it ends");
  SAYSO_FUZZ_CHECK(r.end <= size, std::string(what) + " ends past the text");
}

void check_document(const sayso::document& doc) {
  const std::size_t size = doc.text().size();
  const auto tokens = doc.tokens();
  std::uint32_t at = 0;
  for (const sayso::token& t : tokens) {
    SAYSO_FUZZ_CHECK(t.range.begin == at, "tokens must tile the text");
    SAYSO_FUZZ_CHECK(t.range.end > t.range.begin, "empty token");
    at = t.range.end;
  }
  SAYSO_FUZZ_CHECK(at == size, "tokens must cover the whole text");
  std::uint32_t previous_end = 0;
  for (const sayso::sentence& s : doc.sentences()) {
    check_range(s.range, size, "sentence");
    SAYSO_FUZZ_CHECK(s.first_token < s.end_token && s.end_token <= tokens.size(), "sentence tokens");
    SAYSO_FUZZ_CHECK(s.first_token >= previous_end, "sentences must not overlap");
    SAYSO_FUZZ_CHECK(s.paragraph < doc.paragraphs().size(), "sentence paragraph");
    SAYSO_FUZZ_CHECK(tokens[s.first_token].range.begin == s.range.begin, "sentence start");
    SAYSO_FUZZ_CHECK(tokens[s.end_token - 1].range.end == s.range.end, "sentence end");
    previous_end = s.end_token;
  }
  std::uint32_t previous_sentence = 0;
  std::uint32_t previous_byte = 0;
  for (const sayso::paragraph& p : doc.paragraphs()) {
    check_range(p.range, size, "paragraph");
    SAYSO_FUZZ_CHECK(p.range.begin >= previous_byte, "paragraphs must not overlap");
    SAYSO_FUZZ_CHECK(p.first_sentence == previous_sentence && p.first_sentence <= p.end_sentence &&
                         p.end_sentence <= doc.sentences().size(),
                     "paragraph sentences");
    previous_sentence = p.end_sentence;
    previous_byte = p.range.end;
  }
  SAYSO_FUZZ_CHECK(previous_sentence == doc.sentences().size(), "every sentence in a paragraph");
}

void check_quotations(const std::vector<sayso::quotation>& quotations, std::size_t size) {
  for (std::size_t i = 0; i < quotations.size(); ++i) {
    const sayso::quotation& q = quotations[i];
    check_range(q.open_mark, size, "opening mark");
    check_range(q.close_mark, size, "closing mark");
    check_range(q.inner, size, "quotation inner");
    SAYSO_FUZZ_CHECK(!q.open_mark.empty(), "empty opening mark");
    SAYSO_FUZZ_CHECK(q.continues == sayso::quotation::none || q.continues < quotations.size(),
                     "quotation continues a quotation that does not exist");
  }
}

void check_confidence(float c, const char* what) {
  SAYSO_FUZZ_CHECK(std::isfinite(c) && c >= 0.0F && c <= 1.0F, std::string(what) + " out of [0, 1]");
}

void check_entity(sayso::entity_id id, const sayso::analysis& a, const char* what) {
  SAYSO_FUZZ_CHECK(id == sayso::no_entity || id < a.entities.size(), std::string(what) + " is no entity");
}

void check_analysis(const sayso::analysis& a, std::size_t size) {
  for (const sayso::quote& q : a.quotes) {
    SAYSO_FUZZ_CHECK(!q.content.empty(), "a quote without content spans");
    for (const byte_range& r : q.content) check_range(r, size, "quote content");
    if (q.cue) check_range(q.cue->range, size, "cue");
    if (q.speaker) {
      check_range(q.speaker->mention, size, "speaker mention");
      check_entity(q.speaker->entity, a, "speaker");
    }
    check_confidence(q.confidence, "quote confidence");
    for (const sayso::stance& s : q.stances) {
      for (const byte_range& r : s.evidence) check_range(r, size, "stance evidence");
      if (s.condition) check_range(*s.condition, size, "stance condition");
      check_entity(s.holder, a, "stance holder");
      check_confidence(s.confidence, "stance confidence");
    }
  }
  for (const sayso::entity& e : a.entities) {
    for (const byte_range& r : e.mentions) check_range(r, size, "entity mention");
  }
}

void check_spans(const nlohmann::json& spans, std::uint64_t length) {
  SAYSO_FUZZ_CHECK(spans.is_array(), "spans must be an array");
  for (const nlohmann::json& span : spans) {
    SAYSO_FUZZ_CHECK(span.is_array() && span.size() == 2, "a span is [begin, end]");
    const auto begin = span[0].get<std::uint64_t>();
    const auto end = span[1].get<std::uint64_t>();
    SAYSO_FUZZ_CHECK(begin <= end && end <= length, "JSON span outside the text");
  }
}

void check_json(std::string_view text, const sayso::analysis& a, sayso::offset_unit unit) {
  sayso::output_options options;
  options.offsets = unit;
  const std::string json = sayso::to_json("fuzz", text, a, options);
  SAYSO_FUZZ_CHECK(sayso_fuzz::is_valid_utf8(json), "to_json wrote ill-formed UTF-8");
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  SAYSO_FUZZ_CHECK(!doc.is_discarded(), "to_json wrote invalid JSON: " + json.substr(0, 200));
  SAYSO_FUZZ_CHECK(doc.at("quotes").size() == a.quotes.size(), "JSON quote count");
  SAYSO_FUZZ_CHECK(doc.at("entities").size() == a.entities.size(), "JSON entity count");
  const std::uint64_t length = sayso::offset_map(text).length(unit);
  for (const nlohmann::json& q : doc.at("quotes")) {
    check_spans(q.at("spans"), length);
    if (!q.at("cue").is_null()) check_spans(nlohmann::json::array({q["cue"]["span"]}), length);
    if (!q.at("speaker").is_null() && !q["speaker"].at("mention").is_null()) {
      check_spans(nlohmann::json::array({q["speaker"]["mention"]["span"]}), length);
    }
    for (const nlohmann::json& s : q.at("stance")) check_spans(s.at("evidence"), length);
  }
  for (const nlohmann::json& e : doc.at("entities")) check_spans(e.at("mentions"), length);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sayso::pipeline pipeline;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const sayso::document doc(text);
  check_document(doc);
  check_quotations(sayso::find_quotations(doc), size);

  const sayso::analysis a = pipeline.analyze(text);
  check_analysis(a, size);
  for (const auto unit : {sayso::offset_unit::code_point, sayso::offset_unit::utf8, sayso::offset_unit::utf16}) {
    check_json(text, a, unit);
  }
  const std::string table = sayso::to_table("fuzz", text, a);
  SAYSO_FUZZ_CHECK(!table.empty(), "empty table");
  return 0;
}
