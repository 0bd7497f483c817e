# Script mode: writes OUT, a C++ file defining sayso::detail::SYMBOL as the bytes of IN.
file(READ "${IN}" _hex HEX)
string(LENGTH "${_hex}" _len)
math(EXPR _bytes "${_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _chars "${_hex}")
file(WRITE "${OUT}"
"// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace sayso::detail {\nnamespace {\nconstexpr char data[] = {${_chars} '\\0'};\n}  // namespace\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL}{data, ${_bytes}};\n}  // namespace sayso::detail\n")
