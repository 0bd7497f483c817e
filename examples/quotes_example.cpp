// The headline use of sayso: analyse a news text and print each quote's kind, speaker and
// content. Usage: quotes_example [FILE] (UTF-8 text; without FILE, a short built-in text).
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <sayso/sayso.hpp>

namespace {

// The speaker's canonical name if the document establishes one, else the mention's words.
std::string speaker_of(const sayso::analysis& result, const sayso::quote& q,
                       std::string_view text) {
  if (!q.speaker) return "(unknown)";
  if (q.speaker->entity != sayso::no_entity) return result.entities[q.speaker->entity].name;
  if (!q.speaker->mention.empty()) return std::string(q.speaker->mention.of(text));
  return "(unknown)";
}

}  // namespace

int main(int argc, char** argv) {
  std::string text = "“We will not sign anything,” she said, “until the shelling stops.”";
  if (argc > 1) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::cerr << "quotes_example: cannot open " << argv[1] << '\n';
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  try {
    const sayso::pipeline pipeline;  // default English news lexicons and ceasefire terms
    const sayso::analysis result = pipeline.analyze(text);
    for (const sayso::quote& q : result.quotes) {
      std::cout << sayso::to_string(q.kind) << " | " << speaker_of(result, q, text) << " | ";
      // A quotation interrupted by its attribution has several spans: join them with " … ".
      for (std::size_t i = 0; i < q.content.size(); ++i) {
        std::cout << (i > 0 ? " … " : "") << q.content[i].of(text);
      }
      std::cout << '\n';
    }
    std::cout << result.quotes.size() << " quote" << (result.quotes.size() == 1 ? "" : "s") << '\n';
  } catch (const sayso::error& e) {  // only for input of 2 GiB or more
    std::cerr << "quotes_example: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
