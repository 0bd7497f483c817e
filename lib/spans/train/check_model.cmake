# Script mode (ctest model.reproducible): trains the span model with the shipped options and
# fails unless the result equals the shipped model byte for byte.
execute_process(COMMAND "${TRAIN}" train --docs "${DOCS}" --gold "${GOLD}" -o "${OUT}"
                RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "sayso-train failed (${_result})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}" "${EXPECTED}" RESULT_VARIABLE _differs)
if(_differs)
  message(FATAL_ERROR "${OUT} differs from ${EXPECTED}: retrain (README: The span model) and commit the model")
endif()
message(STATUS "${OUT} is identical to ${EXPECTED}")
