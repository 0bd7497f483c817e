// The one exception type sayso throws, with a stable code per cause.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <sayso/export.hpp>

SAYSO_BEGIN_NAMESPACE

/// Why an operation failed. The numeric values are stable across versions.
enum class errc : int {
  input_too_large = 1,   ///< text of 2 GiB or more: offsets are 32-bit
  lexicon = 2,           ///< a lexicon file is malformed (message names file, line, cause)
  io = 3,                ///< a file could not be read
  invalid_argument = 4,  ///< an option value is out of range or unknown
  json = 5,              ///< a JSON document record is malformed
  moved_from = 6,        ///< a moved-from object was used (assign it a new value first)
};

/// Returns a short stable name for a code ("input_too_large", "lexicon", ...).
SAYSO_EXPORT std::string_view to_string(errc code) noexcept;

/// Thrown for configuration problems (bad lexicon file, unknown option), refused input (too
/// large) and misuse (a moved-from pipeline). Extraction itself never throws on content: ill-formed
/// text is read as it is. The message names the file and line where there is one.
class SAYSO_EXPORT error : public std::runtime_error {
 public:
  error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] errc code() const noexcept { return code_; }

 private:
  errc code_;
};

SAYSO_END_NAMESPACE  // sayso::v1
