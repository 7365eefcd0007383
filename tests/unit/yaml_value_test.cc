// YamlValue: what yaml-cpp parses, kept with positions, and the binary form the rule cache
// stores; YamlCache: reused when a file is unchanged, re-parsed when it changes.
#include "rules/yaml_value.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "rules/yaml_cache.h"
#include "test_util.h"

namespace fulint {
namespace {

YamlValue Parse(const std::string& text) {
  YamlValue v;
  std::string error;
  YamlMark mark;
  REQUIRE(ParseYaml(text, std::make_shared<const std::string>("x.yml"), &v, &error, &mark));
  return v;
}

}  // namespace

TEST_CASE("yaml value: scalars, lists and mappings in file order with positions", "[yaml]") {
  YamlValue v = Parse("extends: existence\ntokens:\n  - 'a b'\n  - c\nempty:\nlevel: warning\n");
  REQUIRE(v.IsMap());
  CHECK(v["extends"].text() == "existence");
  CHECK(v["tokens"].items().size() == 2);
  CHECK(v["tokens"].items()[0].quoted());
  CHECK_FALSE(v["tokens"].items()[1].quoted());
  CHECK(v["tokens"].items()[1].Mark().line == 3);
  CHECK(v["tokens"].items()[1].Mark().column == 4);
  CHECK(*v["tokens"].Mark().source == "x.yml");
  CHECK(v["empty"]);          // present...
  CHECK(v["empty"].IsNull());  // ...with no value
  CHECK_FALSE(v["missing"]);
  std::vector<std::string> keys;
  for (const auto& [k, val] : v.entries()) keys.push_back(k.text());
  CHECK(keys == std::vector<std::string>{"extends", "tokens", "empty", "level"});
}

TEST_CASE("yaml value: booleans and whole numbers as yaml-cpp reads them", "[yaml]") {
  bool b = false;
  int n = 0;
  CHECK((YamlValue::Scalar("Yes").AsBool(&b) && b));
  CHECK((YamlValue::Scalar("off").AsBool(&b) && !b));
  CHECK_FALSE(YamlValue::Scalar("maybe").AsBool(&b));
  CHECK((YamlValue::Scalar("-42").AsInt(&n) && n == -42));
  CHECK((YamlValue::Scalar("0x10").AsInt(&n) && n == 16));
  CHECK_FALSE(YamlValue::Scalar("three").AsInt(&n));
  CHECK_FALSE(YamlValue::Scalar("99999999999").AsInt(&n));
}

TEST_CASE("yaml value: the binary form reads back the same tree", "[yaml]") {
  YamlValue v = Parse("a: [1, 'two', {x: y}]\nb: ~\nc: |\n  text\n");
  std::string blob;
  v.Serialize(&blob);
  YamlValue back;
  size_t at = 0;
  REQUIRE(YamlValue::Deserialize(blob, &at, &back));
  CHECK(at == blob.size());
  std::string again;
  back.Serialize(&again);
  CHECK(again == blob);
  CHECK(back["a"].items()[2]["x"].text() == "y");
  CHECK(back["c"].text() == "text\n");
  // Truncated or garbage input is refused, never read past its end.
  for (size_t cut = 0; cut < blob.size(); ++cut) {
    size_t pos = 0;
    YamlValue partial;
    CHECK_FALSE(YamlValue::Deserialize(std::string_view(blob).substr(0, cut), &pos, &partial));
  }
}

TEST_CASE("yaml value: syntax errors are located; alias bombs are refused", "[yaml]") {
  YamlValue v;
  std::string error;
  YamlMark mark;
  CHECK_FALSE(ParseYaml("a: [1, 2\n", nullptr, &v, &error, &mark));
  CHECK_FALSE(error.empty());
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
            ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + "]\n";
  CHECK_FALSE(ParseYaml(bomb, nullptr, &v, &error, &mark));
  CHECK(error.find("too many values") != std::string::npos);
}

// A cache file in a temporary folder, and what YamlCache::Parse writes into.
struct CacheTest {
  test::TempDir dir;
  std::string file = (dir.path() / "cache.bin").string();
  YamlValue v;
  std::string error;
  YamlMark mark;
  bool Parse(YamlCache& cache, const std::string& path, const std::string& text) {
    return cache.Parse(path, text, &v, &error, &mark);
  }
  // Parses each (path, text) through a fresh cache on `file`, then saves it.
  void ParseAndSave(const std::vector<std::pair<std::string, std::string>>& files) {
    YamlCache cache(file);
    for (const auto& [path, text] : files) REQUIRE(Parse(cache, path, text));
    cache.Save();
  }
};

TEST_CASE("yaml cache: an unchanged file is read back, a changed one parsed again", "[yaml]") {
  CacheTest t;
  std::string rule = t.dir.Write("Rule.yml", "message: one\n");
  t.ParseAndSave({{rule, "message: one\n"}});
  REQUIRE(std::ifstream(t.file).good());
  {
    YamlCache cache(t.file);
    REQUIRE(t.Parse(cache, rule, "message: one\n"));
    CHECK(cache.hits() == 1);  // read back from the file
    CHECK(t.v["message"].text() == "one");
    CHECK(t.v["message"].Mark().line == 0);
    CHECK(*t.v.Mark().source == rule);
    // Changed text hashes differently and is parsed afresh.
    REQUIRE(t.Parse(cache, rule, "message: two\n"));
    CHECK(cache.hits() == 1);
    CHECK(t.v["message"].text() == "two");
  }
  // A corrupt cache is ignored.
  std::ofstream(t.file) << "fulint-yaml-cache-1\n\x05garbage";
  YamlCache cache(t.file);
  REQUIRE(t.Parse(cache, rule, "message: one\n"));
  CHECK(cache.hits() == 0);
  CHECK(t.v["message"].text() == "one");
}

TEST_CASE("yaml cache: entries read from the mapped file survive a rewrite of it", "[yaml]") {
  // The cache file is memory-mapped and its entries point into the mapping; saving replaces
  // the file by rename, and the entries not parsed in this run are written from the mapping.
  CacheTest t;
  std::string a = t.dir.Write("A.yml", "message: a\n");
  std::string b = t.dir.Write("B.yml", "message: b\nlevel: error\n");
  t.ParseAndSave({{a, "message: a\n"}, {b, "message: b\nlevel: error\n"}});
  {
    YamlCache cache(t.file);
    REQUIRE(t.Parse(cache, a, "message: changed\n"));  // parsed, owned
    CHECK(cache.hits() == 0);
    cache.Save();  // A from this run, B from the mapping of the file being replaced
    // The mapping still reads as before the rename.
    REQUIRE(t.Parse(cache, b, "message: b\nlevel: error\n"));
    CHECK(cache.hits() == 1);
    CHECK(t.v["level"].text() == "error");
  }
  YamlCache cache(t.file);
  REQUIRE(t.Parse(cache, a, "message: changed\n"));
  CHECK(t.v["message"].text() == "changed");
  REQUIRE(t.Parse(cache, b, "message: b\nlevel: error\n"));
  CHECK(t.v["level"].text() == "error");
  CHECK(cache.hits() == 2);
}

TEST_CASE("yaml cache: an empty or truncated cache file is ignored", "[yaml]") {
  CacheTest t;
  std::string rule = t.dir.Write("Rule.yml", "message: one\n");
  t.ParseAndSave({{rule, "message: one\n"}});
  std::string whole;
  {
    std::ifstream in(t.file, std::ios::binary);
    whole.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (size_t keep : {size_t{0}, whole.size() / 2, whole.size() - 1}) {
    std::ofstream(t.file, std::ios::binary | std::ios::trunc) << whole.substr(0, keep);
    YamlCache cache(t.file);
    REQUIRE(t.Parse(cache, rule, "message: one\n"));
    CHECK(cache.hits() == 0);
    CHECK(t.v["message"].text() == "one");
  }
}

}  // namespace fulint

namespace fulint {

TEST_CASE("yaml cache: each rules folder has its own file", "[yaml]") {
  test::TempDir cache_dir;
  ::setenv("FULINT_CACHE_DIR", cache_dir.path().c_str(), 1);
  std::string a = YamlCache::DefaultFile("/srv/styles/a");
  CHECK(a.starts_with(cache_dir.path().string() + "/rules/"));
  CHECK(a.ends_with(".yamlcache"));
  CHECK(a != YamlCache::DefaultFile("/srv/styles/b"));
  // The same folder however it is named.
  CHECK(a == YamlCache::DefaultFile("/srv/styles/x/../a/"));
  std::string cwd = std::filesystem::current_path().string();
  CHECK(YamlCache::DefaultFile("rules") == YamlCache::DefaultFile(cwd + "/rules"));
  ::setenv("FULINT_NO_RULE_CACHE", "1", 1);
  CHECK(YamlCache::DefaultFile("/srv/styles/a").empty());
  ::unsetenv("FULINT_NO_RULE_CACHE");
  ::unsetenv("FULINT_CACHE_DIR");
}

}  // namespace fulint

namespace fulint {

TEST_CASE("yaml cache: the files of folders that are gone are removed on saving", "[yaml]") {
  test::TempDir cache_dir;
  ::setenv("FULINT_CACHE_DIR", cache_dir.path().c_str(), 1);
  test::WriteFile(cache_dir / "rules.yamlcache", "the old shared file");
  auto save = [](const std::string& folder) {
    std::string rule = (std::filesystem::path(folder) / "Rule.yml").string();
    test::WriteFile(rule, "message: one\n");
    YamlCache cache(YamlCache::DefaultFile(folder));
    YamlValue v;
    std::string error;
    YamlMark mark;
    REQUIRE(cache.Parse(rule, "message: one\n", &v, &error, &mark));
    cache.Save();
  };
  test::TempDir kept;
  std::string gone_file;
  {
    test::TempDir gone;
    save(gone.path().string());
    gone_file = YamlCache::DefaultFile(gone.path().string());
  }  // the folder is deleted here
  save(kept.path().string());
  CHECK(std::filesystem::exists(YamlCache::DefaultFile(kept.path().string())));
  CHECK_FALSE(std::filesystem::exists(gone_file));
  CHECK_FALSE(std::filesystem::exists(cache_dir / "rules.yamlcache"));
  // A second live folder's file stays when another is saved.
  test::TempDir other;
  save(other.path().string());
  CHECK(std::filesystem::exists(YamlCache::DefaultFile(kept.path().string())));
  CHECK(std::filesystem::exists(YamlCache::DefaultFile(other.path().string())));
  ::unsetenv("FULINT_CACHE_DIR");
}

}  // namespace fulint
