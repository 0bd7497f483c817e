# Warnings live on a non-exported INTERFACE target (CLI11's convention), so they never leak
# into a consumer's build through the exported sayso target.
add_library(sayso_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(sayso_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(SAYSO_WERROR)
    target_compile_options(sayso_warnings INTERFACE -Werror)
  endif()
endif()
