// The report's text: what the page shows of the caller's text is made valid UTF-8 and never
// splits a character; the symbols shown beside labels and kinds.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "report/view.hpp"

namespace sayso::detail::report_view {

std::string clean_utf8(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0) {
        out += kReplacement;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k < len && i + k < s.size(); ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      const bool ok = k == 1 ? (d >= lo && d <= hi) : (d >= 0x80 && d <= 0xBF);
      if (!ok) break;
    }
    if (k == len) {
      out.append(s.substr(i, len));
    } else {
      out += kReplacement;
    }
    i += k;
  }
  return out;
}

// A range clipped to the text and moved off continuation bytes, so that slicing never splits a
// character (the pipeline's ranges are already on boundaries; this guards hand-made analyses).
byte_range clip(byte_range r, std::string_view text) {
  const auto size = static_cast<std::uint32_t>(std::min<std::size_t>(text.size(), UINT32_MAX));
  const auto snap = [&](std::uint32_t b) {
    b = std::min(b, size);
    for (int steps = 0; steps < 3 && b > 0 && b < size &&
                        (static_cast<unsigned char>(text[b]) & 0xC0U) == 0x80U;
         ++steps) {
      --b;
    }
    return b;
  };
  byte_range out{snap(r.begin), snap(r.end)};
  if (out.end < out.begin) out.end = out.begin;
  return out;
}

std::string slice(std::string_view text, byte_range r) {
  const byte_range c = clip(r, text);
  return clean_utf8(text.substr(c.begin, c.end - c.begin));
}

std::string fold(std::string_view name) {
  std::string out;
  bool space = false;
  for (const char ch : name) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return out;
}

std::string quote_text(std::string_view text, const quote& q) {
  std::string out;
  for (const byte_range& r : q.content) {
    if (!out.empty()) out += " … ";
    out += slice(text, r);
  }
  return out;
}

std::string_view label_symbol(stance_label label) {
  switch (label) {
    case stance_label::support: return "✔";
    case stance_label::oppose: return "✘";
    case stance_label::conditional: return "◐";
    case stance_label::neutral: return "○";
  }
  return "?";
}

std::string_view kind_symbol(quote_kind kind) {
  switch (kind) {
    case quote_kind::direct: return "❝";
    case quote_kind::mixed: return "◑";
    case quote_kind::indirect: return "↪";
  }
  return "?";
}

}  // namespace sayso::detail::report_view
