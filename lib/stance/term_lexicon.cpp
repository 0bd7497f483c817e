// Term lexicons: loading, validation and compilation of the RE2 expressions.
#include "stance/compiled.hpp"
#include "stance/prebuilt.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <re2/filtered_re2.h>
#include <toml++/toml.h>
#include <unicode/utf8.h>

#include <sayso/error.hpp>

namespace sayso {

namespace detail {
extern const std::string_view ceasefire_terms_toml;  // generated from lexicons/ceasefire.toml
extern const std::string_view stance_cues_toml;      // generated from lexicons/stance.toml
// The compiled form of both (prebuilt.hpp), written at build time by lexgen.
extern const std::string_view ceasefire_compiled;
}  // namespace detail

using detail::compiled_terms;

namespace {

[[noreturn]] void fail(std::string_view name, std::uint32_t line, const std::string& what) {
  std::ostringstream msg;
  msg << name << ':' << line << ": " << what;
  throw error(errc::lexicon, msg.str());
}

// An expression as written in a lexicon, turned into RE2 syntax: a space matches any run of
// white space and double quotation marks, and an apostrophe matches ' or ’.
std::string to_re2(std::string_view expr) {
  std::string out;
  for (char c : expr) {
    if (c == ' ') {
      // White space, and double quotation marks inside a mixed quote ("“full-scale
      // resumption” of war").
      out += "(?:\\s|\"|\xE2\x80\x9C|\xE2\x80\x9D)+";
    } else if (c == '\'') {
      out += "(?:'|\xE2\x80\x99)";
    } else {
      out += c;
    }
  }
  return out;
}

// A pattern that never matches (a term without opposites, an empty list in a set).
constexpr std::string_view kNever = "[^\\x00-\\x{10FFFF}]";

RE2::Options expression_options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

// The expressions as one RE2 pattern, \b(?:e1|e2|...)\b ("" for none).
std::string alternatives(const std::vector<std::string>& exprs) {
  std::string all;
  for (const std::string& e : exprs) {
    if (!all.empty()) all += '|';
    all += to_re2(e);
  }
  return all.empty() ? all : "\\b(?:" + all + ")\\b";
}

// The expressions as one RE2 (\b(?:e1|e2|...)\b), compiled on first use (see lazy.hpp). When
// `check`, each expression is compiled alone, so that an error names its line (a combined pattern
// may compile when a part does not: "[a" and "b]"), then the whole (kept). The lexicons built into
// sayso are not checked at run time (the tests check them): `check` is false for them.
detail::lazy_re2 compile_alternatives(const std::vector<std::string>& exprs, const std::vector<std::uint32_t>& lines,
                                      std::string_view name, std::string_view what, bool check) {
  const RE2::Options options = expression_options();
  if (check) {
    re2::FilteredRE2 checked;
    for (std::size_t i = 0; i < exprs.size(); ++i) {
      const std::string one = to_re2(exprs[i]);
      int id = 0;
      if (checked.Add("\\b(?:" + one + ")\\b", options, &id) != RE2::NoError) {
        const RE2 failed("\\b(?:" + one + ")\\b", options);  // (FilteredRE2 keeps no failed expression)
        fail(name, lines[i], std::string(what) + " expression '" + exprs[i] + "' is not a valid RE2 expression: " +
                                 failed.error());
      }
      if (checked.GetRE2(id).NumberOfCapturingGroups() > 0) {
        fail(name, lines[i], std::string(what) + " expression '" + exprs[i] +
                                 "' has a capturing group: use (?:...) instead");
      }
    }
  }
  detail::lazy_re2 re(alternatives(exprs), options);
  if (check && re) {
    auto compiled = std::make_unique<RE2>(re.pattern(), options);
    if (!compiled->ok()) {
      fail(name, lines.empty() ? 1 : lines.front(), std::string(what) + " expressions do not compile: " + compiled->error());
    }
    re.adopt(std::move(compiled));
  }
  return re;
}

// Like compile_alternatives, anchored: `where` is "end" ((?:…)\s*$, the text before a mention)
// or "start" (^\s*(?:…), the text after it).
detail::lazy_re2 compile_anchored(const std::vector<std::string>& exprs, const std::vector<std::uint32_t>& lines,
                                  std::string_view name, std::string_view what, std::string_view where, bool check) {
  // (Checked, the plain expressions are compiled first, so that an error says what it says of them.)
  std::string p = check ? compile_alternatives(exprs, lines, name, what, true).pattern() : alternatives(exprs);
  if (p.empty()) return {};
  // The word boundary on the anchored side is dropped: the text before a mention ends, and the
  // text after it starts, with white space, so "trade " must match "a trade deal" before "deal".
  if (where == "end") {
    p.resize(p.size() - 2);  // the trailing \b
  } else {
    p.erase(0, 2);  // the leading \b
  }
  const RE2::Options options = expression_options();
  detail::lazy_re2 re(where == "end" ? "(?:" + p + ")\\s*$" : "^\\s*(?:" + p + ")", options);
  if (check) {
    auto compiled = std::make_unique<RE2>(re.pattern(), options);
    if (!compiled->ok()) fail(name, lines.front(), std::string(what) + " expressions do not compile: " + compiled->error());
    re.adopt(std::move(compiled));
  }
  return re;
}

void read_strings(const toml::node& node, std::string_view name, std::string_view what,
                  std::vector<std::string>& out, std::vector<std::uint32_t>& lines) {
  const toml::array* arr = node.as_array();
  if (arr == nullptr) fail(name, node.source().begin.line, std::string(what) + " must be an array of strings");
  for (const toml::node& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr || s->get().empty()) {
      fail(name, item.source().begin.line, std::string(what) + " must hold non-empty strings");
    }
    out.push_back(s->get());
    lines.push_back(item.source().begin.line);
  }
}

void load_stance(const toml::table& table, std::string_view name, compiled_terms& c, bool check) {
  struct field {
    std::string_view key;
    detail::lazy_re2 compiled_terms::*member;
  };
  const field fields[] = {
      {"support", &compiled_terms::support},
      {"oppose", &compiled_terms::oppose},
      {"praise", &compiled_terms::praise},
      {"condemn", &compiled_terms::condemn},
      {"undermine", &compiled_terms::undermine},
      {"conditional", &compiled_terms::conditional},
      {"neutral", &compiled_terms::neutral},
      {"negation", &compiled_terms::negation},
      {"pseudo_negation", &compiled_terms::pseudo_negation},
      {"uncertain", &compiled_terms::uncertain},
      {"terminators", &compiled_terms::terminators},
  };
  for (const auto& [key, node] : table) {
    const auto f = std::find_if(std::begin(fields), std::end(fields),
                                [k = key.str()](const field& x) { return x.key == k; });
    if (f == std::end(fields)) {
      fail(name, node.source().begin.line,
           "unknown key '" + std::string(key.str()) +
               "' in [stance] (support, oppose, praise, condemn, undermine, conditional, neutral, negation, pseudo_negation, "
               "uncertain, terminators)");
    }
    std::vector<std::string> exprs;
    std::vector<std::uint32_t> lines;
    read_strings(node, name, "[stance] " + std::string(key.str()), exprs, lines);
    c.*(f->member) = compile_alternatives(exprs, lines, name, "[stance] " + std::string(key.str()), check);
  }
}

// A term id named by a context's document_first_of, resolved once every term is read.
struct pending_id {
  std::size_t context;
  std::string id;
  std::uint32_t line;
};

// [[term.contexts]]: expressions of term `term` that count only where their conditions hold.
void load_contexts(const toml::node& node, std::string_view name, std::size_t term, const std::string& id,
                   compiled_terms& c, std::vector<pending_id>& pending_ids, bool check) {
  const toml::array* arr = node.as_array();
  if (arr == nullptr) fail(name, node.source().begin.line, "term contexts must be an array of tables ([[term.contexts]])");
  for (const toml::node& item : *arr) {
    const toml::table* t = item.as_table();
    const std::uint32_t line = item.source().begin.line;
    if (t == nullptr) fail(name, line, "each [[term.contexts]] must be a table");
    compiled_terms::context ctx;
    ctx.term = term;
    const std::string what = "term '" + id + "' context";
    for (const auto& [key, value] : *t) {
      if (key.str() == "opposite") {
        const auto* b = value.as_boolean();
        if (b == nullptr) fail(name, value.source().begin.line, what + " opposite must be true or false");
        ctx.opposite = b->get();
        continue;
      }
      if (key.str() == "document_mentions") {
        const auto* n = value.as_integer();
        if (n == nullptr || n->get() < 1 || n->get() > 1000) {
          fail(name, value.source().begin.line, what + " document_mentions must be an integer from 1 to 1000");
        }
        ctx.document_mentions = static_cast<std::uint32_t>(n->get());
        continue;
      }
      std::vector<std::string> exprs;
      std::vector<std::uint32_t> lines;
      read_strings(value, name, what + " " + std::string(key.str()), exprs, lines);
      if (key.str() == "document_first_of") {
        // Term ids, resolved once all terms are read.
        for (std::size_t i = 0; i < exprs.size(); ++i) {
          pending_ids.push_back({c.contexts.size(), exprs[i], lines[i]});
        }
      } else if (key.str() == "expressions") {
        ctx.expressions = compile_alternatives(exprs, lines, name, what, check);
      } else if (key.str() == "sentence_has") {
        ctx.sentence_has = compile_alternatives(exprs, lines, name, what + " sentence_has", check);
      } else if (key.str() == "quote_has") {
        ctx.quote_has = compile_alternatives(exprs, lines, name, what + " quote_has", check);
      } else if (key.str() == "before") {
        ctx.before = compile_anchored(exprs, lines, name, what + " before", "end", check);
      } else if (key.str() == "not_before") {
        ctx.not_before = compile_anchored(exprs, lines, name, what + " not_before", "end", check);
      } else if (key.str() == "not_after") {
        ctx.not_after = compile_anchored(exprs, lines, name, what + " not_after", "start", check);
      } else if (key.str() == "after") {
        ctx.after = compile_anchored(exprs, lines, name, what + " after", "start", check);
      } else {
        fail(name, value.source().begin.line,
             "unknown key '" + std::string(key.str()) +
                 "' in [[term.contexts]] (expressions, opposite, sentence_has, quote_has, before, not_before, after, not_after, "
                 "document_mentions, document_first_of)");
      }
    }
    if (!ctx.expressions) fail(name, line, what + " has no expressions");
    c.contexts.push_back(std::move(ctx));
  }
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char ch : id) {
    const auto c = static_cast<unsigned char>(ch);
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

// toml++ 3.3.0 (Debian 12) reaches __builtin_unreachable (undefined behaviour) when it tests
// some non-ASCII characters for white space (U+00A1..U+0499, such as 'é', and U+FBC6..U+FEFE:
// its table has holes), which it does outside strings and when it reads past a malformed value
// into a string ('a = 1"é"'). So toml++ is only given ASCII, with the same meaning and the same
// line numbers: non-ASCII characters in strings become \u escapes (a literal string becomes the
// basic string with the same value), those in comments become '?', and any elsewhere, where
// TOML allows none, are refused, as is ill-formed UTF-8.
std::string ascii_toml(std::string_view text, std::string_view name) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::uint32_t line = 1;
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  // The code point at i (non-ASCII), i moved past it.
  const auto next_code_point = [&]() {
    auto at = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) fail(name, line, "ill-formed UTF-8");
    i = static_cast<std::size_t>(at);
    return c;
  };
  const auto escape = [&](UChar32 c) {
    std::array<char, 16> buffer{};
    const int n = c > 0xFFFF ? std::snprintf(buffer.data(), buffer.size(), "\\U%08X", static_cast<unsigned>(c))
                             : std::snprintf(buffer.data(), buffer.size(), "\\u%04X", static_cast<unsigned>(c));
    out.append(buffer.data(), static_cast<std::size_t>(n));
  };
  const auto run_of = [&](char quote) {
    std::size_t n = 0;
    while (i + n < text.size() && text[i + n] == quote) ++n;
    return n;
  };
  // A string opened by `quote` at i (basic: '"', literal: '\''); multi-line when tripled.
  const auto string = [&](char quote) {
    const bool literal = quote == '\'';
    const bool multiline = run_of(quote) >= 3;
    i += multiline ? 3 : 1;
    out += multiline ? "\"\"\"" : "\"";
    while (i < text.size()) {
      const char c = text[i];
      if (c == quote) {
        const std::size_t n = multiline ? run_of(quote) : 1;
        if (n >= 3 || !multiline) {
          // Up to two quotes before the closing three belong to the string.
          const std::size_t inside = multiline ? std::min<std::size_t>(n - 3, 2) : 0;
          out.append(inside, quote);
          out += multiline ? "\"\"\"" : "\"";
          i += inside + (multiline ? 3 : 1);
          return;
        }
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        escape(next_code_point());
        continue;
      }
      if (c == '\n') {
        if (!multiline) return;  // unterminated: toml++ reports it
        ++line;
      }
      if (literal && (c == '\\' || c == '"')) {
        out += '\\';
      } else if (!literal && c == '\\') {
        out += c;  // an escape: copy the escaped character as it is (toml++ checks it)
        ++i;
        if (i >= text.size()) return;
        if (static_cast<unsigned char>(text[i]) >= 0x80) fail(name, line, "invalid escape sequence in a string");
        if (text[i] == '\n') ++line;
      }
      out += text[i];
      ++i;
    }
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') {
        if (static_cast<unsigned char>(text[i]) >= 0x80) {
          next_code_point();
          out += '?';
        } else {
          out += text[i++];
        }
      }
    } else if (c == '"' || c == '\'') {
      string(c);
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      fail(name, line, "a non-ASCII character outside a string or comment");
    } else {
      if (c == '\n') ++line;
      out += c;
      ++i;
    }
  }
  return out;
}

