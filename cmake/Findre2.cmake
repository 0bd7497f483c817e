# Find module for RE2, used when RE2 ships no CMake package (Debian 12's libre2-dev does not).
#
# find_package(re2) tries RE2's own package config first; this module is the fallback. It asks
# pkg-config, then searches by hand, and always ends in a real INTERFACE IMPORTED target
# re2::re2 (not an ALIAS of pkg-config's PkgConfig::* target, whose private name would leak into
# the exported targets of a static sayso). It is installed beside saysoConfig.cmake so that
# consumers of a static sayso can find RE2 the same way.
if(TARGET re2::re2)
  set(re2_FOUND TRUE)
  return()
endif()

find_package(re2 CONFIG QUIET NO_MODULE)
if(re2_FOUND AND TARGET re2::re2)
  return()
endif()

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_RE2 QUIET re2)
endif()

find_path(RE2_INCLUDE_DIR NAMES re2/re2.h HINTS ${PC_RE2_INCLUDE_DIRS})
find_library(RE2_LIBRARY NAMES re2 HINTS ${PC_RE2_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(re2 REQUIRED_VARS RE2_LIBRARY RE2_INCLUDE_DIR)

if(re2_FOUND)
  find_package(Threads REQUIRED)
  add_library(re2::re2 INTERFACE IMPORTED)
  set_target_properties(re2::re2 PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${RE2_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${RE2_LIBRARY};Threads::Threads")
endif()
mark_as_advanced(RE2_INCLUDE_DIR RE2_LIBRARY)
