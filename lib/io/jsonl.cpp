// JSON Lines input records (io/jsonl.hpp): a fast reader for the common record, nlohmann-json for
// everything else, and the error record.
#include "io/jsonl.hpp"

#include <cerrno>
#include <cstring>
#include <exception>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "output/json_writer.hpp"

namespace sayso::detail {

namespace {

// The common record, read without building a JSON document: an object of string members, "id"
// and "text" among them, the others strings, numbers without exponent, true, false or null.
// Anything else (another shape, an escape it does not know, ill-formed UTF-8, an error) is left
// to nlohmann-json, which gives the same result or the exact error message.
class record_reader {
 public:
  explicit record_reader(std::string_view line) : s_(line) {}

  bool read(std::string& id, std::string& text) {
    bool have_id = false;
    bool have_text = false;
    space();
    if (!take('{')) return false;
    space();
    std::string key;
    std::string value;
    for (;;) {
      if (!string(key)) return false;
      space();
      if (!take(':')) return false;
      space();
      const bool is_id = key == "id";
      const bool is_text = key == "text";
      if (is_id || is_text) {
        if ((is_id && have_id) || (is_text && have_text)) return false;  // a repeated member
        if (!string(is_id ? id : text)) return false;
        (is_id ? have_id : have_text) = true;
      } else if (!other_value(value)) {
        return false;
      }
      space();
      if (take('}')) break;
      if (!take(',')) return false;
      space();
    }
    space();
    return i_ == s_.size() && have_id && have_text;
  }

 private:
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool take(char c) {
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  [[nodiscard]] unsigned byte(std::size_t k) const { return k < s_.size() ? static_cast<unsigned char>(s_[k]) : 0U; }

  // A JSON string into `out` (unescaped): only well-formed UTF-8, no control characters.
  bool string(std::string& out) {
    out.clear();
    if (!take('"')) return false;
    for (;;) {
      const std::size_t run = i_;
      i_ += json_writer::plain_run(s_, i_);
      out.append(s_.substr(run, i_ - run));
      if (i_ >= s_.size()) return false;
      const unsigned c = byte(i_);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const std::size_t n = utf8_length(i_);
        if (n == 0) return false;
        out.append(s_.substr(i_, n));
        i_ += n;
        continue;
      }
      // An escape.
      const unsigned e = byte(i_ + 1);
      i_ += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (!take('\\') || !take('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          encode(cp, out);
          break;
        }
        default: return false;
      }
    }
  }

  bool hex4(unsigned& v) {
    if (i_ + 4 > s_.size()) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  static void encode(unsigned cp, std::string& out) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // Length of the well-formed UTF-8 sequence at byte k (a lead byte >= 0x80), or 0.
  [[nodiscard]] std::size_t utf8_length(std::size_t k) const {
    const unsigned c = byte(k);
    const auto cont = [this](std::size_t at) { return (byte(at) & 0xC0U) == 0x80U; };
    if (c >= 0xC2 && c <= 0xDF) return cont(k + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned lo = c == 0xE0 ? 0xA0U : 0x80U;
      const unsigned hi = c == 0xED ? 0x9FU : 0xBFU;
      return byte(k + 1) >= lo && byte(k + 1) <= hi && cont(k + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned lo = c == 0xF0 ? 0x90U : 0x80U;
      const unsigned hi = c == 0xF4 ? 0x8FU : 0xBFU;
      return byte(k + 1) >= lo && byte(k + 1) <= hi && cont(k + 2) && cont(k + 3) ? 4 : 0;
    }
    return 0;
  }

  // The value of a member other than "id" and "text", skipped.
  bool other_value(std::string& scratch) {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '"') return string(scratch);
    for (const std::string_view literal : {"true", "false", "null"}) {
      if (s_.substr(i_, literal.size()) == literal) {
        i_ += literal.size();
        return true;
      }
    }
    // A number without exponent (one that nlohmann-json could not find out of range).
    take('-');
    const std::size_t digits = i_;
    if (take('0')) {
      // a single 0
    } else {
      if (i_ >= s_.size() || s_[i_] < '1' || s_[i_] > '9') return false;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    if (i_ - digits > 300) return false;
    if (take('.')) {
      const std::size_t fraction = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == fraction) return false;
    }
    return i_ >= s_.size() || (s_[i_] != 'e' && s_[i_] != 'E');
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::string_view> jsonl_line_content(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
  return line;
}

void parse_jsonl_line(std::string_view line, input_record& j) {
  std::string id;
  std::string text;
  if (record_reader(line).read(id, text)) {
    j.id = std::move(id);
    j.text = std::move(text);
    return;
  }
  parse_jsonl_line_with_nlohmann(line, j);
}

void parse_jsonl_line_with_nlohmann(std::string_view line, input_record& j) {
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

std::size_t read_jsonl(std::istream& in, const std::string& name,
                       const std::function<bool(input_record&&)>& emit, bool parse) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::optional<std::string_view> content = jsonl_line_content(line);
    if (!content) continue;
    input_record j;
    j.source = name + ":" + std::to_string(number);
    if (parse) {
      parse_jsonl_line(*content, j);
    } else {
      line.resize(content->size());  // without its CR
      j.text.swap(line);             // the line moves into the record (getline refills `line`)
      j.raw = true;
    }
    if (!emit(std::move(j))) return number;
  }
  if (in.bad()) {
    input_record j;
    j.source = name + ":" + std::to_string(number + 1);
    j.error = std::string("read error: ") + std::strerror(errno);
    emit(std::move(j));
  }
  return number;
}

std::string error_record(std::string_view id, std::string_view source, std::string_view message) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.key("id");
  if (id.empty()) {
    w.null();
  } else {
    w.string(id);
  }
  w.key("error");
  w.begin_object();
  w.key("source");
  w.string(source);
  w.key("message");
  w.string(message);
  w.end_object();
  w.key("quotes");
  w.begin_array();
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace sayso::detail
