// sayso-train's stance commands (lib/spans/train/main.cpp parses their options):
//
//   stance-train  fits the label model on every set and writes lib/models/stance.model;
//   stance-cv     measures the rules and the model honestly: leave one group (a conflict, or a
//                 whole set) out, train on the rest, label the group left out; prints per group
//                 and per set the label accuracy and score.py's stance macro-F1, and can write
//                 the cross-validated predictions for score.py;
//   stance-dump   writes one JSON line per item (document, group, term, gold, the rules' label,
//                 the rule that decided, the governing predicate's words) for audits.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "stance/train/corpus.hpp"
#include "stance/train/logreg.hpp"

namespace sayso::detail::stance_train {

struct train_settings {
  std::vector<std::string> sets;  // NAME=DOCS,GOLD[,by-conflict]
  logreg_options fit;
  std::string output;             // stance-train: the model file
  std::string provenance;         // stance-train: its provenance (optional)
  std::string commit;
  std::string command;            // the command line, for the provenance
  std::vector<double> l2_grid;    // stance-cv: penalties to compare (empty: fit.l2)
  std::string write_prefix;       // stance-cv: write PREFIX<set>.jsonl predictions
  std::vector<std::string> drop;  // features whose name starts with one of these are left out
  bool cross_fit = false;         // read each group without the stance entries that decide there only
};

int run_stance_train(const train_settings& s, std::ostream& log);
int run_stance_cv(const train_settings& s, std::ostream& out);
int run_stance_dump(const train_settings& s, std::ostream& out);

}  // namespace sayso::detail::stance_train
