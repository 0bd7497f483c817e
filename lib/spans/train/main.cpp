// sayso-train: trains the span model, and runs it for measurement.
//
//   sayso-train train --docs D --gold G -o lib/models/spans.model [--provenance FILE] [--commit C]
//   sayso-train predict --docs D [--mode rules|model|combined] [--model FILE] > pred.jsonl
//
// `train` is deterministic: the same data and options give the same model file, byte for byte
// (tests/model checks the shipped one). `predict` writes FORMAT.md predictions (spans, kind,
// speaker mention) for score.py, with the rules only, the model only, or both as the pipeline
// combines them.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sayso/error.hpp>
#include <sayso/quotes.hpp>

#include "attribution/attributor.hpp"
#include "quotes/quotation_index.hpp"
#include "spans/stage.hpp"
#include "spans/train/corpus.hpp"
#include "spans/train/perceptron.hpp"
#include "stance/train/commands.hpp"
#include "text/lexicon.hpp"

namespace {

using sayso::detail::spans::model;
namespace train = sayso::detail::spans::train;

// FNV-1a of a file's bytes: the provenance names the exact training files.
std::string file_digest(const std::string& path, std::uintmax_t& size) {
  std::ifstream in(path, std::ios::binary);
  std::uint64_t h = 0xCBF29CE484222325ULL;
  size = 0;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      h ^= static_cast<unsigned char>(buf[i]);
      h *= 0x100000001B3ULL;
    }
    size += static_cast<std::uintmax_t>(in.gcount());
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

int run_train(const std::string& docs, const std::string& gold, const std::string& output,
              const std::string& provenance, const std::string& commit, const std::string& command,
              const train::train_options& options, bool as_annotated) {
  const auto start = std::chrono::steady_clock::now();
  const train::convention conv = as_annotated ? train::convention::as_annotated : train::convention::guidelines;
  const train::corpus c = train::read_corpus(docs, gold, options.bucket_bits, conv);
  std::cerr << "corpus: " << c.documents << " documents, " << c.gold_quotes << " gold quotes ("
            << c.gold_quotes_outside << " outside the candidate sentences), " << c.gold.size() << " of "
            << c.tokens_in_documents << " tokens in " << c.sequences.size() << " sequences\n";
  const model m = train::train_model(c, options, &std::cerr);
  const std::string bytes = m.serialize();
  {
    std::ofstream out(output, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw sayso::error(sayso::errc::io, output + ": cannot write");
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "model: 2^" << options.bucket_bits << " rows, " << bytes.size() << " bytes, " << secs << " s\n";
  if (!provenance.empty()) {
    std::uintmax_t docs_size = 0;
    std::uintmax_t gold_size = 0;
    const std::string docs_digest = file_digest(docs, docs_size);
    const std::string gold_digest = file_digest(gold, gold_size);
    std::ofstream p(provenance);
    p << "# Provenance of spans.model (written by sayso-train; the model holds weights only)\n\n"
      << "command: " << command << "\n"
      << "commit: " << (commit.empty() ? "(not given)" : commit) << "\n"
      << "training documents: " << docs << " (" << docs_size << " bytes, FNV-1a 64 " << docs_digest << ")\n"
      << "training gold: " << gold << " (" << gold_size << " bytes, FNV-1a 64 " << gold_digest << ")\n"
      << "content convention: " << (as_annotated ? "as annotated" : "GUIDELINES.md (leading 'that' dropped)") << "\n"
      << "corpus: " << c.documents << " documents, " << c.gold_quotes << " gold quotes, " << c.gold.size()
      << " tokens in " << c.sequences.size() << " sequences\n"
      << "trainer: averaged perceptron, " << options.epochs << " epochs, seed " << options.seed << ", 2^"
      << options.bucket_bits << " feature buckets\n"
      << "model: " << bytes.size() << " bytes\n";
  }
  return 0;
}

// Error analysis: each sequence token with its gold and predicted tags, on stderr.
void trace(const sayso::document& doc, const std::vector<sayso::detail::token_info>& info,
           const std::vector<sayso::quotation>& quots, const std::vector<sayso::detail::spans::rule_quote>& rules,
           const model& m, const std::map<std::string, std::string>& gold_lines, const std::string& id,
           const std::string& text) {
  namespace d = sayso::detail;
  const auto it = gold_lines.find(id);
  if (it == gold_lines.end()) return;
  const std::vector<train::gold_quote> gold = train::parse_gold(nlohmann::json::parse(it->second), text, id);
  d::spans::encoded_document enc;
  d::spans::encode({doc, info, d::lexicon::english(), quots, rules}, m.bucket_bits(), enc);
  std::vector<d::spans::tag> g;
  train::gold_tags(doc, enc, gold, train::convention::guidelines, g);
  std::vector<std::int32_t> em(enc.tokens.size() * d::spans::tag_count);
  m.emissions(enc.buckets.data(), enc.tokens.size(), em.data());
  std::vector<d::spans::tag> p(enc.tokens.size());
  std::vector<std::uint8_t> scratch;
  for (const d::spans::sequence& s : enc.sequences) {
    d::spans::decode(m, em.data() + std::size_t{s.first} * d::spans::tag_count, s.end - s.first, p.data() + s.first, scratch);
    bool differs = false;
    for (std::uint32_t j = s.first; j < s.end; ++j) differs = differs || g[j] != p[j];
    if (!differs) continue;
    std::cerr << "== " << id << " sentence " << s.sentence << '\n';
    for (std::uint32_t j = s.first; j < s.end; ++j) {
      const std::uint32_t t = enc.tokens[j];
      std::cerr << doc.text_of(doc.tokens()[t].range);
      if (g[j] != d::spans::tag::outside || p[j] != d::spans::tag::outside) {
        std::cerr << '/' << d::spans::name(g[j]);
        if (p[j] != g[j]) std::cerr << (g[j] == p[j] ? "" : "|") << d::spans::name(p[j]) << (g[j] != p[j] ? "!" : "");
      }
      std::cerr << ' ';
    }
    std::cerr << "\n";
  }
}

// The mention of quote i's speaker: its own source, or that of the quote it continues.
std::pair<std::uint32_t, std::uint32_t> source_of(const std::vector<sayso::detail::spans::rule_quote>& quotes, std::size_t i) {
  std::size_t s = i;
  while (!quotes[s].source && quotes[s].continues != sayso::detail::npos && quotes[s].continues < s) {
    s = quotes[s].continues;
  }
  if (!quotes[s].source) return {sayso::detail::npos, sayso::detail::npos};
  return {quotes[s].source->first, quotes[s].source->end};
}

int run_predict(const std::string& docs, const std::string& mode_name, const std::string& model_path,
                const std::string& gold_path, int o_bias, const std::string& trace_path,
                const sayso::detail::spans::settings& how_much) {
  using json = nlohmann::json;
  namespace d = sayso::detail;
  std::unique_ptr<model> loaded;
  if (!model_path.empty()) {
    std::ifstream in(model_path, std::ios::binary);
    if (!in) throw sayso::error(sayso::errc::io, model_path + ": cannot read");
    std::stringstream ss;
    ss << in.rdbuf();
    loaded = model::parse(ss.str(), model_path);
    loaded->row(sayso::detail::spans::bias_bucket(loaded->bucket_bits()))[0] -= static_cast<std::int16_t>(o_bias);
  }
  const model& m = loaded ? *loaded : model::embedded();
  std::map<std::string, std::string> trace_gold;
  if (!trace_path.empty()) {
    std::ifstream g(trace_path, std::ios::binary);
    std::string l;
    while (std::getline(g, l)) trace_gold[json::parse(l).at("id").get<std::string>()] = l;
  }
  // Oracle: gold tags through the stage's grouping and combination.
  std::map<std::string, std::string> gold_lines;
  if (!gold_path.empty()) {
    std::ifstream g(gold_path, std::ios::binary);
    if (!g) throw sayso::error(sayso::errc::io, gold_path + ": cannot read");
    std::string l;
    while (std::getline(g, l)) {
      const json r = json::parse(l);
      gold_lines[r.at("id").get<std::string>()] = l;
    }
  }
  const d::lexicon& lex = d::lexicon::english();
  std::ifstream in(docs, std::ios::binary);
  if (!in) throw sayso::error(sayso::errc::io, docs + ": cannot read");
  std::string line;
  sayso::document doc;
  std::vector<d::token_info> info;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json rec = json::parse(line);
    const std::string text = rec.at("text").get<std::string>();
    doc.assign(text);
    d::compute_features(doc, lex, info);
    const std::vector<sayso::quotation> quots = sayso::find_quotations(doc);
    d::quotation_index index;
    index.assign(doc, quots);
    std::vector<d::spans::rule_quote> quotes = d::attribute({doc, info, lex, index, true});
    const auto how = mode_name == "model" ? d::spans::mode::alone : d::spans::mode::combined;
    if (!gold_path.empty()) {
      const auto it = gold_lines.find(rec.at("id").get<std::string>());
      const std::vector<train::gold_quote> gold =
          it == gold_lines.end() ? std::vector<train::gold_quote>{} : train::parse_gold(json::parse(it->second), text, docs);
      d::spans::encoded_document enc;
      d::spans::encode({doc, info, lex, quots, quotes}, m.bucket_bits(), enc);
      std::vector<d::spans::tag> tags;
      train::gold_tags(doc, enc, gold, train::convention::guidelines, tags);
      d::spans::apply_tags({doc, info, lex, index}, enc, tags, how, quotes);
    } else if (mode_name != "rules") {
      if (!trace_gold.empty()) trace(doc, info, quots, quotes, m, trace_gold, rec.at("id").get<std::string>(), text);
      d::spans::apply({doc, info, lex, index}, m, how, quotes, how_much);
    }
    const sayso::offset_map map(text);
    const auto cp = [&](std::uint32_t b) { return map.from_byte(b, sayso::offset_unit::code_point); };
    json out_quotes = json::array();
    for (std::size_t i = 0; i < quotes.size(); ++i) {
      const d::spans::rule_quote& q = quotes[i];
      json spans = json::array();
      for (const sayso::byte_range& r : q.spans) spans.push_back({cp(r.begin), cp(r.end)});
      json jq = {{"kind", std::string(sayso::to_string(q.kind))}, {"spans", spans}};
      const auto [first, end] = source_of(quotes, i);
      if (first != d::npos) {
        jq["speaker"] = {{"mention", {{"span", {cp(doc.tokens()[first].range.begin), cp(doc.tokens()[end - 1].range.end)}}}}};
      }
      if (q.cue) jq["cue"] = {{"span", {cp(q.cue->range.begin), cp(q.cue->range.end)}}};
      out_quotes.push_back(std::move(jq));
    }
    std::cout << json{{"id", rec.at("id")}, {"quotes", out_quotes}}.dump() << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sayso-train: trains sayso's span model (lib/models/spans.model) and measures it"};
  app.require_subcommand(1);
  std::string docs;
  std::string gold;
  std::string output = "spans.model";
  std::string provenance;
  std::string commit;
  std::string mode_name = "combined";
  std::string model_path;
  bool as_annotated = false;
  train::train_options options;
  CLI::App* tr = app.add_subcommand("train", "Train on FORMAT.md documents and gold; write the model");
  tr->add_option("--docs", docs, "Documents (JSONL)")->required();
  tr->add_option("--gold", gold, "Gold quotes (JSONL)")->required();
  tr->add_option("-o,--output", output, "Model file to write")->capture_default_str();
  tr->add_option("--provenance", provenance, "Write the provenance (data, command, commit) to this file");
  tr->add_option("--commit", commit, "The source commit, recorded in the provenance");
  tr->add_option("--epochs", options.epochs, "Passes over the data")->capture_default_str();
  tr->add_option("--bits", options.bucket_bits, "Feature buckets: 2^bits")->check(CLI::Range(8U, 22U))->capture_default_str();
  tr->add_option("--seed", options.seed, "Seed of the order of the sequences")->capture_default_str();
  tr->add_flag("--as-annotated", as_annotated, "Keep the gold content as annotated (a leading 'that' included)");
  CLI::App* pr = app.add_subcommand("predict", "Write predictions (JSONL) for score.py");
  pr->add_option("--docs", docs, "Documents (JSONL)")->required();
  pr->add_option("--mode", mode_name, "rules, model or combined")
      ->check(CLI::IsMember({"rules", "model", "combined"}))
      ->capture_default_str();
  pr->add_option("--model", model_path, "Model file (default: the embedded one)");
  std::string oracle;
  int o_bias = 0;
  sayso::detail::spans::settings how_much;
  pr->add_option("--add-margin", how_much.add_margin, "Margin an attribution the rules miss needs to be added")->capture_default_str();
  pr->add_option("--adjust-margin", how_much.adjust_margin, "Margin the model's boundaries need to replace a rule's")->capture_default_str();
  pr->add_option("--adjust-overlap", how_much.adjust_overlap, "Overlap a model attribution needs to adjust a rule quote")->capture_default_str();
  std::string trace_path;
  pr->add_option("--trace-gold", trace_path, "Print the sequences where the model's tags differ from these gold quotes' (stderr)");
  pr->add_option("--o-bias", o_bias, "Lower the outside tag's score by N (with --model): more spans");
  pr->add_option("--oracle-gold", oracle, "Use these gold quotes' tags instead of the model's (measures the grouping)");
  // The stance label model (lib/stance/train).
  namespace st = sayso::detail::stance_train;
  st::train_settings stance;
  const auto stance_options = [&](CLI::App* sub) {
    sub->add_option("--set", stance.sets, "Annotated documents: NAME=DOCS,GOLD[,by-conflict] (repeatable)")->required();
    sub->add_option("--l2", stance.fit.l2, "L2 penalty")->capture_default_str();
    sub->add_option("--steps", stance.fit.steps, "Gradient steps")->capture_default_str();
    sub->add_flag("--balanced", stance.fit.balanced, "Weigh each label's items by the inverse of its frequency");
    sub->add_option("--drop", stance.drop, "Leave out the features whose name starts with this (repeatable)");
    sub->add_flag("--cross-fit", stance.cross_fit,
                  "Read each group (conflict) without the stance.toml entries that decide a label there only");
  };
  CLI::App* st_train = app.add_subcommand("stance-train", "Train the stance label model; write lib/models/stance.model");
  stance_options(st_train);
  st_train->add_option("-o,--output", stance.output, "Model file to write")->required();
  st_train->add_option("--provenance", stance.provenance, "Write the provenance (data, command, commit) to this file");
  st_train->add_option("--commit", stance.commit, "The source commit, recorded in the provenance");
  CLI::App* st_cv = app.add_subcommand("stance-cv", "Rules vs label model, leaving one conflict (or set) out at a time");
  stance_options(st_cv);
  st_cv->add_option("--l2-grid", stance.l2_grid, "Penalties to compare (default: --l2)");
  st_cv->add_option("--write", stance.write_prefix, "Write the cross-validated predictions to PREFIX<set>.jsonl");
  CLI::App* st_dump = app.add_subcommand("stance-dump", "One JSON line per term of a matched quote: gold, rules, features");
  stance_options(st_dump);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (st_train->parsed()) {
      stance.command = "sayso-train";
      for (int i = 1; i < argc; ++i) stance.command += std::string(" ") + argv[i];
      return st::run_stance_train(stance, std::cerr);
    }
    if (st_cv->parsed()) return st::run_stance_cv(stance, std::cout);
    if (st_dump->parsed()) return st::run_stance_dump(stance, std::cout);
    if (tr->parsed()) {
      std::string command = "sayso-train";
      for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
      return run_train(docs, gold, output, provenance, commit, command, options, as_annotated);
    }
    return run_predict(docs, mode_name, model_path, oracle, o_bias, trace_path, how_much);
  } catch (const std::exception& e) {
    std::cerr << "sayso-train: " << e.what() << '\n';
    return 1;
  }
}
