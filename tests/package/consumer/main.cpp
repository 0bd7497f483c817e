// Links the installed sayso and uses its public API: the pipeline, the result types, JSON
// output, the term lexicon and the error type (thrown across the library boundary).
#include <iostream>
#include <string_view>

#include <sayso/sayso.hpp>

int main() {
  const std::string_view text =
      "“We will not sign anything,” she said, “until the shelling stops.”";
  const sayso::pipeline pipeline;
  const sayso::analysis result = pipeline.analyze(text);
  std::cout << "sayso " << sayso::version() << " (header " << SAYSO_VERSION_STRING << ")\n";
  for (const sayso::quote& q : result.quotes) {
    std::cout << sayso::to_string(q.kind) << ':';
    for (const sayso::byte_range& r : q.content)
      std::cout << " [" << r.begin << ',' << r.end << ')';
    std::cout << '\n';
  }
  std::cout << sayso::to_json("consumer", text, result).substr(0, 30) << '\n';
  std::cout << "terms: " << sayso::term_lexicon::ceasefire().terms().size() << '\n';
  try {
    (void)sayso::term_lexicon::from_string("[[term]]\nid = 1\n", "consumer.toml");
  } catch (const sayso::error& e) {
    std::cout << "error " << sayso::to_string(e.code()) << ": " << e.what() << '\n';
  }
  return result.quotes.size() == 1 ? 0 : 1;
}
