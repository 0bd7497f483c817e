// The stance label model's trainer: multinomial logistic regression with an L2 penalty, fitted
// by Nesterov's accelerated gradient descent over the whole data at each step. Double
// arithmetic in a fixed order and a fixed number of steps make it deterministic: the same items
// and options give the same weights (the model file rounds them to four decimals).
#pragma once

#include <cstdint>
#include <vector>

#include "stance/label_model.hpp"

namespace sayso::detail::stance_train {

struct logreg_options {
  double l2 = 0.03;       // penalty on every weight but the bias's
  int steps = 3000;       // gradient steps
  bool balanced = false;  // weigh each label's items by the inverse of its frequency
};

/// One training example: the active features and the gold label (0..3, stance_label order).
struct example {
  const std::vector<std::uint16_t>* features = nullptr;
  int label = 0;
};

/// Fits a label model to `data`. `log`, when not null, receives the final loss.
label_model train_logreg(const std::vector<example>& data, const logreg_options& options, double* loss = nullptr);

}  // namespace sayso::detail::stance_train
