#include "cordon/monitor.h"

#include <gtest/gtest.h>

#include <set>

#include "base/file_reader.h"
#include "cordon/engine.h"
#include "lists/common/temp_dir.h"
#include "store/store_impl.h"

namespace cordon {
namespace {

std::string SnapshotLists(const TempDir& tmp, const std::string& date) {
  tmp.MakeDir("lists-" + date + "/ofac_sdn");
  std::string gz;
  EXPECT_TRUE(ReadFile(std::string(CORDON_SOURCE_DIR) + "/data/lists/ofac_sdn_history/sdn-" + date + ".csv.gz", &gz,
                       {.gunzip = false})
                  .ok());
  tmp.Write("lists-" + date + "/ofac_sdn/sdn.csv", gz);
  tmp.Write("lists-" + date + "/ofac_sdn/as_of.txt", date + "\n");
  return tmp.Path("lists-" + date);
}

// Customers: spellings of people OFAC listed on 2022-02-25 (Putin, Lavrov),
// someone listed long before, and clean names.
const char kCustomers[] =
    "id,name,type,dob,country\n"
    "C1,Vladimir Putin,person,1952-10-07,RU\n"
    "C2,Wladimir Poutine,person,,\n"
    "C3,Путин Владимир Владимирович,person,,RU\n"
    "C4,Sergei Lavrov,person,1950-03-21,RU\n"
    "C5,Jonna Linden,person,1998-09-10,DE\n"
    "C6,Kim Jong Un,person,1984-01-08,KP\n"
    "C7,Acme Widgets Ltd,organization,,GB\n"
    "C8,Maria Vladimirovna Putina,person,1985-04-28,RU\n";

std::set<std::string> Pairs(Store* store, const std::string& status = "") {
  std::set<std::string> out;
  Result<std::vector<Alert>> alerts = store->Alerts({.status = status});
  EXPECT_TRUE(alerts.ok());
  for (const Alert& a : alerts.value()) out.insert(a.customer_id + "/" + a.source_id);
  return out;
}

class MonitorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> s = Store::Open({.path = tmp_.Path("cordon.db"), .actor = "monitor-test"});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  MonitorReport Run(bool full = false) {
    Result<MonitorReport> r = RunMonitor(store_.get(), {.threads = 2, .full = full});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : MonitorReport{};
  }
  TempDir tmp_;
  std::unique_ptr<Store> store_;
};

TEST_F(MonitorTest, DeltaFindsNewlyListedAndEqualsFullScreening) {
  ASSERT_TRUE(store_->ImportLists({.lists_dir = SnapshotLists(tmp_, "2022-02-24")}).ok());
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c.csv", kCustomers)).ok());
  MonitorReport first = Run();
  EXPECT_TRUE(first.full);
  EXPECT_EQ(first.customers_screened, 8);
  std::set<std::string> before = Pairs(store_.get());
  EXPECT_TRUE(before.count("C6/20157")) << "Kim Jong Un is listed since 2016";
  EXPECT_FALSE(before.count("C1/35096"));

  // Nothing changed: nothing screened, nothing raised.
  MonitorReport idle = Run();
  EXPECT_FALSE(idle.full);
  EXPECT_EQ(idle.customers_screened, 0);
  EXPECT_EQ(idle.entities_changed, 0);
  EXPECT_EQ(idle.alerts_raised, 0);

  ASSERT_TRUE(store_->ImportLists({.lists_dir = SnapshotLists(tmp_, "2022-02-25")}).ok());
  MonitorReport delta = Run();
  EXPECT_FALSE(delta.full);
  EXPECT_EQ(delta.customers_screened, 0);
  EXPECT_GT(delta.entities_changed, 0);
  std::set<std::string> after = Pairs(store_.get());
  EXPECT_TRUE(after.count("C1/35096"));  // Vladimir Putin
  EXPECT_TRUE(after.count("C2/35096"));  // Wladimir Poutine
  EXPECT_TRUE(after.count("C3/35096"));  // Cyrillic
  EXPECT_TRUE(after.count("C4/35233"));  // Sergei Lavrov
  EXPECT_FALSE(after.count("C5/35096"));

  // Reference: screen every customer against the whole new version and keep
  // the matches on changed entities. The delta run must find exactly those.
  auto* impl = static_cast<StoreImpl*>(store_.get());
  Result<std::vector<StoredListVersion>> latest = impl->LatestVersions();
  ASSERT_TRUE(latest.ok());
  std::vector<Entity> entities;
  std::vector<std::string> hashes, keys;
  ASSERT_TRUE(impl->LoadVersion(latest->front(), &entities, &hashes, &keys).ok());
  std::unordered_map<std::string, std::string> old;
  ASSERT_TRUE(impl->VersionHashes(latest->front().id - 1, &old).ok());
  std::set<std::string> changed;
  for (size_t i = 0; i < entities.size(); ++i) {
    auto it = old.find(keys[i]);
    if (it == old.end() || it->second != hashes[i]) changed.insert(entities[i].source_id);
  }
  SourceInfo info;
  info.id = "ofac_sdn";
  Result<std::unique_ptr<Engine>> engine = Engine::FromEntities(std::move(entities), {info});
  ASSERT_TRUE(engine.ok());
  std::vector<StoredCustomer> customers;
  ASSERT_TRUE(impl->CustomersChangedSince(-1, &customers).ok());
  std::set<std::string> expected;
  for (const StoredCustomer& c : customers) {
    Query q{c.name, c.type == "person" ? EntityKind::kPerson : EntityKind::kOrganization, c.dob, c.country, {}};
    Result<std::vector<Match>> m = engine.value()->Screen(q, {});
    ASSERT_TRUE(m.ok());
    for (const Match& match : m.value()) {
      if (changed.count(match.entity->source_id)) expected.insert(c.id + "/" + match.entity->source_id);
    }
  }
  std::set<std::string> raised_by_delta;
  for (const auto& p : after) {
    if (!before.count(p)) raised_by_delta.insert(p);
  }
  EXPECT_EQ(raised_by_delta, expected);
  EXPECT_FALSE(expected.empty());
}

TEST_F(MonitorTest, FalsePositiveIsSuppressedUntilARecordChanges) {
  ASSERT_TRUE(store_->ImportLists({.lists_dir = SnapshotLists(tmp_, "2022-02-25")}).ok());
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c.csv", kCustomers)).ok());
  Run();
  Result<std::vector<Alert>> alerts = store_->Alerts({.customer_id = "C1"});
  ASSERT_TRUE(alerts.ok());
  ASSERT_FALSE(alerts->empty());
  const Alert a = alerts->front();
  EXPECT_EQ(a.status, "open");
  EXPECT_FALSE(a.summary.empty());
  EXPECT_NE(a.explanation_json.find("\"aligned\""), std::string::npos);
  EXPECT_EQ(a.list_as_of, "2022-02-25");
  EXPECT_FALSE(a.list_version.empty());
  // Stable id: a full re-run raises nothing new.
  MonitorReport rerun = Run(/*full=*/true);
  EXPECT_EQ(rerun.alerts_raised, 0);

  EXPECT_EQ(store_->Decide({a.id, "maybe", "ann", "x"}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Decide({a.id, "false_positive", "", "x"}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Decide({"nope", "false_positive", "ann", "x"}).code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->Decide({a.id, "false_positive", "ann", "different person, other DOB"}).ok());
  MonitorReport suppressed = Run(/*full=*/true);
  EXPECT_GE(suppressed.suppressed, 1);
  Result<Alert> still = store_->GetAlert(a.id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->status, "false_positive");
  EXPECT_EQ(still->decided_by, "ann");

  // The customer's record changes: the pair alerts again, saying what changed.
  std::string changed = kCustomers;
  changed.replace(changed.find("1952-10-07"), 10, "1952-10-08");
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c2.csv", changed)).ok());
  MonitorReport reopened = Run();
  EXPECT_EQ(reopened.customers_screened, 1);
  EXPECT_EQ(reopened.alerts_reopened, 1);
  Result<Alert> again = store_->GetAlert(a.id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, "open");
  EXPECT_NE(again->reason.find("customer record changed (dob)"), std::string::npos) << again->reason;

  Result<AuditVerifyReport> v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  std::set<std::string> actions;
  Result<std::vector<AuditEntry>> entries = store_->Audit("", "");
  ASSERT_TRUE(entries.ok());
  for (const AuditEntry& e : entries.value()) actions.insert(e.action);
  for (const char* want : {"lists.import", "customers.import", "monitor.run", "alert.raised", "alert.decided",
                           "alert.reopened"}) {
    EXPECT_TRUE(actions.count(want)) << want;
  }
}

TEST_F(MonitorTest, NeedsAListVersion) {
  Result<MonitorReport> r = RunMonitor(store_.get(), {});
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_EQ(RunMonitor(store_.get(), {.threads = 0}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cordon
