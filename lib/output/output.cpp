// Output: JSON in FORMAT.md's prediction format, and a table for people.
#include <sayso/output.hpp>

#include <array>
#include <cstdio>
#include <sstream>

#include "output/json_writer.hpp"

SAYSO_BEGIN_NAMESPACE



namespace {

void write_range(detail::json_writer& w, const offset_map& map, byte_range r, offset_unit unit) {
  w.begin_array();
  if (unit == offset_unit::utf8) {  // bytes are sayso's own unit: no conversion (no map is built)
    w.number(std::uint64_t{r.begin});
    w.number(std::uint64_t{r.end});
  } else {
    w.number(map.from_byte(r.begin, unit));
    w.number(map.from_byte(r.end, unit));
  }
  w.end_array();
}

void write_stance(detail::json_writer& w, const offset_map& map, const stance& s, offset_unit unit) {
  w.begin_object();
  w.key("term");
  w.string(s.term);
  w.key("label");
  w.string(to_string(s.label));
  w.key("confidence");
  w.number(static_cast<double>(s.confidence));
  w.key("evidence");
  w.begin_array();
  for (const byte_range& r : s.evidence) write_range(w, map, r, unit);
  w.end_array();
  w.key("condition");
  if (s.condition) {
    write_range(w, map, *s.condition, unit);
  } else {
    w.null();
  }
  w.key("holder");
  if (s.holder != no_entity) {
    w.number(std::uint64_t{s.holder});
  } else {
    w.null();
  }
  w.end_object();
}

std::string quote_text(std::string_view text, const quote& q) {
  std::string out;
  for (const byte_range& r : q.content) {
    if (!out.empty()) out += " … ";
    out += r.of(text);
  }
  return out;
}

}  // namespace

std::string to_json(std::string_view id, std::string_view text, const analysis& result,
                    const output_options& options) {
  std::string out;
  // About what it will take (most go to the quotes' texts and spans), so that it rarely grows.
  std::size_t expected = 256 + result.quotes.size() * 512 + result.entities.size() * 128;
  for (const quote& q : result.quotes) {
    for (const byte_range& r : q.content) expected += r.size() + r.size() / 8;
  }
  out.reserve(expected);
  detail::json_writer w(out);
  offset_map map;
  if (options.offsets != offset_unit::utf8) map.assign(text);
  const offset_unit unit = options.offsets;
  w.begin_object();
  w.key("id");
  w.string(id);
  w.key("quotes");
  w.begin_array();
  for (const quote& q : result.quotes) {
    w.begin_object();
    w.key("kind");
    w.string(to_string(q.kind));
    w.key("spans");
    w.begin_array();
    for (const byte_range& r : q.content) write_range(w, map, r, unit);
    w.end_array();
    if (options.include_text) {
      w.key("text");
      w.string(quote_text(text, q));
    }
    w.key("speaker");
    if (q.speaker) {
      w.begin_object();
      w.key("name");
      if (q.speaker->entity != no_entity) {
        w.string(result.entities[q.speaker->entity].name);
      } else {
        w.null();
      }
      w.key("mention");
      if (!q.speaker->mention.empty()) {
        w.begin_object();
        w.key("span");
        write_range(w, map, q.speaker->mention, unit);
        if (options.include_text) {
          w.key("text");
          w.string(q.speaker->mention.of(text));
        }
        w.end_object();
      } else {
        w.null();
      }
      w.key("entity");
      if (q.speaker->entity != no_entity) {
        w.number(std::uint64_t{q.speaker->entity});
      } else {
        w.null();
      }
      w.end_object();
    } else {
      w.null();
    }
    w.key("cue");
    if (q.cue) {
      w.begin_object();
      w.key("span");
      write_range(w, map, q.cue->range, unit);
      if (options.include_text) {
        w.key("text");
        w.string(q.cue->range.of(text));
      }
      w.key("kind");
      w.string(to_string(q.cue->kind));
      w.end_object();
    } else {
      w.null();
    }
    // The speaker's own stances, then the positions of parties the quote reports on.
    for (const bool reported : {false, true}) {
      w.key(reported ? "reported_stance" : "stance");
      w.begin_array();
      for (const stance& s : q.stances) {
        if (s.reported == reported) write_stance(w, map, s, unit);
      }
      w.end_array();
    }
    w.key("closed");
    w.boolean(q.closed);
    w.key("belief");
    w.boolean(q.belief);
    w.key("confidence");
    w.number(static_cast<double>(q.confidence));
    w.end_object();
  }
  w.end_array();
  w.key("entities");
  w.begin_array();
  for (const entity& e : result.entities) {
    w.begin_object();
    w.key("name");
    w.string(e.name);
    w.key("kind");
    w.string(to_string(e.kind));
    w.key("mentions");
    w.begin_array();
    for (const byte_range& r : e.mentions) write_range(w, map, r, unit);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

std::string to_table(std::string_view id, std::string_view text, const analysis& result) {
  std::ostringstream os;
  os << "== " << id << ": " << result.quotes.size() << " quote" << (result.quotes.size() == 1 ? "" : "s") << '\n';
  std::size_t n = 0;
  for (const quote& q : result.quotes) {
    ++n;
    std::string who = "(unknown)";
    if (q.speaker && q.speaker->entity != no_entity) {
      who = result.entities[q.speaker->entity].name;
    } else if (q.speaker && !q.speaker->mention.empty()) {
      who = std::string(q.speaker->mention.of(text));
    }
    os << n << ". " << who << " [" << to_string(q.kind) << (q.belief ? ", belief" : "")
       << (q.closed ? "" : ", unclosed") << "]";
    if (q.cue) os << " cue: " << q.cue->range.of(text);
    os << '\n';
    std::string content = quote_text(text, q);
    for (char& c : content) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    std::string safe;
    detail::json_writer(safe).string(content);  // sanitises ill-formed UTF-8
    os << "   " << safe << '\n';
    if (!q.stances.empty()) {
      os << "   stance:";
      for (const stance& s : q.stances) {
        os << ' ' << s.term << '=' << to_string(s.label);
        if (s.reported && s.holder != no_entity) os << " (held by " << result.entities[s.holder].name << ')';
      }
      os << '\n';
    }
  }
  return os.str();
}

SAYSO_END_NAMESPACE  // sayso::v1
