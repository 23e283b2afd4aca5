// End-to-end tests of the HTTP service: the real epoll server on a free
// loopback port, real sockets, over two small custom lists in a temporary
// lists folder (so reloads can change and break them).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ftm_entity.h"
#include "service.h"

namespace cordon::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char kToken[] = "test-token-123";

struct Reply {
  int status = 0;
  std::string head;
  std::string body;
  bool closed = false;  // the server closed the connection after it
  json Json() const { return json::parse(body, nullptr, false); }
  std::string Header(const std::string& name) const {
    std::string lower_head = head;
    for (char& c : lower_head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t p = lower_head.find("\r\n" + name + ":");
    if (p == std::string::npos) return "";
    size_t s = p + name.size() + 3;
    size_t e = head.find("\r\n", s);
    std::string v = head.substr(s, e - s);
    while (!v.empty() && v.front() == ' ') v.erase(0, 1);
    return v;
  }
};

// A blocking client socket with a receive timeout, so a test never hangs.
class Client {
 public:
  explicit Client(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~Client() { close(fd_); }
  bool connected() const { return connected_; }

  void Send(const std::string& bytes) {
    size_t off = 0;
    while (off < bytes.size()) {
      ssize_t w = send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
      if (w <= 0) return;
      off += static_cast<size_t>(w);
    }
  }
  void ShutdownWrite() { shutdown(fd_, SHUT_WR); }

  // Reads one response (status line, headers, Content-Length body).
  Reply Read(bool skip_interim = true) {
    Reply r;
    size_t head_end;
    while ((head_end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) {
        r.closed = true;
        return r;
      }
    }
    r.head = buf_.substr(0, head_end + 2);
    r.status = std::atoi(r.head.substr(9, 3).c_str());
    size_t length = std::strtoul(r.Header("content-length").c_str(), nullptr, 10);
    while (buf_.size() < head_end + 4 + length) {
      if (!Fill()) break;
    }
    r.body = buf_.substr(head_end + 4, length);
    buf_.erase(0, head_end + 4 + length);
    if (r.status == 100 && skip_interim) return Read();
    return r;
  }

  // True when the server closes the connection (read returns 0) in time.
  bool ClosedByServer() {
    char c;
    return recv(fd_, &c, 1, 0) == 0;
  }

 private:
  bool Fill() {
    char tmp[65536];
    ssize_t n = recv(fd_, tmp, sizeof(tmp), 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buf_;
};

std::string Request(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::string& extra_headers = "") {
  std::string r = method + " " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers;
  if (!body.empty() || method == "POST") r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + body;
}

void WriteFile(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string ReadFileText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cordon_server_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "blocklist");
    fs::create_directories(dir_ / "peps");
    fs::copy_file(fs::path(CORDON_SOURCE_DIR) / "tests/data/custom_list/internal_blocklist.csv",
                  dir_ / "blocklist/internal_blocklist.csv");
    fs::copy_file(fs::path(CORDON_SOURCE_DIR) / "tests/data/custom_list/peps.csv", dir_ / "peps/peps.csv");
    LoadOptions load;
    load.lists_dir = dir_.string();
    Result<std::unique_ptr<Engine>> engine = Engine::Open(load);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    holder_ = new EngineHolder(load);
    holder_->Install(std::shared_ptr<const Engine>(std::move(engine.value())));
    log_path_ = dir_ / "access.log";
    Result<std::unique_ptr<AccessLog>> log = AccessLog::Open(log_path_.string());
    ASSERT_TRUE(log.ok());
    log_ = log.value().release();
    ServiceOptions options;
    options.admin_token = kToken;
    service_ = new Service(holder_, log_, options);
    HttpServerOptions http;
    http.host = "127.0.0.1";
    http.port = 0;
    http.threads = 2;
    http.limits.max_body_bytes = 64 * 1024;
    http.request_timeout_ms = 400;
    http.idle_timeout_ms = 800;
    Result<std::unique_ptr<HttpServer>> server = HttpServer::Start(
        http, [](HttpRequest& req, HttpResponse* resp) { service_->Handle(req, resp); },
        [](int status, const std::string& msg, const HttpRequest& req) {
          return service_->ProtocolError(status, msg, req);
        });
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = server.value().release();
    service_->AttachServerStats(&server_->stats());
  }

  static void TearDownTestSuite() {
    server_->Shutdown(1000);
    delete server_;
    delete service_;
    delete log_;
    delete holder_;
    fs::remove_all(dir_);
  }

  static Reply Call(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::string& headers = "") {
    Client c(server_->port());
    EXPECT_TRUE(c.connected());
    c.Send(Request(method, target, body, headers));
    return c.Read();
  }

  static Reply Reload(const std::string& query = "?wait=60") {
    return Call("POST", "/admin/reload" + query, "", std::string("Authorization: Bearer ") + kToken + "\r\n");
  }

  static inline fs::path dir_;
  static inline fs::path log_path_;
  static inline EngineHolder* holder_ = nullptr;
  static inline AccessLog* log_ = nullptr;
  static inline Service* service_ = nullptr;
  static inline HttpServer* server_ = nullptr;
};

const char kBatch[] = R"({"queries": {
  "q1": {"schema": "Person", "properties": {"name": ["Viktor Halloran"], "birthDate": ["1971-03-14"], "nationality": ["ie"]}},
  "q2": {"schema": "Company", "properties": {"name": "Northwind Freight Forwarding Ltd"}},
  "q3": {"schema": "Person", "properties": {"firstName": ["Teodor"], "lastName": ["Vasilescu"]}},
  "q4": {"schema": "Person", "properties": {"name": ["Completely Unrelated Personname"]}}}})";

