# Script mode: compiles and runs consumer/main.cpp with the flags the installed sayso.pc gives
# (pkg-config --static for a static library), as a Makefile user would.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
set(_static "")
if(STATIC)
  set(_static --static)
endif()
execute_process(COMMAND "${PKG_CONFIG}" ${_static} --cflags --libs sayso
                RESULT_VARIABLE _result OUTPUT_VARIABLE _flags ERROR_VARIABLE _error
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "pkg-config sayso failed: ${_error}")
endif()
message(STATUS "pkg-config flags: ${_flags}")
string(FIND "${_flags}" "-I${PREFIX}/" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "sayso.pc does not point into the install prefix ${PREFIX}: ${_flags}")
endif()
separate_arguments(_flags UNIX_COMMAND "${_flags}")
separate_arguments(_extra UNIX_COMMAND "${EXTRA_FLAGS}")
set(_exe "${WORK_DIR}/pkgconfig_consumer")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CXX}" -std=c++20 ${_extra} "${SOURCE}" -o "${_exe}" ${_flags}
                        "-Wl,-rpath,${PREFIX}/${LIBDIR}"
                RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "compiling with pkg-config's flags failed:\n${_output}")
endif()
execute_process(COMMAND "${_exe}" RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
message("${_output}")
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "pkgconfig_consumer exited with ${_result}")
endif()
