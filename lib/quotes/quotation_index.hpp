// Internal: where the quotations of a document lie in its tokens, built once per document and read
// by attribution.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include <sayso/quotes.hpp>
#include <sayso/text.hpp>

#include "text/token_view.hpp"

namespace sayso::detail {

/// The quotations of one document over its tokens: which outermost quotation each token is in,
/// which tokens are inside the marks of one, each quotation's first and last token, and which
/// quotation continues which (across paragraphs). Built once per document and read by
/// attribution and speaker resolution. Built by assign() in one pass over the quotations and the
/// tokens they cover; its buffers are reused from one document to the next. Reads the quotations it
/// was given, which must outlive it. Thread-compatible.
class quotation_index {
 public:
  /// First and last token of a quotation (the closing mark; for an unclosed quotation, the last
  /// token of its paragraph).
  struct marks {
    std::uint32_t open_tok;
    std::uint32_t close_tok;
  };

  void assign(const document& doc, const std::vector<quotation>& quotations);

  [[nodiscard]] const std::vector<quotation>& quotations() const noexcept { return *quots_; }
  /// The outermost quotation token i is in (marks included), or npos.
  [[nodiscard]] std::uint32_t of(std::uint32_t i) const noexcept { return qid_[i]; }
  [[nodiscard]] const marks& marks_of(std::uint32_t q) const noexcept { return marks_[q]; }
  [[nodiscard]] const std::vector<marks>& all_marks() const noexcept { return marks_; }
  [[nodiscard]] const std::vector<std::uint32_t>& token_quotations() const noexcept { return qid_; }
  /// Per token: inside the marks of an outermost quotation (from the token at its inner text's
  /// start to the token at its end; the marks are not).
  [[nodiscard]] const std::vector<bool>& inner_tokens() const noexcept { return inner_; }
  /// (continued quotation, quotation continuing it) pairs, sorted.
  [[nodiscard]] std::span<const std::pair<std::uint32_t, std::uint32_t>> continued_by()
      const noexcept {
    return continued_by_;
  }

 private:
  const std::vector<quotation>* quots_ = nullptr;
  std::vector<std::uint32_t> qid_;
  std::vector<bool> inner_;
  std::vector<marks> marks_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> continued_by_;
};

}  // namespace sayso::detail
