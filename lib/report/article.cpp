// The report's article view: the text as properly nested nodes with every quote, cue, mention and
// piece of evidence marked, and each quote's details.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report/view.hpp"

namespace sayso::detail::report_view {

namespace {

enum class mark : std::uint8_t { quote = 0, cue = 1, mention = 2, evidence = 3 };

struct interval {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  mark type = mark::quote;
  std::vector<std::size_t> quotes;  // indices into the document's quotes
  bool anchor = false;  // the first piece of a quote: carries its id, marker and tab stop
  bool start = true;    // starts a content span (a remainder of a split range does not)
};

class text_builder {
 public:
  text_builder(std::string_view text, const std::vector<quote_view>& quotes,
               const std::vector<const quote*>& source, const speaker_registry& speakers)
      : text_(text), quotes_(quotes), source_(source), speakers_(speakers) {}

  data build() {
    collect();
    // Min-heap on (begin, longer first, outer type first); remainders of split ranges go back in.
    const auto later = [this](std::size_t a, std::size_t b) {
      const interval& x = intervals_[a];
      const interval& y = intervals_[b];
      if (x.begin != y.begin) return x.begin > y.begin;
      if (x.end != y.end) return x.end < y.end;
      if (x.type != y.type) return x.type > y.type;
      return a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
    for (std::size_t i = 0; i < intervals_.size(); ++i) heap.push(i);
    std::vector<std::size_t> stack;
    std::uint32_t pos = 0;
    const auto close_until = [&](std::uint32_t at) {
      while (!stack.empty() && intervals_[stack.back()].end <= at) {
        emit_text(pos, intervals_[stack.back()].end);
        pos = std::max(pos, intervals_[stack.back()].end);
        emit_close();
        stack.pop_back();
      }
    };
    while (!heap.empty()) {
      const std::size_t i = heap.top();
      heap.pop();
      close_until(intervals_[i].begin);
      emit_text(pos, intervals_[i].begin);
      pos = std::max(pos, intervals_[i].begin);
      if (!stack.empty() && intervals_[i].end > intervals_[stack.back()].end) {
        // Crosses the end of the enclosing element: split it there.
        interval rest = intervals_[i];
        rest.begin = intervals_[stack.back()].end;
        rest.anchor = false;
        rest.start = false;
        intervals_[i].end = rest.begin;
        intervals_.push_back(std::move(rest));
        heap.push(intervals_.size() - 1);
      }
      emit_open(intervals_[i]);
      stack.push_back(i);
    }
    close_until(static_cast<std::uint32_t>(text_.size()));
    emit_text(pos, static_cast<std::uint32_t>(text_.size()));
    return std::move(nodes_);
  }

 private:
  void collect() {
    std::unordered_map<std::uint64_t, std::size_t> shared;  // (begin, end, type) -> interval
    const auto add_shared = [&](byte_range r, mark type, std::size_t q) {
      const byte_range c = clip(r, text_);
      if (c.empty()) return;
      const std::uint64_t key = (std::uint64_t{c.begin} << 34U) ^ (std::uint64_t{c.end} << 2U) ^
                                static_cast<std::uint64_t>(type);
      const auto [it, added] = shared.try_emplace(key, intervals_.size());
      if (added) {
        intervals_.push_back({c.begin, c.end, type, {q}});
      } else if (intervals_[it->second].quotes.back() != q) {
        intervals_[it->second].quotes.push_back(q);
      }
    };
    for (std::size_t q = 0; q < source_.size(); ++q) {
      const quote& qt = *source_[q];
      bool first = true;
      for (const byte_range& r : qt.content) {
        const byte_range c = clip(r, text_);
        if (c.empty()) continue;
        intervals_.push_back({c.begin, c.end, mark::quote, {q}, first, true});
        first = false;
      }
      if (qt.cue) add_shared(qt.cue->range, mark::cue, q);
      if (qt.speaker) add_shared(qt.speaker->mention, mark::mention, q);
      for (const stance& s : qt.stances) {
        for (const byte_range& r : s.evidence) add_shared(r, mark::evidence, q);
      }
    }
  }

  void emit_text(std::uint32_t from, std::uint32_t to) {
    if (to <= from) return;
    data n = node();
    n.set("text", clean_utf8(text_.substr(from, to - from)));
    nodes_.push_back(n);
  }

  void emit_open(const interval& iv) {
    std::string ids;
    for (const std::size_t q : iv.quotes) {
      if (!ids.empty()) ids += ' ';
      ids += quotes_[q].id;
    }
    const quote_view& first = quotes_[iv.quotes.front()];
    const speaker_info& who = speakers_[first.speaker];
    const quote& q = *source_[iv.quotes.front()];
    data o;
    o.set("is_quote", iv.type == mark::quote);
    o.set("is_cue", iv.type == mark::cue);
    o.set("is_mention", iv.type == mark::mention);
    o.set("is_evidence", iv.type == mark::evidence);
    o.set("qids", ids);
    o.set("qid", first.id);
    o.set("number", first.number);
    o.set("kind", str(to_string(q.kind)));
    o.set("kind_symbol", str(kind_symbol(q.kind)));
    o.set("speaker", who.name);
    o.set("colour", std::to_string(first.colour));
    o.set("anchor", iv.type == mark::quote && iv.anchor);
    o.set("start", iv.start);
    data n = node();
    n.set("open", o);
    nodes_.push_back(n);
  }

  void emit_close() {
    data n = node();
    n.set("close", true);
    nodes_.push_back(n);
  }

  // Every key set, so that Mustache never looks a missing one up in an enclosing context.
  static data node() {
    data n;
    n.set("text", false);
    n.set("open", false);
    n.set("close", false);
    return n;
  }

  std::string_view text_;
  const std::vector<quote_view>& quotes_;
  const std::vector<const quote*>& source_;
  const speaker_registry& speakers_;
  std::vector<interval> intervals_;
  data nodes_{data::type::list};
};

}  // namespace

data article_nodes(std::string_view text, const std::vector<quote_view>& quotes,
                   const std::vector<const quote*>& source, const speaker_registry& speakers) {
  return text_builder(text, quotes, source, speakers).build();
}

data quote_details(const report_document& d, const quote& q, const quote_view& v,
                   const speaker_registry& speakers) {
  const speaker_info& who = speakers[v.speaker];
  const analysis& a = d.result;
  data stances{data::type::list};
  data reported{data::type::list};
  for (const stance& s : q.stances) {
    std::string evidence;
    for (const byte_range& r : s.evidence) {
      const std::string words = slice(d.text, r);
      if (words.empty()) continue;
      if (!evidence.empty()) evidence += ", ";
      evidence += "“" + words + "”";
    }
    data st;
    st.set("term", clean_utf8(s.term));
    st.set("label", str(to_string(s.label)));
    st.set("symbol", str(label_symbol(s.label)));
    st.set("evidence", evidence);
    st.set("has_evidence", !evidence.empty());
    const std::string condition = s.condition ? slice(d.text, *s.condition) : std::string();
    st.set("condition", condition);
    st.set("has_condition", !condition.empty());
    std::string holder = "another party";
    if (s.holder != no_entity && s.holder < a.entities.size()) {
      holder = clean_utf8(a.entities[s.holder].name);
    }
    st.set("holder", holder);
    (s.reported ? reported : stances).push_back(st);
  }
  data det;
  det.set("qid", v.id);
  det.set("number", v.number);
  det.set("kind", str(to_string(q.kind)));
  det.set("kind_symbol", str(kind_symbol(q.kind)));
  det.set("speaker", who.name);
  det.set("speaker_kind", who.kind);
  det.set("colour", std::to_string(v.colour));
  const std::string mention = q.speaker ? slice(d.text, q.speaker->mention) : std::string();
  det.set("mention", mention);
  det.set("has_mention", !mention.empty());
  const std::string cue = q.cue ? slice(d.text, q.cue->range) : std::string();
  det.set("cue", cue);
  det.set("has_cue", !cue.empty());
  det.set("text", quote_text(d.text, q));
  det.set("belief", q.belief);
  det.set("unclosed", !q.closed);
  det.set("stances", stances);
  det.set("has_stances", !stances.is_empty_list());
  det.set("reported", reported);
  det.set("has_reported", !reported.is_empty_list());
  return det;
}

}  // namespace sayso::detail::report_view
