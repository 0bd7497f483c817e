// Multinomial logistic regression for the stance label model (logreg.hpp).
#include "stance/train/logreg.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace sayso::detail::stance_train {

namespace {

using row = std::array<double, 4>;

// Mean weighted cross-entropy plus the penalty, and its gradient (into `grad`).
double objective(const std::vector<example>& data, const std::vector<double>& weight, double total,
                 const std::vector<row>& w, double l2, std::vector<row>& grad) {
  std::fill(grad.begin(), grad.end(), row{});
  double loss = 0.0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    row s{};
    for (const std::uint16_t f : *data[i].features) {
      for (std::size_t k = 0; k < 4; ++k) s[k] += w[f][k];
    }
    const double top = *std::max_element(s.begin(), s.end());
    double z = 0.0;
    row p{};
    for (std::size_t k = 0; k < 4; ++k) {
      p[k] = std::exp(s[k] - top);
      z += p[k];
    }
    const double c = weight[i] / total;
    const auto y = static_cast<std::size_t>(data[i].label);
    loss -= c * (s[y] - top - std::log(z));
    for (std::size_t k = 0; k < 4; ++k) p[k] = c * (p[k] / z - (k == y ? 1.0 : 0.0));
    for (const std::uint16_t f : *data[i].features) {
      for (std::size_t k = 0; k < 4; ++k) grad[f][k] += p[k];
    }
  }
  // Feature 0 is the bias: not penalised.
  for (std::size_t f = 1; f < w.size(); ++f) {
    for (std::size_t k = 0; k < 4; ++k) {
      loss += 0.5 * l2 * w[f][k] * w[f][k];
      grad[f][k] += l2 * w[f][k];
    }
  }
  return loss;
}

}  // namespace

label_model train_logreg(const std::vector<example>& data, const logreg_options& options, double* loss) {
  label_model m;
  const std::size_t n_features = m.size();
  std::vector<row> w(n_features, row{});
  std::vector<row> v(n_features, row{});  // the look-ahead point
  std::vector<row> previous(n_features, row{});
  std::vector<row> grad(n_features, row{});
  std::array<double, 4> counts{};
  std::size_t widest = 1;
  for (const example& e : data) {
    counts[static_cast<std::size_t>(e.label)] += 1.0;
    widest = std::max(widest, e.features->size());
  }
  std::vector<double> weight(data.size(), 1.0);
  double total = 0.0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (options.balanced) weight[i] = static_cast<double>(data.size()) / (4.0 * counts[static_cast<std::size_t>(data[i].label)]);
    total += weight[i];
  }
  if (data.empty() || total <= 0.0) return m;
  // The softmax loss's curvature is at most 1/2 per unit of squared feature norm.
  const double step = 1.0 / (0.5 * static_cast<double>(widest) + options.l2);
  double t = 1.0;
  double f = 0.0;
  for (int it = 0; it < options.steps; ++it) {
    f = objective(data, weight, total, v, options.l2, grad);
    previous = w;
    for (std::size_t j = 0; j < n_features; ++j) {
      for (std::size_t k = 0; k < 4; ++k) w[j][k] = v[j][k] - step * grad[j][k];
    }
    const double t_next = 0.5 * (1.0 + std::sqrt(1.0 + 4.0 * t * t));
    const double momentum = (t - 1.0) / t_next;
    for (std::size_t j = 0; j < n_features; ++j) {
      for (std::size_t k = 0; k < 4; ++k) v[j][k] = w[j][k] + momentum * (w[j][k] - previous[j][k]);
    }
    t = t_next;
  }
  if (loss != nullptr) *loss = objective(data, weight, total, w, options.l2, grad);
  // Softmax scores are unchanged by a constant added to a feature's four weights: centre each
  // row, so that the file shows how a feature moves the labels apart.
  for (std::size_t j = 0; j < n_features; ++j) {
    const double mean = (w[j][0] + w[j][1] + w[j][2] + w[j][3]) / 4.0;
    for (std::size_t k = 0; k < 4; ++k) m.row(j)[k] = static_cast<float>(w[j][k] - mean);
  }
  (void)f;
  return m;
}

}  // namespace sayso::detail::stance_train
