// Stage 4, entities: who the speakers are, resolved within one document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sayso/export.hpp>
#include <sayso/text.hpp>

SAYSO_BEGIN_NAMESPACE

/// What sort of entity a speaker is.
enum class entity_kind : std::uint8_t {
  person,        ///< a named person ("Sergei Lavrov")
  organisation,  ///< an organisation, government or metonym ("the Kremlin", "Washington")
  group,         ///< an unnamed group ("European leaders", "officials")
  anonymous,     ///< an anonymous source, named by its fullest description
};

/// "person", "organisation", "group" or "anonymous".
SAYSO_EXPORT std::string_view to_string(entity_kind kind) noexcept;

/// An entity of the document: its canonical name (the fullest form the document gives, without
/// titles; for an anonymous source its fullest description) and every mention resolved to it.
struct entity {
  std::string name;
  entity_kind kind = entity_kind::person;
  std::vector<byte_range> mentions;  ///< in text order
};

SAYSO_END_NAMESPACE  // sayso::v1
