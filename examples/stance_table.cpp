// Who stands where: analyse a news text and print a table with the speakers down, the terms
// across and each speaker's position in the cells. Usage: stance_table [FILE] (UTF-8 text;
// without FILE, a short built-in article about invented ceasefire talks).
//
// A speaker quoted several times gets the label their quotes agree on; a neutral mention gives
// way to a position, and positions that disagree show as "mixed". A party whose position a
// speaker reports ("Russia is not ready to stop fighting") gets a row of its own, marked
// "(reported)".
#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/sayso.hpp>

namespace {

constexpr std::string_view built_in_article =
    "Karvo talks resume with old demands\n"
    "\n"
    "Delegations from Dalmeria and Tesland met in Karvo on Monday for a second round of talks, mediated "
    "by the envoy Piet Varga.\n"
    "\n"
    "Dalmerian Foreign Minister Ilse Marten called for an immediate ceasefire without preconditions. "
    "“We are ready for talks at any level,” Marten told reporters.\n"
    "\n"
    "Tesland's president, Kasimir Dorn, struck a harder tone. “A ceasefire should not mean "
    "capitulation,” Dorn said. “We will never give up our land.”\n"
    "\n"
    "Varga said the talks would resume on Thursday. “We propose a prisoner exchange before the "
    "winter,” he added.\n"
    "\n"
    "“We have no intention of lifting sanctions,” one senior Dalmerian official said.\n";

// The word shown in a cell.
std::string_view cell_word(sayso::stance_label label) {
  switch (label) {
    case sayso::stance_label::support: return "support";
    case sayso::stance_label::oppose: return "oppose";
    case sayso::stance_label::conditional: return "cond.";
    case sayso::stance_label::neutral: return "neutral";
  }
  return "?";
}

// Merges a new label into a cell: positions win over neutral, disagreeing positions are "mixed".
void merge(std::string& cell, sayso::stance_label label) {
  const std::string_view word = cell_word(label);
  if (cell.empty() || cell == "neutral") {
    cell = word;
  } else if (label != sayso::stance_label::neutral && cell != word) {
    cell = "mixed";
  }
}

// The row name of a stance's holder: the entity's canonical name, or the speaker mention's words
// when the speaker could not be resolved.
std::string holder_row(const sayso::analysis& result, const sayso::quote& q, const sayso::stance& s,
                       std::string_view text) {
  std::string name;
  if (s.holder != sayso::no_entity && s.holder < result.entities.size()) {
    name = result.entities[s.holder].name;
  } else if (!s.reported && q.speaker && !q.speaker->mention.empty()) {
    name = q.speaker->mention.of(text);
  } else {
    name = "(unknown)";
  }
  return s.reported ? name + " (reported)" : name;
}

void pad(std::string_view s, std::size_t width) {
  std::cout << s;
  for (std::size_t i = s.size(); i < width; ++i) std::cout << ' ';
}

}  // namespace

int main(int argc, char** argv) {
  std::string text(built_in_article);
  if (argc > 1) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::cerr << "stance_table: cannot open " << argv[1] << '\n';
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  try {
    const sayso::pipeline pipeline;  // default English news lexicons and the ten ceasefire terms
    const sayso::analysis result = pipeline.analyze(text);

    // Rows in order of first appearance; cells keyed by term id.
    std::vector<std::string> rows;
    std::map<std::string, std::map<std::string, std::string>> cells;
    std::vector<bool> term_used(pipeline.terms().terms().size(), false);
    for (const sayso::quote& q : result.quotes) {
      for (const sayso::stance& s : q.stances) {
        const std::string row = holder_row(result, q, s, text);
        if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
        merge(cells[row][s.term], s.label);
        for (std::size_t t = 0; t < term_used.size(); ++t) {
          if (pipeline.terms().terms()[t].id == s.term) term_used[t] = true;
        }
      }
    }

    // Columns: the terms some quote takes a position on, in the lexicon's order.
    std::vector<std::string_view> columns;
    for (std::size_t t = 0; t < term_used.size(); ++t) {
      if (term_used[t]) columns.push_back(pipeline.terms().terms()[t].id);
    }

    std::size_t first_width = std::string_view("speaker").size();
    for (const std::string& r : rows) first_width = std::max(first_width, r.size());
    std::vector<std::size_t> widths;
    for (const std::string_view c : columns) widths.push_back(std::max<std::size_t>(c.size(), 7));

    // The last column is not padded, so that lines carry no trailing space.
    const auto width_of = [&](std::size_t c) { return c + 1 == columns.size() ? 0 : widths[c]; };
    pad("speaker", first_width);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::cout << " | ";
      pad(columns[c], width_of(c));
    }
    std::cout << '\n' << std::string(first_width, '-');
    for (const std::size_t w : widths) std::cout << "-+-" << std::string(w, '-');
    std::cout << '\n';
    for (const std::string& r : rows) {
      pad(r, first_width);
      for (std::size_t c = 0; c < columns.size(); ++c) {
        std::cout << " | ";
        const auto& row = cells[r];
        const auto cell = row.find(std::string(columns[c]));
        pad(cell == row.end() ? "-" : std::string_view(cell->second), width_of(c));
      }
      std::cout << '\n';
    }
    std::cout << result.quotes.size() << " quote" << (result.quotes.size() == 1 ? "" : "s") << ", "
              << rows.size() << " stance holder" << (rows.size() == 1 ? "" : "s") << '\n';
  } catch (const sayso::error& e) {  // only for input of 2 GiB or more
    std::cerr << "stance_table: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
