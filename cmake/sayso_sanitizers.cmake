# Sanitizer builds, in one place (simdjson's convention). SAYSO_SANITIZE=address gives
# ASan+UBSan, SAYSO_SANITIZE=thread gives TSan. They apply to every target of the build.
if(SAYSO_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(SAYSO_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(NOT SAYSO_SANITIZE STREQUAL "")
  message(FATAL_ERROR "SAYSO_SANITIZE must be empty, 'address' or 'thread', not '${SAYSO_SANITIZE}'")
endif()
