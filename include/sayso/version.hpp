// sayso version. This header is the single source of the version number: CMake reads it.
#pragma once

#include <string_view>

#include <sayso/export.hpp>

#define SAYSO_VERSION_MAJOR 0
#define SAYSO_VERSION_MINOR 1
#define SAYSO_VERSION_PATCH 0
#define SAYSO_VERSION_STRING "0.1.0"

SAYSO_BEGIN_NAMESPACE

/// The version of the library that is linked, e.g. "0.1.0" (may differ from the header's
/// SAYSO_VERSION_STRING when a shared library is upgraded underneath a program).
SAYSO_EXPORT std::string_view version() noexcept;

SAYSO_END_NAMESPACE  // sayso::v1
