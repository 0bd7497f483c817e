// Speaker resolution, part 3: personal pronouns and the gender evidence they use.
#include "entities/resolver_impl.hpp"

namespace sayso::detail {

// Gender evidence: a gendered title in the mention ("Mrs.", "spokeswoman"; speakers.toml
// [gender]), or the content opening with a pronoun for the speaker ("Kowal said she had
// waited ...").
void resolver::learn_gender(known& k, const attributed_quote& q) const {
  for (std::uint32_t t = q.source->first; t < q.source->end; ++t) {
    if (!is_word(t)) continue;
    if (const char g = gender_of(t); g != 0) k.gender = g;
  }
  if (k.gender != 0 || q.spans.empty() || q.kind == quote_kind::direct) return;
  const std::uint32_t first = doc_.token_at(q.spans.front().begin);
  if (first >= tok_.size() || !is_word(first)) return;
  k.gender = pronoun_gender_of(first);
}

void resolver::gender_in_sentence(std::uint32_t e, std::span<const std::uint32_t> run,
                                  std::span<const std::uint32_t> described) {
  known& k = ents_[e];
  if (k.gender != 0) return;
  // A title or role noun before the name ("Mrs. Holm", "spokeswoman X").
  for (const auto* words : {&run, &described}) {
    for (const std::uint32_t t : *words) {
      if ((cls(t) & (wc_title | wc_role)) == 0) continue;
      if (const char g = gender_of(t); g != 0) k.gender = g;
    }
  }
  if (k.gender != 0) return;
  // The first personal pronoun after the name in its sentence, before any other name: "Holm, for
  // her part, sided with the mayor."
  const std::uint32_t end = sentence_of(run.back()).end_token;
  for (std::uint32_t t = run.back() + 1; t < end && t < run.back() + 30; ++t) {
    if (!is_word(t) || in_quote_[t]) continue;
    if (cap(t) && (cls(t) & (wc_determiner | wc_title | wc_pronoun)) == 0) return;
    if ((cls(t) & (wc_he | wc_she | wc_possessive)) == 0) continue;
    if (const char g = pronoun_gender_of(t); g != 0) {
      k.gender = g;
      return;
    }
  }
}

std::uint32_t resolver::paragraph_of(std::uint32_t byte) const {
  return sentence_of(doc_.token_at(byte)).paragraph;
}

// "..., his office said", "her campaign said", "their lawyers said" (speakers.toml [owned]): the
// body or aide of whom the possessive refers to, as a pronoun would, named after its owner
// ("Ilse Marrow's office"). No owner: the mention is resolved as written.
std::uint32_t resolver::owned_by(std::uint32_t pronoun, std::uint32_t head, byte_range mention) {
  const std::string_view p = lower(pronoun);
  const std::uint32_t c = p == "his" ? wc_he : p == "her" ? wc_she : p == "their" ? wc_they : p == "its" ? wc_it : 0;
  if (c == 0) return no_entity;
  const std::uint32_t owner = resolve_pronoun(c, mention);
  if (owner == no_entity || ents_[owner].name.empty()) return no_entity;
  std::string name = ents_[owner].name;
  if (name.rfind("The ", 0) == 0 || name.rfind("the ", 0) == 0) name.erase(0, 4);
  name += name.back() == 's' ? "' " : "'s ";
  name += lower(head);
  const std::uint32_t e = add_org(name, mention);
  // (An aide is a person of the owner's, not an organisation: "his spokesman", "her lawyers".)
  if ((cls(head) & wc_org) == 0 && (cls(head) & (wc_role | wc_title)) != 0) {
    ents_[e].kind = plural(head) ? entity_kind::group : entity_kind::anonymous;
    ents_[e].plural = plural(head);
  }
  return e;
}

// Whether k's latest mention before `before` lies in the content that opens at content_before_,
// after a verb or auxiliary of it (an object or complement, not the content's subject).
bool resolver::object_in_content(const known& k, std::uint32_t before) const {
  const std::uint32_t end = last_before(k, before);
  if (end <= content_before_) return false;
  std::uint32_t begin = end;
  for (const byte_range& m : k.mentions) {
    if (m.end == end) begin = std::min(begin, m.begin);
  }
  for (std::uint32_t t = doc_.token_at(content_before_); t < tok_.size() && tok_[t].range.begin < begin; ++t) {
    if (is_word(t) && !cap(t) && !in_quote_[t] && (cls(t) & (wc_auxiliary | wc_verb | wc_cue)) != 0) return true;
  }
  return false;
}

std::uint32_t resolver::resolve_pronoun(std::uint32_t c, byte_range mention) {
  const std::uint32_t para = paragraph_of(mention.begin);
  const bool recent_speaker = last_speaker_ != npos && last_speaker_paragraph_ + 1 >= para;
  if ((c & (wc_he | wc_she)) != 0) {
    const char want = (c & wc_she) != 0 ? 'f' : 'm';
    // An anonymous source that spoke last, in this paragraph or the one before, with no person
    // named since ("A senior official said ... He said"; not "A reporter asked X ... He replied").
    if (recent_speaker && !last_speaker_asked_ && ents_[last_speaker_].kind == entity_kind::anonymous &&
        personal(ents_[last_speaker_]) &&
        (ents_[last_speaker_].gender == 0 || ents_[last_speaker_].gender == want)) {
      const std::uint32_t person =
          most_recent(mention.begin, [](const known& k) { return k.kind == entity_kind::person; });
      if (person == no_entity ||
          last_before(ents_[person], mention.begin) <= last_before(ents_[last_speaker_], mention.begin) ||
          (content_before_ < mention.begin && object_in_content(ents_[person], mention.begin))) {
        if (ents_[last_speaker_].gender == 0) ents_[last_speaker_].gender = want;
        return last_speaker_;
      }
    }
    const auto fits = [want](const known& k) {
      return k.kind == entity_kind::person && (k.gender == 0 || k.gender == want);
    };
    std::uint32_t e = he_or_she(mention, para, want, fits);
    if (e == no_entity) e = most_recent(mention.begin, fits);
    // "One contact has been X, he said": a person the content names after a verb is not who
    // "he" is; look before the content ("X was shocked, she said" keeps its subject).
    if (e != no_entity && content_before_ < mention.begin && object_in_content(ents_[e], mention.begin)) {
      const byte_range before{content_before_, content_before_};
      content_before_ = npos;
      if (const std::uint32_t earlier = resolve_pronoun(c, before); earlier != no_entity) return earlier;
    }
    // The text shows the person's gender.
    if (e != no_entity && ents_[e].gender == 0) ents_[e].gender = want;
    return e;
  }
  if ((c & (wc_they | wc_we)) != 0) {
    // A group or two parties named together in this paragraph or the one before come first for
    // "they" ("Armenia and Azerbaijan signed the text in Washington. They said"; "Kurdish officials
    // said ... Turkey denied it. They said"); then the body that spoke last, then any body.
    const std::uint32_t group = most_recent(mention.begin, [](const known& k) {
      return (k.kind == entity_kind::group || k.plural) && k.kind != entity_kind::person;
    });
    const auto near = [&](std::uint32_t e) {
      const std::uint32_t seen = e == no_entity ? 0 : last_before(ents_[e], mention.begin);
      return seen > 1 && paragraph_of(seen - 1) + 1 >= para;
    };
    const bool singular_speaker = recent_speaker && ents_[last_speaker_].kind != entity_kind::person &&
                                  !ents_[last_speaker_].plural && ents_[last_speaker_].kind != entity_kind::group;
    if ((c & wc_they) != 0 && near(group) && (!recent_speaker || singular_speaker)) return group;
    if (recent_speaker && ents_[last_speaker_].kind != entity_kind::person) return last_speaker_;
    return most_recent(mention.begin, [](const known& k) {
      return k.kind == entity_kind::group || k.kind == entity_kind::organisation || k.plural;
    });
  }
  if ((c & wc_it) != 0) {
    // "The agreement calls for ..., according to the agency. It also calls for ...": the document
    // the sentence was about, not the source "according to" gave it.
    if (recent_speaker && last_speaker_according_) {
      const std::uint32_t doc = most_recent(last_speaker_pos_, [this](const known& k) { return document_source(k); });
      if (doc != no_entity) {
        const std::uint32_t seen = last_before(ents_[doc], last_speaker_pos_);
        if (seen > 1 && doc_.sentence_of_token(doc_.token_at(seen - 1)) ==
                            doc_.sentence_of_token(doc_.token_at(last_speaker_pos_ - 1))) {
          return doc;
        }
      }
    }
    // An organisation named before it in its sentence ("The military had no comment, but it has
    // denied ..."), else the latest organisation that spoke.
    const std::uint32_t sentence_begin = tok_[doc_.sentences()[doc_.sentence_of_token(doc_.token_at(mention.begin))].first_token].range.begin;
    const std::uint32_t here = most_recent(mention.begin, [](const known& k) { return k.kind == entity_kind::organisation; });
    if (here != no_entity && last_before(ents_[here], mention.begin) > sentence_begin) return here;
    if (recent_speaker && (ents_[last_speaker_].kind == entity_kind::organisation || document_source(ents_[last_speaker_]))) {
      return last_speaker_;
    }
    return most_recent(mention.begin, [](const known& k) { return k.kind == entity_kind::organisation; });
  }
  return no_entity;
}

}  // namespace sayso::detail
