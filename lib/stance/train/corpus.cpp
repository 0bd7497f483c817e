// Reading annotated documents for the stance trainer (corpus.hpp).
#include "stance/train/corpus.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include <sayso/error.hpp>
#include <sayso/pipeline.hpp>

#include "pipeline/state.hpp"
#include "text/lexicon.hpp"
#include "text/unicode.hpp"

namespace sayso::detail::stance_train {

namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw error(errc::json, where + ": " + what);
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::io, path + ": cannot read");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  }
  return out;
}

int label_index(const std::string& s) {
  for (int l = 0; l < 4; ++l) {
    if (to_string(static_cast<stance_label>(l)) == s) return l;
  }
  return kNone;
}

// score.py's tokens: maximal runs of word characters (\w), as byte ranges.
std::vector<byte_range> word_tokens(std::string_view text) {
  std::vector<byte_range> out;
  std::size_t i = 0;
  std::size_t start = std::string_view::npos;
  while (i < text.size()) {
    const std::size_t at = i;
    const char32_t c = decode_next(text, i);
    const bool word = c == U'_' || is_letter(c) || is_digit(c);
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(at)});
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(text.size())});
  return out;
}

// score.py's Tokens.positions: the tokens wholly within the spans, or else those overlapping them.
std::set<std::size_t> positions(const std::vector<byte_range>& tokens, const std::vector<byte_range>& spans) {
  std::set<std::size_t> out;
  for (const byte_range s : spans) {
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].begin >= s.begin && tokens[t].end <= s.end) out.insert(t);
    }
  }
  if (out.empty()) {
    for (const byte_range s : spans) {
      if (s.begin >= s.end) continue;
      for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (tokens[t].end > s.begin && tokens[t].begin < s.end) out.insert(t);
      }
    }
  }
  return out;
}

double dice(const std::set<std::size_t>& a, const std::set<std::size_t>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t common = 0;
  for (const std::size_t x : a) common += b.count(x);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

struct gold_quote {
  std::vector<byte_range> spans;
  bool optional = false;
  std::vector<std::pair<std::string, int>> stance;  // first label per term, in order
};

}  // namespace

