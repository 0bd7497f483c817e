// segmentation_check: sayso::document's tokens are ICU's word boundaries over the whole text.
//
// The tokenizer (lib/text/document.cpp) memoises ICU's boundaries per piece of text between
// ASCII white space and ASCII non-white space, which is exact only because ICU never joins
// across such a change. This checks it: on news-like text (twice, so that the second pass is
// served by the memo), on random strings mixing ASCII with the characters that matter to UAX
// #29 (combining marks, format characters, ZWJ, emoji, regional indicators, Katakana, Hebrew,
// ill-formed bytes), on short random strings of ASCII and common marks, on one long document, and on a second thread. Exit status 1 on a
// difference. Run by ctest (bench.segmentation_exact).
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <sayso/text.hpp>

#include "text/unicode.hpp"

namespace {

sayso::token_kind kind_of(std::int32_t rule, std::string_view s) {
  if (rule < UBRK_WORD_NONE_LIMIT) {
    const char32_t c = sayso::detail::first_code_point(s);
    if (sayso::detail::is_white_space(c)) return sayso::token_kind::space;
    if (sayso::detail::is_quotation_mark(c)) return sayso::token_kind::quotation_mark;
    return sayso::token_kind::punctuation;
  }
  if (rule < UBRK_WORD_NUMBER_LIMIT) return sayso::token_kind::number;
  return sayso::token_kind::word;
}

class checker {
 public:
  checker() {
    UErrorCode status = U_ZERO_ERROR;
    it_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) it_.reset();
  }

  bool ok() const { return it_ != nullptr; }

  // True when document(text) gives ICU's tokens.
  bool same(const std::string& text) {
    std::vector<sayso::token> expected;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<std::int64_t>(text.size()), &status);
    it_->setText(&ut, status);
    std::int32_t previous = it_->first();
    for (std::int32_t p = it_->next(); p != icu::BreakIterator::DONE; p = it_->next()) {
      const sayso::byte_range r{static_cast<std::uint32_t>(previous), static_cast<std::uint32_t>(p)};
      expected.push_back({r, kind_of(it_->getRuleStatus(), r.of(text))});
      previous = p;
    }
    utext_close(&ut);
    const sayso::document doc(text);
    const auto got = doc.tokens();
    bool equal = got.size() == expected.size();
    for (std::size_t k = 0; equal && k < got.size(); ++k) {
      equal = got[k].range == expected[k].range && got[k].kind == expected[k].kind;
    }
    return equal;
  }

 private:
  std::unique_ptr<icu::BreakIterator> it_;
};

constexpr std::string_view kPieces[] = {
    " ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f", "a", "Z", "1", "0", ".", ",", "'", "\"", ":", ";", "_", "-",
    "!", "?", "(", ")", "$", "%", "&",
    "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x94",  // ’ “ —
    "\xCC\x81",                                      // combining acute (Extend)
    "\xE2\x80\x8D", "\xE2\x80\x8B", "\xC2\xAD",      // ZWJ, ZWSP, soft hyphen (Format)
    "\xF0\x9F\x98\x80", "\xF0\x9F\x87\xBA", "\xF0\x9F\x87\xB8",  // emoji, regional indicators
    "\xE3\x82\xAB", "\xE4\xB8\xAD", "\xD7\x90", "\xC3\xA9", "\xEF\xBB\xBF", "\xC2\xA0", "\xE3\x80\x80",
    "\xFF", "\x80", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xCE\x87", "\xC2\xB7", "\xEF\xBC\x8E", "\xE0\xB8\x81",
    "\xEA\xB0\x80"};
constexpr std::string_view kWords[] = {
    "U.S.", "don't", "1,000", "3.5", "e-mail", "a_b", "3rd", "Mr.", "well-known", "#1", "$5", "50%", "x.y.z",
    "can't", "'90s", "the", "said", "said,", "\xE2\x80\x9CWe", "truce.\xE2\x80\x9D", "don\xE2\x80\x99t",
    "caf\xC3\xA9", "...", "--", "\"q\"", "(a)", "3:15", "1.2.3", "foo.bar.com", "_", "A1B2", "1a", "a1",
    "ceasefire", "Minister", "told", "reporters", "that"};
constexpr std::string_view kSeparators[] = {" ", "  ", "\n", "\n\n", "\t", "\r\n", " \xCC\x81", "\xC2\xAD",
                                            ", ", ". ", "", "\xC2\xA0"};

// Short strings of ASCII and the marks beyond it that the tokenizer cuts itself (simple_piece in
// lib/text/document.cpp), mostly letters, digits and the characters UAX #29 may join them with.
std::string random_simple(std::mt19937_64& r) {
  static constexpr std::string_view kCommon[] = {
      "a", "Z", "1", ".", ",", ";", "'", " ", "\n", "\r\n",
      "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",  // ‘ ’ “ ”
      "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6", "\xE2\x80\x9B"};  // – — … ‛
  std::string s;
  const std::size_t n = 1 + r() % 12;
  for (std::size_t k = 0; k < n; ++k) {
    switch (r() % 4) {
      case 0:
      case 1: s += kCommon[r() % std::size(kCommon)]; break;
      case 2: s += static_cast<char>(0x20 + r() % 0x5F); break;  // printable ASCII
      default: s += static_cast<char>(r() % 0x80); break;        // any ASCII
    }
  }
  return s;
}

std::string random_text(std::mt19937_64& r, bool news_like) {
  std::string s;
  const std::size_t n = 1 + r() % (news_like ? 200 : 40);
  for (std::size_t k = 0; k < n; ++k) {
    if (news_like || r() % 3 != 0) {
      s += kWords[r() % std::size(kWords)];
      s += kSeparators[r() % (news_like ? 3 : std::size(kSeparators))];
    } else {
      s += kPieces[r() % std::size(kPieces)];
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const long cases = argc > 1 ? std::stol(argv[1]) : 20000;
  checker c;
  if (!c.ok()) {
    std::fprintf(stderr, "segmentation_check: ICU could not create a word break iterator\n");
    return 2;
  }
  long differ = 0;
  long checked = 0;
  const auto check = [&](const std::string& text) {
    ++checked;
    if (!c.same(text)) {
      if (++differ <= 5) std::printf("tokens differ from ICU's for: %s\n", text.substr(0, 120).c_str());
    }
  };
  std::mt19937_64 r(2024);
  std::vector<std::string> news;
  for (int k = 0; k < 200; ++k) news.push_back(random_text(r, true));
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& t : news) check(t);  // the second pass is served by the memo
  }
  for (long k = 0; k < cases; ++k) check(random_text(r, false));
  for (long k = 0; k < 5 * cases; ++k) check(random_simple(r));
  // Known text with a few new pieces: ICU fills them in one by one.
  for (long k = 0; k < cases / 10; ++k) {
    std::string t = news[k % news.size()];
    for (int n = 0; n < 3; ++n) {
      std::string piece = " ";
      piece += random_text(r, false);
      piece += ' ';
      t.insert(r() % (t.size() + 1), piece);
    }
    check(t);
  }
  std::string long_text;
  while (long_text.size() < 400000) long_text += news[long_text.size() % news.size()] + "\n\n";
  check(long_text);
  std::thread other([&] {
    checker c2;
    for (const std::string& t : news) {
      if (!c2.same(t)) ++differ;
    }
  });
  other.join();
  std::printf("segmentation_check: %ld texts, %ld with tokens other than ICU's\n", checked, differ);
  return differ == 0 ? 0 : 1;
}
