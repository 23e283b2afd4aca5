#include "cordon/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "base/file_reader.h"
#include "lists/common/temp_dir.h"
#include "store/entity_codec.h"
#include "store/store_impl.h"

namespace cordon {
namespace {

// A lists folder holding one OFAC SDN snapshot from data/lists/ofac_sdn_history
// (the loader reads the gzip transparently).
std::string SnapshotLists(const TempDir& tmp, const std::string& date) {
  std::string dir = tmp.MakeDir("lists-" + date + "/ofac_sdn");
  std::string gz;
  EXPECT_TRUE(
      ReadFile(std::string(CORDON_SOURCE_DIR) + "/data/lists/ofac_sdn_history/sdn-" + date + ".csv.gz", &gz,
               {.gunzip = false})
          .ok());
  tmp.Write("lists-" + date + "/ofac_sdn/sdn.csv", gz);
  tmp.Write("lists-" + date + "/ofac_sdn/as_of.txt", date + "\n");
  return tmp.Path("lists-" + date);
}

std::unique_ptr<Store> OpenStore(const TempDir& tmp, const std::string& actor = "tester") {
  Result<std::unique_ptr<Store>> s = Store::Open({.path = tmp.Path("cordon.db"), .actor = actor});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(StoreTest, ImportsVersionsAndDiffsRealOfacSnapshots) {
  TempDir tmp;
  auto store = OpenStore(tmp);
  ASSERT_TRUE(store);
  Result<ListImportReport> r1 = store->ImportLists({.lists_dir = SnapshotLists(tmp, "2022-02-24")});
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  ASSERT_EQ(r1->created.size(), 1u);
  EXPECT_EQ(r1->created[0].as_of, "2022-02-24");
  EXPECT_GT(r1->created[0].entities, 9000);
  // The same content again stores nothing new.
  Result<ListImportReport> again = store->ImportLists({.lists_dir = tmp.Path("lists-2022-02-24")});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->created.empty());
  ASSERT_EQ(again->unchanged.size(), 1u);
  Result<ListImportReport> r2 = store->ImportLists({.lists_dir = SnapshotLists(tmp, "2022-02-25")});
  ASSERT_TRUE(r2.ok());
  ASSERT_EQ(r2->created.size(), 1u);
  Result<std::vector<StoredListVersion>> versions = store->Versions("");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);

