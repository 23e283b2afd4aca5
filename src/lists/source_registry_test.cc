#include "lists/source_registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cordon {
namespace {

TEST(SourceRegistry, DetectsBundledFormats) {
  std::vector<SourceFolder> folders;
  ASSERT_TRUE(FindSourceFolders(std::string(CORDON_SOURCE_DIR) + "/data/lists", &folders).ok());
  std::map<std::string, std::string> got;
  for (const auto& f : folders) got[f.id] = f.format;
  EXPECT_EQ(got.count("ofac_sdn_history"), 0u);  // dated snapshots, not a source
  EXPECT_EQ(got["ofac_sdn"], "ofac_legacy_csv");
  EXPECT_EQ(got["ofac_consolidated"], "ofac_legacy_csv");
  EXPECT_EQ(got["un"], "un_xml");
  EXPECT_EQ(got["eu"], "eu_fsf_derived");
  EXPECT_EQ(got["uk"], "uk");
  EXPECT_EQ(got["us_csl"], "us_csl");
  EXPECT_EQ(got["us_bis_dpl"], "us_bis_dpl");
}

TEST(SourceRegistry, MissingFolder) {
  std::vector<SourceFolder> folders;
  Status s = FindSourceFolders("/nonexistent/cordon/lists", &folders);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.ToString().find("/nonexistent/cordon/lists"), std::string::npos);
}

TEST(SourceRegistry, UnrecognisedFolderIsAnError) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "cordon_registry_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "empty");
  std::vector<SourceFolder> folders;
  ASSERT_TRUE(FindSourceFolders(dir.string(), &folders).ok());
  ASSERT_EQ(folders.size(), 1u);
  LoadedSource out;
  EXPECT_EQ(LoadSourceFolder(folders[0], &out).code(), StatusCode::kInvalidArgument);
  fs::remove_all(dir);
}

TEST(SourceRegistry, HashChangesWithContent) {
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / "cordon_hash_test.txt";
  std::ofstream(p) << "a";
  std::string h1 = HashFiles({p.string()});
  std::ofstream(p) << "b";
  std::string h2 = HashFiles({p.string()});
  EXPECT_EQ(h1.size(), 16u);
  EXPECT_NE(h1, h2);
  fs::remove(p);
}

}  // namespace
}  // namespace cordon
