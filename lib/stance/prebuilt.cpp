#include "stance/prebuilt.hpp"

#include <array>

namespace sayso::detail {

namespace {

constexpr std::uint32_t kMagic = 0x53594C35;  // "SYL5": the layout below

// An expression's native_re machine (compiled here, at build time), read on first use.
void save_native(blob::writer& w, const lazy_re2& re) {
  blob::writer machine;
  re.native_matcher().save(machine);
  w.str(machine.out);
}

void save_re(blob::writer& w, const lazy_re2& re) {
  w.str(re.pattern());
  if (re) save_native(w, re);
}
lazy_re2 load_re(blob::reader& r) {
  std::string p = r.str();
  if (p.empty()) return {};
  lazy_re2 re(std::move(p), compiled_terms::options());
  re.adopt_native(r.view());
  return re;
}

using context_field = lazy_re2 compiled_terms::context::*;
constexpr std::array<context_field, 7> kContextLists = {
    &compiled_terms::context::expressions, &compiled_terms::context::sentence_has, &compiled_terms::context::quote_has,
    &compiled_terms::context::before,      &compiled_terms::context::not_before,   &compiled_terms::context::not_after,
    &compiled_terms::context::after};

// The stance lists, in the order of compiled_terms::cue_lists() (which save_terms writes).
constexpr std::array<lazy_re2 compiled_terms::*, compiled_terms::kCueLists> kCueListMembers = {
    &compiled_terms::support,  &compiled_terms::oppose,      &compiled_terms::praise,
    &compiled_terms::condemn,  &compiled_terms::undermine,   &compiled_terms::conditional,
    &compiled_terms::neutral,  &compiled_terms::negation,    &compiled_terms::pseudo_negation,
    &compiled_terms::uncertain, &compiled_terms::terminators};

void save_screen(blob::writer& w, const screened_lists& s) {
  s.words.save(w);
  for (const lazy_re2& a : s.alternatives) save_native(w, a);
}
std::unique_ptr<screened_lists> load_screen(blob::reader& r) {
  auto s = std::make_unique<screened_lists>();
  s->words = word_screen::load(r);
  s->compile_with(compiled_terms::options());
  for (lazy_re2& a : s->alternatives) a.adopt_native(r.view());
  return s;
}

}  // namespace

std::string save_terms(const compiled_terms& c) {
  blob::writer w;
  w.u32(kMagic);
  w.u32(static_cast<std::uint32_t>(c.terms.size()));
  for (const term_info& t : c.terms) {
    w.str(t.id);
    w.str(t.description);
    w.strs(t.expressions);
    w.strs(t.opposites);
  }
  w.u32(static_cast<std::uint32_t>(c.contexts.size()));
  for (const compiled_terms::context& cx : c.contexts) {
    w.u32(static_cast<std::uint32_t>(cx.term));
    for (const context_field f : kContextLists) save_re(w, cx.*f);
    w.u32(cx.opposite ? 1U : 0U);
    w.u32(cx.document_mentions);
    w.u32(static_cast<std::uint32_t>(cx.document_first_of.size()));
    for (const std::size_t t : cx.document_first_of) w.u32(static_cast<std::uint32_t>(t));
  }
  for (std::size_t t = 0; t < c.terms.size(); ++t) {
    save_re(w, c.patterns[t]);
    save_re(w, c.named[t]);
    save_re(w, c.opposites[t]);
  }
  w.strs(c.mentions.patterns());
  for (const lazy_re2* list : c.cue_lists()) save_re(w, *list);
  save_screen(w, c.screen());
  save_screen(w, c.cue_screen());
  w.u32(kMagic);
  return std::move(w.out);
}

std::shared_ptr<compiled_terms> load_terms(std::string_view bytes) {
  blob::reader r{bytes};
  if (r.u32() != kMagic) throw std::runtime_error("sayso: the built-in term lexicon's data is not of this version");
  auto c = std::make_shared<compiled_terms>();
  c->terms.resize(r.u32());
  for (term_info& t : c->terms) {
    t.id = r.str();
    t.description = r.str();
    t.expressions = r.strs();
    t.opposites = r.strs();
  }
  c->contexts.resize(r.u32());
  for (compiled_terms::context& cx : c->contexts) {
    cx.term = r.u32();
    for (const context_field f : kContextLists) cx.*f = load_re(r);
    cx.opposite = r.u32() != 0;
    cx.document_mentions = r.u32();
    cx.document_first_of.resize(r.u32());
    for (std::size_t& t : cx.document_first_of) t = r.u32();
  }
  for (std::size_t t = 0; t < c->terms.size(); ++t) {
    c->patterns.push_back(load_re(r));
    c->named.push_back(load_re(r));
    c->opposites.push_back(load_re(r));
  }
  c->mentions = lazy_set(r.strs(), compiled_terms::options());
  for (const auto member : kCueListMembers) c.get()->*member = load_re(r);
  c->screen_.adopt(load_screen(r));
  c->cue_screen_.adopt(load_screen(r));
  if (r.u32() != kMagic || !r.in.empty()) throw std::runtime_error("sayso: the built-in term lexicon's data is damaged");
  return c;
}

}  // namespace sayso::detail
