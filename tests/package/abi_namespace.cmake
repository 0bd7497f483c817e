# Script mode: checks that the library's symbols carry the ABI namespace (sayso/export.hpp,
# SAYSO_BEGIN_NAMESPACE): every public name is sayso::v1::..., so that code built against other
# headers fails to link. LIB is the library file, NM the nm to read it with, SHARED whether it
# is a shared library (then its exported symbols are read, else all its global ones).
set(_args --defined-only)
if(SHARED)
  list(APPEND _args -D)
endif()
execute_process(COMMAND "${NM}" ${_args} "${LIB}" RESULT_VARIABLE _result OUTPUT_VARIABLE _symbols
                ERROR_VARIABLE _error)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "${NM} ${LIB} failed (${_result}): ${_error}")
endif()
string(REPLACE "\n" ";" _lines "${_symbols}")
set(_versioned 0)
set(_bad "")
foreach(_line IN LISTS _lines)
  # "ADDRESS TYPE NAME"; global symbols only (upper-case types, and u for unique globals).
  if(NOT _line MATCHES "^[0-9a-fA-F]* +([A-Zu]) +(.+)$")
    continue()
  endif()
  set(_name "${CMAKE_MATCH_2}")
  if(CMAKE_MATCH_1 STREQUAL "U")
    continue()
  endif()
  # In a mangled name, "N5sayso" opens a name nested in namespace sayso; the next component must
  # be the ABI namespace (2v1) or the library's hidden internals (6detail).
  string(REGEX REPLACE "N5sayso(2v1|6detail)" "" _rest "${_name}")
  if(_rest MATCHES "N5sayso")
    list(APPEND _bad "${_name}")
  endif()
  if(_name MATCHES "N5sayso2v1")
    math(EXPR _versioned "${_versioned} + 1")
  endif()
endforeach()
if(_bad)
  list(LENGTH _bad _count)
  list(SUBLIST _bad 0 20 _some)
  list(JOIN _some "\n  " _list)
  message(FATAL_ERROR "${_count} symbols of ${LIB} are in namespace sayso but not in sayso::v1 (declare them "
                      "between SAYSO_BEGIN_NAMESPACE and SAYSO_END_NAMESPACE), for example:\n  ${_list}")
endif()
# The pipeline's entry point, sayso::v1::pipeline::analyze(std::string_view) const.
if(NOT _symbols MATCHES "_ZNK5sayso2v18pipeline7analyze")
  message(FATAL_ERROR "${LIB} has no symbol sayso::v1::pipeline::analyze")
endif()
message(STATUS "${_versioned} symbols of ${LIB} carry the ABI namespace sayso::v1; none is outside it")
