// native_re's compiled machine as bytes (see native_re.hpp): written by lexgen at build time
// for the built-in lexicons' expressions, read back on first use by lazy_re2. Integers are
// written in 7-bit groups (LEB128) and the per-byte tables by their runs, so that the machines
// of the built-in lexicons (some thousands, most of one word) add little to the library.
#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "stance/blob.hpp"
#include "stance/native_re.hpp"

namespace sayso::detail {

namespace {

constexpr std::uint32_t kMagic = 0x4E524531;  // "NRE1": the layout below

[[noreturn]] void damaged() { throw std::runtime_error("sayso: a built-in expression's machine is damaged"); }

void put(blob::writer& w, std::uint64_t v) {
  while (v >= 0x80U) {
    w.out += static_cast<char>((v & 0x7FU) | 0x80U);
    v >>= 7;
  }
  w.out += static_cast<char>(v);
}
std::uint64_t get(blob::reader& r) {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (r.in.empty()) damaged();
    const auto b = static_cast<unsigned char>(r.in.front());
    r.in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(b & 0x7FU) << shift;
    if ((b & 0x80U) == 0) return v;
  }
  damaged();
}
std::uint32_t get32(blob::reader& r) { return static_cast<std::uint32_t>(get(r)); }

// A set of bytes (bits): the bytes it holds, when few (most: a letter in both cases), else its
// words as they are.
template <std::size_t N>
void put_bits(blob::writer& w, const std::array<std::uint64_t, N>& a) {
  std::size_t n = 0;
  for (const std::uint64_t v : a) n += static_cast<std::size_t>(__builtin_popcountll(v));
  if (n >= 8 * N) {
    put(w, 0);
    for (const std::uint64_t v : a) w.u64(v);
    return;
  }
  put(w, n + 1);
  for (std::size_t i = 0; i < 64 * N; ++i) {
    if ((a[i >> 6] >> (i & 63)) & 1U) put(w, i);
  }
}
template <std::size_t N>
void get_bits(blob::reader& r, std::array<std::uint64_t, N>& a) {
  const std::size_t n = get(r);
  if (n == 0) {
    for (std::uint64_t& v : a) v = r.u64();
    return;
  }
  a.fill(0);
  for (std::size_t k = 1; k < n; ++k) {
    const std::size_t i = get(r);
    if (i >= 64 * N) damaged();
    a[i >> 6] |= std::uint64_t{1} << (i & 63);
  }
}

// An instruction's target, from the instruction (most are near).
void put_target(blob::writer& w, std::uint32_t target, std::size_t pc) {
  const auto d = static_cast<std::int64_t>(target) - static_cast<std::int64_t>(pc);
  put(w, d >= 0 ? static_cast<std::uint64_t>(d) << 1 : (static_cast<std::uint64_t>(-d) << 1) | 1U);
}
std::uint32_t get_target(blob::reader& r, std::size_t pc) {
  const std::uint64_t z = get(r);
  const auto d = static_cast<std::int64_t>(z >> 1);
  return static_cast<std::uint32_t>(static_cast<std::int64_t>(pc) + ((z & 1U) != 0 ? -d : d));
}

// A table of 257 entries (most equal to their neighbour) by its runs: value, length.
template <class T>
void put_runs(blob::writer& w, const std::array<T, 257>& a) {
  for (std::size_t i = 0; i < a.size();) {
    std::size_t j = i;
    while (j < a.size() && a[j] == a[i]) ++j;
    put(w, a[i]);
    put(w, j - i);
    i = j;
  }
}
template <class T>
void get_runs(blob::reader& r, std::array<T, 257>& a) {
  for (std::size_t i = 0; i < a.size();) {
    const auto v = static_cast<T>(get(r));
    const std::size_t n = get(r);
    if (n == 0 || n > a.size() - i) damaged();
    std::fill_n(a.begin() + static_cast<std::ptrdiff_t>(i), n, v);
    i += n;
  }
}

template <class T>
void put_list(blob::writer& w, const std::vector<T>& v) {
  put(w, v.size());
  for (const T x : v) put(w, x);
}
template <class T>
void get_list(blob::reader& r, std::vector<T>& v) {
  v.resize(get(r));
  for (T& x : v) x = static_cast<T>(get(r));
}

// Per byte, a list of branches: the lists that are not empty, each as its index and its items
// (a list equal to the last one written: its index and 0, then the index it repeats).
void put_lists(blob::writer& w, const std::array<std::vector<std::uint16_t>, 257>& lists) {
  std::size_t n = 0;
  for (const auto& l : lists) n += l.empty() ? 0 : 1;
  put(w, n);
  std::size_t last = lists.size();
  for (std::size_t i = 0; i < lists.size(); ++i) {
    if (lists[i].empty()) continue;
    put(w, i);
    if (last < lists.size() && lists[last] == lists[i]) {
      put(w, 0);
    } else {
      put_list(w, lists[i]);
      last = i;
    }
  }
}
void get_lists(blob::reader& r, std::array<std::vector<std::uint16_t>, 257>& lists) {
  std::size_t last = lists.size();
  for (std::size_t n = get(r); n > 0; --n) {
    const std::size_t i = get(r);
    if (i >= lists.size()) damaged();
    if (r.in.empty()) damaged();
    if (r.in.front() == 0) {
      r.in.remove_prefix(1);
      if (last >= lists.size()) damaged();
      lists[i] = lists[last];
    } else {
      get_list(r, lists[i]);
      last = i;
    }
  }
}

}  // namespace

