// Reading a training corpus: FORMAT.md's documents and gold, encoded for the span model.
#include "spans/train/corpus.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include <sayso/error.hpp>
#include <sayso/quotes.hpp>

#include "attribution/attributor.hpp"
#include "quotes/quotation_index.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail::spans::train {

namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw error(errc::json, where + ": " + what);
}

byte_range to_bytes(const offset_map& map, const json& span) {
  if (!span.is_array() || span.size() != 2 || !span[0].is_number_unsigned() || !span[1].is_number_unsigned()) {
    return {};
  }
  return {map.to_byte(span[0].get<std::uint64_t>(), offset_unit::code_point),
          map.to_byte(span[1].get<std::uint64_t>(), offset_unit::code_point)};
}

// Tokens [first, last] mostly inside `r`, or {1, 0} when none.
std::pair<std::uint32_t, std::uint32_t> tokens_in(const document& doc, byte_range r) {
  if (r.empty()) return {1, 0};
  const auto tokens = doc.tokens();
  std::uint32_t first = doc.token_at(r.begin);
  std::uint32_t last = doc.token_at(r.end - 1);
  const auto mostly_in = [&](std::uint32_t t) {
    const byte_range tr = tokens[t].range;
    const std::uint32_t b = std::max(tr.begin, r.begin);
    const std::uint32_t e = std::min(tr.end, r.end);
    return e > b && 2 * (e - b) >= tr.size();
  };
  while (first <= last && !mostly_in(first)) ++first;
  while (last >= first && last > 0 && !mostly_in(last)) --last;
  if (first > last || !mostly_in(last)) return {1, 0};
  return {first, last};
}

bool is_that(const document& doc, std::uint32_t t) {
  const token& tk = doc.tokens()[t];
  if (tk.kind != token_kind::word) return false;
  const std::string_view s = doc.text_of(tk.range);
  return s == "that" || s == "That";
}

}  // namespace

void gold_tags(const document& doc, const encoded_document& enc, const std::vector<gold_quote>& quotes,
               convention conv, std::vector<tag>& out) {
  const auto tokens = doc.tokens();
  // Per document token: role, and the quote it belongs to (+1; 0 for none).
  std::vector<std::pair<role, std::uint32_t>> at(tokens.size(), {role::none, 0});
  for (std::uint32_t q = 0; q < quotes.size(); ++q) {
    const gold_quote& g = quotes[q];
    bool first_span = true;
    for (const byte_range& r : g.content) {
      auto [first, last] = tokens_in(doc, r);
      if (first > last) continue;
      if (first_span && conv == convention::guidelines && !g.direct && is_that(doc, first) &&
          enc.m.quote_state[first] == qs_outside) {
        // Skip "that" and the space after it; keep the span when "that" is all of it.
        std::uint32_t next = first + 1;
        while (next <= last && tokens[next].kind == token_kind::space) ++next;
        if (next <= last) first = next;
      }
      first_span = false;
      for (std::uint32_t t = first; t <= last; ++t) {
        if (at[t].first == role::none) at[t] = {role::content, q + 1};
      }
    }
  }
  for (std::uint32_t q = 0; q < quotes.size(); ++q) {
    for (const auto& [r, who] : {std::pair{quotes[q].source, role::source}, std::pair{quotes[q].cue, role::cue}}) {
      auto [first, last] = tokens_in(doc, r);
      for (std::uint32_t t = first; t <= last && first <= last; ++t) at[t] = {who, q + 1};
    }
  }
  // A span continues over the spaces between sequence tokens, never from one sentence into
  // the next.
  for (const sequence& s : enc.sequences) {
    for (std::uint32_t j = s.first; j < s.end; ++j) {
      const auto cur = at[enc.tokens[j]];
      const bool begin = j == s.first || at[enc.tokens[j - 1]] != cur;
      out.push_back(cur.first == role::none ? tag::outside : tag_of(cur.first, begin));
    }
  }
}