toml::table parse_toml(std::string_view text, std::string_view name) {
  const std::string ascii = ascii_toml(text, name);
  try {
    return toml::parse(ascii, name);
  } catch (const toml::parse_error& e) {
    fail(name, e.source().begin.line, std::string(e.description()));
  }
}

}  // namespace

// A lexicon's compiled form; `check`: check each expression alone (see compile_alternatives).
std::shared_ptr<compiled_terms> detail::build_terms(std::string_view text, std::string_view name, bool check) {
  using compiled = compiled_terms;
  const toml::table root = parse_toml(text, name);
  auto c = std::make_shared<compiled_terms>();
  for (const auto& [key, node] : root) {
    if (key.str() != "term" && key.str() != "stance") {
      fail(name, node.source().begin.line, "unknown top-level key '" + std::string(key.str()) +
                                               "' (expected [[term]] entries and an optional [stance] table)");
    }
  }
  const toml::node* terms = root.get("term");
  if (terms == nullptr) fail(name, 1, "no [[term]] entries");
  const toml::array* arr = terms->as_array();
  if (arr == nullptr) fail(name, terms->source().begin.line, "'term' must be an array of tables ([[term]])");
  if (arr->empty()) fail(name, terms->source().begin.line, "no [[term]] entries ('term' is an empty array)");
  std::vector<pending_id> pending_ids;
  for (const toml::node& node : *arr) {
    const toml::table* t = node.as_table();
    const std::uint32_t line = node.source().begin.line;
    if (t == nullptr) fail(name, line, "each [[term]] must be a table");
    term_info info;
    std::vector<std::uint32_t> lines;
    std::vector<std::uint32_t> opposite_lines;
    const toml::node* contexts = nullptr;
    for (const auto& [key, value] : *t) {
      const std::uint32_t vline = value.source().begin.line;
      if (key.str() == "id") {
        const auto* s = value.as_string();
        if (s == nullptr || !valid_id(s->get())) {
          fail(name, vline, "term id must be a non-empty string of letters, digits, '_' or '-'");
        }
        info.id = s->get();
      } else if (key.str() == "description") {
        const auto* s = value.as_string();
        if (s == nullptr) fail(name, vline, "term description must be a string");
        info.description = s->get();
      } else if (key.str() == "expressions") {
        read_strings(value, name, "term expressions", info.expressions, lines);
      } else if (key.str() == "opposites") {
        read_strings(value, name, "term opposites", info.opposites, opposite_lines);
      } else if (key.str() == "contexts") {
        contexts = &value;
      } else {
        fail(name, vline,
             "unknown key '" + std::string(key.str()) +
                 "' in [[term]] (id, description, expressions, opposites, contexts)");
      }
    }
    if (info.id.empty()) fail(name, line, "[[term]] without an id");
    if (info.expressions.empty()) fail(name, line, "term '" + info.id + "' has no expressions");
    for (const term_info& other : c->terms) {
      if (other.id == info.id) fail(name, line, "term '" + info.id + "' is defined twice");
    }
    c->patterns.push_back(compile_alternatives(info.expressions, lines, name, "term '" + info.id + "'", check));
    c->opposites.push_back(info.opposites.empty()
                               ? detail::lazy_re2()
                               : compile_alternatives(info.opposites, opposite_lines, name,
                                                      "term '" + info.id + "' opposite", check));
    if (contexts != nullptr) load_contexts(*contexts, name, c->terms.size(), info.id, *c, pending_ids, check);
    c->terms.push_back(std::move(info));
  }
  for (const pending_id& p : pending_ids) {
    const auto found = std::find_if(c->terms.begin(), c->terms.end(), [&](const term_info& t) { return t.id == p.id; });
    if (found == c->terms.end()) fail(name, p.line, "document_first_of names no term '" + p.id + "'");
    c->contexts[p.context].document_first_of.push_back(static_cast<std::size_t>(found - c->terms.begin()));
  }
  // What names each term in a document: its expressions, and those of its contexts that only
  // ask something of the quote (see compiled::named).
  for (std::size_t t = 0; t < c->patterns.size(); ++t) {
    std::string pattern = c->patterns[t].pattern();
    for (const auto& ctx : c->contexts) {
      if (ctx.term == t && ctx.names_term()) pattern += "|" + ctx.expressions.pattern();
    }
    c->named.emplace_back(std::move(pattern), expression_options());
  }
  // One set of all terms' expressions, then of their opposites (see compiled::mentions).
  {
    std::vector<std::string> patterns;
    for (std::size_t t = 0; t < c->patterns.size(); ++t) {
      std::string pattern = c->patterns[t].pattern();
      for (const auto& ctx : c->contexts) {
        if (ctx.term == t) pattern += "|" + ctx.expressions.pattern();
      }
      patterns.push_back(std::move(pattern));
    }
    for (const detail::lazy_re2& o : c->opposites) patterns.push_back(o ? o.pattern() : std::string(kNever));
    if (check) {
      auto set = std::make_unique<RE2::Set>(expression_options(), RE2::UNANCHORED);
      for (std::size_t i = 0; i < patterns.size(); ++i) {
        std::string error_text;
        if (set->Add(patterns[i], &error_text) != static_cast<int>(i)) {
          const std::size_t t = i % c->patterns.size();
          fail(name, 1, "term '" + c->terms[t].id +
                            (i < c->patterns.size() ? "' cannot be combined with the others: " : "' opposites cannot be combined: ") +
                            error_text);
        }
      }
      if (!set->Compile()) fail(name, 1, "the term expressions are too large to compile together");
      c->mentions = detail::lazy_set(std::move(patterns), expression_options());
      c->mentions.adopt(std::move(set));
    } else {
      c->mentions = detail::lazy_set(std::move(patterns), expression_options());
    }
  }
  // Stance cues: the file's own [stance] table, else the defaults.
  const toml::node* stance = root.get("stance");
  if (stance != nullptr) {
    const toml::table* st = stance->as_table();
    if (st == nullptr) fail(name, stance->source().begin.line, "[stance] must be a table");
    load_stance(*st, name, *c, check);
  }
  // A key the file leaves out keeps the default list (stance.toml).
  static constexpr detail::lazy_re2 compiled::*kStanceLists[] = {
      &compiled::support, &compiled::oppose,   &compiled::praise,          &compiled::condemn,    &compiled::undermine,
      &compiled::conditional, &compiled::neutral, &compiled::negation, &compiled::pseudo_negation, &compiled::uncertain,
      &compiled::terminators};
  const bool complete = std::all_of(std::begin(kStanceLists), std::end(kStanceLists),
                                    [&](auto member) { return static_cast<bool>(c.get()->*member); });
  if (!complete) {
    const toml::table defaults = parse_toml(detail::stance_cues_toml, "stance.toml");
    compiled_terms d;
    load_stance(*defaults["stance"].as_table(), "stance.toml", d, false);  // (built in)
    for (auto member : kStanceLists) {
      if (c.get()->*member) continue;
      c.get()->*member = std::move(d.*member);
    }
  }
  return c;
}

