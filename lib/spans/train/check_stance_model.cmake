# Script mode (ctest model.stance_reproducible): trains the stance label model with the shipped
# options (README, "The stance label model") and fails unless the result equals the shipped model
# byte for byte.
execute_process(COMMAND "${TRAIN}" stance-train --set "cn=${CN_DOCS},${CN_GOLD},by-conflict"
                        --set "cf=${CF_DOCS},${CF_GOLD}" --l2 0.01 -o "${OUT}"
                RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "sayso-train stance-train failed (${_result})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}" "${EXPECTED}" RESULT_VARIABLE _differs)
if(NOT _differs EQUAL 0)
  message(FATAL_ERROR "${OUT} differs from ${EXPECTED}: retrain (README: The stance label model) and commit the model")
endif()
message(STATUS "${OUT} is identical to ${EXPECTED}")