std::vector<gold_quote> parse_gold(const json& record, std::string_view text, const std::string& where) {
  const offset_map map(text);
  std::vector<gold_quote> out;
  if (!record.contains("quotes") || !record["quotes"].is_array()) fail(where, "no quotes array");
  for (const json& q : record["quotes"]) {
    if (q.value("optional", false)) continue;
    gold_quote g;
    g.direct = q.value("kind", "") == "direct";
    if (q.contains("spans") && q["spans"].is_array()) {
      for (const json& s : q["spans"]) {
        const byte_range r = to_bytes(map, s);
        if (!r.empty()) g.content.push_back(r);
      }
    }
    if (g.content.empty()) continue;
    if (q.contains("speaker") && q["speaker"].is_object() && q["speaker"].contains("span")) {
      g.source = to_bytes(map, q["speaker"]["span"]);
    }
    if (q.contains("cue") && q["cue"].is_object() && q["cue"].contains("span")) {
      g.cue = to_bytes(map, q["cue"]["span"]);
    }
    out.push_back(std::move(g));
  }
  return out;
}

corpus read_corpus(const std::string& docs_path, const std::string& gold_path, std::uint32_t bucket_bits,
                   convention conv) {
  std::map<std::string, std::string> texts;
  std::ifstream docs(docs_path, std::ios::binary);
  if (!docs) throw error(errc::io, docs_path + ": cannot read");
  std::string line;
  std::size_t n = 0;
  while (std::getline(docs, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json d = json::parse(line, nullptr, false);
    if (d.is_discarded() || !d.is_object() || !d.contains("id") || !d.contains("text") || !d["text"].is_string()) {
      fail(docs_path + ":" + std::to_string(n), "not a document record");
    }
    texts[d["id"].is_string() ? d["id"].get<std::string>() : d["id"].dump()] = d["text"].get<std::string>();
  }
  std::ifstream gold(gold_path, std::ios::binary);
  if (!gold) throw error(errc::io, gold_path + ": cannot read");
  corpus c;
  const lexicon& lex = lexicon::english();
  document doc;
  std::vector<token_info> info;
  quotation_index index;
  encoded_document enc;
  std::vector<tag> tags;
  n = 0;
  // Documents in the gold file's order: the order is part of what makes training reproducible.
  while (std::getline(gold, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = gold_path + ":" + std::to_string(n);
    const json g = json::parse(line, nullptr, false);
    if (g.is_discarded() || !g.is_object() || !g.contains("id")) fail(where, "not a gold record");
    const std::string id = g["id"].is_string() ? g["id"].get<std::string>() : g["id"].dump();
    const auto it = texts.find(id);
    if (it == texts.end()) fail(where, "document '" + id + "' is not in " + docs_path);
    const std::string& text = it->second;
    const std::vector<gold_quote> quotes = parse_gold(g, text, where);
    doc.assign(text);
    compute_features(doc, lex, info);
    const std::vector<quotation> quots = find_quotations(doc);
    index.assign(doc, quots);
    const std::vector<rule_quote> rules = attribute({doc, info, lex, index, true});
    encode({doc, info, lex, quots, rules}, bucket_bits, enc);
    tags.clear();
    gold_tags(doc, enc, quotes, conv, tags);
    ++c.documents;
    c.gold_quotes += quotes.size();
    for (const token& t : doc.tokens()) c.tokens_in_documents += t.kind == token_kind::space ? 0 : 1;
    // Quotes the gating leaves out of reach: no content token in any sequence.
    std::vector<bool> covered(doc.tokens().size(), false);
    for (const std::uint32_t t : enc.tokens) covered[t] = true;
    for (const gold_quote& q : quotes) {
      bool any = false;
      for (const byte_range& r : q.content) {
        for (std::uint32_t t = doc.token_at(r.begin); t < doc.tokens().size() && doc.tokens()[t].range.begin < r.end; ++t) {
          any = any || covered[t];
        }
      }
      if (!any) ++c.gold_quotes_outside;
    }
    const auto base = static_cast<std::uint32_t>(c.gold.size());
    for (const sequence& s : enc.sequences) c.sequences.push_back({base + s.first, base + s.end});
    c.gold.insert(c.gold.end(), tags.begin(), tags.end());
    c.buckets.insert(c.buckets.end(), enc.buckets.begin(), enc.buckets.end());
  }
  return c;
}

}  // namespace sayso::detail::spans::train
