# Warnings live on non-exported INTERFACE targets (CLI11's convention), so they never leak into
# a consumer's build through the exported sayso target.
#   sayso_warnings       the library, the CLI and the examples; errors with SAYSO_WERROR=ON
#   sayso_test_warnings  the same warnings for tests, never errors (GCC 12 at -O3 gives a false
#                        -Wrestrict inside Boost.Test's BOOST_DATA_TEST_CASE)
add_library(sayso_warnings INTERFACE)
add_library(sayso_test_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  set(_sayso_warning_flags
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  target_compile_options(sayso_warnings INTERFACE ${_sayso_warning_flags})
  target_compile_options(sayso_test_warnings INTERFACE ${_sayso_warning_flags})
  if(SAYSO_WERROR)
    target_compile_options(sayso_warnings INTERFACE -Werror)
  endif()
endif()
