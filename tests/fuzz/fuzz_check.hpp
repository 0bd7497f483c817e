// Checks for the fuzz targets: they stay on in Release builds (unlike assert) and abort, which
// libFuzzer reports as a crash with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sayso_fuzz {

[[noreturn]] inline void check_failed(const char* file, int line, const char* condition,
                                      const std::string& detail) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s%s%s\n", file, line, condition,
               detail.empty() ? "" : ": ", detail.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace sayso_fuzz

// SAYSO_FUZZ_CHECK(condition) or SAYSO_FUZZ_CHECK(condition, std::string detail).
#define SAYSO_FUZZ_CHECK(condition, ...)                                                   \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      ::sayso_fuzz::check_failed(__FILE__, __LINE__, #condition, std::string{__VA_ARGS__}); \
    }                                                                                      \
  } while (false)
