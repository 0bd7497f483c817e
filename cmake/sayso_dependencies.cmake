# Dependencies. ICU and RE2 are linked by the library (and needed by consumers of a static
# build); nlohmann-json, toml++ and CLI11 are header-only here and stay private.
find_package(ICU 70 REQUIRED COMPONENTS uc)
find_package(re2 REQUIRED)   # config first, then cmake/Findre2.cmake (pkg-config)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)

# toml++ is used in header-only mode, so the library does not link libtomlplusplus and a
# consumer of the static library does not need it.
find_path(SAYSO_TOMLPP_INCLUDE_DIR NAMES toml++/toml.h REQUIRED
          DOC "Directory holding toml++/toml.h (Debian: libtomlplusplus-dev)")
add_library(sayso_tomlpp INTERFACE)
target_include_directories(sayso_tomlpp SYSTEM INTERFACE "${SAYSO_TOMLPP_INCLUDE_DIR}")
target_compile_definitions(sayso_tomlpp INTERFACE TOML_HEADER_ONLY=1 TOML_EXCEPTIONS=1)

# kainjow-mustache renders the HTML report (sayso::render_report); header-only and private.
find_path(SAYSO_MUSTACHE_INCLUDE_DIR NAMES kainjow/mustache.hpp REQUIRED
          DOC "Directory holding kainjow/mustache.hpp (Debian: libkainjow-mustache-dev)")
add_library(sayso_mustache INTERFACE)
target_include_directories(sayso_mustache SYSTEM INTERFACE "${SAYSO_MUSTACHE_INCLUDE_DIR}")

if(SAYSO_CLI)
  find_package(CLI11 2.1 CONFIG REQUIRED)
endif()
