// Free-text and payment screening benchmark (issue 5). Checks answers first,
// then times:
//   1. quality on tests/data/text/corpus (expected.tsv): recall of party and
//      place mentions, false mentions per 1,000 words (all files, and the
//      files of ordinary people only);
//   2. prose throughput (MB/s, one thread) on seeded synthetic prose made of
//      the corpus words with listed names planted at known places;
//   3. pacs.008 throughput (messages/s on 1 and 2 threads) on seeded
//      synthetic messages, 1 % of them paying a listed person.
// Usage: text_bench [--prose-mb N] [--messages N] [--name-pool N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <latch>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/utf8.h"
#include "cordon/engine.h"
#include "cordon/payment.h"
#include "cordon/text.h"

namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}
// CPU seconds of the calling thread: the machine is shared, so wall time
// alone understates what a core does.
double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return s;
}

bool EntityHasKey(const cordon::Match& m, const std::string& key) {
  for (const auto& n : m.entity->names) {
    if (Upper(n.full).find(key) != std::string::npos) return true;
  }
  return false;
}

struct Expected {
  std::string file, type, text, key;
  bool found = false;
};

struct Quality {
  size_t words = 0, clean_words = 0;
  size_t parties = 0, parties_found = 0, places = 0, places_found = 0;
  size_t false_parties = 0, false_places = 0, clean_false_parties = 0;
};

Quality MeasureQuality(const cordon::TextScreener& screener, const std::string& dir, bool verbose) {
  std::vector<Expected> expected;
  std::ifstream tsv(dir + "/expected.tsv");
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    Expected e;
    std::stringstream ss(line);
    std::getline(ss, e.file, '\t');
    std::getline(ss, e.type, '\t');
    std::getline(ss, e.text, '\t');
    std::getline(ss, e.key, '\t');
    for (size_t p; (p = e.text.find("\\n")) != std::string::npos;) e.text.replace(p, 2, "\n");
    expected.push_back(e);
  }
  Quality q;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    std::string text = ReadAll(dir + "/" + file);
    auto report = screener.Screen(text, {});
    if (!report.ok()) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), report.status().ToString().c_str());
      std::exit(1);
    }
    const bool clean = file.find("common_names") != std::string::npos;
    q.words += report->words;
    if (clean) q.clean_words += report->words;
    for (const auto& m : report->mentions) {
      bool ok = false;
      for (auto& e : expected) {
        if (e.found || e.file != file || e.type != "party" || e.text != m.text) continue;
        for (const auto& x : m.matches) ok = ok || EntityHasKey(x, e.key);
        if (ok) {
          e.found = true;
          break;
        }
      }
      if (!ok) {
        ++q.false_parties;
        if (clean) ++q.clean_false_parties;
        if (verbose) {
          std::printf("  false party  %-22s \"%s\" -> %s\n", file.c_str(), m.text.c_str(),
                      m.matches.empty() ? "" : m.matches[0].matched_name.c_str());
        }
      }
    }
    for (const auto& j : report->jurisdictions) {
      bool ok = false;
      for (auto& e : expected) {
        if (!e.found && e.file == file && e.type == "place" && e.text == j.text && e.key == j.code) {
          e.found = ok = true;
          break;
        }
      }
      if (!ok) {
        ++q.false_places;
        if (verbose)
          std::printf("  false place  %-22s \"%s\" -> %s\n", file.c_str(), j.text.c_str(), j.code.c_str());
      }
    }
  }
  for (const auto& e : expected) {
    if (e.type == "party") {
      ++q.parties;
      q.parties_found += e.found;
    } else {
      ++q.places;
      q.places_found += e.found;
    }
    if (!e.found && verbose) {
      std::printf("  missed %-6s %-22s \"%s\" (%s)\n", e.type.c_str(), e.file.c_str(), e.text.c_str(),
                  e.key.c_str());
    }
  }
  return q;
}

