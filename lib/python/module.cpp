// The Python binding: sayso._sayso, wrapped by the pure-Python package sayso (sayso/__init__.py).
//
// Results cross into Python as the CLI's JSON (sayso::to_json) parsed with Python's json module,
// so a dict from Pipeline.analyze() is by construction the object `sayso extract` writes for the
// same text, and the two cannot drift apart. The GIL is released while C++ analyses and renders;
// texts are borrowed from the Python objects (kept alive by references held on the C++ side).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sayso/sayso.hpp>

#include "io/jsonl.hpp"

namespace py = pybind11;

namespace {

// How a pipeline was configured, kept so that it can be pickled: the lexicon travels as text,
// so a pipeline unpickled on another machine does not need the file.
struct config {
  std::optional<std::string> terms_text;  // TOML; nullopt: the default ceasefire terms
  std::string terms_name;                 // file name for error messages
  bool beliefs = true;
  bool stance = true;
};

sayso::pipeline build(const config& c) {
  sayso::pipeline_options options;
  if (c.terms_text) options.terms = sayso::term_lexicon::from_string(*c.terms_text, c.terms_name);
  options.beliefs = c.beliefs;
  options.stances = c.stance;
  return sayso::pipeline(std::move(options));
}

// Same messages as term_lexicon::from_file, which this replaces so that the text is kept.
std::string read_lexicon(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw sayso::error(sayso::errc::io, path.string() + ": cannot open term lexicon file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    throw sayso::error(sayso::errc::io, path.string() + ": cannot read term lexicon file");
  return buffer.str();
}

sayso::offset_unit parse_unit(const std::string& s) {
  if (s == "codepoint" || s == "code_point") return sayso::offset_unit::code_point;
  if (s == "utf8" || s == "byte" || s == "bytes") return sayso::offset_unit::utf8;
  if (s == "utf16") return sayso::offset_unit::utf16;
  throw sayso::error(sayso::errc::invalid_argument,
                     "offsets: unknown unit '" + s + "' (expected codepoint, utf8 or utf16)");
}

// A view of the UTF-8 of a str (cached inside the str object) or the bytes of a bytes object.
// Valid while `o` is alive; needs the GIL.
std::string_view utf8_of(const py::handle& o, const char* what) {
  if (PyUnicode_Check(o.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(o.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
  }
  if (PyBytes_Check(o.ptr())) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(o.ptr(), &data, &size) != 0) throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
  }
  throw py::type_error(std::string(what) + " must be str or bytes, not " +
                       std::string(py::str(py::type::handle_of(o).attr("__name__"))));
}

// The CLI turns an integer id into its decimal text; None means "no id".
std::optional<std::string> id_of(const py::handle& id) {
  if (id.is_none()) return std::nullopt;
  if (PyLong_Check(id.ptr()) && !PyBool_Check(id.ptr())) return std::string(py::str(id));
  if (PyUnicode_Check(id.ptr())) return id.cast<std::string>();
  throw py::type_error("id must be str, int or None");
}

// to_json always writes a string id; a document without one gets null instead.
std::string render(const std::optional<std::string>& id, std::string_view text,
                   const sayso::analysis& a, const sayso::output_options& options) {
  std::string out = sayso::to_json(id ? *id : std::string_view{}, text, a, options);
  constexpr std::string_view empty_id = R"({"id":"")";
  if (!id && out.starts_with(empty_id)) out.replace(0, empty_id.size(), R"({"id":null)");
  return out;
}

py::object loads(const std::string& json) {
  return py::module_::import("json").attr("loads")(json);
}

class py_pipeline {
 public:
  explicit py_pipeline(config c) : config_(std::move(c)), pipeline_(build(config_)) {}

  static py_pipeline from_args(const std::optional<std::filesystem::path>& terms, bool beliefs,
                               bool stance) {
    config c;
    if (terms) {
      c.terms_text = read_lexicon(*terms);
      c.terms_name = terms->string();
    }
    c.beliefs = beliefs;
    c.stance = stance;
    return py_pipeline(std::move(c));
  }

  py::object analyze(const py::object& text, const py::object& id) const {
    return loads(analyze_json(text, id));
  }

  std::string analyze_json(const py::object& text, const py::object& id) const {
    const std::optional<std::string> key = id_of(id);
    const std::string_view view = utf8_of(text, "text");
    std::string out;
    {
      py::gil_scoped_release release;
      out = render(key, view, pipeline_.analyze(view), {});
    }
    return out;
  }

  py::list analyze_batch(const py::iterable& texts, unsigned threads, const py::object& ids) const {
    std::vector<py::object> keep;  // references that keep the borrowed UTF-8 alive
    std::vector<std::string_view> views;
    for (const py::handle& t : texts) {
      keep.push_back(py::reinterpret_borrow<py::object>(t));
      views.push_back(utf8_of(t, "each text"));
    }
    std::vector<std::optional<std::string>> keys(views.size());
    if (!ids.is_none()) {
      std::size_t i = 0;
      for (const py::handle& id : ids.cast<py::iterable>()) {
        if (i == keys.size()) throw py::value_error("ids: more ids than texts");
        keys[i++] = id_of(id);
      }
      if (i != keys.size()) throw py::value_error("ids: fewer ids than texts");
    }
    std::vector<std::string> rendered(views.size());
    std::optional<sayso::error> failure;
    std::size_t failed_at = 0;
    {
      py::gil_scoped_release release;
      const auto results = pipeline_.analyze_batch(views, threads);
      for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i]) {
          failure = results[i].failure();
          failed_at = i;
          break;
        }
        rendered[i] = render(keys[i], views[i], results[i].value(), {});
      }
    }
    if (failure) {
      throw sayso::error(failure->code(),
                         "text " + std::to_string(failed_at) + ": " + failure->what());
    }
    py::list out;
    for (const std::string& json : rendered) out.append(loads(json));
    return out;
  }

  // What `sayso extract` writes for these JSONL lines: one JSON string per non-blank line, in
  // order; a malformed line gives the CLI's error record ("source" is SOURCE:LINE).
  std::vector<std::string> map_jsonl(const py::iterable& lines, const std::string& source,
                                     std::size_t first_line, unsigned threads,
                                     const std::string& offsets, bool include_text) const {
    sayso::output_options options;
    options.offsets = parse_unit(offsets);
    options.include_text = include_text;
    std::vector<py::object> keep;
    std::vector<std::string_view> raw;
    for (const py::handle& l : lines) {
      keep.push_back(py::reinterpret_borrow<py::object>(l));
      raw.push_back(utf8_of(l, "each line"));
    }
    std::vector<std::string> out;
    {
      py::gil_scoped_release release;
      std::vector<sayso::detail::input_record> records;
      records.reserve(raw.size());
      for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::optional<std::string_view> line = sayso::detail::jsonl_line_content(raw[i]);
        if (!line) continue;
        sayso::detail::input_record& r = records.emplace_back();
        r.source = source + ":" + std::to_string(first_line + i);
        sayso::detail::parse_jsonl_line(*line, r);
      }
      std::vector<std::string_view> texts;
      std::vector<std::size_t> index;
      for (std::size_t i = 0; i < records.size(); ++i) {
        if (!records[i].error) {
          texts.emplace_back(records[i].text);
          index.push_back(i);
        }
      }
      const auto results = pipeline_.analyze_batch(texts, threads);
      out.resize(records.size());
      for (std::size_t k = 0; k < results.size(); ++k) {
        sayso::detail::input_record& r = records[index[k]];
        if (results[k]) {
          out[index[k]] = sayso::to_json(r.id, r.text, results[k].value(), options);
        } else {
          r.error = results[k].failure().what();
        }
      }
      for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].error) {
          out[i] = sayso::detail::error_record(records[i].id, records[i].source, *records[i].error);
        }
      }
    }
    return out;
  }

  [[nodiscard]] py::list terms() const {
    py::list out;
    for (const sayso::term_info& t : pipeline_.terms().terms()) {
      py::dict d;
      d["id"] = t.id;
      d["description"] = t.description;
      d["expressions"] = t.expressions;
      out.append(d);
    }
    return out;
  }

  [[nodiscard]] py::tuple state() const {
    py::object text =
        config_.terms_text ? py::object(py::str(*config_.terms_text)) : py::object(py::none());
    return py::make_tuple(text, config_.terms_name, config_.beliefs, config_.stance);
  }

  static py_pipeline from_state(const py::tuple& t) {
    if (t.size() != 4) throw std::runtime_error("sayso.Pipeline: bad pickle state");
    config c;
    if (!t[0].is_none()) c.terms_text = t[0].cast<std::string>();
    c.terms_name = t[1].cast<std::string>();
    c.beliefs = t[2].cast<bool>();
    c.stance = t[3].cast<bool>();
    return py_pipeline(std::move(c));
  }

  [[nodiscard]] std::string repr() const {
    std::string s = "sayso.Pipeline(terms=";
    s += config_.terms_text ? "'" + config_.terms_name + "'" : "None";
    s += config_.beliefs ? "" : ", beliefs=False";
    s += config_.stance ? "" : ", stance=False";
    return s + ")";
  }

 private:
  config config_;
  sayso::pipeline pipeline_;
};

}  // namespace

