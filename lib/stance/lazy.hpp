// Internal: parts of a compiled term lexicon that are built on first use.
//
// Compiling every expression of the built-in lexicons when a pipeline is made cost about 300 M
// instructions (40-80 ms): most of sayso's start-up, and more than analysing a few hundred
// kilobytes. Each RE2 (and set, and word screen) is now built by the first quote that
// needs it: a run that never meets a term never compiles the term's expressions, and making a
// pipeline costs only reading the lexicon.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>


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

  explicit operator bool() const noexcept { return !pattern_.empty(); }
  [[nodiscard]] const std::string& pattern() const noexcept { return pattern_; }
  /// The compiled expression, or null when empty.
  [[nodiscard]] const RE2* get() const {
    if (pattern_.empty()) return nullptr;
    return &re_.get([this] { return std::make_unique<RE2>(pattern_, options_); });
  }
  const RE2& operator*() const { return *get(); }
  /// Takes `re` (compiled from pattern()) as the compiled expression.
  void adopt(std::unique_ptr<RE2> re) noexcept { re_.adopt(std::move(re)); }

 private:
  std::string pattern_;
  RE2::Options options_;
  once_built<RE2> re_;
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