term_lexicon term_lexicon::from_string(std::string_view text, std::string_view name) {
  return term_lexicon(detail::build_terms(text, name, true));
}

term_lexicon term_lexicon::from_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw error(errc::io, path.string() + ": is a directory, not a term lexicon file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::io, path.string() + ": cannot open term lexicon file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw error(errc::io, path.string() + ": cannot read term lexicon file");
  return from_string(buffer.str(), path.string());
}

term_lexicon term_lexicon::ceasefire() {
  // Read from its compiled form, written at build time from ceasefire.toml and stance.toml
  // (prebuilt.hpp; checked by the tests, as the TOML is: not checked again here).
  static const term_lexicon lexicon(detail::load_terms(detail::ceasefire_compiled));
  return lexicon;
}

term_lexicon::term_lexicon(std::shared_ptr<const compiled_terms> impl) : impl_(std::move(impl)) {}

std::span<const term_info> term_lexicon::terms() const noexcept { return impl_->terms; }

inline namespace SAYSO_ABI_NAMESPACE {  // declared in the ABI namespace (sayso/export.hpp)

std::string_view to_string(stance_label label) noexcept {
  switch (label) {
    case stance_label::support: return "support";
    case stance_label::oppose: return "oppose";
    case stance_label::conditional: return "conditional";
    case stance_label::neutral: return "neutral";
  }
  return "unknown";
}

}  // namespace SAYSO_ABI_NAMESPACE

}  // namespace sayso
