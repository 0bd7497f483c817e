// The pipeline: runs the stages in data-flow order over one document, and over batches on
// several threads.
#include <sayso/pipeline.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <sayso/quotes.hpp>
#include <sayso/version.hpp>

#include "attribution/attributor.hpp"
#include "entities/resolver.hpp"
#include "pipeline/state.hpp"
#include "quotes/quotation_index.hpp"
#include "spans/stage.hpp"
#include "stance/labeller.hpp"
#include "text/lexicon.hpp"

namespace sayso {

namespace detail {

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

analysis run(const pipeline_state& state, std::string_view text, stage_observer* observer) {
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
    if (state.options.stance) {
      std::optional<reported_party> party;
      label_stances({ws.doc, ws.info, *state.words, out.entities, &terms_named}, state.terms.impl(), r,
                    res.speakers[i], q.stances, party);
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

}  // namespace detail

pipeline::pipeline() : pipeline(pipeline_options{}) {}

pipeline::pipeline(pipeline_options options) {
  term_lexicon terms = options.terms ? *options.terms : term_lexicon::ceasefire();
  state_ = std::make_unique<const detail::pipeline_state>(detail::lexicon::english(), std::move(terms),
                                                          std::move(options));
}

pipeline::~pipeline() = default;
pipeline::pipeline(pipeline&&) noexcept = default;
pipeline& pipeline::operator=(pipeline&&) noexcept = default;

analysis pipeline::analyze(std::string_view text) const { return detail::run(*state_, text); }

const term_lexicon& pipeline::terms() const noexcept { return state_->terms; }

namespace {

// The worker threads of analyze_batch, shared by all pipelines and kept from one batch to the
// next: a thread's state (its segmentation memo, its workspace, its ICU iterator) stays warm,
// where threads started for each batch would begin cold every time. Created on first use and
// never destroyed (the threads wait, idle, until the process ends).
class batch_pool {
 public:
  static batch_pool& instance() {
    static batch_pool* const pool = new batch_pool;  // never destroyed: no order-of-exit hazards
    return *pool;
  }

  // Calls task(i) for every i in [0, count), on the calling thread and on up to `helpers` pool
  // threads; returns when all calls have returned.
  void run(std::size_t count, unsigned helpers, const std::function<void(std::size_t)>& task) {
    auto j = std::make_shared<job>(count, helpers, &task);
    {
      const std::lock_guard lock(mutex_);
      while (threads_ < std::min(helpers, kMaxThreads)) {
        std::thread([this] { work(); }).detach();
        ++threads_;
      }
      queue_.push_back(j);
    }
    work_ready_.notify_all();
    j->work();
    {
      // Helpers that have not come yet need not come.
      const std::lock_guard lock(mutex_);
      const auto it = std::find(queue_.begin(), queue_.end(), j);
      if (it != queue_.end()) queue_.erase(it);
    }
    std::unique_lock lock(j->mutex);
    j->finished.wait(lock, [&] { return j->done == j->count; });
  }

 private:
  static constexpr unsigned kMaxThreads = 256;

  struct job {
    job(std::size_t n, unsigned h, const std::function<void(std::size_t)>* t) : count(n), helpers(h), task(t) {}
    // Takes items until there are none left; a helper that comes late finds none and never
    // touches `task` (which lives on the caller's stack).
    void work() {
      for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
        (*task)(i);
        if (done.fetch_add(1) + 1 == count) {
          const std::lock_guard lock(mutex);
          finished.notify_all();
        }
      }
    }
    const std::size_t count;
    const unsigned helpers;
    unsigned joined = 0;  // helpers that took the job (guarded by the pool's mutex)
    const std::function<void(std::size_t)>* const task;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex mutex;
    std::condition_variable finished;
  };

  void work() {
    for (;;) {
      std::shared_ptr<job> j;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [this] { return !queue_.empty(); });
        j = queue_.front();
        if (++j->joined >= j->helpers) queue_.pop_front();
      }
      j->work();
    }
  }

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::deque<std::shared_ptr<job>> queue_;  // jobs that want more helpers
  unsigned threads_ = 0;
};

}  // namespace

std::vector<batch_result> pipeline::analyze_batch(std::span<const std::string_view> texts,
                                                  unsigned threads) const {
  std::vector<batch_result> results(texts.size());
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, texts.size()));
  const std::function<void(std::size_t)> one = [&](std::size_t i) {
    try {
      results[i].result = analyze(texts[i]);
    } catch (const error& e) {
      results[i].failure = e;
    }
  };
  if (threads <= 1) {
    for (std::size_t i = 0; i < texts.size(); ++i) one(i);
    return results;
  }
  batch_pool::instance().run(texts.size(), threads - 1, one);
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

}  // namespace sayso