  Result<std::vector<ListDiff>> diff = store->Diff({});
  ASSERT_TRUE(diff.ok()) << diff.status().ToString();
  ASSERT_EQ(diff->size(), 1u);
  const ListDiff& d = diff->front();
  EXPECT_EQ(d.from.as_of, "2022-02-24");
  EXPECT_EQ(d.to.as_of, "2022-02-25");
  // OFAC designated Vladimir Putin on 25 February 2022.
  bool putin = false;
  for (const auto& c : d.added)
    putin = putin || (c.source_id == "35096" && c.name.find("PUTIN") != std::string::npos);
  EXPECT_TRUE(putin);
  for (const auto& c : d.modified) EXPECT_FALSE(c.fields.empty()) << c.source_id;
  // Explicit ids give the same answer; reversed, additions become removals.
  Result<std::vector<ListDiff>> back =
      store->Diff({"ofac_sdn", std::to_string(d.to.id), std::to_string(d.from.id)});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->front().removed.size(), d.added.size());
  EXPECT_EQ(back->front().added.size(), d.removed.size());
  EXPECT_EQ(back->front().modified.size(), d.modified.size());
  // Bad requests name the problem.
  EXPECT_EQ(store->Diff({"ofac_sdn", "999", "latest"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Diff({"ofac_sdn", "yesterday", "latest"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Diff({"un", "previous", "latest"}).status().code(), StatusCode::kInvalidArgument);
}

TEST(StoreTest, CustomerImportTracksChangesAndRefusesBadFiles) {
  TempDir tmp;
  auto store = OpenStore(tmp);
  ASSERT_TRUE(store);
  std::string f1 = tmp.Write("c1.csv",
                             "id,name,type,dob,country\nC1,Ann Lee,person,1990-01-02,GB\n"
                             "C2,Acme Trading LLC,organization,,US\n");
  Result<CustomerImportReport> r = store->ImportCustomers(f1, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->committed);
  EXPECT_EQ(r->added, 2);
  std::string f2 = tmp.Write("c2.csv",
                             "id,name,type,dob,country\nC1,Ann Lee,person,1990-01-03,GB\n"
                             "C2,Acme Trading LLC,organization,,US\nC3,Bo Chen,person,,CN\n");
  r = store->ImportCustomers(f2, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->unchanged, 1);
  EXPECT_EQ(r->import_seq, 2);
  auto* impl = static_cast<StoreImpl*>(store.get());
  std::vector<StoredCustomer> changed;
  ASSERT_TRUE(impl->CustomersChangedSince(1, &changed).ok());
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(changed[0].id, "C1");
  EXPECT_EQ(changed[0].dob, "1990-01-03");
  EXPECT_EQ(changed[1].id, "C3");

  // One bad row: the whole file is refused, nothing is stored.
  std::string bad = tmp.Write("bad.csv", "id,name,dob\nC4,Dan Roe,\nC5,Eve Poe,1990-13-01\n");
  r = store->ImportCustomers(bad, {});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->committed);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].location().line, 3);
  EXPECT_EQ(r->errors[0].location().field, "dob");
  Result<int64_t> n = impl->CustomerCount();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n.value(), 3);
  EXPECT_EQ(store->ImportCustomers(tmp.Path("missing.csv"), {}).status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, AuditChainDetectsEditsAndDeletions) {
  TempDir tmp;
  {
    auto store = OpenStore(tmp);
    ASSERT_TRUE(store);
    for (int i = 0; i < 3; ++i) {
      std::string f =
          tmp.Write("c" + std::to_string(i) + ".csv", "id,name\nC1,Name Number" + std::to_string(i) + "\n");
      ASSERT_TRUE(store->ImportCustomers(f, {}).ok());
    }
    Result<AuditVerifyReport> v = store->VerifyAudit();
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->problem;
    EXPECT_EQ(v->entries, 3);
    Result<std::vector<AuditEntry>> all = store->Audit("", "");
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ(all->at(0).action, "customers.import");
    EXPECT_EQ(all->at(0).actor, "tester");
    EXPECT_NE(all->at(0).details.find("file_sha256"), std::string::npos);
    EXPECT_EQ(all->at(1).prev_hash, all->at(0).hash);
    EXPECT_TRUE(store->Audit("2000-01-01", "2000-12-31")->empty());
  }
  auto tamper = [&](const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(tmp.Path("cordon.db").c_str(), &db), SQLITE_OK);
    // The triggers make the table append-only for cordon; an attacker with
    // file access drops them first.
    ASSERT_EQ(
        sqlite3_exec(db, "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  };
  {
    // Without dropping the triggers, edits are refused.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(tmp.Path("cordon.db").c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE audit SET actor='x'", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  tamper("DELETE FROM audit WHERE seq = 3");  // the tail
  {
    auto store = OpenStore(tmp);
    Result<AuditVerifyReport> v = store->VerifyAudit();
    ASSERT_TRUE(v.ok());
    EXPECT_FALSE(v->ok);
    EXPECT_EQ(v->first_bad, 3);
  }
  tamper("UPDATE audit SET details = replace(details, '\"rows\":1', '\"rows\":2') WHERE seq = 2");
  {
    auto store = OpenStore(tmp);
    Result<AuditVerifyReport> v = store->VerifyAudit();
    ASSERT_TRUE(v.ok());
    EXPECT_FALSE(v->ok);
    EXPECT_EQ(v->first_bad, 2);
    EXPECT_NE(v->problem.find("edited"), std::string::npos);
  }
  tamper("DELETE FROM audit WHERE seq = 1");
  {
    auto store = OpenStore(tmp);
    Result<AuditVerifyReport> v = store->VerifyAudit();
    ASSERT_TRUE(v.ok());
    EXPECT_FALSE(v->ok);
    EXPECT_EQ(v->first_bad, 1);
  }
}

TEST(StoreTest, SecondWriterGetsBusyNotCorruption) {
  TempDir tmp;
  auto first = OpenStore(tmp);
  ASSERT_TRUE(first);
  std::string f = tmp.Write("c.csv", "id,name\nC1,Ann Lee\n");
  ASSERT_TRUE(first->ImportCustomers(f, {}).ok());
  auto* impl = static_cast<StoreImpl*>(first.get());
  ASSERT_TRUE(impl->db()->Begin(true).ok());  // hold the write lock
  Result<std::unique_ptr<Store>> second = Store::Open({.path = tmp.Path("cordon.db"), .busy_timeout_ms = 50});
  ASSERT_TRUE(second.ok()) << second.status().ToString();  // readers and opening are fine
  Result<CustomerImportReport> r = second.value()->ImportCustomers(f, {});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(IsStoreBusy(r.status())) << r.status().ToString();
  EXPECT_NE(r.status().ToString().find("cordon.db"), std::string::npos);
  EXPECT_TRUE(second.value()->Alerts({}).ok());  // reading is not blocked
  impl->db()->Rollback();
  EXPECT_TRUE(second.value()->ImportCustomers(f, {}).ok());
}

TEST(StoreTest, VersionRecordsWithoutRawAreTheEntitiesWithoutRaw) {
  TempDir tmp;
  auto store = OpenStore(tmp);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->ImportLists({.lists_dir = SnapshotLists(tmp, "2022-02-24")}).ok());
  auto* impl = static_cast<StoreImpl*>(store.get());
  Result<std::vector<StoredListVersion>> latest = impl->LatestVersions();
  ASSERT_TRUE(latest.ok());
  std::vector<Entity> entities;
  std::vector<std::string> hashes, keys;
  ASSERT_TRUE(impl->LoadVersion(latest->front(), &entities, &hashes, &keys).ok());
  std::vector<VersionRecord> lean;
  ASSERT_TRUE(impl->VersionRecords(latest->front().id, /*with_raw=*/false, &lean).ok());
  ASSERT_EQ(lean.size(), entities.size());
  size_t with_raw = 0;
  for (size_t i = 0; i < lean.size(); ++i) {
    EXPECT_EQ(lean[i].key, keys[i]);
    EXPECT_EQ(lean[i].hash, hashes[i]);
    with_raw += !entities[i].raw.empty();
    Entity e = entities[i];
    e.raw.clear();
    ASSERT_EQ(lean[i].body, EncodeEntity(e)) << keys[i];
    Entity decoded;
    ASSERT_TRUE(DecodeEntity(lean[i].body, &decoded).ok());
    EXPECT_TRUE(decoded.raw.empty());
  }
  EXPECT_GT(with_raw, entities.size() / 2);  // the lean records did drop something
}

TEST(StoreTest, MigratesASchemaVersion1Store) {
  TempDir tmp;
  {
    auto store = OpenStore(tmp);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->ImportCustomers(tmp.Write("c.csv", "id,name\nC1,Ann Lee\nC2,Bo Chen\n"), {}).ok());
  }
  auto exec = [&](const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(tmp.Path("cordon.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  };
  // Back to the version 1 layout (as stores written before off-boarding).
  exec(
      "DROP INDEX customer_removed; DROP INDEX alert_customer; DROP INDEX alert_entity;"
      "ALTER TABLE customer DROP COLUMN removed_at; ALTER TABLE customer DROP COLUMN removed_reason;"
      "ALTER TABLE alert DROP COLUMN closed_at; ALTER TABLE alert DROP COLUMN closed_reason;"
      "UPDATE meta SET value='1' WHERE key='schema_version';");
  {
    auto store = OpenStore(tmp);
    ASSERT_TRUE(store);
    Result<CustomerRemovalReport> r = store->RemoveCustomers({{"C2"}, "left the bank"});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->removed, 1);
    EXPECT_EQ(static_cast<StoreImpl*>(store.get())->CustomerCount().value(), 1);
    Result<AuditVerifyReport> v = store->VerifyAudit();
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->problem;
  }
  exec("UPDATE meta SET value='3' WHERE key='schema_version';");
  Result<std::unique_ptr<Store>> newer = Store::Open({.path = tmp.Path("cordon.db")});
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), StatusCode::kDataError);
  EXPECT_NE(newer.status().message().find("schema version 3"), std::string::npos)
      << newer.status().ToString();
}

TEST(StoreTest, OpenRefusesMissingOrForeignFiles) {
  TempDir tmp;
  EXPECT_EQ(Store::Open({.path = tmp.Path("none.db"), .create_if_missing = false}).status().code(),
            StatusCode::kNotFound);
  std::string junk = tmp.Write("junk.db", std::string(4096, 'x'));
  Result<std::unique_ptr<Store>> s = Store::Open({.path = junk});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kDataError) << s.status().ToString();
}

}  // namespace
}  // namespace cordon
