// sayso-train's stance commands (commands.hpp).
#include "stance/train/commands.hpp"

#include "stance/train/crossfit.hpp"

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include <sayso/error.hpp>
#include <sayso/output.hpp>

namespace sayso::detail::stance_train {

namespace {

constexpr std::string_view kHeader =
    "# sayso's stance label model (lib/stance/label_model.hpp): multinomial logistic regression over\n"
    "# the rules' reading of a term mention. One line per feature: name, then its weights for\n"
    "# support, oppose, conditional and neutral. Written by `sayso-train stance-train` (README,\n"
    "# \"The stance label model\"); where it comes from: stance.provenance.txt.\n";

std::vector<data_set> sets_of(const train_settings& s) {
  std::vector<data_set> out;
  for (const std::string& spec : s.sets) out.push_back(parse_data_set(spec));
  if (out.empty()) throw error(errc::io, "no --set given");
  return out;
}

bool labelled(const item& it) { return it.gold != kNone && it.rule != kNone; }

std::vector<example> examples(const stance_corpus& c, const std::string& leave_out) {
  std::vector<example> out;
  for (const item& it : c.items) {
    if (labelled(it) && c.group_of(it) != leave_out) out.push_back({&it.features, it.gold});
  }
  return out;
}

// Leaves out the features named by `drop` (name prefixes) from every item.
void drop_features(stance_corpus& c, const std::vector<std::string>& drop) {
  if (drop.empty()) return;
  const std::vector<std::string>& names = label_feature_names();
  for (item& it : c.items) {
    std::erase_if(it.features, [&](std::uint16_t f) {
      return std::any_of(drop.begin(), drop.end(), [&](const std::string& p) { return names[f].starts_with(p); });
    });
  }
}

// score.py's stance figures over a selection of items, each with its predicted label.
struct figures {
  std::size_t agree = 0;
  std::size_t both = 0;
  std::size_t tp_terms = 0;
  std::size_t fp_terms = 0;
  std::size_t fn_terms = 0;
  std::array<std::array<std::size_t, 3>, 4> lab{};  // tp, fp, fn per label

