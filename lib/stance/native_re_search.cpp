// native_re's search: the machine run at the places a match may start (see native_re.hpp).
#include <algorithm>
#include <cstring>

#include "stance/native_re.hpp"
#include "stance/native_re_impl.hpp"

namespace sayso::detail {

using namespace native_re_internal;

namespace {

// The Kelvin sign or the long s at text[p] (RE2 folds them to k and s).
bool odd_fold(std::string_view text, std::size_t p) {
  const std::string_view rest = text.substr(p);
  return rest.starts_with("\xE2\x84\xAA") || rest.starts_with("\xC5\xBF");
}

constexpr std::size_t kMaxSteps = 1 << 16;

}  // namespace

native_re::result native_re::run(std::uint32_t pc, std::string_view text, std::size_t limit, std::size_t p,
                                 std::size_t& end, stack_t& stack, std::size_t& steps) const {
  stack.clear();
  steps = 0;
  const std::size_t n = limit;  // (characters are read up to it; \b and $ see the whole text)
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  for (;;) {
    if (++steps > kMaxSteps) return result::unknown;
    const inst& in = prog_[pc];
    bool ok = true;
    switch (in.op) {
      case inst::byte:
        if (p < n && (t[p] == in.c || (in.fold && t[p] >= 'A' && t[p] <= 'Z' && t[p] + 32 == in.c))) {
          ++p;
          ++pc;
        } else {
          if (p < n && in.fold && t[p] >= 0x80 && (in.c == 'k' || in.c == 's') && odd_fold(text, p)) return result::unknown;
          ok = false;
        }
        break;
      case inst::klass: {
        if (p >= n) {
          ok = false;
          break;
        }
        const char_class& k = classes_[in.x];
        if (t[p] < 0x80) {
          ok = has_bit(k, t[p]);
          if (ok) {
            ++p;
            ++pc;
          }
          break;
        }
        if (t[p] < 0xC0) {  // inside a character: no class matches there
          ok = false;
          break;
        }
        const auto [cp, len] = decode(text.substr(0, n), p);
        if (len == 0 || cp == 0x212A || cp == 0x17F) return result::unknown;
        ok = k.other;
        if (ok) {
          p += len;
          ++pc;
        }
        break;
      }
      case inst::split:
        if (in.guard != 0) {
          const auto& g = guards_[in.guard - 1];
          if (p >= n || ((g[t[p] >> 6] >> (t[p] & 63)) & 1U) == 0) {
            pc = in.y;  // (the preferred path cannot match here)
            break;
          }
        }
        stack.emplace_back(in.y, p);
        pc = in.x;
        break;
      case inst::dispatch: {
        if (p >= n) {
          ok = false;
          break;
        }
        const dispatch_table& d = dispatches_[in.x];
        const std::uint32_t a = d.start[t[p]];
        const std::uint32_t b = d.start[t[p] + 1U];
        if (a == b) {
          ok = false;
          break;
        }
        for (std::uint32_t k = b - 1; k > a; --k) stack.emplace_back(d.targets[k], p);
        pc = d.targets[a];
        break;
      }
      case inst::jump: pc = in.x; break;
      case inst::boundary:
      case inst::not_boundary: {
        const bool before = p > 0 && word_byte(t[p - 1]);
        const bool after = p < text.size() && word_byte(t[p]);
        ok = (before != after) == (in.op == inst::boundary);
        if (ok) ++pc;
        break;
      }
      case inst::begin_text:
        ok = p == 0;
        if (ok) ++pc;
        break;
      case inst::end_text:
        ok = p == text.size();
        if (ok) ++pc;
        break;
      case inst::match: end = p; return result::match;
    }
    if (!ok) {
      if (stack.empty()) return result::none;
      pc = stack.back().first;
      p = stack.back().second;
      stack.pop_back();
    }
  }
}

native_re::result native_re::search(std::string_view text, std::size_t from, std::size_t& begin, std::size_t& end,
                                    std::size_t limit, std::size_t* work,
                                    const boundary_index* boundaries) const {
  if (!ok_) return result::unknown;
  limit = std::min(limit, text.size());
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  static thread_local stack_t stack;
  if (bounded_ && boundaries != nullptr) {
    // Only the word boundaries with a byte a match may start with can start one: for each such
    // byte, its places in order, up to the first match and before the best so far (an answer
    // the machine cannot give at any of them: unknown). The work: the places tried.
    std::size_t best = limit + 1;
    for (unsigned c = 0; c <= 256; ++c) {
      if (starts_[c] == 0) continue;
      const auto last = boundaries->at.begin() + boundaries->start[c + 1];
      for (auto w = std::lower_bound(boundaries->at.begin() + boundaries->start[c], last, from);
           w != last && *w < best && *w <= limit; ++w) {
        if (work != nullptr) ++*work;
        if (*w + 1 < limit && !may_follow(c, t[*w + 1])) continue;
        result r = result::none;
        std::size_t e = 0;
        for (const std::uint16_t br : at_boundary_[c]) {
          std::size_t steps = 0;
          r = run(branches_[br] + skip_[br], text, limit, *w, e, stack, steps);
          if (work != nullptr) *work += steps;
          if (r != result::none) break;
        }
        if (r == result::unknown) return r;
        if (r == result::match) {
          best = *w;
          end = e;
          break;
        }
      }
    }
    if (best > limit) return result::none;
    begin = best;
    return result::match;
  }
  const std::size_t n = text.size();
  // (Where a match starts with one of a few bytes, the next place of each, by memchr.)
  const auto find = [&](unsigned i, std::size_t at) -> std::size_t {
    const void* q = at < limit ? std::memchr(t + at, first_[i], limit - at) : nullptr;
    return q == nullptr ? limit : static_cast<std::size_t>(static_cast<const unsigned char*>(q) - t);
  };
  std::array<std::size_t, 4> next{};
  for (unsigned i = 0; i < first_count_; ++i) next[i] = find(i, from);
  for (std::size_t p = from; p <= limit; ++p) {
    if (first_count_ > 0) {
      std::size_t q = limit;
      for (unsigned i = 0; i < first_count_; ++i) q = std::min(q, next[i] < p ? (next[i] = find(i, p)) : next[i]);
      p = q;
    }
    const unsigned c = p < limit ? t[p] : 256U;
    const unsigned may = starts_[c];
    if (may == 0) continue;
    const bool boundary = (p > 0 && kWord[t[p - 1]]) != (p < n && kWord[t[p]]);
    if (!boundary && (may & 2U) == 0) continue;
    const std::vector<std::uint16_t>& list = boundary ? at_boundary_[c] : inside_[c];
    for (const std::uint16_t b : list) {
      std::size_t steps = 0;
      const result r = run(branches_[b] + skip_[b], text, limit, p, end, stack, steps);
      if (work != nullptr) *work += steps;
      if (r == result::none) continue;
      begin = p;
      if (work != nullptr) *work += p - from;
      return r;
    }
  }
  if (work != nullptr) *work += limit - from;
  return result::none;
}

void native_re::boundary_index::build(std::string_view text) {
  // The boundaries in text order, then grouped by their byte (a counting sort).
  static thread_local std::vector<std::uint32_t> places;
  places.clear();
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  bool before = false;
  for (std::size_t p = 0; p < n; ++p) {
    const bool after = kWord[t[p]];
    if (after != before) places.push_back(static_cast<std::uint32_t>(p));
    before = after;
  }
  if (before) places.push_back(static_cast<std::uint32_t>(n));
  const auto byte_at = [&](std::uint32_t p) { return p < n ? t[p] : 256U; };
  start.fill(0);
  for (const std::uint32_t p : places) ++start[byte_at(p) + 1];
  for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  at.resize(places.size());
  std::array<std::uint32_t, 258> fill = start;
  for (const std::uint32_t p : places) at[fill[byte_at(p)]++] = p;
}

bool native_re::follow_set(unsigned c, std::array<std::uint64_t, 4>& out) const {
  // closure(on): the instructions that read a byte (into `reads`) reachable from `pcs` without
  // reading one, each test assumed to pass, a dispatch taken on byte `on` (256: on any); false
  // if a match is reachable.
  static thread_local std::vector<std::uint64_t> seen;
  static thread_local std::vector<std::uint32_t> pcs;
  static thread_local std::vector<std::uint32_t> reads;
  const auto closure = [&](unsigned on) {
    seen.assign((prog_.size() + 63) / 64, 0);
    reads.clear();
    while (!pcs.empty()) {
      const std::uint32_t pc = pcs.back();
      pcs.pop_back();
      if (pc >= prog_.size() || ((seen[pc >> 6] >> (pc & 63)) & 1U) != 0) continue;
      seen[pc >> 6] |= std::uint64_t{1} << (pc & 63);
      const inst& in = prog_[pc];
      switch (in.op) {
        case inst::byte: case inst::klass: reads.push_back(pc); break;
        case inst::split: pcs.push_back(in.x); pcs.push_back(in.y); break;
        case inst::jump: pcs.push_back(in.x); break;
        case inst::dispatch: {
          const dispatch_table& d = dispatches_[in.x];
          const std::uint32_t a = on < 256 ? d.start[on] : 0;
          const std::uint32_t b = on < 256 ? d.start[on + 1] : static_cast<std::uint32_t>(d.targets.size());
          for (std::uint32_t k = a; k < b; ++k) pcs.push_back(d.targets[k]);
          break;
        }
        case inst::boundary: case inst::not_boundary: case inst::begin_text: case inst::end_text: pcs.push_back(pc + 1); break;
        case inst::match: return false;
      }
    }
    return true;
  };
  pcs.clear();
  for (const std::uint16_t b : at_boundary_[c]) pcs.push_back(branches_[b] + skip_[b]);
  if (!closure(c)) return false;
  pcs.clear();
  for (const std::uint32_t pc : reads) {
    const inst& in = prog_[pc];
    const bool takes = in.op == inst::byte ? (c == in.c || (in.fold && c >= 'A' && c <= 'Z' && c + 32 == in.c))
                                           : has_bit(classes_[in.x], static_cast<unsigned char>(c));
    if (takes) pcs.push_back(pc + 1);
  }
  if (!closure(256)) return false;
  out = {};
  const auto add = [&](unsigned d) { out[d >> 6] |= std::uint64_t{1} << (d & 63); };
  for (const std::uint32_t pc : reads) {
    const inst& in = prog_[pc];
    if (in.op == inst::byte) {
      add(in.c);
      if (in.fold && in.c >= 'a' && in.c <= 'z') add(in.c - 32U);
      if (in.fold && (in.c == 'k' || in.c == 's')) add(0xE2), add(0xC5);  // (the odd folds)
    } else {
      for (unsigned d = 0; d < 128; ++d) {
        if (has_bit(classes_[in.x], static_cast<unsigned char>(d))) add(d);
      }
      for (unsigned d = 0x80; d < 256; ++d) add(d);  // (what the class reads of a character)
    }
  }
  return true;
}

void native_re::index_starts() {
  bounded_ = std::none_of(starts_.begin(), starts_.end(), [](std::uint8_t s) { return (s & 2U) != 0; });
  // (For the searches at indexed boundaries: small machines, whose closures are cheap.)
  second_of_.fill(0);
  seconds_.clear();
  constexpr std::size_t kMaxFollowProgram = 512;
  for (unsigned c = 0; bounded_ && prog_.size() <= kMaxFollowProgram && c < 128; ++c) {
    std::array<std::uint64_t, 4> follow{};
    if (starts_[c] == 0 || !follow_set(c, follow)) continue;
    seconds_.push_back(follow);
    second_of_[c] = static_cast<std::uint16_t>(seconds_.size());
  }
  first_count_ = 0;
  for (unsigned c = 0; c < 256; ++c) {
    if (starts_[c] == 0) continue;
    if (first_count_ == first_.size()) {
      first_count_ = 0;
      return;
    }
    first_[first_count_++] = static_cast<unsigned char>(c);
  }
}

}  // namespace sayso::detail
