// bench/micro: Google Benchmark micro-benchmarks, one per pipeline stage.
//
//   normalisation   NormalizeName on a name per script (per-thread memo warm)
//   transliteration ICU's transforms as cordon configures them (raw, no
//                   memo), cordon's Hangul romaniser and Arabic skeleton
//   token keys      MakeTokenKeys (phonetic key, skeleton, Korean key)
//   vocabulary      candidate vocabulary of one query word: memo hit, and a
//                   word never seen before (the uncached MatchVocabulary path)
//   search          NameIndex::Search on a prepared name (candidate lookup,
//                   bound, scoring)
//   scoring         ScoreName on one prepared query / listed name pair
//   screen          Engine::Screen end to end (validation, normalisation,
//                   search, attributes, explanation)
//   snapshot        Engine::OpenSnapshot of the bundled lists
// Every benchmark checks its answer once before its timing loop (the
// expected listed party is found, the expected romanisation comes out) and
// reports an error instead of a time when it is wrong.
//
// The engine is opened once per process, from $CORDON_SNAPSHOT when set,
// else from the bundled lists (about 2 s). Run with bench/micro/run.sh.
#include <benchmark/benchmark.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

#include "cordon/engine.h"
#include "engine/engine_impl.h"
#include "index/name_index.h"
#include "match/name_scorer.h"
#include "match/token_similarity.h"
#include "normalize/arabic_skeleton.h"
#include "normalize/korean_romanizer.h"
#include "normalize/name_normalizer.h"

