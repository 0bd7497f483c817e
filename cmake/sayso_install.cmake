# Installation: headers, library, CLI, lexicons, CMake package (config, version, targets, the
# RE2 find module) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(SAYSO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/sayso"
    CACHE STRING "Where saysoConfig.cmake is installed")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/sayso"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT sayso_development)

set(_sayso_targets sayso)
if(SAYSO_CLI)
  list(APPEND _sayso_targets sayso_cli)
endif()
install(TARGETS ${_sayso_targets}
        EXPORT sayso-targets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT sayso_runtime
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT sayso_runtime
                NAMELINK_COMPONENT sayso_development
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT sayso_development
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(EXPORT sayso-targets NAMESPACE sayso:: FILE saysoTargets.cmake
        DESTINATION "${SAYSO_INSTALL_CMAKEDIR}" COMPONENT sayso_development)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/saysoConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/saysoConfig.cmake"
  INSTALL_DESTINATION "${SAYSO_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/saysoConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/saysoConfig.cmake"
              "${PROJECT_BINARY_DIR}/saysoConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/Findre2.cmake"
        DESTINATION "${SAYSO_INSTALL_CMAKEDIR}" COMPONENT sayso_development)

# pkg-config: a static library needs its dependencies on the link line.
set(SAYSO_PC_REQUIRES_PRIVATE "icu-uc re2")
if(BUILD_SHARED_LIBS)
  set(SAYSO_PC_LIBS_PRIVATE "")
else()
  set(SAYSO_PC_LIBS_PRIVATE "-pthread")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/sayso.pc.in" "${PROJECT_BINARY_DIR}/sayso.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/sayso.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT sayso_development)

# The default lexicons: the library embeds them, and installs them for people to read, copy and
# adapt (sayso extract --terms FILE).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/lib/lexicons/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/sayso/lexicons" COMPONENT sayso_runtime
        FILES_MATCHING PATTERN "*.toml")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT sayso_runtime)
