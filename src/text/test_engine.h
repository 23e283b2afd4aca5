// Test-only: a small engine over hand-written entities (FromEntities), so
// text and payment tests do not depend on the bundled list snapshots.
#ifndef CORDON_TEXT_TEST_ENGINE_H_
#define CORDON_TEXT_TEST_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "cordon/engine.h"

namespace cordon {

inline Entity TestEntity(std::string id, Schema schema, std::vector<Name> names,
                         std::vector<std::string> programs, std::vector<std::string> countries = {}) {
  Entity e;
  e.source = "test_list";
  e.source_id = std::move(id);
  e.schema = schema;
  e.names = std::move(names);
  e.programs = std::move(programs);
  e.countries = std::move(countries);
  return e;
}

inline Name TestName(std::string full, std::string given = "", std::string family = "",
                     NameType type = NameType::kPrimary) {
  Name n;
  n.full = std::move(full);
  n.given = std::move(given);
  n.family = std::move(family);
  n.type = type;
  return n;
}

// Putin, Kim Jong Un, Hasan Nasrallah, Bashar al-Assad, Han-written names (see below),
// a person with two common tokens (Ali Mohammed), an
// organisation with a one-word name, a bank, a vessel; programs DPRK3,
// RUSSIA-EO14024, VENEZUELA-EO13850, SDGT, NPWMD, SYRIA.
inline std::unique_ptr<Engine> MakeTestEngine() {
  std::vector<Entity> entities;
  entities.push_back(TestEntity("1", Schema::kPerson,
                                {TestName("PUTIN, Vladimir Vladimirovich", "Vladimir Vladimirovich", "PUTIN"),
                                 TestName("Владимир Владимирович Путин", "", "", NameType::kAlias)},
                                {"RUSSIA-EO14024"}, {"RU"}));
  entities.push_back(
      TestEntity("2", Schema::kPerson, {TestName("KIM, Jong Un", "Jong Un", "KIM")}, {"DPRK3"}, {"KP"}));
  entities.push_back(
      TestEntity("3", Schema::kPerson, {TestName("Ali Mohammed", "Ali", "Mohammed")}, {"SDGT"}));
  entities.push_back(
      TestEntity("4", Schema::kOrganization, {TestName("ROSOBORONEXPORT")}, {"RUSSIA-EO14024"}, {"RU"}));
  entities.push_back(
      TestEntity("5", Schema::kOrganization, {TestName("KOREA KWANGSON BANKING CORP")}, {"DPRK3"}, {"KP"}));
  entities.push_back(TestEntity("6", Schema::kVessel, {TestName("WISE HONEST")}, {"DPRK3"}));
  entities.push_back(TestEntity("7", Schema::kPerson,
                                {TestName("MADURO MOROS, Nicolas", "Nicolas", "MADURO MOROS")},
                                {"VENEZUELA-EO13850"}, {"VE"}));
  // Common given names and surnames, so the prefilter knows them as listed
  // tokens without any of these people being a mention.
  entities.push_back(
      TestEntity("8", Schema::kPerson, {TestName("KIM, Yong Chol", "Yong Chol", "KIM")}, {"DPRK3"}));
  entities.push_back(TestEntity("9", Schema::kPerson, {TestName("LEE, Min Ho", "Min Ho", "LEE")}, {"DPRK3"}));
  entities.push_back(
      TestEntity("10", Schema::kPerson, {TestName("NASRALLAH, Hasan", "Hasan", "NASRALLAH")}, {"SDGT"}));
  // Names Chinese and Japanese text writes in Han characters: a Chinese
  // name (李方伟), Korean names (崔龙海, and 金铁三 listed as written), and
  // a two-character name listed as written (周伟) that reads like an ordinary
  // word (周围 "around" = Zhou Wei).
  entities.push_back(
      TestEntity("11", Schema::kPerson, {TestName("LI, Fangwei", "Fangwei", "LI")}, {"NPWMD"}));
  entities.push_back(
      TestEntity("12", Schema::kPerson,
                 {TestName("KIM, Chol Sam", "Chol Sam", "KIM"), TestName("金铁三", "", "", NameType::kAlias)},
                 {"DPRK3"}));
  entities.push_back(
      TestEntity("13", Schema::kPerson, {TestName("CHOE, Ryong Hae", "Ryong Hae", "CHOE")}, {"DPRK3"}));
  entities.push_back(TestEntity(
      "14", Schema::kPerson,
      {TestName("ZHOU, Wei", "Wei", "ZHOU"), TestName("周伟", "", "", NameType::kAlias)}, {"SDGT"}));
  entities.push_back(TestEntity("15", Schema::kPerson,
                                {TestName("AL-ASSAD, Bashar", "Bashar", "AL-ASSAD"),
                                 TestName("بشار حافظ الأسد", "", "", NameType::kAlias)},
                                {"SYRIA"}, {"SY"}));
  SourceInfo source;
  source.id = "test_list";
  source.format = "test";
  source.as_of = "2026-01-01";
  source.version = "v1test";
  auto engine = Engine::FromEntities(std::move(entities), {source});
  return engine.ok() ? std::move(engine).value() : nullptr;
}

}  // namespace cordon

#endif  // CORDON_TEXT_TEST_ENGINE_H_
