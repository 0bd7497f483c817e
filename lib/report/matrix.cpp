// The report's speakers (one per canonical name across documents) and the "who stands where"
// matrix: speakers down, terms across, each cell the labels with links to the quotes that carry
// them.
#include <cstddef>
#include <string>
#include <utility>

#include "report/view.hpp"

namespace sayso::detail::report_view {

std::size_t speaker_registry::of(const report_document& d, std::size_t doc, const quote& q) {
  std::string key;
  speaker_info info;
  const analysis& a = d.result;
  if (q.speaker && q.speaker->entity != no_entity && q.speaker->entity < a.entities.size()) {
    const entity& e = a.entities[q.speaker->entity];
    info.name = clean_utf8(e.name);
    info.kind = str(to_string(e.kind));
    key = fold(info.name);
  }
  if (key.empty() && q.speaker && !clip(q.speaker->mention, d.text).empty()) {
    info.name = "“" + slice(d.text, q.speaker->mention) + "”";
    info.kind = "unresolved";
    key = "\x01" + std::to_string(doc) + "\x01" + fold(info.name);
  }
  if (key.empty()) {
    info.name = "unknown speaker";
    info.kind = "unattributed";
    key = "\x01" + std::to_string(doc) + "\x01?";
  }
  const auto [it, added] = index_.try_emplace(key, speakers_.size());
  if (added) {
    info.colour = speakers_.size() % kColours;
    speakers_.push_back(std::move(info));
  }
  return it->second;
}

void matrix_builder::add_stance(std::size_t speaker, const std::string& term, stance_label label, const quote_ref& ref) {
  row_data& r = row_of(speaker);
  const std::size_t col = terms_.find(term);
  if (r.cells.size() <= col) r.cells.resize(terms_.all().size());
  auto& refs = r.cells[col][static_cast<std::size_t>(label)];
  // A quote counts once per label, however many times it states it.
  if (refs.empty() || refs.back().href != ref.href) refs.push_back(ref);
}

data matrix_builder::build(std::string caption) const {
  data columns{data::type::list};
  for (const auto& [id, description] : terms_.all()) {
    data parts{data::type::list};
    // Break points after underscores keep long ids (territorial_concession) narrow.
    std::size_t start = 0;
    while (start <= id.size()) {
      const std::size_t us = id.find('_', start);
      const bool last = us == std::string::npos;
      data part;
      part.set("part", last ? id.substr(start) : id.substr(start, us - start + 1));
      part.set("last", last);
      parts.push_back(part);
      if (last) break;
      start = us + 1;
    }
    data c;
    c.set("id", id);
    c.set("description", description.empty() ? id : description);
    c.set("parts", parts);
    columns.push_back(c);
  }
  // Speakers with a stance are rows; the others are listed below the table, so that the
  // matrix stays small enough to take in at a glance.
  data rows{data::type::list};
  data silent{data::type::list};
  for (const std::size_t s : order_) {
    const row_data& r = rows_.at(s);
    const speaker_info& who = speakers_[s];
    data cells{data::type::list};
    std::size_t row_stances = 0;
    for (std::size_t col = 0; col < terms_.all().size(); ++col) {
      data chips{data::type::list};
      bool any = false;
      if (col < r.cells.size()) {
        for (const stance_label label : kLabels) {
          const auto& refs = r.cells[col][static_cast<std::size_t>(label)];
          if (refs.empty()) continue;
          any = true;
          ++row_stances;
          data links{data::type::list};
          for (const quote_ref& ref : refs) {
            data l;
            l.set("href", ref.href);
            l.set("text", ref.text);
            links.push_back(l);
          }
          data chip;
          chip.set("label", str(to_string(label)));
          chip.set("symbol", str(label_symbol(label)));
          chip.set("count", std::to_string(refs.size()));
          chip.set("plural", refs.size() != 1);
          chip.set("refs", links);
          chips.push_back(chip);
        }
      }
      data cell;
      cell.set("term", terms_.all()[col].first);
      cell.set("speaker", who.name);
      cell.set("empty", !any);
      cell.set("chips", chips);
      cells.push_back(cell);
    }
    data rw;
    rw.set("name", who.name);
    rw.set("kind", who.kind);
    rw.set("colour", std::to_string(colours_ != nullptr ? colours_->at(s) : who.colour));
    rw.set("quotes", std::to_string(r.quotes));
    rw.set("plural", r.quotes != 1);
    rw.set("cells", cells);
    (row_stances > 0 ? rows : silent).push_back(rw);
  }
  data m;
  m.set("caption", std::move(caption));
  m.set("columns", columns);
  m.set("has_speakers", !order_.empty());
  m.set("has_rows", !rows.is_empty_list());
  m.set("has_silent", !silent.is_empty_list());
  m.set("rows", rows);
  m.set("silent", silent);
  return m;
}

}  // namespace sayso::detail::report_view
