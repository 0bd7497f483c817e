# Script mode: installs the build tree BUILD_DIR (configuration CONFIG) into a fresh PREFIX with
# `cmake --install`, then checks that the install holds what users and packagers need.
file(REMOVE_RECURSE "${PREFIX}")
set(_config_args "")
if(CONFIG)
  set(_config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${_config_args}
                RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${_result}):\n${_output}")
endif()

set(_missing "")
foreach(_file IN ITEMS
    include/sayso/sayso.hpp include/sayso/version.hpp include/sayso/export.hpp
    ${LIBDIR}/cmake/sayso/saysoConfig.cmake ${LIBDIR}/cmake/sayso/saysoConfigVersion.cmake
    ${LIBDIR}/cmake/sayso/saysoTargets.cmake ${LIBDIR}/cmake/sayso/Findre2.cmake
    ${LIBDIR}/pkgconfig/sayso.pc
    share/sayso/lexicons/ceasefire.toml share/sayso/lexicons/english.toml share/sayso/lexicons/stance.toml
    share/doc/sayso/LICENSE share/doc/sayso/README.md)
  if(NOT EXISTS "${PREFIX}/${_file}")
    list(APPEND _missing "${_file}")
  endif()
endforeach()
file(GLOB _libs "${PREFIX}/${LIBDIR}/libsayso.*")
if(NOT _libs)
  list(APPEND _missing "${LIBDIR}/libsayso.*")
endif()
if(CLI AND NOT EXISTS "${PREFIX}/bin/sayso")
  list(APPEND _missing "bin/sayso")
endif()
# Private headers and dependencies' headers must not be installed.
file(GLOB_RECURSE _headers RELATIVE "${PREFIX}/include" "${PREFIX}/include/*")
foreach(_header IN LISTS _headers)
  if(NOT _header MATCHES "^sayso/[a-z_]+\\.hpp$")
    list(APPEND _missing "unexpected header include/${_header}")
  endif()
endforeach()
if(_missing)
  list(JOIN _missing "\n  " _list)
  message(FATAL_ERROR "install into ${PREFIX} is wrong:\n  ${_list}")
endif()
message(STATUS "installed into ${PREFIX}: ${_libs}")
