// A parse of the RE2 syntax the lexicons use (see pattern_parser.hpp).
#include "stance/pattern_parser.hpp"

#include <algorithm>
#include <string>

namespace sayso::detail::pattern_syntax {

namespace {

class parser {
 public:
  explicit parser(std::string_view p) : p_(p) {}
  node run() {
    node n = alternation();
    if (i_ != p_.size()) throw parse_error{};
    return n;
  }

 private:
  node alternation() {
    const auto start = static_cast<std::uint32_t>(i_);
    node first = sequence();
    if (i_ >= p_.size() || p_[i_] != '|') return first;
    node alt(node::alternate);
    alt.from = start;
    alt.sensitive = sensitive_;
    alt.children.push_back(std::move(first));
    while (i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      alt.children.push_back(sequence());
    }
    alt.to = static_cast<std::uint32_t>(i_);
    return alt;
  }
  node sequence() {
    node cat(node::concat);
    cat.from = static_cast<std::uint32_t>(i_);
    cat.sensitive = sensitive_;
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      if (extend_literal(cat)) continue;
      node a = quantified(atom());
      // Letters in a row are one literal ("truce" in "truces?"): fewer pieces to analyse.
      if (a.kind == node::literal && !cat.children.empty() && cat.children.back().kind == node::literal &&
          cat.children.back().sensitive == a.sensitive && cat.children.back().to == a.from) {
        cat.children.back().text += a.text;
        cat.children.back().to = a.to;
        continue;
      }
      cat.children.push_back(std::move(a));
    }
    cat.to = static_cast<std::uint32_t>(i_);
    return cat;
  }
  // A plain character (no quantifier after it) right after a literal of the same case setting:
  // appended to it in place, as atom(), quantified() and the merge above would, without a node
  // of its own (most of a pattern's characters; building the screens was mostly this).
  bool extend_literal(node& cat) {
    if (cat.children.empty()) return false;
    node& last = cat.children.back();
    if (last.kind != node::literal || last.sensitive != sensitive_ || last.to != i_) return false;
    const auto c = static_cast<unsigned char>(p_[i_]);
    if (c >= 0x80 || std::string_view("()[]\\.^$*+?{}|").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
    if (i_ + 1 < p_.size() && std::string_view("?*+{").find(p_[i_ + 1]) != std::string_view::npos) return false;
    last.text += word_char(c) ? lower(static_cast<char>(c)) : ' ';
    last.to = static_cast<std::uint32_t>(++i_);
    return true;
  }
  node quantified(node a) {
    for (;;) {
      if (i_ >= p_.size()) return a;
      int lo = 0;
      int hi = 0;
      const char q = p_[i_];
      if (q == '?' || q == '*' || q == '+') {
        ++i_;
        lo = q == '+' ? 1 : 0;
        hi = q == '?' ? 1 : -1;
      } else if (q == '{') {
        const std::size_t close = p_.find('}', i_);
        if (close == std::string_view::npos) throw parse_error{};
        const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
        const std::size_t comma = body.find(',');
        const auto number = [](std::string_view s) {
          if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), [](char d) { return d >= '0' && d <= '9'; })) {
            throw parse_error{};
          }
          return std::stoi(std::string(s));
        };
        lo = number(body.substr(0, comma));
        hi = comma == std::string_view::npos ? lo : (comma + 1 == body.size() ? -1 : number(body.substr(comma + 1)));
        i_ = close + 1;
      } else {
        return a;
      }
      if (i_ < p_.size() && p_[i_] == '?') ++i_;  // lazy: the same strings
      node r(node::repeat);
      r.from = a.from;
      r.sensitive = a.sensitive;
      r.to = static_cast<std::uint32_t>(i_);
      r.children.push_back(std::move(a));
      r.min = lo;
      r.max = hi;
      a = std::move(r);
    }
  }
  static node klass(std::string words, bool nonword) {
    node k(node::klass);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    k.words = std::move(words);
    k.nonword = nonword;
    return k;
  }
  static std::string all_words() {
    std::string w = "0123456789_";
    for (char c = 'a'; c <= 'z'; ++c) w += c;
    return w;
  }
  // A backslash escape outside a class: its node.
  node escape() {
    if (i_ >= p_.size()) throw parse_error{};
    const char e = p_[i_++];
    switch (e) {
      case 'w': return klass(all_words(), false);
      case 'd': return klass("0123456789", false);
      case 's': return klass("", true);
      case 'W': return klass("", true);
      case 'S':
      case 'D': return klass(all_words(), true);
      case 'b': return node(node::boundary);
      default: break;
    }
    if (word_char(static_cast<unsigned char>(e))) throw parse_error{};  // \B, \A, \z, \pL, \x...
    return node(node::literal, ' ');
  }
  // An atom, with where it is written (a group's text holds its own flag).
  node atom() {
    const auto start = static_cast<std::uint32_t>(i_);
    const bool sensitive = sensitive_;
    node n = atom_of_kind();
    n.from = start;
    n.to = static_cast<std::uint32_t>(i_);
    n.sensitive = sensitive;
    return n;
  }
  node atom_of_kind() {
    const auto c = static_cast<unsigned char>(p_[i_]);
    if (c == '(') {
      ++i_;
      const bool outer = sensitive_;
      if (p_.substr(i_, 2) == "?:") {
        i_ += 2;
      } else if (p_.substr(i_, 3) == "?i:") {
        i_ += 3;
        sensitive_ = false;
      } else if (p_.substr(i_, 4) == "?-i:") {
        i_ += 4;
        sensitive_ = true;
      } else if (i_ < p_.size() && p_[i_] == '?') {
        throw parse_error{};
      }
      node n = alternation();
      if (i_ >= p_.size() || p_[i_] != ')') throw parse_error{};
      ++i_;
      sensitive_ = outer;
      return n;
    }
    if (c == '[') return char_class();
    if (c == '\\') {
      ++i_;
      return escape();
    }
    if (c == '.') {
      ++i_;
      return klass(all_words(), true);
    }
    if (c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{' || c == ')') throw parse_error{};
    if (c >= 0x80) {  // a code point beyond ASCII: no word character for RE2's \w and \b
      ++i_;
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return node(node::literal, ' ');
    }
    ++i_;
    return node(node::literal, word_char(c) ? lower(static_cast<char>(c)) : ' ');
  }
  node char_class() {
    ++i_;  // [
    bool negated = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      negated = true;
      ++i_;
    }
    std::string words;
    bool nonword = false;
    bool first = true;
    for (;;) {
      if (i_ >= p_.size()) throw parse_error{};
      const char c = p_[i_];
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (c == '[') throw parse_error{};  // [[:alpha:]]
      // One item: a character (maybe escaped) or a range.
      char from = 0;
      if (c == '\\') {
        if (i_ + 1 >= p_.size()) throw parse_error{};
        const char e = p_[i_ + 1];
        i_ += 2;
        if (e == 'w' || e == 'd') {
          words += e == 'w' ? all_words() : std::string("0123456789");
          continue;
        }
        if (e == 's' || e == 'W') {
          nonword = true;
          continue;
        }
        if (word_char(static_cast<unsigned char>(e))) throw parse_error{};
        from = e;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        ++i_;
        while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
        nonword = true;
        if (i_ < p_.size() && p_[i_] == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') throw parse_error{};
        continue;
      } else {
        from = c;
        ++i_;
      }
      char to = from;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        to = p_[i_ + 1];
        if (to == '\\' || static_cast<unsigned char>(to) >= 0x80) throw parse_error{};
        i_ += 2;
      }
      if (to < from) throw parse_error{};
      for (int k = from; k <= to; ++k) {
        if (word_char(static_cast<unsigned char>(k))) {
          words += lower(static_cast<char>(k));
        } else {
          nonword = true;
        }
      }
    }
    if (negated) return klass(all_words(), true);  // (some of each, at least)
    return klass(std::move(words), nonword);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool sensitive_ = false;  // inside (?-i:)
};

}  // namespace

node parse(std::string_view pattern) { return parser(pattern).run(); }

}  // namespace sayso::detail::pattern_syntax