data_set parse_data_set(const std::string& spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) throw error(errc::io, spec + ": expected NAME=DOCS,GOLD[,by-conflict]");
  data_set d;
  d.name = spec.substr(0, eq);
  std::vector<std::string> parts;
  std::size_t from = eq + 1;
  while (true) {
    const std::size_t comma = spec.find(',', from);
    parts.push_back(spec.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  if (parts.size() < 2 || parts.size() > 3 || (parts.size() == 3 && parts[2] != "by-conflict")) {
    throw error(errc::io, spec + ": expected NAME=DOCS,GOLD[,by-conflict]");
  }
  d.docs = parts[0];
  d.gold = parts[1];
  d.by_conflict = parts.size() == 3;
  return d;
}

std::vector<std::string> stance_corpus::groups() const {
  std::set<std::string> g;
  for (const corpus_document& d : docs) g.insert(d.group);
  return {g.begin(), g.end()};
}

stance_corpus read_stance_corpus(const std::vector<data_set>& sets, const std::map<std::string, term_lexicon>* lexicons) {
  stance_corpus c;
  c.sets = sets;
  pipeline_options options;
  options.labeller = stance_labeller::rules;
  const pipeline_state default_state(lexicon::english(), term_lexicon::ceasefire(), options);
  std::map<std::string, std::unique_ptr<pipeline_state>> group_states;
  const auto state_of = [&](const std::string& group) -> const pipeline_state& {
    if (lexicons == nullptr) return default_state;
    const auto lex = lexicons->find(group);
    if (lex == lexicons->end()) return default_state;
    auto& s = group_states[group];
    if (!s) s = std::make_unique<pipeline_state>(lexicon::english(), lex->second, options);
    return *s;
  };
  for (std::size_t si = 0; si < sets.size(); ++si) {
    const data_set& set = sets[si];
    std::map<std::string, json> gold;
    for (const std::string& line : read_lines(set.gold)) {
      json r = json::parse(line, nullptr, false);
      if (r.is_discarded() || !r.contains("id")) fail(set.gold, "not a gold record");
      const std::string id = r.at("id").is_string() ? r.at("id").get<std::string>() : r.at("id").dump();
      gold[id] = std::move(r);
    }
    for (const std::string& line : read_lines(set.docs)) {
      const json r = json::parse(line, nullptr, false);
      if (r.is_discarded() || !r.contains("id") || !r.contains("text")) fail(set.docs, "not a document record");
      const std::string id = r.at("id").is_string() ? r.at("id").get<std::string>() : r.at("id").dump();
      const auto g = gold.find(id);
      if (g == gold.end()) continue;  // no gold: not used
      corpus_document doc;
      doc.id = id;
      doc.text = r.at("text").get<std::string>();
      doc.set = si;
      doc.group = set.name;
      if (set.by_conflict) {
        const std::size_t a = id.find('-');
        const std::size_t b = a == std::string::npos ? a : id.find('-', a + 1);
        if (b != std::string::npos) doc.group = id.substr(a + 1, b - a - 1);
      }
      label_trace trace;
      doc.result = run(state_of(doc.group), doc.text, nullptr, &trace);
      const offset_map map(doc.text);
      const auto bytes = [&](const json& span) -> byte_range {
        if (!span.is_array() || span.size() != 2) fail(set.gold, id + ": bad span");
        return {map.to_byte(span[0].get<std::uint64_t>(), offset_unit::code_point),
                map.to_byte(span[1].get<std::uint64_t>(), offset_unit::code_point)};
      };
      const json& record = g->second;
      const bool annotated = record.value("stance_annotated", false);
      std::vector<gold_quote> golds;
      for (const json& q : record.value("quotes", json::array())) {
        gold_quote gq;
        for (const json& s : q.value("spans", json::array())) gq.spans.push_back(bytes(s));
        gq.optional = q.value("optional", false);
        const json st = q.contains("stance") && q.at("stance").is_array() ? q.at("stance") : json::array();
        for (const json& s : st) {
          const std::string term = s.value("term", "");
          if (std::none_of(gq.stance.begin(), gq.stance.end(), [&](const auto& p) { return p.first == term; })) {
            gq.stance.emplace_back(term, label_index(s.value("label", "")));
          }
        }
        golds.push_back(std::move(gq));
      }
      // Match as score.py does: by token dice, best first, non-optional gold first.
      const std::vector<byte_range> tokens = word_tokens(doc.text);
      std::vector<std::set<std::size_t>> gt;
      std::vector<std::set<std::size_t>> pt;
      for (const gold_quote& q : golds) gt.push_back(positions(tokens, q.spans));
      for (const quote& q : doc.result.quotes) pt.push_back(positions(tokens, q.content));
      std::vector<int> match(doc.result.quotes.size(), -1);
      std::vector<bool> used_g(golds.size(), false);
      for (const bool optional : {false, true}) {
        std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
        for (std::size_t gi = 0; gi < golds.size(); ++gi) {
          if (golds[gi].optional != optional || gt[gi].empty()) continue;
          for (std::size_t pi = 0; pi < pt.size(); ++pi) {
            const double s = dice(pt[pi], gt[gi]);
            if (!pt[pi].empty() && s >= 0.5) pairs.emplace_back(-s, gi, pi);
          }
        }
        std::sort(pairs.begin(), pairs.end());
        for (const auto& [s, gi, pi] : pairs) {
          if (match[pi] >= 0 || used_g[gi]) continue;
          match[pi] = static_cast<int>(gi);
          used_g[gi] = true;
        }
      }
      const std::size_t doc_index = c.docs.size();
      for (std::size_t pi = 0; pi < doc.result.quotes.size(); ++pi) {
        if (match[pi] < 0) continue;
        const gold_quote& gq = golds[static_cast<std::size_t>(match[pi])];
        if (gq.optional || (gq.stance.empty() && !annotated)) continue;
        const quote& q = doc.result.quotes[pi];
        std::size_t own = 0;
        std::vector<std::string> seen;
        for (std::size_t k = 0; k < q.stances.size(); ++k) {
          if (q.stances[k].reported) continue;
          const std::size_t d = own++;
          if (std::find(seen.begin(), seen.end(), q.stances[k].term) != seen.end()) continue;
          seen.push_back(q.stances[k].term);
          item it;
          it.doc = doc_index;
          it.quote = pi;
          it.stance = k;
          it.term = q.stances[k].term;
          it.rule = static_cast<int>(q.stances[k].label);
          for (const auto& [term, label] : gq.stance) {
            if (term == it.term) it.gold = label;
          }
          if (pi < trace.size() && d < trace[pi].size()) {
            it.decision = trace[pi][d];
            label_features(it.decision, it.features);
            it.decision.term_id = {};
          }
          c.items.push_back(std::move(it));
        }
        for (const auto& [term, label] : gq.stance) {
          if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
          item it;
          it.doc = doc_index;
          it.quote = pi;
          it.term = term;
          it.gold = label;
          c.items.push_back(std::move(it));
        }
      }
      c.docs.push_back(std::move(doc));
    }
  }
  return c;
}

}  // namespace sayso::detail::stance_train
