// sayso-train's stance commands (commands.hpp).
#include "stance/train/commands.hpp"

#include <cstdio>
#include <fstream>
#include <iomanip>
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

void print_row(std::ostream& out, const std::string& name, const figures& rules, const figures& model) {
  out << std::left << std::setw(14) << name << std::right << std::setw(5) << rules.both << "  rules acc "
      << fmt(rules.accuracy()) << " macro " << fmt(rules.macro()) << "  model acc " << fmt(model.accuracy()) << " macro "
      << fmt(model.macro()) << "   per label (model):";
  for (std::size_t l = 0; l < 4; ++l) out << ' ' << to_string(static_cast<stance_label>(l)) << ' ' << fmt(model.f1(l));
  out << '\n';
}

}  // namespace

int run_stance_train(const train_settings& s, std::ostream& log) {
  stance_corpus c = read_stance_corpus(sets_of(s));
  drop_features(c, s.drop);
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
      << (s.fit.balanced ? ", labels balanced" : "") << "\n";
  }
  return 0;
}

int run_stance_cv(const train_settings& s, std::ostream& out) {
  stance_corpus c = read_stance_corpus(sets_of(s));
  drop_features(c, s.drop);
  const std::vector<std::string> groups = c.groups();
  std::vector<double> grid = s.l2_grid;
  if (grid.empty()) grid.push_back(s.fit.l2);
  for (const double l2 : grid) {
    logreg_options fit = s.fit;
    fit.l2 = l2;
    // Each item's label from the model trained without its group.
    std::vector<int> predicted(c.items.size(), kNone);
    std::map<std::string, label_model> models;
    for (const std::string& g : groups) {
      const label_model m = train_logreg(examples(c, g), fit);
      for (std::size_t i = 0; i < c.items.size(); ++i) {
        const item& it = c.items[i];
        if (it.rule == kNone || c.group_of(it) != g) continue;
        float p = 0.0F;
        predicted[i] = static_cast<int>(m.predict(it.features, p));
      }
    }
    out << "== leave one group out, L2 " << l2 << (fit.balanced ? ", balanced" : "") << "\n";
    std::vector<figures> set_rules(c.sets.size());
    std::vector<figures> set_model(c.sets.size());
    for (const std::string& g : groups) {
      figures rules;
      figures model;
      for (std::size_t i = 0; i < c.items.size(); ++i) {
        const item& it = c.items[i];
        if (c.group_of(it) != g) continue;
        rules.add(it.gold, it.rule);
        model.add(it.gold, predicted[i]);
        set_rules[c.docs[it.doc].set].add(it.gold, it.rule);
        set_model[c.docs[it.doc].set].add(it.gold, predicted[i]);
      }
      print_row(out, g, rules, model);
    }
    for (std::size_t k = 0; k < c.sets.size(); ++k) {
      print_row(out, "SET " + c.sets[k].name, set_rules[k], set_model[k]);
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
  const stance_corpus c = read_stance_corpus(sets_of(s));
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
