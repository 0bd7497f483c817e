// The pipeline: runs the stages in data-flow order over one document, and over batches on
// several threads.
#include <sayso/pipeline.hpp>

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>

#include <sayso/quotes.hpp>
#include <sayso/version.hpp>

#include "attribution/attributor.hpp"
#include "entities/resolver.hpp"
#include "pipeline/state.hpp"
#include "quotes/quotation_index.hpp"
#include "spans/stage.hpp"
#include "stance/compiled.hpp"
#include "stance/labeller.hpp"
#include "text/lexicon.hpp"

namespace sayso::detail {

namespace {

// Per-thread scratch memory reused from one document to the next.
struct workspace {
  document doc;
  std::vector<token_info> info;
  quotation_index quotations;
};

workspace& thread_workspace() {
  thread_local workspace ws;
  return ws;
}

}  // namespace

analysis run(const pipeline_state& state, std::string_view text, stage_observer* observer, label_trace* trace) {
  check_input_size(text.size());
  const auto done = [observer](stage s) {
    if (observer != nullptr) observer->finished(s);
  };
  workspace& ws = thread_workspace();
  ws.doc.assign(text);
  done(stage::segmentation);
  compute_features(ws.doc, *state.words, ws.info);
  done(stage::features);
  const std::vector<quotation> quotations = find_quotations(ws.doc);
  ws.quotations.assign(ws.doc, quotations);
  done(stage::quotations);
  std::vector<attributed_quote> found =
      attribute({ws.doc, ws.info, *state.words, ws.quotations, state.options.beliefs});
  if (state.options.span_model) {
    spans::apply({ws.doc, ws.info, *state.words, ws.quotations, state.options.beliefs}, spans::model::embedded(),
                 spans::mode::combined, found);
  }
  done(stage::attribution);
  resolution res = resolve_speakers(ws.doc, ws.info, *state.words, ws.quotations, found);
  done(stage::entities);

  analysis out;
  out.entities = std::move(res.entities);
  document_terms terms_named;  // counted once, for the quotes whose stance needs it
  out.quotes.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (res.not_quotes[i]) continue;  // "history teaches": no source, no quote
    const attributed_quote& r = found[i];
    quote q;
    q.kind = r.kind;
    q.content = r.spans;
    q.cue = res.cues[i];
    q.speaker = res.speaker_mentions[i];
    q.closed = r.closed;
    q.belief = r.belief;
    q.confidence = r.confidence;
    if (state.options.stances) {
      std::optional<reported_party> party;
      const label_model* model =
          state.options.labeller == stance_labeller::model ? &label_model::embedded() : nullptr;
      label_stances({ws.doc, ws.info, *state.words, out.entities, &terms_named, model,
                     state.options.labeller == stance_labeller::own_words,
                     trace != nullptr ? &trace->emplace_back() : nullptr},
                    term_lexicon_access::compiled(state.terms), r, res.speakers[i], q.stances,
                    party);
      if (party) {
        const entity_id holder = party_entity(out.entities, text, party->mention);
        for (stance& st : q.stances) {
          if (st.reported) st.holder = holder;
        }
      }
    }
    out.quotes.push_back(std::move(q));
  }
  ws.doc.assign({});
  done(stage::stance);
  return out;
}

}  // namespace sayso::detail

SAYSO_BEGIN_NAMESPACE

pipeline::pipeline() : pipeline(pipeline_options{}) {}

pipeline::pipeline(pipeline_options options) {
  term_lexicon terms = options.terms ? *options.terms : term_lexicon::ceasefire();
  state_ = std::make_unique<const detail::pipeline_state>(detail::lexicon::english(), std::move(terms),
                                                          std::move(options));
}

pipeline::~pipeline() = default;
pipeline::pipeline(pipeline&&) noexcept = default;
pipeline& pipeline::operator=(pipeline&&) noexcept = default;

const detail::pipeline_state& pipeline::state() const {
  if (!state_) {
    throw error(errc::moved_from,
                "sayso::pipeline: used after it was moved from (assign it a pipeline first)");
  }
  return *state_;
}

analysis pipeline::analyze(std::string_view text) const { return detail::run(state(), text); }

const term_lexicon& pipeline::terms() const { return state().terms; }

std::vector<batch_result> pipeline::analyze_batch(std::span<const std::string_view> texts,
                                                  unsigned threads) const {
  const detail::pipeline_state& st = state();
  // Filled out of order by the threads; a variant default-constructs (as an empty analysis).
  std::vector<std::variant<analysis, error>> outcomes(texts.size());
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, texts.size()));
  // Anything but a sayso::error (std::bad_alloc) must not leave a worker thread (that would call
  // std::terminate) nor end the batch while workers still run `one`: the first is kept and
  // rethrown on the calling thread once every document has been seen to.
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const std::function<void(std::size_t)> one = [&](std::size_t i) {
    try {
      outcomes[i] = detail::run(st, texts[i]);
    } catch (const error& e) {
      outcomes[i] = e;
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  if (threads <= 1) {
    for (std::size_t i = 0; i < texts.size(); ++i) one(i);
  } else {
    st.pool->run(texts.size(), threads - 1, one);
  }
  if (failure) std::rethrow_exception(failure);
  std::vector<batch_result> results;
  results.reserve(outcomes.size());
  for (std::variant<analysis, error>& o : outcomes) {
    if (analysis* a = std::get_if<analysis>(&o)) {
      results.emplace_back(std::move(*a));
    } else {
      results.emplace_back(std::move(std::get<error>(o)));
    }
  }
  return results;
}

std::string_view version() noexcept { return SAYSO_VERSION_STRING; }

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::input_too_large: return "input_too_large";
    case errc::lexicon: return "lexicon";
    case errc::io: return "io";
    case errc::invalid_argument: return "invalid_argument";
    case errc::json: return "json";
    case errc::moved_from: return "moved_from";
  }
  return "unknown";
}

std::string_view to_string(cue_kind kind) noexcept {
  switch (kind) {
    case cue_kind::verb: return "verb";
    case cue_kind::phrase: return "phrase";
    case cue_kind::colon: return "colon";
    case cue_kind::dash: return "dash";
  }
  return "unknown";
}

std::string_view to_string(entity_kind kind) noexcept {
  switch (kind) {
    case entity_kind::person: return "person";
    case entity_kind::organisation: return "organisation";
    case entity_kind::group: return "group";
    case entity_kind::anonymous: return "anonymous";
  }
  return "unknown";
}

SAYSO_END_NAMESPACE  // sayso::v1
