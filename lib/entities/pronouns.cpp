// Speaker resolution, part 3: personal pronouns and the gender evidence they use.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

// Gender evidence: a gendered title in the mention ("Mrs.", "spokeswoman"), or the content
// opening with a pronoun for the speaker ("Kowal said she had waited ...").
void resolver::learn_gender(known& k, const raw_quote& q) const {
  static constexpr std::array<std::string_view, 12> kFemale = {
      "mrs", "ms", "madam", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "queen",
      "princess", "lady", "dame", "businesswoman"};
  static constexpr std::array<std::string_view, 10> kMale = {
      "mr", "sir", "spokesman", "chairman", "congressman", "councilman", "king", "prince", "lord", "businessman"};
  for (std::uint32_t t = q.source_first; t < q.source_end; ++t) {
    if (!is_word(t)) continue;
    const lowered w = lower(t);
    if (std::find(kFemale.begin(), kFemale.end(), w) != kFemale.end()) k.gender = 'f';
    if (std::find(kMale.begin(), kMale.end(), w) != kMale.end()) k.gender = 'm';
  }
  if (k.gender != 0 || q.spans.empty() || q.kind == quote_kind::direct) return;
  const std::uint32_t first = doc_.token_at(q.spans.front().begin);
  if (first >= tok_.size() || !is_word(first)) return;
  const lowered w = lower(first);
  if (w == "she" || w == "her") k.gender = 'f';
  if (w == "he" || w == "his") k.gender = 'm';
}

std::uint32_t resolver::resolve_pronoun(std::uint32_t c, byte_range mention) {
  const auto para_of = [this](std::uint32_t byte) {
    return doc_.sentences()[doc_.sentence_of_token(doc_.token_at(byte))].paragraph;
  };
  const std::uint32_t para = para_of(mention.begin);
  const bool recent_speaker = last_speaker_ != npos && last_speaker_paragraph_ + 1 >= para;
  if ((c & (wc_he | wc_she)) != 0) {
    const char want = (c & wc_she) != 0 ? 'f' : 'm';
    const auto fits = [want](const known& k) {
      return k.kind == entity_kind::person && (k.gender == 0 || k.gender == want);
    };
    if (recent_speaker && fits(ents_[last_speaker_])) return last_speaker_;
    // The most recent speaker who fits, else the most recent person who does.
    const std::uint32_t speaker = most_recent(mention.begin, [&](const known& k) { return k.speaker && fits(k); });
    if (speaker != no_entity) return speaker;
    return most_recent(mention.begin, fits);
  }
  if ((c & (wc_they | wc_we)) != 0) {
    if (recent_speaker && ents_[last_speaker_].kind != entity_kind::person) return last_speaker_;
    return most_recent(mention.begin, [](const known& k) {
      return k.kind == entity_kind::group || k.kind == entity_kind::organisation || k.plural;
    });
  }
  if ((c & wc_it) != 0) {
    if (recent_speaker && ents_[last_speaker_].kind == entity_kind::organisation) return last_speaker_;
    return most_recent(mention.begin, [](const known& k) { return k.kind == entity_kind::organisation; });
  }
  return no_entity;
}

}  // namespace sayso::detail
