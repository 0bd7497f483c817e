// Symbol visibility. The library is built with hidden visibility; SAYSO_EXPORT marks the
// public API. It expands to nothing for a static library on Windows-less toolchains' needs,
// and to default visibility otherwise (harmless in a static build).
#pragma once

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(SAYSO_STATIC)
#    define SAYSO_EXPORT
#  elif defined(SAYSO_BUILDING)
#    define SAYSO_EXPORT __declspec(dllexport)
#  else
#    define SAYSO_EXPORT __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define SAYSO_EXPORT __attribute__((visibility("default")))
#else
#  define SAYSO_EXPORT
#endif
