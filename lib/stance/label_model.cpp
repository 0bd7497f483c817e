// The stance label model: features of the rules' reading of a term mention, and a multinomial
// logistic regression over them (label_model.hpp).
#include "stance/label_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include <sayso/error.hpp>

#include "text/lexicon.hpp"

namespace sayso::detail {

extern const std::string_view stance_model_text;  // generated from lib/models/stance.model

namespace {

constexpr std::array<std::string_view, 4> kLabels = {"support", "oppose", "conditional", "neutral"};
constexpr std::array<std::string_view, static_cast<std::size_t>(label_path::count)> kPaths = {
    "none",           "event_or_nested",   "uncertain",        "concession",       "required",
    "double_oppose",  "governor_before",   "governor_after",   "leading_predicate", "own_side_commits",
    "deontic",        "own_cue",           "neutral_governor", "negated_evaluation", "negation_only",
    "preconditions",  "condition_inside",  "condition_governs", "first_then",      "evaluated_object",
    "without_demand"};
constexpr std::array<std::string_view, static_cast<std::size_t>(label_decision::governor::count)> kGovernors = {
    "none", "support", "oppose", "praise", "condemn", "undermine", "neutral"};
// The default terms (GUIDELINES.md); a user's other terms share one feature.
constexpr std::array<std::string_view, 11> kTerms = {
    "ceasefire",      "frontline_freeze",    "territorial_concession", "preconditions",
    "talks",          "security_guarantees", "sanctions_relief",       "prisoner_exchange",
    "humanitarian_access", "troop_withdrawal", "other"};
constexpr std::array<std::string_view, 4> kDistances = {"0", "1-2", "3-5", "6+"};
constexpr std::array<std::string_view, 3> kKinds = {"direct", "mixed", "indirect"};
constexpr std::array<std::string_view, 6> kCueTypes = {"speech", "evidential", "quoting", "belief", "act", "according"};
constexpr std::array<std::string_view, 3> kOwnCues = {"none", "support", "oppose"};

// The boolean features, in id order after the grouped ones.
#define SAYSO_LABEL_FLAGS(X)                                                                          \
  X(governed_by_cue) X(verb_cue) X(negated) X(negated_evaluation) X(required) X(double_oppose)        \
  X(accused) X(restricted_kind) X(only_restricted) X(refused_after) X(qualified_kind) X(opposite)     \
  X(inside_condition) X(inside_prior) X(inside_hypothetical) X(inside_negative)                        \
  X(governing_condition) X(governing_strong) X(first_then) X(reported) X(media_outlet) X(describer)   \
  X(no_side) X(first_person) X(third_person) X(future) X(possible) X(obligation) X(past) X(question)  \
  X(sentence_negation) X(sentence_conditional) X(sentence_uncertain) X(sentence_support)               \
  X(sentence_oppose) X(sentence_praise) X(sentence_condemn) X(sentence_neutral) X(other_support)       \
  X(other_oppose) X(other_conditional) X(other_terms)

#define SAYSO_FLAG_NAME(f) #f,
constexpr std::array<std::string_view, 42> kFlags = {SAYSO_LABEL_FLAGS(SAYSO_FLAG_NAME)};
#undef SAYSO_FLAG_NAME

// Where each group of features starts.
struct layout {
  std::size_t bias = 0;
  std::size_t rule = 1;
  std::size_t content = rule + kLabels.size();
  std::size_t path = content + kLabels.size();
  std::size_t gov = path + kPaths.size();
  std::size_t gov_after = gov + kGovernors.size();
  std::size_t distance = gov_after + 1;
  std::size_t own_cue = distance + kDistances.size();
  std::size_t kind = own_cue + kOwnCues.size();
  std::size_t cue_type = kind + kKinds.size();
  std::size_t term = cue_type + kCueTypes.size();
  std::size_t mentions = term + kTerms.size();
  std::size_t flags = mentions + 1;
  std::size_t end = flags + kFlags.size();
};
constexpr layout kLayout{};

std::size_t index_of(stance_label l) { return static_cast<std::size_t>(l); }

}  // namespace

const std::vector<std::string>& label_feature_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    n.reserve(kLayout.end);
    n.emplace_back("bias");
    for (const auto l : kLabels) n.push_back("rule=" + std::string(l));
    for (const auto l : kLabels) n.push_back("content=" + std::string(l));
    for (const auto p : kPaths) n.push_back("path=" + std::string(p));
    for (const auto g : kGovernors) n.push_back("gov=" + std::string(g));
    n.emplace_back("gov_after");
    for (const auto d : kDistances) n.push_back("gov_words=" + std::string(d));
    for (const auto c : kOwnCues) n.push_back("own_cue=" + std::string(c));
    for (const auto k : kKinds) n.push_back("kind=" + std::string(k));
    for (const auto c : kCueTypes) n.push_back("cue_type=" + std::string(c));
    for (const auto t : kTerms) n.push_back("term=" + std::string(t));
    n.emplace_back("mentions>1");
    for (const auto f : kFlags) n.emplace_back(f);
    return n;
  }();
  return names;
}

