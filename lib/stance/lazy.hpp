// Internal: parts of a compiled term lexicon that are built on first use.
//
// Compiling every expression of the built-in lexicons when a pipeline is made cost about 300 M
// instructions (40-80 ms): most of sayso's start-up, and more than analysing a few hundred
// kilobytes. Each RE2 (and set, and word screen) is now built by the first quote that
// needs it: a run that never meets a term never compiles the term's expressions, and making a
// pipeline costs only reading the lexicon.
#pragma once

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "stance/native_re.hpp"


namespace sayso::detail {

/// A T built on first use by `make`, once: a thread that asks while another builds it waits for
/// that one (building it twice, as two worker threads starting on their first documents would,
/// costs the whole build again: the set of all terms' expressions alone is some 80 M
/// instructions). Thread-safe; moving is for construction only (not while it is used).
template <class T>
class once_built {
 public:
  once_built() = default;
  // (The mutex is not moved: a moved-to object has its own.)
  once_built(once_built&& other) noexcept : p_(other.p_.exchange(nullptr)) {}
  once_built& operator=(once_built&& other) noexcept {
    delete p_.exchange(other.p_.exchange(nullptr));
    return *this;
  }
  once_built(const once_built&) = delete;
  once_built& operator=(const once_built&) = delete;
  ~once_built() { delete p_.load(); }

  /// Takes `built` as the value (while constructing, before any get()).
  void adopt(std::unique_ptr<T> built) noexcept { delete p_.exchange(built.release()); }

  template <class Make>
  const T& get(Make&& make) const {
    if (const T* p = p_.load(std::memory_order_acquire); p != nullptr) return *p;
    const std::lock_guard lock(building_);
    if (const T* p = p_.load(std::memory_order_acquire); p != nullptr) return *p;  // built meanwhile
    std::unique_ptr<T> built = make();
    p_.store(built.get(), std::memory_order_release);
    return *built.release();
  }

