// Listing rule files: style folders (a link to one counts), files named *.yml or *.yaml in
// them, ids "Style.name" sorted; anything else under the rules folder is not a rule.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace fs = std::filesystem;

TEST_CASE("rule files: styles, extensions and links", "[rule-files]") {
  fs::path root = fs::temp_directory_path() / ("fulint-rule-files-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "rules" / "Beta");
  fs::create_directories(root / "rules" / "Alpha");
  fs::create_directories(root / "elsewhere" / "Linked");
  for (const char* name : {"Beta/b.yml", "Beta/a.yaml", "Beta/x.y.yml", "Beta/.yml",
                           "Beta/notes.txt", "Beta/yml", "Alpha/Z.yml", "stray.yml"})
    std::ofstream(root / "rules" / name) << "extends: existence\n";
  std::ofstream(root / "elsewhere" / "Linked" / "c.yml") << "extends: existence\n";
  fs::create_directory_symlink(root / "elsewhere" / "Linked", root / "rules" / "Linked");

  std::vector<std::string> want = {"Alpha.Z", "Beta.a", "Beta.b", "Beta.x.y", "Linked.c"};
  CHECK(fulint::ListRuleIds((root / "rules").string()) == want);
  CHECK(fulint::ListRuleIds((root / "rules").string() + "/") == want);
  CHECK(fulint::ListRuleIds((root / "missing").string()).empty());
  fs::remove_all(root);
}
