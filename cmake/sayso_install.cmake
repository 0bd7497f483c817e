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
  # Exported as sayso::cli, the name of its ALIAS in the build tree.
  set_target_properties(sayso_cli PROPERTIES EXPORT_NAME cli)
endif()
install(TARGETS ${_sayso_targets}
        EXPORT sayso-targets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT sayso_runtime
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT sayso_runtime
                NAMELINK_COMPONENT sayso_development
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT sayso_development)

install(EXPORT sayso-targets NAMESPACE sayso:: FILE saysoTargets.cmake
        DESTINATION "${SAYSO_INSTALL_CMAKEDIR}" COMPONENT sayso_development)

# A static sayso carries ICU and RE2 on its link interface, so its package config must find
# them (and Findre2.cmake, installed beside it, finds Debian's RE2); a shared one does not, and
# its consumers need no -dev packages beyond sayso's own headers.
get_target_property(_sayso_type sayso TYPE)
if(_sayso_type STREQUAL "STATIC_LIBRARY")
  set(SAYSO_CONFIG_STATIC ON)
else()
  set(SAYSO_CONFIG_STATIC OFF)
  # The installed CLI finds the shared library relative to itself (a relocatable prefix).
  if(SAYSO_CLI)
    file(RELATIVE_PATH _sayso_bin_to_lib "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${CMAKE_INSTALL_LIBDIR}")
    set_target_properties(sayso_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${_sayso_bin_to_lib}")
  endif()
endif()

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

# pkg-config: a static library needs its dependencies on the link line (pkg-config --static).
# The file is relocatable: its prefix is found from its own location, so that
# `cmake --install build --prefix DIR` gives a working DIR/lib/pkgconfig/sayso.pc.
if(SAYSO_CONFIG_STATIC)
  set(SAYSO_PC_REQUIRES_PRIVATE "icu-uc re2")
  set(SAYSO_PC_LIBS_PRIVATE "-pthread")
  set(SAYSO_PC_CFLAGS " -DSAYSO_STATIC")
else()
  set(SAYSO_PC_REQUIRES_PRIVATE "")
  set(SAYSO_PC_LIBS_PRIVATE "")
  set(SAYSO_PC_CFLAGS "")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SAYSO_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SAYSO_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH _sayso_pc_up "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" _sayso_pc_up "${_sayso_pc_up}")
  set(SAYSO_PC_PREFIX "\${pcfiledir}/${_sayso_pc_up}")
  set(SAYSO_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SAYSO_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SAYSO_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
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