 private:
  mutable std::atomic<T*> p_{nullptr};
  mutable std::mutex building_;  // held while building (only then: reads take p_ alone)
};

/// An RE2 pattern compiled on first use. Empty (false) when the lexicon has no such list.
class lazy_re2 {
 public:
  lazy_re2() = default;
  lazy_re2(std::string pattern, const RE2::Options& options) : pattern_(std::move(pattern)), options_(options) {}
  // (Moving is for construction only, as once_built's.)
  lazy_re2(lazy_re2&& o) noexcept
      : pattern_(std::move(o.pattern_)), options_(o.options_), re_(std::move(o.re_)), native_(std::move(o.native_)),
        prebuilt_(o.prebuilt_), work_(o.work_.load(std::memory_order_relaxed)) {}
  lazy_re2& operator=(lazy_re2&& o) noexcept {
    pattern_ = std::move(o.pattern_);
    options_ = o.options_;
    re_ = std::move(o.re_);
    native_ = std::move(o.native_);
    prebuilt_ = o.prebuilt_;
    work_.store(o.work_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    return *this;
  }

  explicit operator bool() const noexcept { return !pattern_.empty(); }
  [[nodiscard]] const std::string& pattern() const noexcept { return pattern_; }
  /// The compiled expression, or null when empty.
  [[nodiscard]] const RE2* get() const {
    if (pattern_.empty()) return nullptr;
    return &re_.get([this] { return std::make_unique<RE2>(pattern_, options_); });
  }
  const RE2& operator*() const { return *get(); }
  /// Takes `bytes` (native_re::save() of the pattern's machine, in storage that outlives this:
  /// the library's built-in data) as where its native_re is read from on first use, instead of
  /// compiling the pattern (prebuilt.hpp).
  void adopt_native(std::string_view bytes) noexcept { prebuilt_ = bytes; }
  /// Takes `re` (compiled from pattern()) as the compiled expression.
  void adopt(std::unique_ptr<RE2> re) noexcept { re_.adopt(std::move(re)); }

  /// The leftmost-first match at `from` or later within [from, limit), as RE2::Match(text, from,
  /// limit, UNANCHORED) with one submatch gives it, by native_re (`boundaries`: see
  /// native_re::search): `unknown` where it cannot say, and once the searches of this expression
  /// have cost about what compiling it with RE2 costs (RE2's automaton is then the cheaper: a
  /// long run meets the expression again and again; a short one, most processes, never pays for
  /// compiling it).
  native_re::result search_native(std::string_view text, std::size_t from, std::size_t& begin, std::size_t& end,
                                  std::size_t limit = std::string_view::npos,
                                  const native_re::boundary_index* boundaries = nullptr) const {
    if (pattern_.empty() || options_.case_sensitive() || options_.encoding() != RE2::Options::EncodingUTF8) {
      return native_re::result::unknown;  // (native_re reads patterns as the lexicons' options give them)
    }
    const bool over = work_.load(std::memory_order_relaxed) > kWorkPerPatternByte * pattern_.size();
    if (over && boundaries == nullptr) return native_re::result::unknown;
    const native_re& n = native_.get([this] { return make_native(); });
    // (Searched at a text's boundaries only, native_re is the cheaper however often it runs.)
    if (over && !n.bounded()) return native_re::result::unknown;
    std::size_t work = 0;
    const native_re::result r = n.search(text, from, begin, end, limit, &work, boundaries);
    work_.fetch_add(work, std::memory_order_relaxed);
    return r;
  }
  /// Adds `work` to what the searches of this expression did, for a caller that searches through
  /// other expressions on its behalf; whether that is still within what native_re is let run
  /// (see search_native).
  bool charge(std::size_t work) const {
    return work_.fetch_add(work, std::memory_order_relaxed) + work <= kWorkPerPatternByte * pattern_.size();
  }
  /// What native_re's searches of this expression did so far (see search_native).
  [[nodiscard]] std::size_t work() const noexcept { return work_.load(std::memory_order_relaxed); }
  /// Whether the pattern matches `text` at `from` or later, within [from, limit), as
  /// RE2::Match(text, from, limit, UNANCHORED) says (\b sees the text after `limit`); with
  /// `begin` and `end`, where its leftmost-first match is: by search_native(), or RE2 where it
  /// does not answer. False when empty.
  bool search(std::string_view text, std::size_t from = 0, std::size_t* begin = nullptr, std::size_t* end = nullptr,
              std::size_t limit = std::string_view::npos) const {
    limit = std::min(limit, text.size());
    if (pattern_.empty() || from > limit) return false;
    std::size_t b = 0;
    std::size_t e = 0;
    const native_re::result r = search_native(text, from, b, e, limit);
    if (r == native_re::result::none) return false;
    if (r == native_re::result::match) {
      if (begin != nullptr) *begin = b;
      if (end != nullptr) *end = e;
      return true;
    }
    return search_re2(text, from, begin, end, limit);
  }
  /// The same by RE2 alone (for tests, and where native_re cannot answer).
  bool search_re2(std::string_view text, std::size_t from = 0, std::size_t* begin = nullptr,
                  std::size_t* end = nullptr, std::size_t limit = std::string_view::npos) const {
    limit = std::min(limit, text.size());
    const RE2* re = get();
    if (re == nullptr || from > limit) return false;
    const re2::StringPiece input(text.data(), text.size());
    if (begin == nullptr && end == nullptr) return re->Match(input, from, limit, RE2::UNANCHORED, nullptr, 0);
    re2::StringPiece m;
    if (!re->Match(input, from, limit, RE2::UNANCHORED, &m, 1)) return false;
    if (begin != nullptr) *begin = static_cast<std::size_t>(m.data() - text.data());
    if (end != nullptr) *end = static_cast<std::size_t>(m.data() - text.data()) + m.size();
    return true;
  }
  /// Whether native_re reads the pattern (for tests).
  /// The pattern's native_re (built on first use; for tests: its searches are not counted).
  [[nodiscard]] const native_re& native_matcher() const {
    return native_.get([this] { return make_native(); });
  }
  [[nodiscard]] bool native() const {
    return native_.get([this] { return make_native(); }).ok();
  }

 private:
  [[nodiscard]] std::unique_ptr<native_re> make_native() const {
    return prebuilt_.empty() ? std::make_unique<native_re>(pattern_) : native_re::load(prebuilt_);
  }

  std::string pattern_;
  RE2::Options options_;
  once_built<RE2> re_;
  once_built<native_re> native_;
  std::string_view prebuilt_;  // see adopt_native()
  // What native_re's searches of this expression did (bytes read, steps), and how much of it
  // (per byte of the pattern) is let run before RE2 takes over. Compiling a lexicon expression
  // costs RE2 about 3,500 instructions per byte of it, a unit of work 5-10: 200 is about a third
  // of a compilation, so that a long run (sayso_bench's repeated passes) pays little more than
  // RE2 alone would, and a whole process over a few hundred kilobytes compiles few expressions
  // (PolNeAR dev: the same instructions with 600).
  mutable std::atomic<std::size_t> work_{0};
  static constexpr std::size_t kWorkPerPatternByte = 200;
};

/// An RE2::Set of patterns (index i: patterns[i]) compiled on first use; null if it does not
/// compile.
class lazy_set {
 public:
  lazy_set() = default;
  lazy_set(std::vector<std::string> patterns, const RE2::Options& options)
      : patterns_(std::move(patterns)), options_(options) {}

  [[nodiscard]] const RE2::Set* get() const {
    return set_
        .get([this] {
          auto holder = std::make_unique<std::unique_ptr<RE2::Set>>(std::make_unique<RE2::Set>(options_, RE2::UNANCHORED));
          RE2::Set& set = **holder;
          for (std::size_t i = 0; i < patterns_.size(); ++i) {
            if (set.Add(patterns_[i], nullptr) != static_cast<int>(i)) {
              holder->reset();
              return holder;
            }
          }
          if (!set.Compile()) holder->reset();
          return holder;
        })
        .get();
  }
  [[nodiscard]] const std::vector<std::string>& patterns() const noexcept { return patterns_; }
  /// Takes `set` (compiled from the patterns) as the compiled set.
  void adopt(std::unique_ptr<RE2::Set> set) {
    set_.adopt(std::make_unique<std::unique_ptr<RE2::Set>>(std::move(set)));
  }

 private:
  std::vector<std::string> patterns_;
  RE2::Options options_;
  once_built<std::unique_ptr<RE2::Set>> set_;
};

}  // namespace sayso::detail