bool own_words_support(const label_decision& d) {
  return d.path == label_path::none && d.rule == stance_label::neutral &&
         (d.kind == quote_kind::direct || d.kind == quote_kind::mixed) && !d.past && !d.describer && !d.reported &&
         !d.media_outlet && d.cue_type != static_cast<std::uint8_t>(cue_type::according) &&
         // A prediction, a question or a doubt is not a wish: "the truce could collapse", "will
         // the talks go ahead?", "it is unclear whether a truce will hold"; nor what others will do.
         !d.possible && !d.question && !d.sentence_uncertain && !d.sentence_neutral && !d.third_person &&
         !(d.future && !d.first_person) && !d.predicated;
}

void label_features(const label_decision& d, std::vector<std::uint16_t>& out) {
  out.clear();
  const auto add = [&](std::size_t id) { out.push_back(static_cast<std::uint16_t>(id)); };
  add(kLayout.bias);
  add(kLayout.rule + index_of(d.rule));
  add(kLayout.content + index_of(d.content));
  const auto path = static_cast<std::size_t>(d.path);
  add(kLayout.path + path);
  add(kLayout.gov + static_cast<std::size_t>(d.gov));
  if (d.gov != label_decision::governor::none) {
    if (d.gov_after) add(kLayout.gov_after);
    add(kLayout.distance + (d.gov_words == 0 ? 0 : d.gov_words <= 2 ? 1 : d.gov_words <= 5 ? 2 : 3));
  }
  add(kLayout.own_cue + std::min<std::size_t>(d.own_cue, 2));
  add(kLayout.kind + static_cast<std::size_t>(d.kind));
  add(kLayout.cue_type + std::min<std::size_t>(d.cue_type, kCueTypes.size() - 1));
  std::size_t term = kTerms.size() - 1;
  for (std::size_t t = 0; t + 1 < kTerms.size(); ++t) {
    if (kTerms[t] == d.term_id) term = t;
  }
  add(kLayout.term + term);
  if (d.mentions > 1) add(kLayout.mentions);
  std::size_t i = kLayout.flags;
#define SAYSO_FLAG_ADD(f) \
  if (d.f) add(i);        \
  ++i;
  SAYSO_LABEL_FLAGS(SAYSO_FLAG_ADD)
#undef SAYSO_FLAG_ADD
  std::sort(out.begin(), out.end());
}

label_model::label_model() : w_(kLayout.end, std::array<float, 4>{}) {}

const label_model& label_model::embedded() {
  static const std::unique_ptr<label_model> m = parse(stance_model_text, "stance.model");
  return *m;
}

std::unique_ptr<label_model> label_model::parse(std::string_view text, std::string_view name) {
  const std::vector<std::string>& names = label_feature_names();
  std::map<std::string_view, std::size_t> ids;
  for (std::size_t i = 0; i < names.size(); ++i) ids.emplace(names[i], i);
  auto m = std::make_unique<label_model>();
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](const std::string& why) {
      throw error(errc::lexicon, std::string(name) + ":" + std::to_string(line_no) + ": " + why);
    };
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) fail("expected a feature name and four weights");
    const auto it = ids.find(line.substr(0, space));
    if (it == ids.end()) fail("unknown feature '" + std::string(line.substr(0, space)) + "'");
    std::istringstream in{std::string(line.substr(space + 1))};
    std::array<float, 4>& row = m->w_[it->second];
    for (float& w : row) {
      if (!(in >> w) || !std::isfinite(w)) fail("expected four weights");
    }
    std::string rest;
    if (in >> rest) fail("more than four weights");
  }
  return m;
}

std::string label_model::serialize(std::string_view header) const {
  std::string out(header);
  if (!out.empty() && out.back() != '\n') out.push_back('\n');
  const std::vector<std::string>& names = label_feature_names();
  for (std::size_t i = 0; i < w_.size(); ++i) {
    if (std::all_of(w_[i].begin(), w_[i].end(), [](float w) { return w == 0.0F; })) continue;
    out += names[i];
    for (const float w : w_[i]) {
      char buf[32];
      std::snprintf(buf, sizeof buf, " %.4f", static_cast<double>(w));
      out += std::string_view(buf) == " -0.0000" ? " 0.0000" : buf;
    }
    out.push_back('\n');
  }
  return out;
}

std::array<float, 4> label_model::scores(const std::vector<std::uint16_t>& f) const {
  std::array<float, 4> s{};
  for (const std::uint16_t id : f) {
    if (id >= w_.size()) continue;
    for (std::size_t k = 0; k < 4; ++k) s[k] += w_[id][k];
  }
  return s;
}

stance_label label_model::predict(const std::vector<std::uint16_t>& f, float& probability) const {
  const std::array<float, 4> s = scores(f);
  const std::size_t best = static_cast<std::size_t>(std::max_element(s.begin(), s.end()) - s.begin());
  float z = 0.0F;
  for (const float v : s) z += std::exp(v - s[best]);
  probability = 1.0F / z;
  return static_cast<stance_label>(best);
}

}  // namespace sayso::detail
