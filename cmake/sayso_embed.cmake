# sayso_embed(TARGET NAME FILE SYMBOL): compiles FILE into TARGET as
#   namespace sayso::detail { extern const std::string_view SYMBOL; }
# so that the default lexicons are part of the library (no data files to find at run time),
# while the same files are installed for users to read and adapt.
function(sayso_embed target file symbol)
  get_filename_component(_abs "${file}" ABSOLUTE)
  set(_out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
  add_custom_command(
    OUTPUT "${_out}"
    COMMAND "${CMAKE_COMMAND}" -DIN=${_abs} -DOUT=${_out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/sayso_embed_file.cmake"
    DEPENDS "${_abs}" "${PROJECT_SOURCE_DIR}/cmake/sayso_embed_file.cmake"
    COMMENT "Embedding ${file}"
    VERBATIM)
  target_sources(${target} PRIVATE "${_out}")
endfunction()
