// The speaker lexicon as bytes (speaker_lexicon::save and load, see speaker_lexicon.hpp): the
// built-in one is parsed from speakers.toml at build time. Each table is written in its order of
// insertion and read back by inserting in that order, so the loaded tables are those parsed.
#include <stdexcept>

#include "entities/speaker_lexicon.hpp"
#include "stance/blob.hpp"

namespace sayso::detail {

namespace {

constexpr std::uint32_t kMagic = 0x53504B31;  // "SPK1": the layout below

void save_ids(blob::writer& w, const std::vector<std::uint16_t>& ids) {
  w.u32(static_cast<std::uint32_t>(ids.size()));
  for (const std::uint16_t id : ids) w.u32(id);
}
std::vector<std::uint16_t> load_ids(blob::reader& r) {
  std::vector<std::uint16_t> ids(r.u32());
  for (std::uint16_t& id : ids) id = static_cast<std::uint16_t>(r.u32());
  return ids;
}

}  // namespace

std::string speaker_lexicon::save() const {
  blob::writer w;
  w.u32(kMagic);
  w.u32(static_cast<std::uint32_t>(roles_.size()));
  for (const role_entry& role : roles_) {
    w.str(role.key);
    save_ids(w, role.covers);
  }
  w.strs(countries_);
  w.u32(static_cast<std::uint32_t>(epithets_.size()));
  for (const auto& targets : epithets_) save_ids(w, targets);
  for (const phrase_map* phrases : {&role_phrases_, &country_forms_, &epithet_phrases_, &capital_forms_}) {
    w.u32(static_cast<std::uint32_t>(phrases->size()));
    phrases->for_each([&](std::string_view key, const phrase_entry& e) {
      w.str(key);
      w.u32(e.id);
      w.u32((e.whole ? 1U : 0U) | (e.continues ? 2U : 0U));
    });
  }
  for (const std::size_t n : {role_words_, country_words_, epithet_words_, capital_words_}) {
    w.u32(static_cast<std::uint32_t>(n));
  }
  w.u32(static_cast<std::uint32_t>(spellings_.size()));
  for (const auto& [variant, spelled] : spellings_) {
    w.str(variant);
    w.str(spelled);
  }
  w.u32(static_cast<std::uint32_t>(flags_.size()));
  flags_.for_each([&](std::string_view key, std::uint32_t f) {
    w.str(key);
    w.u32(f);
  });
  w.u32(static_cast<std::uint32_t>(titles_.size()));
  titles_.for_each([&](std::string_view key, const std::string& full) {
    w.str(key);
    w.str(full);
  });
  w.u64(shortest_org_noun_);
  w.u32(static_cast<std::uint32_t>(head_synonyms_.size()));
  head_synonyms_.for_each([&](std::string_view key, const std::vector<std::string>& list) {
    w.str(key);
    w.strs(list);
  });
  w.u32(kMagic);
  return std::move(w.out);
}

std::unique_ptr<speaker_lexicon> speaker_lexicon::load(std::string_view bytes) {
  blob::reader r{bytes};
  if (r.u32() != kMagic) throw std::runtime_error("sayso: the built-in speaker lexicon's data is not of this version");
  auto lex = std::make_unique<speaker_lexicon>();
  lex->roles_.resize(r.u32());
  for (role_entry& role : lex->roles_) {
    role.key = r.str();
    role.covers = load_ids(r);
  }
  lex->countries_ = r.strs();
  lex->epithets_.resize(r.u32());
  for (auto& targets : lex->epithets_) targets = load_ids(r);
  for (phrase_map* phrases : {&lex->role_phrases_, &lex->country_forms_, &lex->epithet_phrases_, &lex->capital_forms_}) {
    for (std::uint32_t n = r.u32(); n > 0; --n) {
      phrase_entry& e = (*phrases)[r.view()];
      e.id = static_cast<std::uint16_t>(r.u32());
      const std::uint32_t bits = r.u32();
      e.whole = (bits & 1U) != 0;
      e.continues = (bits & 2U) != 0;
    }
  }
  for (std::size_t* n : {&lex->role_words_, &lex->country_words_, &lex->epithet_words_, &lex->capital_words_}) *n = r.u32();
  lex->spellings_.resize(r.u32());
  for (auto& [variant, spelled] : lex->spellings_) {
    variant = r.str();
    spelled = r.str();
  }
  for (std::uint32_t n = r.u32(); n > 0; --n) {
    const std::string_view key = r.view();
    lex->flags_[key] = r.u32();
    lex->flag_filter_.add(word_hash(key));
  }
  for (std::uint32_t n = r.u32(); n > 0; --n) {
    const std::string_view key = r.view();
    lex->titles_[key] = r.str();
  }
  lex->shortest_org_noun_ = static_cast<std::size_t>(r.u64());
  for (std::uint32_t n = r.u32(); n > 0; --n) {
    const std::string_view key = r.view();
    lex->head_synonyms_[key] = r.strs();
  }
  if (r.u32() != kMagic || !r.in.empty()) throw std::runtime_error("sayso: the built-in speaker lexicon's data is damaged");
  return lex;
}

}  // namespace sayso::detail
