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

// The ABI namespace (fmt's convention). Every public name is declared in the inline namespace
// sayso::v1: code says sayso::pipeline, and the symbols it links against say
// sayso::v1::pipeline. A release that breaks the ABI moves the API to v2, so that a program built
// against one ABI and linked with a library of another fails to link instead of misbehaving at
// run time. (The library's internals, sayso::detail, are not versioned: they are hidden symbols
// of the library, never part of its interface.)
#define SAYSO_ABI_NAMESPACE v1
#define SAYSO_BEGIN_NAMESPACE \
  namespace sayso {           \
  inline namespace SAYSO_ABI_NAMESPACE {
#define SAYSO_END_NAMESPACE \
  }                         \
  }