  void add(int gold, int pred) {
    if (gold != kNone && pred != kNone) {
      ++tp_terms;
      ++both;
      agree += gold == pred ? 1 : 0;
    } else if (gold != kNone) {
      ++fn_terms;
    } else if (pred != kNone) {
      ++fp_terms;
    }
    for (std::size_t l = 0; l < 4; ++l) {
      const int li = static_cast<int>(l);
      if (gold == li && pred == li) ++lab[l][0];
      else if (pred == li) ++lab[l][1];
      else if (gold == li) ++lab[l][2];
    }
  }
  [[nodiscard]] double accuracy() const { return both == 0 ? 0.0 : static_cast<double>(agree) / static_cast<double>(both); }
  [[nodiscard]] double f1(std::size_t l) const {
    const auto [tp, fp, fn] = lab[l];
    const double p = tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
    const double r = tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
  [[nodiscard]] double macro() const {
    double sum = 0.0;
    int n = 0;
    for (std::size_t l = 0; l < 4; ++l) {
      if (lab[l][0] + lab[l][1] + lab[l][2] == 0) continue;
      sum += f1(l);
      ++n;
    }
    return n == 0 ? 0.0 : sum / n;
  }
};

std::string fmt(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

// One row: the group, how many labelled items, then each labelling's accuracy and macro-F1, and
// the last one's F1 per label.
void print_row(std::ostream& out, const std::string& name, const std::vector<std::pair<std::string, figures>>& cols) {
  out << std::left << std::setw(14) << name << std::right << std::setw(5) << cols.front().second.both;
  for (const auto& [label, f] : cols) out << "  " << label << " acc " << fmt(f.accuracy()) << " macro " << fmt(f.macro());
  out << "   per label (" << cols.back().first << "):";
  for (std::size_t l = 0; l < 4; ++l) out << ' ' << to_string(static_cast<stance_label>(l)) << ' ' << fmt(cols.back().second.f1(l));
  out << '\n';
}

// Reads the sets; with cross-fitting, `full` receives the reading with the whole lexicon and
// the result is the cross-fitted one.
stance_corpus read_for(const train_settings& s, stance_corpus* full, std::ostream& log) {
  stance_corpus c = read_stance_corpus(sets_of(s));
  if (s.cross_fit) {
    const std::map<std::string, term_lexicon> lexicons = cross_fitted_lexicons(c, &log);
    stance_corpus x = read_stance_corpus(sets_of(s), &lexicons);
    drop_features(x, s.drop);
    if (full != nullptr) {
      drop_features(c, s.drop);
      *full = std::move(c);
    }
    return x;
  }
  drop_features(c, s.drop);
  return c;
}

// Each item of `test` labelled by the model trained, on `train`'s reading, without its group.
std::vector<int> cross_validate(const stance_corpus& train, const stance_corpus& test, const logreg_options& fit) {
  std::vector<int> predicted(test.items.size(), kNone);
  for (const std::string& g : test.groups()) {
    const label_model m = train_logreg(examples(train, g), fit);
    for (std::size_t i = 0; i < test.items.size(); ++i) {
      const item& it = test.items[i];
      if (it.rule == kNone || test.group_of(it) != g) continue;
      float p = 0.0F;
      predicted[i] = static_cast<int>(m.predict(it.features, p));
    }
  }
  return predicted;
}

}  // namespace

int run_stance_train(const train_settings& s, std::ostream& log) {
  const stance_corpus c = read_for(s, nullptr, log);
  const std::vector<example> data = examples(c, {});
  double loss = 0.0;
  const label_model m = train_logreg(data, s.fit, &loss);
  const std::string text = m.serialize(kHeader);
  {
    std::ofstream out(s.output, std::ios::binary);
    out << text;
    if (!out) throw error(errc::io, s.output + ": cannot write");
  }
  log << "stance model: " << data.size() << " labelled items of " << c.docs.size() << " documents, loss " << loss
      << ", " << text.size() << " bytes\n";
  if (!s.provenance.empty()) {
    std::ofstream p(s.provenance);
    p << "# Provenance of stance.model (written by sayso-train stance-train; the model holds weights only)\n\n"
      << "command: " << s.command << "\n"
      << "commit: " << (s.commit.empty() ? "(not given)" : s.commit) << "\n";
    for (const data_set& d : c.sets) p << "set " << d.name << ": " << d.docs << " + " << d.gold << (d.by_conflict ? " (grouped by conflict)" : "") << "\n";
    p << "items: " << data.size() << " labelled term mentions (a term both the rules and the gold give a quote) of "
      << c.docs.size() << " documents\n"
      << "trainer: multinomial logistic regression, L2 " << s.fit.l2 << ", " << s.fit.steps << " steps"
      << (s.fit.balanced ? ", labels balanced" : "") << (s.cross_fit ? ", on the cross-fitted reading" : "") << "\n";
  }
  return 0;
}

int run_stance_cv(const train_settings& s, std::ostream& out) {
  stance_corpus full;
  const stance_corpus c = read_for(s, &full, out);
  const std::vector<std::string> groups = c.groups();
  std::vector<double> grid = s.l2_grid;
  if (grid.empty()) grid.push_back(s.fit.l2);
  for (const double l2 : grid) {
    logreg_options fit = s.fit;
    fit.l2 = l2;
    // Labellings of c's items: the rules', the model's (trained on c's reading) and, when
    // cross-fitting, the model's trained on the whole lexicon's reading.
    std::vector<std::pair<std::string, std::vector<int>>> labellings;
    std::vector<int> rules;
    for (const item& it : c.items) rules.push_back(it.rule);
    labellings.emplace_back("rules", rules);
    std::vector<int> own_words;
    for (const item& it : c.items) {
      own_words.push_back(it.rule != kNone && own_words_support(it.decision) ? static_cast<int>(stance_label::support) : it.rule);
    }
    labellings.emplace_back("own-words", own_words);
    if (s.cross_fit) labellings.emplace_back("model(full)", cross_validate(full, c, fit));
    labellings.emplace_back("model", cross_validate(c, c, fit));
    const std::vector<int>& predicted = labellings.back().second;
    out << "== leave one group out, L2 " << l2 << (fit.balanced ? ", balanced" : "")
        << (s.cross_fit ? ", cross-fitted reading" : "") << "\n";
    const auto figures_of = [&](const std::vector<int>& labels, auto&& keep) {
      figures f;
      for (std::size_t i = 0; i < c.items.size(); ++i) {
        if (keep(c.items[i])) f.add(c.items[i].gold, labels[i]);
      }
      return f;
    };
    const auto row = [&](const std::string& name, auto&& keep) {
      std::vector<std::pair<std::string, figures>> cols;
      for (const auto& [label, labels] : labellings) cols.emplace_back(label, figures_of(labels, keep));
      print_row(out, name, cols);
    };
    for (const std::string& g : groups) row(g, [&](const item& it) { return c.group_of(it) == g; });
    for (std::size_t k = 0; k < c.sets.size(); ++k) {
      row("SET " + c.sets[k].name, [&](const item& it) { return c.docs[it.doc].set == k; });
      // Where the labels go (rows: gold; columns: rules' | model's label), on the terms both give.
      for (int g = 0; g < 4; ++g) {
        out << "    " << std::left << std::setw(12) << to_string(static_cast<stance_label>(g)) << std::right;
        for (const bool model : {false, true}) {
          for (int p = 0; p < 4; ++p) {
            std::size_t n = 0;
            for (std::size_t i = 0; i < c.items.size(); ++i) {
              const item& it = c.items[i];
              n += c.docs[it.doc].set == k && it.gold == g && (model ? predicted[i] : it.rule) == p ? 1 : 0;
            }
            out << std::setw(5) << n;
          }
          out << (model ? "\n" : "   |");
        }
      }
    }
    if (!s.write_prefix.empty()) {
      // score.py can check these figures: the analyses with the cross-validated labels.
      for (std::size_t k = 0; k < c.sets.size(); ++k) {
        std::vector<analysis> results;
        for (const corpus_document& d : c.docs) results.push_back(d.result);
        for (std::size_t i = 0; i < c.items.size(); ++i) {
          const item& it = c.items[i];
          if (it.rule == kNone || predicted[i] == kNone) continue;
          stance& st = results[it.doc].quotes[it.quote].stances[it.stance];
          st.label = static_cast<stance_label>(predicted[i]);
          if (st.label != stance_label::conditional) st.condition.reset();
        }
        const std::string path = s.write_prefix + c.sets[k].name + ".jsonl";
        std::ofstream w(path, std::ios::binary);
        for (std::size_t d = 0; d < c.docs.size(); ++d) {
          if (c.docs[d].set == k) w << to_json(c.docs[d].id, c.docs[d].text, results[d]) << '\n';
        }
        if (!w) throw error(errc::io, path + ": cannot write");
      }
    }
  }
  return 0;
}

int run_stance_dump(const train_settings& s, std::ostream& out) {
  const stance_corpus c = read_for(s, nullptr, std::cerr);
  const std::vector<std::string>& names = label_feature_names();
  const auto label = [](int l) { return l == kNone ? std::string("none") : std::string(to_string(static_cast<stance_label>(l))); };
  for (const item& it : c.items) {
    const corpus_document& d = c.docs[it.doc];
    nlohmann::json j = {{"doc", d.id}, {"set", c.sets[d.set].name}, {"group", d.group}, {"quote", it.quote},
                        {"term", it.term}, {"gold", label(it.gold)}, {"rule", label(it.rule)}};
    if (it.rule != kNone) {
      const std::string_view text = d.text;
      const auto words = [&](byte_range r) { return r.empty() ? std::string() : std::string(text.substr(r.begin, r.size())); };
      j["governor"] = words(it.decision.gov_range);
      j["own_cue"] = words(it.decision.own_range);
      j["condition"] = words(it.decision.condition_range);
      nlohmann::json f = nlohmann::json::array();
      for (const std::uint16_t id : it.features) f.push_back(names[id]);
      j["features"] = f;
      const quote& q = d.result.quotes[it.quote];
      std::string content;
      for (const byte_range& r : q.content) content += std::string(text.substr(r.begin, r.size())) + " … ";
      j["content"] = content;
    }
    out << j.dump() << '\n';
  }
  return 0;
}

}  // namespace sayso::detail::stance_train
