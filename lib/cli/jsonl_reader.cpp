#include "cli/jsonl_reader.hpp"

#include <cerrno>
#include <cstring>
#include <exception>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace sayso::cli {

void parse_jsonl_line(std::string_view line, job& j) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(line);
    if (!doc.is_object()) throw std::runtime_error("a record must be a JSON object");
    const auto id = doc.find("id");
    if (id == doc.end() || !(id->is_string() || id->is_number_integer())) {
      throw std::runtime_error("a record needs an \"id\" (string or integer)");
    }
    j.id = id->is_string() ? id->get<std::string>() : id->dump();
    const auto text = doc.find("text");
    if (text == doc.end() || !text->is_string()) {
      throw std::runtime_error("record \"" + j.id + "\" needs a \"text\" string");
    }
    j.text = text->get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    j.error = std::string("invalid JSON: ") + e.what();
  } catch (const std::exception& e) {
    j.error = e.what();
  }
}

std::size_t read_jsonl(std::istream& in, const std::string& name, const std::function<bool(job&&)>& emit,
                       bool parse) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    job j;
    j.source = name + ":" + std::to_string(number);
    if (parse) {
      parse_jsonl_line(line, j);
    } else {
      j.text = line;
      j.raw = true;
    }
    if (!emit(std::move(j))) return number;
  }
  if (in.bad()) {
    job j;
    j.source = name + ":" + std::to_string(number + 1);
    j.error = std::string("read error: ") + std::strerror(errno);
    emit(std::move(j));
  }
  return number;
}

}  // namespace sayso::cli
