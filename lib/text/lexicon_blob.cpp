// The word lexicon written to bytes and read back (lexicon::save, lexicon::load): the built-in
// English lexicon is read from english.toml at build time (sayso_lexgen), not in every process.
#include <algorithm>

#include "stance/blob.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {

namespace {

constexpr std::uint32_t kMagic = 0x53594C58;  // "SYLX": the layout below

void save_element(blob::writer& w, const cue_veto::element& e) {
  w.strs(e.words);
  w.strs(e.except);
  w.strs(e.marks);
  w.u32(e.classes);
  w.u32((e.end ? 1U : 0U) | (e.any ? 2U : 0U));
}

cue_veto::element load_element(blob::reader& r) {
  cue_veto::element e;
  e.words = r.strs();
  e.except = r.strs();
  e.marks = r.strs();
  e.classes = r.u32();
  const std::uint32_t flags = r.u32();
  e.end = (flags & 1U) != 0;
  e.any = (flags & 2U) != 0;
  return e;
}

}  // namespace

std::string lexicon::save() const {
  blob::writer w;
  w.u32(kMagic);
  // (In the words' order, so that equal lexicons give equal bytes.)
  std::vector<const std::pair<const std::string, entry>*> sorted;
  sorted.reserve(words_.size());
  for (const auto& node : words_) sorted.push_back(&node);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  w.u32(static_cast<std::uint32_t>(sorted.size()));
  for (const auto* node : sorted) {
    const auto& [word, en] = *node;
    w.str(word);
    w.u32(en.classes);
    w.u32(en.party);
    w.u32s(en.cues);
  }
  w.u32(static_cast<std::uint32_t>(cues_.size()));
  for (const cue_entry& c : cues_) {
    w.strs(c.words);
    w.u32(c.lemma);
    w.u32(c.flags);
    w.u32(static_cast<std::uint32_t>(c.type));
    w.u32((c.base_form ? 1U : 0U) | (c.participle ? 2U : 0U) | (c.past_participle ? 4U : 0U));
  }
  w.strs(lemmas_);
  w.u32(static_cast<std::uint32_t>(vetoes_.size()));
  for (const cue_veto& v : vetoes_) {
    w.str(v.name);
    for (const auto* side : {&v.before, &v.after}) {
      w.u32(static_cast<std::uint32_t>(side->size()));
      for (const cue_veto::element& e : *side) save_element(w, e);
    }
    w.u32(v.forms);
    w.u32(v.unless_types);
    w.u32(v.unless_flags);
  }
  w.u32(kMagic);
  return std::move(w.out);
}

std::unique_ptr<lexicon> lexicon::load(std::string_view bytes) {
  blob::reader r{bytes};
  if (r.u32() != kMagic) throw std::runtime_error("sayso: the built-in lexicon's data is not of this version");
  auto lex = std::make_unique<lexicon>();
  const std::uint32_t words = r.u32();
  lex->words_.reserve(words);
  for (std::uint32_t i = 0; i < words; ++i) {
    std::string word = r.str();
    entry en;
    en.classes = r.u32();
    en.party = static_cast<std::uint16_t>(r.u32());
    en.cues = r.u32s();
    lex->words_.emplace(std::move(word), std::move(en));
  }
  lex->cues_.resize(r.u32());
  for (cue_entry& c : lex->cues_) {
    c.words = r.strs();
    c.lemma = static_cast<std::uint16_t>(r.u32());
    c.flags = static_cast<std::uint16_t>(r.u32());
    c.type = static_cast<cue_type>(r.u32());
    const std::uint32_t flags = r.u32();
    c.base_form = (flags & 1U) != 0;
    c.participle = (flags & 2U) != 0;
    c.past_participle = (flags & 4U) != 0;
  }
  lex->lemmas_ = r.strs();
  lex->vetoes_.resize(r.u32());
  for (cue_veto& v : lex->vetoes_) {
    v.name = r.str();
    for (auto* side : {&v.before, &v.after}) {
      side->resize(r.u32());
      for (cue_veto::element& e : *side) e = load_element(r);
    }
    v.forms = static_cast<std::uint8_t>(r.u32());
    v.unless_types = static_cast<std::uint8_t>(r.u32());
    v.unless_flags = static_cast<std::uint16_t>(r.u32());
  }
  if (r.u32() != kMagic || !r.in.empty()) throw std::runtime_error("sayso: the built-in lexicon's data is damaged");
  lex->build_index();
  return lex;
}

}  // namespace sayso::detail