void native_re::save(blob::writer& w) const {
  w.u32(kMagic);
  put(w, ok_ ? 1U : 0U);
  if (!ok_) return;
  put(w, prog_.size());
  // Each instruction: its op, whether it folds and which of its fields are not 0; then those.
  for (std::size_t pc = 0; pc < prog_.size(); ++pc) {
    const inst& i = prog_[pc];
    put(w, static_cast<std::uint32_t>(i.op) | (i.fold ? 0x10U : 0U) | (i.c != 0 ? 0x20U : 0U) | (i.x != 0 ? 0x40U : 0U) |
               (i.y != 0 ? 0x80U : 0U) | (i.guard != 0 ? 0x100U : 0U));
    if (i.c != 0) w.out += static_cast<char>(i.c);
    if (i.x != 0) put_target(w, i.x, pc);
    if (i.y != 0) put_target(w, i.y, pc);
    if (i.guard != 0) put(w, i.guard);
  }
  put(w, classes_.size());
  for (const char_class& k : classes_) {
    put_bits(w, k.ascii);
    put(w, k.other ? 1U : 0U);
  }
  put(w, guards_.size());
  for (const auto& g : guards_) put_bits(w, g);
  put(w, dispatches_.size());
  for (const dispatch_table& d : dispatches_) {
    put_runs(w, d.start);
    put_list(w, d.targets);
  }
  put_list(w, branches_);
  put_lists(w, at_boundary_);
  put_lists(w, inside_);
  put_list(w, skip_);
  put_runs(w, starts_);
}

std::unique_ptr<native_re> native_re::load(std::string_view bytes) {
  blob::reader r{bytes};
  if (r.u32() != kMagic) throw std::runtime_error("sayso: a built-in expression's machine is not of this version");
  auto n = std::make_unique<native_re>();
  n->ok_ = get(r) != 0;
  if (!n->ok_) {
    if (!r.in.empty()) damaged();
    return n;
  }
  n->prog_.resize(get(r));
  for (std::size_t pc = 0; pc < n->prog_.size(); ++pc) {
    inst& i = n->prog_[pc];
    const std::uint32_t h = get32(r);
    i.op = static_cast<inst::op_t>(h & 0xFU);
    i.fold = (h & 0x10U) != 0;
    if ((h & 0x20U) != 0) {
      if (r.in.empty()) damaged();
      i.c = static_cast<std::uint8_t>(r.in.front());
      r.in.remove_prefix(1);
    }
    if ((h & 0x40U) != 0) i.x = get_target(r, pc);
    if ((h & 0x80U) != 0) i.y = get_target(r, pc);
    if ((h & 0x100U) != 0) i.guard = get32(r);
  }
  n->classes_.resize(get(r));
  for (char_class& k : n->classes_) {
    get_bits(r, k.ascii);
    k.other = get(r) != 0;
  }
  n->guards_.resize(get(r));
  for (auto& g : n->guards_) get_bits(r, g);
  n->dispatches_.resize(get(r));
  for (dispatch_table& d : n->dispatches_) {
    get_runs(r, d.start);
    get_list(r, d.targets);
  }
  get_list(r, n->branches_);
  get_lists(r, n->at_boundary_);
  get_lists(r, n->inside_);
  get_list(r, n->skip_);
  get_runs(r, n->starts_);
  if (!r.in.empty()) damaged();
  n->index_starts();
  return n;
}

}  // namespace sayso::detail
