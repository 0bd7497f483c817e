// Internal: a plain binary form for data computed at build time (the built-in term lexicon's
// compiled form, see prebuilt.hpp): little-endian 32-bit integers and length-prefixed strings.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sayso::detail::blob {

/// Appends values to a string. Not thread-safe (one per writing); owns its output.
struct writer {
  std::string out;
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFU);
  }
  void u64(std::uint64_t v) {
    u32(static_cast<std::uint32_t>(v));
    u32(static_cast<std::uint32_t>(v >> 32));
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const std::string& s : v) str(s);
  }
  void u32s(const std::vector<std::uint32_t>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const std::uint32_t x : v) u32(x);
  }
};

/// Reads what a writer wrote, in the same order; throws std::runtime_error past the end (a blob
/// that does not match its reader is a build error, not an input error). Not thread-safe; reads
/// a view it does not own.
struct reader {
  std::string_view in;
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(4);
    return v;
  }
  std::uint64_t u64() {
    const std::uint64_t lo = u32();
    return lo | static_cast<std::uint64_t>(u32()) << 32;
  }
  std::string_view view() {
    const std::uint32_t n = u32();
    need(n);
    const std::string_view s = in.substr(0, n);
    in.remove_prefix(n);
    return s;
  }
  std::string str() { return std::string(view()); }
  std::vector<std::string> strs() {
    std::vector<std::string> v(u32());
    for (std::string& s : v) s = str();
    return v;
  }
  std::vector<std::uint32_t> u32s() {
    std::vector<std::uint32_t> v(u32());
    for (std::uint32_t& x : v) x = u32();
    return v;
  }

 private:
  void need(std::size_t n) const {
    if (in.size() < n) throw std::runtime_error("sayso: truncated built-in data");
  }
};

}  // namespace sayso::detail::blob