TEST_F(ServerTest, HealthAndReadiness) {
  Reply h = Call("GET", "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.Json()["status"], "ok");
  Reply r = Call("GET", "/readyz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["sources"], 2);
  EXPECT_GT(r.Json()["entities"].get<int>(), 5);
}

TEST_F(ServerTest, MatchBatchReturnsExplainedVersionedResultsPerQuery) {
  Reply r = Call("POST", "/match/default", kBatch, "Content-Type: application/json\r\n");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = r.Json();
  ASSERT_TRUE(j["responses"].is_object());
  const json& q1 = j["responses"]["q1"];
  ASSERT_GE(q1["results"].size(), 1u) << r.body;
  const json& hit = q1["results"][0];
  EXPECT_EQ(hit["id"], "blocklist-BL-0001");
  EXPECT_EQ(hit["caption"], "Viktor Halloran");
  EXPECT_EQ(hit["schema"], "Person");
  EXPECT_EQ(hit["datasets"], json::array({"blocklist"}));
  EXPECT_TRUE(hit["match"].get<bool>());
  EXPECT_GE(hit["score"].get<double>(), 0.8);
  EXPECT_EQ(hit["properties"]["passportNumber"], json::array({"PA1234567"}));
  EXPECT_EQ(hit["properties"]["country"], json::array({"ie"}));
  EXPECT_FALSE(hit["explanations"]["name_score"]["detail"].get<std::string>().empty());
  EXPECT_GE(hit["explanations"]["name_score"]["aligned"].size(), 2u);
  EXPECT_EQ(hit["explanations"]["birth_date"]["verdict"], "match");
  EXPECT_GT(hit["features"]["birth_date"].get<double>(), 0);
  const SourceInfo* source = holder_->Current()->engine->FindSource("blocklist");
  EXPECT_EQ(hit["cordon"]["list_version"], source->version);
  EXPECT_EQ(q1["total"]["value"], q1["results"].size());
  EXPECT_EQ(q1["query"]["properties"]["name"], json::array({"Viktor Halloran"}));

  EXPECT_EQ(j["responses"]["q2"]["results"][0]["id"], "blocklist-BL-0002");
  EXPECT_EQ(j["responses"]["q3"]["results"][0]["id"], "peps-PEP-102");
  EXPECT_EQ(j["responses"]["q4"]["results"].size(), 0u);
  EXPECT_EQ(j["limit"], 5);
}

TEST_F(ServerTest, MatchScopesToDatasetAndHonoursParameters) {
  std::string body =
      R"({"queries": {"a": {"schema": "Person", "properties": {"name": "Теодор Василеску"}}}})";
  Reply peps = Call("POST", "/match/peps", body);
  ASSERT_EQ(peps.status, 200) << peps.body;
  EXPECT_EQ(peps.Json()["responses"]["a"]["results"][0]["id"], "peps-PEP-102");
  Reply other = Call("POST", "/match/blocklist", body);
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(other.Json()["responses"]["a"]["results"].size(), 0u);
  Reply excluded = Call("POST", "/match/default?exclude_dataset=peps", body);
  ASSERT_EQ(excluded.status, 200);
  EXPECT_EQ(excluded.Json()["responses"]["a"]["results"].size(), 0u);

  // threshold 1.0: a misspelt variant (a transposition) is returned only with a lower cutoff, and not
  // a "match". (Vasilescou, the French spelling, now reads as Vasilescu exactly.)
  std::string variant =
      R"({"queries": {"a": {"schema": "Person", "properties": {"name": "Teodor Vasileksu"}}}})";
  Reply strict = Call("POST", "/match/peps?threshold=1.0&cutoff=0.5", variant);
  ASSERT_EQ(strict.status, 200) << strict.body;
  json strict_json = strict.Json();
  const json& res = strict_json["responses"]["a"]["results"];
  ASSERT_GE(res.size(), 1u) << strict.body;
  EXPECT_FALSE(res[0]["match"].get<bool>());
  Reply ofac = Call("POST", "/match/default?algorithm=ofac", kBatch);
  ASSERT_EQ(ofac.status, 200) << ofac.body;
  EXPECT_EQ(ofac.Json()["algorithm"], "ofac");
  Reply yente_name = Call("POST", "/match/default?algorithm=logic-v1&limit=1", kBatch);
  ASSERT_EQ(yente_name.status, 200);
  EXPECT_LE(yente_name.Json()["responses"]["q1"]["results"].size(), 1u);
}

TEST_F(ServerTest, MatchBadInputGetsJsonErrorsNamingTheField) {
  struct Case {
    std::string target;
    std::string body;
    int status;
    std::string field;
  };
  const Case cases[] = {
      {"/match/default", "{not json", 400, "body"},
      {"/match/default", R"({"queries": {"q": {"schema": "Spaceship", "properties": {"name": "x"}}}})", 400,
       "queries.q.schema"},
      {"/match/default", R"({"queries": {"q": {"schema": "Person", "properties": {"name": 42}}}})", 400,
       "queries.q.properties.name"},
      {"/match/default",
       "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": \"\xff\xfe\"}}}}", 400,
       "body"},
      {"/match/default",
       R"({"queries": {"q": {"schema": "Person", "properties": {"name": "x", "birthDate": "1952-13-40"}}}})",
       400, "queries.q.properties.birthDate"},
      {"/match/default?limit=0", kBatch, 400, "limit"},
      {"/match/default?threshold=abc", kBatch, 400, "threshold"},
      {"/match/default?algorithm=bogus", kBatch, 400, "algorithm"},
      {"/match/default?include_dataset=nope", kBatch, 400, "include_dataset"},
      {"/match/nope", kBatch, 404, "dataset"},
      {"/match/default?q=%zz", kBatch, 400, ""},
      {"/match/default?limit=500",
       std::string(R"({"queries": {)") +
           [] {
             std::string qs;
             for (int i = 0; i < 21; ++i) {
               qs += (i ? "," : "") + std::string("\"q") + std::to_string(i) +
                     "\": {\"schema\": \"Person\", \"properties\": {\"name\": \"x y\"}}";
             }
             return qs;
           }() +
           "}}",
       400, "limit"},
  };
  for (const Case& c : cases) {
    Reply r = Call("POST", c.target, c.body);
    EXPECT_EQ(r.status, c.status) << c.target << " " << c.body << " -> " << r.body;
    json j = r.Json();
    ASSERT_TRUE(j.is_object()) << r.body;
    EXPECT_FALSE(j["detail"].get<std::string>().empty());
    EXPECT_EQ(j["error"]["status"], c.status);
    if (!c.field.empty()) {
      EXPECT_EQ(j["error"]["field"], c.field) << r.body;
    }
  }
}

TEST_F(ServerTest, SearchEntitiesCatalogAlgorithms) {
  Reply s = Call("GET", "/search/default?q=Viktor+Halloran&schema=Person");
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_EQ(s.Json()["results"][0]["id"], "blocklist-BL-0001");
  EXPECT_EQ(Call("GET", "/search/default").status, 400);
  EXPECT_EQ(Call("GET", "/search/default?q=x&schema=Dog").status, 400);

  Reply e = Call("GET", "/entities/blocklist-BL-0002");
  ASSERT_EQ(e.status, 200) << e.body;
  json ej = e.Json();
  EXPECT_EQ(ej["caption"], "Northwind Freight Forwarding Ltd");
  EXPECT_EQ(ej["schema"], "Company");
  EXPECT_EQ(ej["properties"]["registrationNumber"], json::array({"09876543"}));
  EXPECT_NE(ej["raw"].get<std::string>().find("Northwind"), std::string::npos);
  Reply missing = Call("GET", "/entities/blocklist-NOPE");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Json()["error"]["field"], "id");

  Reply c = Call("GET", "/catalog");
  ASSERT_EQ(c.status, 200);
  bool saw_source = false;
  json catalog = c.Json();
  for (const json& d : catalog["datasets"]) {
    if (d["name"] == "peps") {
      saw_source = true;
      EXPECT_EQ(d["version"], holder_->Current()->engine->FindSource("peps")->version);
      EXPECT_EQ(d["type"], "source");
    }
  }
  EXPECT_TRUE(saw_source) << c.body;
  EXPECT_EQ(c.Json()["current"][0], "default");

  Reply a = Call("GET", "/algorithms");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.Json()["algorithms"][0]["name"], "cordon");
  EXPECT_EQ(a.Json()["algorithms"][1]["name"], "ofac");
}