PYBIND11_MODULE(_sayso, m) {
  m.doc() = "sayso: quotes, speakers and stance in news text (C++ core; use the sayso package)";
  m.attr("__version__") = std::string(sayso::version());

  // sayso.Error is a ValueError: every sayso::error is a bad value (a lexicon file, an option, an
  // input too large). `code` carries the stable name of sayso::errc ("lexicon", "io", ...).
  static py::exception<sayso::error> error_type(m, "Error", PyExc_ValueError);
  // NOLINTNEXTLINE(performance-unnecessary-value-param): pybind11 fixes the signature
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const sayso::error& e) {
      py::object instance = py::reinterpret_borrow<py::object>(error_type)(e.what());
      instance.attr("code") = std::string(sayso::to_string(e.code()));
      PyErr_SetObject(error_type.ptr(), instance.ptr());
    }
  });

  py::class_<py_pipeline>(m, "Pipeline",
                          R"(Finds quotes, attributes them to speakers and tags stance on terms.

Pipeline(terms=None, beliefs=True, stance=True)

terms: path of a TOML term lexicon (ceasefire.toml's format); None for the ceasefire terms.
beliefs: report attributed beliefs ("X believes ...") as quotes.
stance: compute stances.

Thread-safe: one pipeline may be used from many threads at once; the GIL is released while it
works. Picklable: the lexicon travels as text. Construction compiles the lexicons (milliseconds),
so build one per process and reuse it (sayso.shared_pipeline does that).)")
      .def(py::init(&py_pipeline::from_args), py::arg("terms") = py::none(),
           py::arg("beliefs") = true, py::arg("stance") = true)
      .def(
          "analyze", &py_pipeline::analyze, py::arg("text"), py::arg("id") = py::none(),
          R"(Analyses one document (str, or UTF-8 bytes) and returns the JSON object `sayso extract`
writes for it, as a dict: {"id", "quotes": [...], "entities": [...]}. Offsets are code points,
that is Python string indices. "id" is the given id (int ids become strings, as in the CLI) or None.)")
      .def("analyze_json", &py_pipeline::analyze_json, py::arg("text"), py::arg("id") = py::none(),
           "Like analyze(), but returns the JSON text (one line, no newline) exactly as the CLI "
           "writes it.")
      .def(
          "analyze_batch", &py_pipeline::analyze_batch, py::arg("texts"), py::arg("threads") = 0U,
          py::arg("ids") = py::none(),
          R"(Analyses many documents on `threads` threads (0: all cores); returns a list of dicts in input
order. Raises sayso.Error if a document is refused (a text of 2 GiB or more).)")
      .def(
          "map_jsonl", &py_pipeline::map_jsonl, py::arg("lines"), py::arg("source") = "<input>",
          py::arg("first_line") = 1U, py::arg("threads") = 1U, py::arg("offsets") = "codepoint",
          py::arg("include_text") = true,
          R"(Runs `sayso extract` over JSONL lines ({"id", "text"} per line, str or bytes, with or without
the newline): returns one JSON string per non-blank line, in order, byte for byte what the CLI
writes. A malformed line gives the CLI's error record with "source": "SOURCE:LINE", numbering
lines from first_line. offsets: codepoint, utf8 or utf16; include_text: as the CLI's --no-text.)")
      .def_property_readonly(
          "terms", &py_pipeline::terms,
          "The active term lexicon: a list of {'id', 'description', 'expressions'}.")
      .def("__repr__", &py_pipeline::repr)
      .def(py::pickle([](const py_pipeline& p) { return p.state(); },
                      [](const py::tuple& t) { return py_pipeline::from_state(t); }));
}
