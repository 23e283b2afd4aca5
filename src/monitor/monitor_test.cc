#include "cordon/monitor.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
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
  EXPECT_TRUE(
      ReadFile(std::string(CORDON_SOURCE_DIR) + "/data/lists/ofac_sdn_history/sdn-" + date + ".csv.gz", &gz,
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
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c.csv", kCustomers), {}).ok());
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
    Query q{
        c.name, c.type == "person" ? EntityKind::kPerson : EntityKind::kOrganization, c.dob, c.country, {}};
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
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c.csv", kCustomers), {}).ok());
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
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c2.csv", changed), {}).ok());
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

// OFAC delisted BONYONGWE, Happyton Mabhuya (ent_num 10660, Zimbabwe
// program) between the snapshots of 29 and 30 November 2023.
TEST_F(MonitorTest, DelistedEntityClosesItsOpenAlertsAndReopensWhenListedAgain) {
  ASSERT_TRUE(store_->ImportLists({.lists_dir = SnapshotLists(tmp_, "2023-11-29")}).ok());
  ASSERT_TRUE(store_
                  ->ImportCustomers(tmp_.Write("c.csv",
                                               "id,name,type,dob,country\n"
                                               "Z1,Happyton Bonyongwe,person,,\n"
                                               "Z2,Happyton Mabhuya Bonyongwe,person,,\n"
                                               "Z3,Kim Jong Un,person,1984-01-08,KP\n"),
                                    {})
                  .ok());
  Run();
  auto alert_of = [&](const std::string& customer) {
    Result<std::vector<Alert>> a = store_->Alerts({.customer_id = customer});
    EXPECT_TRUE(a.ok());
    for (const Alert& x : a.value()) {
      if (x.source_id == "10660" || customer == "Z3") return x;
    }
    ADD_FAILURE() << "no alert for " << customer;
    return Alert{};
  };
  const Alert z1 = alert_of("Z1"), z2 = alert_of("Z2"), z3 = alert_of("Z3");
  ASSERT_EQ(z1.status, "open");
  // A decided alert keeps its decision when the entity goes.
  ASSERT_TRUE(store_->Decide({z2.id, "false_positive", "ann", "other person"}).ok());

  ASSERT_TRUE(store_->ImportLists({.lists_dir = SnapshotLists(tmp_, "2023-11-30")}).ok());
  MonitorReport delisted = Run();
  EXPECT_EQ(delisted.entities_removed, 1);
  EXPECT_EQ(delisted.alerts_closed, 1);
  Result<Alert> closed = store_->GetAlert(z1.id);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->status, "closed");
  EXPECT_FALSE(closed->closed_at.empty());
  EXPECT_EQ(closed->closed_reason, "entity removed from ofac_sdn in version 2 (as of 2023-11-30)");
  EXPECT_EQ(store_->GetAlert(z2.id)->status, "false_positive");
  EXPECT_EQ(store_->GetAlert(z3.id)->status, "open");
  EXPECT_EQ(Pairs(store_.get(), "closed"), std::set<std::string>{"Z1/10660"});
  // Nothing else changes: a second run closes nothing more.
  EXPECT_EQ(Run().alerts_closed, 0);

  // Listed again (the older snapshot as a newer version): the pair matches
  // again and the closed alert re-opens, saying it had been closed.
  ASSERT_TRUE(store_->ImportLists({.lists_dir = tmp_.Path("lists-2023-11-29")}).ok());
  MonitorReport relisted = Run();
  EXPECT_GE(relisted.alerts_reopened, 1);
  Result<Alert> reopened = store_->GetAlert(z1.id);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->status, "open");
  EXPECT_TRUE(reopened->closed_at.empty());
  EXPECT_NE(reopened->reason.find("it was closed at"), std::string::npos) << reopened->reason;

  Result<std::vector<AuditEntry>> entries = store_->Audit("", "");
  ASSERT_TRUE(entries.ok());
  int closures = 0;
  for (const AuditEntry& e : entries.value()) {
    if (e.action != "alert.closed") continue;
    ++closures;
    EXPECT_EQ(e.subject, z1.id);
    EXPECT_NE(e.details.find("\"cause\":\"entity_removed\""), std::string::npos) << e.details;
    EXPECT_NE(e.details.find("\"removed_in_version\":2"), std::string::npos) << e.details;
  }
  EXPECT_EQ(closures, 1);
  Result<AuditVerifyReport> v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

TEST_F(MonitorTest, OffboardedCustomersAreNotScreenedAndTheirAlertsClose) {
  ASSERT_TRUE(store_->ImportLists({.lists_dir = SnapshotLists(tmp_, "2022-02-25")}).ok());
  ASSERT_TRUE(store_->ImportCustomers(tmp_.Write("c.csv", kCustomers), {}).ok());
  Run();
  const std::set<std::string> all = Pairs(store_.get());
  ASSERT_TRUE(all.count("C1/35096") && all.count("C2/35096") && all.count("C6/20157"));
  auto* impl = static_cast<StoreImpl*>(store_.get());

  // Bad requests change nothing.
  EXPECT_EQ(store_->RemoveCustomers({{"C1", "C99"}, "account closed"}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->RemoveCustomers({{"C1"}, " "}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->RemoveCustomers({{}, "x"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(impl->CustomerCount().value(), 8);

  // One customer off-boarded by id.
  Result<CustomerRemovalReport> removed = store_->RemoveCustomers({{"C1"}, "account closed"});
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ(removed->removed, 1);
  EXPECT_GE(removed->alerts_closed, 1);
  Result<std::vector<Alert>> c1 = store_->Alerts({.customer_id = "C1"});
  ASSERT_TRUE(c1.ok());
  for (const Alert& a : c1.value()) {
    EXPECT_EQ(a.status, "closed");
    EXPECT_EQ(a.closed_reason, "customer off-boarded: account closed (customers remove by monitor-test)");
  }
  EXPECT_EQ(impl->CustomerCount().value(), 7);
  Result<CustomerRemovalReport> again = store_->RemoveCustomers({{"C1"}, "account closed"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->removed, 0);
  EXPECT_EQ(again->already_removed, std::vector<std::string>{"C1"});

  // A full extract without C1, C2 and C6: C2 and C6 leave (C1 already has).
  std::string extract = "id,name,type,dob,country\n";
  for (const char* line :
       {"C3,Путин Владимир Владимирович,person,,RU\n", "C4,Sergei Lavrov,person,1950-03-21,RU\n",
        "C5,Jonna Linden,person,1998-09-10,DE\n", "C7,Acme Widgets Ltd,organization,,GB\n",
        "C8,Maria Vladimirovna Putina,person,1985-04-28,RU\n"}) {
    extract += line;
  }
  Result<CustomerImportReport> replaced =
      store_->ImportCustomers(tmp_.Write("extract.csv", extract), {.replace = true});
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_TRUE(replaced->committed);
  EXPECT_EQ(replaced->removed, 2);
  EXPECT_EQ(replaced->unchanged, 5);
  EXPECT_GE(replaced->alerts_closed, 2);
  EXPECT_EQ(impl->CustomerCount().value(), 5);
  Result<std::vector<Alert>> c6 = store_->Alerts({.customer_id = "C6"});
  ASSERT_TRUE(c6.ok());
  ASSERT_FALSE(c6->empty());
  EXPECT_EQ(c6->front().closed_reason.rfind("customer off-boarded: absent from ", 0), 0u)
      << c6->front().closed_reason;
  // A header-only extract would off-board everyone: refused.
  EXPECT_EQ(store_->ImportCustomers(tmp_.Write("empty.csv", "id,name\n"), {.replace = true}).status().code(),
            StatusCode::kInvalidArgument);

  // Off-boarded customers are not screened, and nothing re-opens.
  MonitorReport full = Run(/*full=*/true);
  EXPECT_EQ(full.customers_total, 5);
  EXPECT_EQ(full.customers_screened, 5);
  EXPECT_EQ(full.alerts_reopened, 0);
  for (const char* gone : {"C1", "C2", "C6"}) {
    Result<std::vector<Alert>> alerts = store_->Alerts({.customer_id = gone});
    ASSERT_TRUE(alerts.ok());
    for (const Alert& a : alerts.value()) EXPECT_EQ(a.status, "closed") << gone;
  }
  EXPECT_TRUE(Pairs(store_.get(), "open").count("C4/35233"));

  // Back in a later file: restored, screened against every list, re-alerted.
  Result<CustomerImportReport> back = store_->ImportCustomers(tmp_.Write("c3.csv", kCustomers), {});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->restored, 3);
  EXPECT_EQ(back->added, 0);
  EXPECT_EQ(back->updated, 0);
  MonitorReport restored = Run();
  EXPECT_EQ(restored.customers_screened, 3);
  EXPECT_GE(restored.alerts_reopened, 3);
  EXPECT_EQ(Pairs(store_.get(), "open"), all);

  std::map<std::string, int> actions;
  Result<std::vector<AuditEntry>> entries = store_->Audit("", "");
  ASSERT_TRUE(entries.ok());
  for (const AuditEntry& e : entries.value()) ++actions[e.action];
  EXPECT_EQ(actions["customer.removed"], 3);
  EXPECT_EQ(actions["customer.restored"], 3);
  EXPECT_GE(actions["alert.closed"], 3);
  Result<AuditVerifyReport> v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

// The engine cache changes how fast a run gets its engine, never what it
// raises: the same runs on two stores, one with the cache prepared at
// import time, the other without any cache, give the same alerts.
TEST_F(MonitorTest, EngineCacheGivesTheSameAlertsAsBuilding) {
  Result<std::unique_ptr<Store>> other = Store::Open({.path = tmp_.Path("uncached.db")});
  ASSERT_TRUE(other.ok());
  Store* uncached = other.value().get();
  const std::string customers = tmp_.Write("c.csv", kCustomers);
  bool first = true;
  for (const char* date : {"2022-02-24", "2022-02-25"}) {
    const std::string lists = SnapshotLists(tmp_, date);
    ASSERT_TRUE(store_->ImportLists({.lists_dir = lists}).ok());
    ASSERT_TRUE(uncached->ImportLists({.lists_dir = lists}).ok());
    // Never monitored: not prepared (the first run is a full one, it
    // builds and saves). Then prepared for the delta run.
    Result<EngineCacheReport> prepared = PrepareEngineCache(store_.get(), {.threads = 2});
    ASSERT_TRUE(prepared.ok()) << prepared.status().ToString();
    EXPECT_EQ(prepared->status, first ? EngineCacheStatus::kUnused : EngineCacheStatus::kBuilt);
    EXPECT_EQ(prepared->saved, !first) << prepared->save_error;
    ASSERT_TRUE(store_->ImportCustomers(customers, {}).ok());
    ASSERT_TRUE(uncached->ImportCustomers(customers, {}).ok());
    MonitorReport cached = Run();
    Result<MonitorReport> built = RunMonitor(uncached, {.threads = 2, .engine_cache = false});
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    EXPECT_EQ(cached.full, first);
    EXPECT_EQ(cached.engine_cache.status, first ? EngineCacheStatus::kBuilt : EngineCacheStatus::kOpened)
        << cached.engine_cache.rejected;
    if (!first) {
      EXPECT_EQ(cached.engine_cache.path, prepared->path);
    }
    EXPECT_EQ(built->engine_cache.status, EngineCacheStatus::kOff);
    EXPECT_EQ(cached.hits, built->hits);
    EXPECT_GT(cached.hits, 0);
    first = false;
  }
  Result<std::vector<Alert>> a = store_->Alerts({});
  Result<std::vector<Alert>> b = uncached->Alerts({});
  ASSERT_TRUE(a.ok() && b.ok());
  // Everything an alert says, by alert id (the listing order of alerts
  // raised in the same second is not defined).
  auto by_id = [](const std::vector<Alert>& alerts) {
    std::map<std::string, std::string> out;
    char score[40];
    for (const Alert& x : alerts) {
      std::snprintf(score, sizeof(score), "%a", x.score);
      out[x.id] = x.status + "|" + x.listed_name + "|" + x.matched_name + "|" + score + "|" +
                  x.explanation_json + "|" + x.entity_hash + "|" + x.reason;
    }
    return out;
  };
  EXPECT_EQ(by_id(a.value()), by_id(b.value()));
  EXPECT_GE(a->size(), 4u);
  // Nothing changed since: the run needs no engine.
  EXPECT_EQ(Run().engine_cache.status, EngineCacheStatus::kUnused);
  // The uncached store has no cache folder; the cached one keeps only the
  // snapshot of the latest versions.
  EXPECT_FALSE(std::filesystem::exists(tmp_.Path("uncached.db.engines")));
  size_t snapshots = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp_.Path("cordon.db.engines"))) {
    snapshots += e.path().extension() == ".snap";
  }
  EXPECT_EQ(snapshots, 1u);
}

TEST_F(MonitorTest, NeedsAListVersion) {
  Result<MonitorReport> r = RunMonitor(store_.get(), {});
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_EQ(RunMonitor(store_.get(), {.threads = 0}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cordon