TEST_F(ServerTest, MetricsAndOpenApiCoverEveryRoute) {
  Call("POST", "/match/default", kBatch);
  Reply m = Call("GET", "/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.Header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(m.body.find("cordon_http_requests_total{route=\"POST /match/{dataset}\",code=\"2xx\"}"),
            std::string::npos);
  EXPECT_NE(
      m.body.find("cordon_http_request_duration_seconds_bucket{route=\"POST /match/{dataset}\",le=\"+Inf\"}"),
      std::string::npos);
  EXPECT_NE(m.body.find("cordon_list_info{source=\"blocklist\",version=\""), std::string::npos);
  EXPECT_NE(m.body.find("cordon_index_entities "), std::string::npos);
  EXPECT_NE(m.body.find("cordon_screen_calls_total "), std::string::npos);
  EXPECT_NE(m.body.find("process_resident_memory_bytes "), std::string::npos);

  Reply o = Call("GET", "/openapi.json");
  ASSERT_EQ(o.status, 200);
  json spec = o.Json();
  ASSERT_TRUE(spec.is_object()) << "openapi.json is not valid JSON";
  for (const Route& route : service_->router().routes()) {
    std::string method = route.method;
    for (char& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_TRUE(spec["paths"].contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(spec["paths"][route.pattern].contains(method)) << route.method << " " << route.pattern;
  }
}

TEST_F(ServerTest, UnknownPathsAndMethods) {
  Reply nf = Call("GET", "/nope");
  EXPECT_EQ(nf.status, 404);
  EXPECT_TRUE(nf.Json().is_object());
  Reply na = Call("GET", "/match/default");
  EXPECT_EQ(na.status, 405);
  EXPECT_EQ(na.Header("allow"), "POST");
}

TEST_F(ServerTest, TransportBadInputIsRefusedAndTheServerKeepsServing) {
  {  // body over the limit: refused from Content-Length, before the body is read
    Client c(server_->port());
    c.Send("POST /match/default HTTP/1.1\r\nContent-Length: 10000000\r\n\r\n{");
    Reply r = c.Read();
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.Json()["error"]["type"], "body_too_large");
    EXPECT_TRUE(c.ClosedByServer());
  }
  {  // garbage request line
    Client c(server_->port());
    c.Send("HELLO\r\n\r\n");
    EXPECT_EQ(c.Read().status, 400);
  }
  {  // chunked bodies are refused
    Client c(server_->port());
    c.Send("POST /match/default HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    EXPECT_EQ(c.Read().status, 411);
  }
  {  // slow client (slow-loris): partial head, then nothing; 408 after the request timeout
    Client c(server_->port());
    c.Send("POST /match/default HTTP/1.1\r\nContent-Le");
    auto start = std::chrono::steady_clock::now();
    Reply r = c.Read();
    EXPECT_EQ(r.status, 408);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  }
  {  // body promised but never sent
    Client c(server_->port());
    c.Send("POST /match/default HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"que");
    EXPECT_EQ(c.Read().status, 408);
  }
  {  // half-closed in the middle of a request
    Client c(server_->port());
    c.Send("POST /match/default HTTP/1.1\r\nContent-Length: 100\r\n\r\n{");
    c.ShutdownWrite();
    EXPECT_EQ(c.Read().status, 400);
  }
  {  // idle connection that never sends anything is closed after the idle timeout
    Client c(server_->port());
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(c.ClosedByServer());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
  }
  {  // a client that sends a full request then half-closes still gets its answer
    Client c(server_->port());
    c.Send(Request("GET", "/healthz"));
    c.ShutdownWrite();
    EXPECT_EQ(c.Read().status, 200);
  }
  EXPECT_EQ(Call("GET", "/healthz").status, 200);
  EXPECT_GE(server_->stats().protocol_errors.load(), 3u);
  EXPECT_GE(server_->stats().timeouts.load(), 2u);
}

// Mutated requests (fixed seed): every one gets a well-formed answer that is
// not a 5xx, and the server keeps serving.
TEST_F(ServerTest, MutatedRequestsNeverCrashOrGet5xx) {
  std::mt19937 rng(20261125);
  const std::string requests[] = {
      Request("POST", "/match/default", kBatch),
      Request("GET", "/search/default?q=Viktor+Halloran&limit=3"),
      Request("POST", "/v1/screen/text", R"({"text": "Viktor Halloran in Pyongyang", "limit": 2})"),
      Request("GET", "/entities/blocklist-BL-0001"),
  };
  int answered = 0;
  for (int i = 0; i < 300; ++i) {
    std::string r = requests[i % 4];
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits && !r.empty(); ++e) {
      size_t at = rng() % r.size();
      switch (rng() % 3) {
        case 0:
          r[at] = static_cast<char>(rng() % 256);
          break;
        case 1:
          r.insert(at, 1, static_cast<char>(rng() % 256));
          break;
        default:
          r.erase(at, 1 + rng() % 3);
          break;
      }
    }
    Client c(server_->port());
    c.Send(r);
    c.ShutdownWrite();
    Reply reply = c.Read();
    if (reply.closed) continue;  // e.g. a mutated Content-Length that was never completed
    ++answered;
    EXPECT_LT(reply.status, 500) << r;
    EXPECT_GE(reply.status, 200) << r;
  }
  EXPECT_GT(answered, 250);
  EXPECT_EQ(Call("GET", "/healthz").status, 200);
}

TEST_F(ServerTest, KeepAlivePipeliningAndExpectContinue) {
  Client c(server_->port());
  c.Send(Request("GET", "/healthz") + Request("POST", "/match/default", kBatch) + Request("GET", "/nope"));
  EXPECT_EQ(c.Read().status, 200);
  Reply m = c.Read();
  EXPECT_EQ(m.status, 200);
  EXPECT_EQ(m.Json()["responses"]["q1"]["results"][0]["id"], "blocklist-BL-0001");
  EXPECT_EQ(c.Read().status, 404);

  Client e(server_->port());
  std::string body = kBatch;
  e.Send("POST /match/default HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n");
  // The server answers 100 Continue before the body is sent.
  EXPECT_EQ(e.Read(/*skip_interim=*/false).status, 100);
  e.Send(body);
  EXPECT_EQ(e.Read().status, 200);
}

TEST_F(ServerTest, AdminReloadAuthSwapAndBrokenListKeepsServing) {
  EXPECT_EQ(Call("POST", "/admin/reload").status, 401);
  Reply wrong = Call("POST", "/admin/reload", "", "Authorization: Bearer nope\r\n");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.Header("www-authenticate"), "Bearer");

  uint64_t gen = holder_->Current()->generation;
  std::shared_ptr<const ServingState> before = holder_->Current();
  // A new entity appears in the blocklist; requests keep flowing during the reload.
  std::string csv = ReadFileText(dir_ / "blocklist/internal_blocklist.csv");
  WriteFile(dir_ / "blocklist/internal_blocklist.csv",
            csv + "BL-0999,Zebulon Quackenbush-Oyelaran,person,,1980-01-01,NG,,added by the reload test\n");
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::atomic<int> served{0};
  std::thread load([&] {
    while (!stop.load()) {
      Reply r = Call("POST", "/match/default", kBatch);
      if (r.status != 200) failures.fetch_add(1);
      served.fetch_add(1);
    }
  });
  while (served.load() < 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Reply ok = Reload();
  int after_reload = served.load();
  while (served.load() < after_reload + 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  stop.store(true);
  load.join();
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["status"], "reloaded");
  EXPECT_EQ(ok.Json()["generation"], gen + 1);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(served.load(), 0);
  std::string q =
      R"({"queries": {"z": {"schema": "Person", "properties": {"name": "Zebulon Quackenbush-Oyelaran"}}}})";
  Reply found = Call("POST", "/match/default", q);
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.Json()["responses"]["z"]["results"][0]["id"], "blocklist-BL-0999");
  // The snapshot taken before the reload still answers on the old index.
  Query old_query;
  old_query.name = "Zebulon Quackenbush-Oyelaran";
  Result<std::vector<Match>> old_matches = before->engine->Screen(old_query, {});
  ASSERT_TRUE(old_matches.ok());
  EXPECT_TRUE(old_matches.value().empty());
  before.reset();

  // Break a list: the reload is refused with the reason; the old lists keep serving.
  std::string peps = ReadFileText(dir_ / "peps/peps.csv");
  WriteFile(dir_ / "peps/peps.csv", "");
  Reply refused = Reload();
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json()["status"], "refused");
  EXPECT_NE(refused.Json()["error"].get<std::string>().find("peps"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.Json()["generation"], gen + 1);
  Reply still = Call("POST", "/match/default", kBatch);
  ASSERT_EQ(still.status, 200);
  EXPECT_EQ(still.Json()["responses"]["q3"]["results"][0]["id"], "peps-PEP-102");
  Reply status = Call("GET", "/admin/reload", "", std::string("Authorization: Bearer ") + kToken + "\r\n");
  ASSERT_EQ(status.status, 200);
  EXPECT_FALSE(status.Json()["ok"].get<bool>());
  Reply catalog = Call("GET", "/catalog");
  EXPECT_FALSE(catalog.Json()["last_reload"]["ok"].get<bool>());
  Reply metrics = Call("GET", "/metrics");
  EXPECT_NE(metrics.body.find("cordon_reload_failures_total 1"), std::string::npos);

  // A source shrinking below half of its entities is refused too.
  WriteFile(dir_ / "peps/peps.csv",
            peps.substr(0, peps.find('\n') + 1) +
                peps.substr(peps.find('\n') + 1, peps.find("PEP-102") - peps.find('\n') - 1));
  Reply shrunk = Reload();
  EXPECT_EQ(shrunk.status, 422) << shrunk.body;
  EXPECT_NE(shrunk.Json()["error"].get<std::string>().find("shrank"), std::string::npos) << shrunk.body;

  // Fixed again: accepted. Without ?wait the reload runs in the background (202).
  WriteFile(dir_ / "peps/peps.csv", peps);
  Reply async = Reload("");
  EXPECT_EQ(async.status, 202);
  uint64_t ticket = async.Json()["ticket"].get<uint64_t>();
  for (int i = 0; i < 100 && holder_->reloads() < 4; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_GE(ticket, 1u);
  Reply again = Reload();
  EXPECT_EQ(again.status, 200) << again.body;
}

TEST_F(ServerTest, ScreenTextFindsPartiesAndPlacesWithOffsets) {
  std::string text = "Payment approved by Viktor Halloran, shipped via Pyongyang.";
  json body = {{"text", text}};
  Reply r = Call("POST", "/v1/screen/text", body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  json j = r.Json();
  ASSERT_GE(j["mentions"].size(), 1u) << r.body;
  const json& m = j["mentions"][0];
  EXPECT_EQ(m["matches"][0]["id"], "blocklist-BL-0001");
  EXPECT_EQ(text.substr(m["start"].get<size_t>(), m["end"].get<size_t>() - m["start"].get<size_t>()),
            m["text"]);
  bool kp = false;
  for (const json& p : j["jurisdictions"]) kp = kp || p["code"] == "KP";
  EXPECT_TRUE(kp) << r.body;
  EXPECT_EQ(j["list_versions"].size(), 2u);

  EXPECT_EQ(Call("POST", "/v1/screen/text", R"({"txt": "x"})").status, 400);
  Reply bad = Call("POST", "/v1/screen/text", R"({"text": "x", "limit": "many"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["field"], "limit");
  EXPECT_EQ(Call("POST", "/v1/screen/text", R"({"text": "x", "dataset": "nope"})").status, 404);
}

TEST_F(ServerTest, ScreenPaymentReportsHitsPerFieldAndMalformedMessages) {
  std::string mt103 =
      "{1:F01DEUTDEFFAXXX0000000000}{2:I103BANKGB2LXXXXN}{4:\n:20:REF1\n:23B:CRED\n:32A:261125EUR1,00\n"
      ":50K:ANNA SCHMIDT\n:59:/1\nVIKTOR HALLORAN\n:70:INVOICE 12\n-}\n";
  Reply r = Call("POST", "/v1/screen/payment?format=mt103", mt103, "Content-Type: text/plain\r\n");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = r.Json();
  ASSERT_EQ(j["messages"].size(), 1u) << r.body;
  EXPECT_EQ(j["messages"][0]["status"], "ok");
  bool creditor = false;
  for (const json& h : j["messages"][0]["hits"]) {
    if (h["field"] == ":59:" && !h["matches"].empty())
      creditor = h["matches"][0]["id"] == "blocklist-BL-0001";
  }
  EXPECT_TRUE(creditor) << r.body;
  EXPECT_EQ(Call("POST", "/v1/screen/payment", "").status, 400);
  EXPECT_EQ(Call("POST", "/v1/screen/payment?format=pdf", mt103).status, 400);
  Reply garbage = Call("POST", "/v1/screen/payment", "this is not a payment message");
  EXPECT_EQ(garbage.status, 400) << garbage.body;
}

TEST_F(ServerTest, AccessLogHasOneJsonLinePerRequest) {
  Call("GET", "/healthz?probe=access-log");
  log_->Flush();
  std::ifstream in(log_path_);
  std::string line;
  bool found = false;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    json j = json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << line;
    if (j["path"] == "/healthz?probe=access-log") {
      found = true;
      EXPECT_EQ(j["status"], 200);
      EXPECT_EQ(j["method"], "GET");
      EXPECT_TRUE(j.contains("ms"));
      EXPECT_TRUE(j.contains("ts"));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_GT(lines, 1);
}

TEST_F(ServerTest, PrerenderedEntitiesEqualRenderingOnDemand) {
  std::shared_ptr<const ServingState> state = holder_->Current();
  const std::vector<Entity>& entities = state->engine->Entities();
  ASSERT_EQ(state->entity_json.size(), entities.size());
  for (const Entity& e : entities) {
    std::string fresh;
    JsonWriter a(&fresh);
    WriteEntity(e, *state->engine, /*raw=*/false, &a);
    std::string cached;
    JsonWriter b(&cached);
    WriteEntity(e, *state->engine, /*raw=*/false, &b, state->MembersOf(&e));
    EXPECT_EQ(fresh, cached) << e.source_id;
    EXPECT_TRUE(json::parse(cached, nullptr, false).is_object()) << cached;
  }
  Entity stranger = entities[0];
  EXPECT_TRUE(state->MembersOf(&stranger).empty());  // not one of the engine's: rendered on demand
}

TEST(ServiceTest, AdminEndpointsAreOffWithoutAToken) {
  LoadOptions load;
  load.lists_dir = std::string(CORDON_SOURCE_DIR) + "/tests/data";  // holds custom_list/
  Result<std::unique_ptr<Engine>> engine = Engine::Open(load);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EngineHolder holder(load);
  holder.Install(std::shared_ptr<const Engine>(std::move(engine.value())));
  Service service(&holder, nullptr, ServiceOptions{});
  HttpRequest req;
  req.method = "POST";
  req.path = "/admin/reload";
  req.headers.emplace_back("authorization", "Bearer anything");
  HttpResponse resp;
  service.Handle(req, &resp);
  EXPECT_EQ(resp.status, 404);
  EXPECT_NE(resp.body.find("disabled"), std::string::npos);
  service.SetDraining();
  HttpRequest ready;
  ready.method = "GET";
  ready.path = "/readyz";
  HttpResponse r2;
  service.Handle(ready, &r2);
  EXPECT_EQ(r2.status, 503);
}

TEST(HttpServerTest, BufferedRequestBytesAreBoundedOverAllConnections) {
  HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.max_buffered_bytes = 4096;
  Result<std::unique_ptr<HttpServer>> server = HttpServer::Start(
      options, [](HttpRequest&, HttpResponse* resp) { resp->body = "{}"; },
      [](int status, const std::string&, const HttpRequest&) {
        HttpResponse r;
        r.status = status;
        return r;
      });
  ASSERT_TRUE(server.ok());
  int port = server.value()->port();
  Client a(port);
  a.Send("POST /x HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" + std::string(3000, 'a'));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  Client b(port);
  b.Send("POST /x HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" + std::string(3000, 'b'));
  EXPECT_EQ(b.Read().status, 503);
  // Once the hog is gone, requests are served again.
  a.ShutdownWrite();
  EXPECT_EQ(a.Read().status, 400);
  Client c(port);
  c.Send(Request("GET", "/"));
  EXPECT_EQ(c.Read().status, 200);
  EXPECT_EQ(server.value()->stats().buffered_bytes.load(), 0);
}

TEST(HttpServerTest, GracefulShutdownFinishesTheRequestInProgress) {
  HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  std::atomic<int> handled{0};
  Result<std::unique_ptr<HttpServer>> server = HttpServer::Start(
      options,
      [&](HttpRequest& req, HttpResponse* resp) {
        handled.fetch_add(1);
        resp->body = "{\"echo\":" + std::to_string(req.body.size()) + "}";
      },
      [](int status, const std::string& msg, const HttpRequest&) {
        HttpResponse r;
        r.status = status;
        r.body = "{}";
        return r;
      });
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  int port = server.value()->port();
  Client busy(port);
  Client idle(port);
  ASSERT_TRUE(busy.connected() && idle.connected());
  busy.Send("POST /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nab");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::thread stopper([&] { server.value()->Shutdown(3000); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(idle.ClosedByServer());  // idle keep-alive connections go at once
  busy.Send("cd");
  Reply r = busy.Read();
  stopper.join();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"echo\":4}");
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_EQ(handled.load(), 1);
  Client late(port);
  EXPECT_FALSE(late.connected());  // no longer accepting
}

}  // namespace
}  // namespace cordon::server