// Seeded prose from the corpus words, with "Vladimir Putin" planted every
// `every` bytes. Returns how many names were planted.
//   dense: the corpus words shuffled (about one word in five is a proper
//          noun, most of them listed: the worst case for the prefilter);
//   news:  sentences of the corpus's lower-case words, a capitalised first
//          word, and a proper noun of the corpus in one sentence out of three.
size_t MakeProse(const std::string& dir, size_t bytes, size_t every, bool dense, std::string* out) {
  std::vector<std::string> words, lower, proper;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::string text = ReadAll(entry.path().string());
    std::stringstream ss(text);
    std::string w;
    while (ss >> w) {
      // Chinese and Japanese write no spaces: a whole sentence is not a
      // word (the Han prose below measures that script).
      if (w.size() > 40) continue;
      words.push_back(w);
      const unsigned char c = static_cast<unsigned char>(w[0]);
      const bool upper_ascii = c >= 'A' && c <= 'Z';
      const bool upper_cyrillic = c == 0xD0 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x90 &&
                                  static_cast<unsigned char>(w[1]) <= 0xAF;
      (upper_ascii || upper_cyrillic ? proper : lower).push_back(w);
    }
  }
  std::sort(words.begin(), words.end());
  std::sort(lower.begin(), lower.end());
  std::sort(proper.begin(), proper.end());
  std::mt19937 rng(42);
  auto pick = [&rng](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  size_t planted = 0;
  size_t next_plant = every;
  int in_line = 0;
  while (out->size() < bytes) {
    if (out->size() >= next_plant) {
      *out += " And Vladimir Putin said.";
      ++planted;
      next_plant += every;
    }
    if (dense) {
      out->push_back(' ');
      *out += pick(words);
      if (++in_line == 14) {
        out->push_back('\n');
        in_line = 0;
      }
      continue;
    }
    std::string first = pick(lower);
    if (first[0] >= 'a' && first[0] <= 'z') first[0] = static_cast<char>(first[0] - 32);
    *out += " " + first;
    const size_t n = 8 + rng() % 13;
    const size_t proper_at = rng() % 3 == 0 ? 1 + rng() % n : SIZE_MAX;
    for (size_t k = 1; k < n; ++k) {
      *out += " " + (k == proper_at ? pick(proper) : pick(lower));
      if (++in_line == 14) {
        out->push_back('\n');
        in_line = 0;
      }
    }
    *out += ".";
    if (rng() % 6 == 0) *out += "\n\n";
  }
  return planted;
}

