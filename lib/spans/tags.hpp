// Internal: the tags of the span model, BIO over three roles of an attribution: the cue
// ("said"), the source ("the minister") and the content (what was said).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace sayso::detail::spans {

enum class tag : std::uint8_t {
  outside,
  begin_cue,
  inside_cue,
  begin_source,
  inside_source,
  begin_content,
  inside_content,
};
inline constexpr int tag_count = 7;

enum class role : std::uint8_t { none, cue, source, content };

[[nodiscard]] constexpr role role_of(tag t) noexcept {
  switch (t) {
    case tag::begin_cue:
    case tag::inside_cue: return role::cue;
    case tag::begin_source:
    case tag::inside_source: return role::source;
    case tag::begin_content:
    case tag::inside_content: return role::content;
    case tag::outside: break;
  }
  return role::none;
}

[[nodiscard]] constexpr bool is_begin(tag t) noexcept {
  return t == tag::begin_cue || t == tag::begin_source || t == tag::begin_content;
}

/// The tag that begins (begin = true) or continues a span of `r` (r != none).
[[nodiscard]] constexpr tag tag_of(role r, bool begin) noexcept {
  switch (r) {
    case role::cue: return begin ? tag::begin_cue : tag::inside_cue;
    case role::source: return begin ? tag::begin_source : tag::inside_source;
    case role::content: return begin ? tag::begin_content : tag::inside_content;
    case role::none: break;
  }
  return tag::outside;
}

/// BIO: an inside tag only continues a span of its own role. `from` may be the start state,
/// written as tag_count.
[[nodiscard]] constexpr bool allowed(int from, int to) noexcept {
  const auto t = static_cast<tag>(to);
  if (t != tag::inside_cue && t != tag::inside_source && t != tag::inside_content) return true;
  if (from >= tag_count) return false;
  return role_of(static_cast<tag>(from)) == role_of(t);
}

/// Short names for traces and tests: O, B-V, I-V, B-S, I-S, B-C, I-C.
[[nodiscard]] constexpr std::string_view name(tag t) noexcept {
  constexpr std::array<std::string_view, tag_count> names = {"O", "B-V", "I-V", "B-S", "I-S", "B-C", "I-C"};
  return names[static_cast<std::size_t>(t)];
}

}  // namespace sayso::detail::spans