namespace cordon {
namespace {

const std::string kLists = std::string(CORDON_SOURCE_DIR) + "/data/lists";

// The engine every benchmark shares, and a snapshot of it on disk.
struct Fixture {
  std::unique_ptr<Engine> engine;
  std::string snapshot;
  std::string error;
};

Fixture& Shared() {
  static Fixture f;
  static std::once_flag once;
  std::call_once(once, [] {
    const char* env = std::getenv("CORDON_SNAPSHOT");
    Result<std::unique_ptr<Engine>> e = Status::Internal("not opened");
    if (env != nullptr && *env != '\0') {
      e = Engine::OpenSnapshot(env);
    } else {
      LoadOptions lo;
      lo.lists_dir = kLists;
      e = Engine::Open(lo);
    }
    if (!e.ok()) {
      f.error = e.status().ToString();
      return;
    }
    f.engine = std::move(e).value();
  });
  return f;
}

const NameIndex* Index(benchmark::State& state) {
  Fixture& f = Shared();
  if (f.engine == nullptr) {
    state.SkipWithError(("engine: " + f.error).c_str());
    return nullptr;
  }
  return &static_cast<const EngineImpl&>(*f.engine).index();
}

// True when the top match of `name` has `fragment` in its primary name.
bool TopMatchIs(const Engine& engine, const Query& q, const std::string& fragment, std::string* got) {
  Result<std::vector<Match>> r = engine.Screen(q, {});
  *got = r.ok() ? (r.value().empty() ? "(no match)" : r.value()[0].entity->names[0].full)
                : r.status().ToString();
  std::string upper = *got;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.find(fragment) != std::string::npos;
}

struct ScriptCase {
  const char* name;
  const char* first_token;  // the first token of some NormalizeName variant ("" = any)
  const char* top_match;    // in the primary name of the best match (upper case)
};
// One per script, each a name the bundled lists hold in that script.
// Index = benchmark argument.
const ScriptCase kScripts[] = {
    {"Vladimir Vladimirovich Putin", "vladimir", "PUTIN"},
    {"Путин Владимир Владимирович", "putin", "PUTIN"},
    {"حزب الله", "", "HIZBALLAH"},
    {"김정은", "kim", "JONG UN"},
    {"金铁三", "jin", "CHOL SAM"},
};
const char* kScriptNames[] = {"latin", "cyrillic", "arabic", "hangul", "han"};

void NormalizeArgs(benchmark::internal::Benchmark* b) {
  for (int i = 0; i < 5; ++i) b->Arg(i);
}

void BM_Normalize(benchmark::State& state) {
  const ScriptCase& c = kScripts[state.range(0)];
  state.SetLabel(kScriptNames[state.range(0)]);
  NormalizedName n = NormalizeName(c.name);
  bool expected = false;
  for (const NameVariant& v : n.variants) {
    expected =
        expected || (!v.tokens.empty() && (*c.first_token == '\0' || v.tokens[0].text == c.first_token));
  }
  if (!expected) {
    state.SkipWithError("unexpected normalisation");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(NormalizeName(c.name));
}
BENCHMARK(BM_Normalize)->Apply(NormalizeArgs);

// ICU transforms as name_normalizer.cc creates them, applied to one word
// without cordon's per-thread memo: what a first-seen word costs.
void BM_TransliterateIcu(benchmark::State& state) {
  struct Case {
    const char* label;
    const char* id;
    const char* word;
    const char* expected;
  };
  static const Case kCases[] = {
      {"cyrillic-bgn", "Russian-Latin/BGN; Any-Latin; Latin-ASCII", "Владимирович", "Vladimirovich"},
      {"han", "Han-Latin; Latin-ASCII", "金正恩", "jin zheng en"},
      {"arabic-any", "Any-Latin; Latin-ASCII", "الظواهري", "alzwahry"},
      {"hangul-any", "Any-Latin; Latin-ASCII", "김정은", "gimjeong-eun"},
  };
  const Case& c = kCases[state.range(0)];
  state.SetLabel(c.label);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(c.id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || t == nullptr) {
    state.SkipWithError("ICU transform unavailable");
    return;
  }
  const icu::UnicodeString word = icu::UnicodeString::fromUTF8(c.word);
  icu::UnicodeString check = word;
  t->transliterate(check);
  std::string out;
  check.toUTF8String(out);
  if (out != c.expected) {
    state.SkipWithError(("unexpected transliteration: " + out).c_str());
    return;
  }
  for (auto _ : state) {
    icu::UnicodeString u = word;
    t->transliterate(u);
    benchmark::DoNotOptimize(u);
  }
}
BENCHMARK(BM_TransliterateIcu)->DenseRange(0, 3);

void BM_RomanizeHangul(benchmark::State& state) {
  const std::u32string word = U"김정은";
  auto readings = RomanizeHangul(word);
  if (readings.empty() || readings[0].empty()) {
    state.SkipWithError("no romanisation");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(RomanizeHangul(word));
}
BENCHMARK(BM_RomanizeHangul);

void BM_ArabicSkeleton(benchmark::State& state) {
  const std::u32string word = U"الظواهري";
  bool article = false;
  if (ArabicSkeleton(word, &article).empty() || !article) {
    state.SkipWithError("no skeleton or article");
    return;
  }
  for (auto _ : state) {
    bool a = false;
    benchmark::DoNotOptimize(ArabicSkeleton(word, &a));
  }
}
BENCHMARK(BM_ArabicSkeleton);

void BM_MakeTokenKeys(benchmark::State& state) {
  static const char* kWords[] = {"vladimirovich", "muhammad", "jong", "alzawahiri", "khrushchev", "un"};
  TokenKeys k = MakeTokenKeys("jong", false);
  if (k.korean.empty() || k.phonetic.empty()) {
    state.SkipWithError("'jong' has no Korean or phonetic key");
    return;
  }
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(MakeTokenKeys(kWords[i++ % 6], false));
}
BENCHMARK(BM_MakeTokenKeys);

// A misspelt query word not in the vocabulary: TokenWeight() looks its
// candidate vocabulary up (MatchVocabulary). The first call fills the memo;
// the timed calls hit it.
void BM_VocabularyMemoHit(benchmark::State& state) {
  const NameIndex* index = Index(state);
  if (index == nullptr) return;
  // "vladimr" is not listed; it must borrow the weight of a close word.
  if (index->TokenWeight("vladimr") == 1.0 ||
      index->TokenWeight("vladimr") != index->TokenWeight("vladimir")) {
    state.SkipWithError("'vladimr' did not find 'vladimir' in the vocabulary");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(index->TokenWeight("vladimr"));
}
BENCHMARK(BM_VocabularyMemoHit);

// Words never seen before: typos (two letters replaced) of long listed
// words, a different one each call (far more than the memo holds), so every
// call runs the uncached lookups (exact text, phonetic key, skeletons, one-
// and two-letter deletions) and compares each candidate found.
void BM_VocabularyFirstSeen(benchmark::State& state) {
  const NameIndex* index = Index(state);
  if (index == nullptr) return;
  static const std::string kBases[] = {"vladimirovich", "abdulrahman", "alexandrovich", "mohammadreza",
                                       "nasrallah"};
  if (index->TokenWeight("vladimirovick") == 1.0) {  // one letter off: must find "vladimirovich"
    state.SkipWithError("'vladimirovick' found no close vocabulary");
    return;
  }
  static std::atomic<uint64_t> counter{0};
  for (auto _ : state) {
    uint64_t n = counter++;
    std::string word = kBases[n % 5];
    n /= 5;
    for (int k = 0; k < 2; ++k) {
      const size_t pos = n % word.size();
      n /= word.size();
      word[pos] = static_cast<char>('a' + n % 26);
      n /= 26;
    }
    benchmark::DoNotOptimize(index->TokenWeight(word));
  }
}
BENCHMARK(BM_VocabularyFirstSeen);

void BM_Search(benchmark::State& state) {
  const NameIndex* index = Index(state);
  if (index == nullptr) return;
  const ScriptCase& c = kScripts[state.range(0)];
  state.SetLabel(kScriptNames[state.range(0)]);
  PreparedName prepared = index->Prepare(NormalizeName(c.name));
  SearchOptions options;
  options.min_score = 0.8;
  std::vector<NameHit> hits = index->Search(prepared, options);
  const auto& entities = Shared().engine->Entities();
  bool found = false;
  for (const NameHit& h : hits) {
    std::string upper = entities[h.entity].names[0].full;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    found = found || upper.find(c.top_match) != std::string::npos;
  }
  if (!found) {
    state.SkipWithError("expected party not among the hits");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(index->Search(prepared, options));
}
BENCHMARK(BM_Search)->Apply(NormalizeArgs);

void BM_ScoreName(benchmark::State& state) {
  const NameIndex* index = Index(state);
  if (index == nullptr) return;
  PreparedName prepared = index->Prepare(NormalizeName("Vladimir Vladimirovich Putin"));
  std::vector<NameHit> hits = index->Search(prepared, {});
  const NameHit* best = nullptr;
  for (const NameHit& h : hits) {
    if (best == nullptr || h.score > best->score) best = &h;
  }
  if (best == nullptr || best->score < 0.9) {
    state.SkipWithError("no listed name of Putin scored >= 0.9");
    return;
  }
  const std::vector<ScoringToken>& q = prepared.variants[best->query_variant].tokens;
  const std::vector<ScoringToken> listed = index->ListedTokens(best->listed_name);
  double score = ScoreName(q.data(), q.size(), listed.data(), listed.size(), nullptr);
  if (score < 0.9) {
    state.SkipWithError("ScoreName disagrees with Search");
    return;
  }
  for (auto _ : state)
    benchmark::DoNotOptimize(ScoreName(q.data(), q.size(), listed.data(), listed.size(), nullptr));
}
BENCHMARK(BM_ScoreName);

void BM_Screen(benchmark::State& state) {
  if (Index(state) == nullptr) return;
  const Engine& engine = *Shared().engine;
  const ScriptCase& c = kScripts[state.range(0)];
  state.SetLabel(kScriptNames[state.range(0)]);
  std::string got;
  if (!TopMatchIs(engine, Query{c.name}, c.top_match, &got)) {
    state.SkipWithError(("top match is " + got).c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(engine.Screen(Query{c.name}, {}));
}
BENCHMARK(BM_Screen)->Apply(NormalizeArgs);

// A customer with type, birth date and country (most customers match
// nothing: the common case).
void BM_ScreenCustomer(benchmark::State& state) {
  if (Index(state) == nullptr) return;
  const Engine& engine = *Shared().engine;
  Query q{"Walid Nasser"};
  q.kind = EntityKind::kPerson;
  q.birth_date = "1995-03-17";
  q.country = "JO";
  if (!engine.Screen(q, {}).ok()) {
    state.SkipWithError("customer query rejected");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(engine.Screen(q, {}));
}
BENCHMARK(BM_ScreenCustomer);

void BM_OpenSnapshot(benchmark::State& state) {
  if (Index(state) == nullptr) return;
  static const std::string path = "/tmp/cordon_micro_" + std::to_string(::getpid()) + ".snap";
  const Engine& engine = *Shared().engine;
  if (Status s = engine.SaveSnapshot(path); !s.ok()) {
    state.SkipWithError(s.ToString().c_str());
    return;
  }
  Result<std::unique_ptr<Engine>> check = Engine::OpenSnapshot(path);
  std::string got;
  if (!check.ok() || check.value()->Entities().size() != engine.Entities().size() ||
      !TopMatchIs(*check.value(), Query{"Vladimir Putin"}, "PUTIN", &got)) {
    state.SkipWithError("reopened snapshot differs");
    std::remove(path.c_str());
    return;
  }
  check = Status::Internal("released");
  for (auto _ : state) benchmark::DoNotOptimize(Engine::OpenSnapshot(path));
  std::remove(path.c_str());
}
BENCHMARK(BM_OpenSnapshot)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace cordon

BENCHMARK_MAIN();