std::string MakeMessage(size_t i, const std::string& dbtr, const std::string& cdtr, const char* ctry,
                        const std::string& rmt) {
  char head[256];
  std::snprintf(
      head, sizeof(head),
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr>"
      "<MsgId>MSG%08zu</MsgId><CreDtTm>2026-11-25T10:00:00</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr>\n",
      i);
  std::string m = head;
  m += "<CdtTrfTxInf><PmtId><EndToEndId>E2E" + std::to_string(i) +
       "</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"EUR\">" + std::to_string(100 + i % 9000) +
       ".00</IntrBkSttlmAmt>\n<Dbtr><Nm>" + dbtr +
       "</Nm><PstlAdr><TwnNm>Frankfurt</TwnNm><Ctry>DE</Ctry></PstlAdr></Dbtr>"
       "<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>"
       "<DbtrAgt><FinInstnId><BICFI>DEUTDEFF</BICFI></FinInstnId></DbtrAgt>\n"
       "<CdtrAgt><FinInstnId><BICFI>BNPAFRPP</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>" +
       cdtr + "</Nm><PstlAdr><TwnNm>Paris</TwnNm><Ctry>" + ctry +
       "</Ctry></PstlAdr></Cdtr>\n<RmtInf><Ustrd>" + rmt +
       "</Ustrd></RmtInf></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>\n";
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  size_t prose_mb = 20, messages = 40000, name_pool = 5000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--prose-mb") == 0) prose_mb = std::strtoul(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--messages") == 0) messages = std::strtoul(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--name-pool") == 0) name_pool = std::strtoul(argv[i + 1], nullptr, 10);
  }
  const std::string root = CORDON_SOURCE_DIR;
  cordon::LoadOptions lo;
  lo.lists_dir = root + "/data/lists";
  auto t0 = Clock::now();
  auto engine = cordon::Engine::Open(lo);
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 2;
  }
  auto t1 = Clock::now();
  auto text = cordon::TextScreener::Create(*engine.value());
  auto t2 = Clock::now();
  auto pay = cordon::PaymentScreener::Create(*engine.value());
  auto t3 = Clock::now();
  std::printf("engine open %.2f s, text screener %.2f s, payment screener %.2f s (%zu entities)\n",
              Seconds(t0, t1), Seconds(t1, t2), Seconds(t2, t3), engine.value()->Entities().size());

  // 1. Quality.
  std::printf("\n== quality on tests/data/text/corpus\n");
  Quality q = MeasureQuality(*text.value(), root + "/tests/data/text/corpus", true);
  std::printf("words %zu (ordinary-people files %zu)\n", q.words, q.clean_words);
  std::printf("party recall   %zu/%zu = %.1f %%\n", q.parties_found, q.parties,
              100.0 * q.parties_found / q.parties);
  std::printf("place recall   %zu/%zu = %.1f %%\n", q.places_found, q.places,
              100.0 * q.places_found / q.places);
  std::printf(
      "false party mentions %zu = %.2f per 1,000 words (ordinary-people files: %zu = %.2f per 1,000)\n",
      q.false_parties, 1000.0 * q.false_parties / q.words, q.clean_false_parties,
      q.clean_words ? 1000.0 * q.clean_false_parties / q.clean_words : 0.0);
  std::printf("false place mentions %zu = %.2f per 1,000 words\n", q.false_places,
              1000.0 * q.false_places / q.words);

  // 2. Prose throughput, news-like then name-dense.
  for (const bool dense : {false, true}) {
    std::string prose;
    const size_t mb = dense ? std::max<size_t>(1, prose_mb / 4) : prose_mb;
    const size_t planted = MakeProse(root + "/tests/data/text/corpus", mb << 20, 50000, dense, &prose);
    cordon::TextOptions topt;
    topt.max_bytes = prose.size() + 1;
    topt.max_results = 10000000;
    auto p0 = Clock::now();
    const double c0 = ThreadCpu();
    auto report = text.value()->Screen(prose, topt);
    const double cpu = ThreadCpu() - c0;
    auto p1 = Clock::now();
    if (!report.ok()) {
      std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
      return 1;
    }
    if (std::getenv("CORDON_BENCH_TOP") != nullptr) {  // diagnostics: the commonest mentions
      std::map<std::string, size_t> counts;
      for (const auto& m : report->mentions)
        ++counts[m.text + " (" + std::string(cordon::MentionKindName(m.kind)) + ")"];
      std::vector<std::pair<size_t, std::string>> top;
      for (const auto& [t, c] : counts) top.emplace_back(c, t);
      std::sort(top.rbegin(), top.rend());
      for (size_t k = 0; k < top.size() && k < 60; ++k)
        std::printf("  %6zu  %s\n", top[k].first, top[k].second.c_str());
    }
    size_t putin = 0;
    for (const auto& m : report->mentions) {
      if (m.text == "Vladimir Putin" && !m.matches.empty() && EntityHasKey(m.matches[0], "PUTIN")) ++putin;
    }
    std::printf("\n== %s prose: %.1f MB, %zu words, %zu names planted, %zu found, %zu mentions, %zu places\n",
                dense ? "name-dense" : "news-like", prose.size() / 1e6, report->words, planted, putin,
                report->mentions.size(), report->jurisdictions.size());
    if (putin < planted) {
      std::fprintf(stderr, "answer check failed: %zu of %zu planted names found\n", putin, planted);
      return 1;
    }
    std::printf("prose throughput: %.2f MB/s wall, %.2f MB/s per CPU-second (one thread)\n",
                prose.size() / 1e6 / Seconds(p0, p1), prose.size() / 1e6 / cpu);
  }

  // 2b. Han prose: the Chinese and Japanese corpus paragraphs (listed
  // people and ordinary people) repeated; every 金正恩 must be found.
  {
    std::string unit;
    for (const auto& entry : std::filesystem::directory_iterator(root + "/tests/data/text/corpus")) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("zh_", 0) == 0 || name.rfind("ja_", 0) == 0)
        unit += ReadAll(entry.path().string()) + "\n";
    }
    size_t per_unit = 0;
    for (size_t p = unit.find("金正恩"); p != std::string::npos; p = unit.find("金正恩", p + 1)) ++per_unit;
    std::string han;
    const size_t mb = std::max<size_t>(1, prose_mb / 4);
    size_t copies = 0;
    while (han.size() < (mb << 20)) {
      han += unit;
      ++copies;
    }
    cordon::TextOptions topt;
    topt.max_bytes = han.size() + 1;
    topt.max_results = 10000000;
    auto p0 = Clock::now();
    const double c0 = ThreadCpu();
    auto report = text.value()->Screen(han, topt);
    const double cpu = ThreadCpu() - c0;
    auto p1 = Clock::now();
    if (!report.ok()) {
      std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
      return 1;
    }
    size_t kim = 0;
    for (const auto& m : report->mentions) {
      if (m.text == "金正恩" && !m.matches.empty() && EntityHasKey(m.matches[0], "JONG UN")) ++kim;
    }
    std::printf(
        "\n== Han prose (zh/ja corpus x %zu): %.1f MB, %zu x 金正恩, %zu found, %zu mentions, %zu places\n",
        copies, han.size() / 1e6, per_unit * copies, kim, report->mentions.size(),
        report->jurisdictions.size());
    if (kim != per_unit * copies) {
      std::fprintf(stderr, "answer check failed: %zu of %zu 金正恩 found\n", kim, per_unit * copies);
      return 1;
    }
    std::printf("prose throughput: %.2f MB/s wall, %.2f MB/s per CPU-second (one thread)\n",
                han.size() / 1e6 / Seconds(p0, p1), han.size() / 1e6 / cpu);
  }

  // 3. pacs.008 throughput.
  static const char* kFirst[] = {"Anna",  "Thomas", "Maria", "Jean",  "Luca", "Sofia",
                                 "Ahmed", "Yuki",   "Olga",  "Pedro", "Emma", "Noah",
                                 "Lena",  "Omar",   "Mei",   "Ivan",  "Sara", "Paul"};
  static const char* kLast[] = {"Schmidt",  "Dubois", "Rossi",   "Garcia", "Novak",  "Jansen",
                                "Kowalski", "Tanaka", "Silva",   "Berg",   "Moreau", "Fischer",
                                "Costa",    "Horvat", "Nielsen", "Weber"};
  static const char* kCompany[] = {"Trading",  "Logistics", "Holding", "Foods",
                                   "Textiles", "Systems",   "Energy"};
  static const char* kCtry[] = {"FR", "DE", "IT", "ES", "NL", "BE", "PL", "AT"};
  std::mt19937 rng(7);
  std::vector<std::string> pool;
  for (size_t i = 0; i < name_pool; ++i) {
    if (i % 3 == 2) {
      pool.push_back(std::string(kLast[rng() % 16]) + " " + kCompany[rng() % 7] + " " + std::to_string(i) +
                     " GmbH");
    } else {
      pool.push_back(std::string(kFirst[rng() % 18]) + " " + kLast[rng() % 16] + "-" + kLast[rng() % 16]);
    }
  }
  std::vector<std::string> listed;
  for (const auto& e : engine.value()->Entities()) {
    if (e.source == "ofac_sdn" && e.schema == cordon::Schema::kPerson &&
        e.names[0].full.find(',') != std::string::npos && e.names[0].full.size() < 40 &&
        cordon::IsValidUtf8(e.names[0].full)) {
      listed.push_back(e.names[0].full);
    }
  }
  std::vector<std::string> parts(2);
  size_t planted_payments = 0;
  for (size_t i = 0; i < messages; ++i) {
    const bool hit = i % 100 == 50;
    std::string cdtr = hit ? listed[(i / 100 * 7919) % listed.size()] : pool[rng() % pool.size()];
    planted_payments += hit;
    std::string dbtr = pool[rng() % pool.size()];
    parts[i % 2] += MakeMessage(
        i, dbtr, cdtr, kCtry[rng() % 8],
        "Invoice " + std::to_string(rng() % 100000) + " for services, order " + std::to_string(i));
  }
  auto screen_part = [&](const std::string& data, size_t* hits, size_t* count) {
    auto r = pay.value()->Screen(data, {});
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    *count = r->messages.size();
    *hits = 0;
    for (const auto& m : r->messages) {
      for (const auto& h : m.hits) {
        if (h.field == "Cdtr/Nm" && !h.matches.empty()) ++*hits;
      }
    }
  };
  // One thread over everything, then two threads over the halves.
  size_t hits_a = 0, count_a = 0, hits_b = 0, count_b = 0;
  std::string all = parts[0] + parts[1];
  auto s0 = Clock::now();
  const double c0 = ThreadCpu();
  screen_part(all, &hits_a, &count_a);
  const double cpu1 = ThreadCpu() - c0;
  auto s1 = Clock::now();
  std::printf("\n== pacs.008: %zu messages (%.1f MB), name pool %zu, %zu pay a listed person; %zu found\n",
              count_a, all.size() / 1e6, name_pool, planted_payments, hits_a);
  if (count_a != messages || hits_a < planted_payments * 95 / 100) {
    std::fprintf(stderr, "answer check failed: %zu messages, %zu of %zu listed creditors found\n", count_a,
                 hits_a, planted_payments);
    return 1;
  }
  std::printf("1 thread : %.0f messages/s wall, %.0f per CPU-second\n", messages / Seconds(s0, s1),
              messages / cpu1);
  // Two threads, each warmed up first (ICU transliterators are per thread).
  size_t hits_c = 0, count_c = 0;
  const std::string warm = MakeMessage(0, "Warm Up", "Warm Up Too", "FR", "warm-up");
  std::latch ready(3);
  std::latch go(1);
  double cpu_first = 0, cpu_second = 0;
  auto worker = [&](const std::string* data, size_t* hits, size_t* count, double* cpu) {
    size_t h = 0, c = 0;
    screen_part(warm, &h, &c);
    ready.count_down();
    go.wait();
    const double start = ThreadCpu();
    screen_part(*data, hits, count);
    *cpu = ThreadCpu() - start;
  };
  std::thread first(worker, &parts[0], &hits_c, &count_c, &cpu_first);
  std::thread second(worker, &parts[1], &hits_b, &count_b, &cpu_second);
  ready.arrive_and_wait();
  auto s2 = Clock::now();
  go.count_down();
  first.join();
  second.join();
  auto s3 = Clock::now();
  if (count_b + count_c != messages || hits_b + hits_c != hits_a) {
    std::fprintf(stderr, "answer check failed on 2 threads\n");
    return 1;
  }
  std::printf("2 threads: %.0f messages/s wall, %.0f per CPU-second per thread (x2 = %.0f on 2 free cores)\n",
              messages / Seconds(s2, s3), messages / (cpu_first + cpu_second),
              2 * messages / (cpu_first + cpu_second));
  return 0;
}
