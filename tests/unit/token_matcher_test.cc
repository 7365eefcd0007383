// TokenMatcher::Any must say exactly whether FindAll finds something, while stopping early:
// checked on matchers mixing phrases, word tokens, raw regexes and exceptions (an exception
// first in the text, overlapping matches, empty matches), for every window of the texts.
#include "rules/token_matcher.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/yaml_value.h"

namespace fulint {
namespace {

TokenMatcher Make(const std::vector<std::string>& tokens, const std::vector<std::string>& raw,
                  const std::vector<std::string>& exceptions) {
  std::vector<ConfigError> errors;
  YamlReader reader("test.yml", YamlValue(), &errors);
  TokenMatcher m;
  REQUIRE(m.Build(tokens, raw, exceptions, /*ignore_case=*/true, /*nonword=*/false, reader,
                  "tokens"));
  REQUIRE(errors.empty());
  return m;
}

TEST_CASE("TokenMatcher::Any agrees with FindAll on every window", "[tokens]") {
  std::vector<TokenMatcher> matchers;  // moved in: a matcher is not copyable
  matchers.push_back(Make({"touch base", "very"}, {}, {}));
  matchers.push_back(Make({"touch base", "very"}, {}, {"very"}));   // an exception phrase
  matchers.push_back(Make({"rank\\w*"}, {}, {"ranking"}));          // a regex token
  matchers.push_back(Make({}, {"[[:alnum:]]"}, {}));                // raw, one character
  matchers.push_back(Make({}, {"x*"}, {}));                         // empty matches only
  matchers.push_back(Make({}, {"very(?: very)*"}, {"very very"}));  // overlapping, exception
  matchers.push_back(Make({"so"}, {"so much", "|much"}, {"so much"}));  // phrase in a raw match
  const std::vector<std::string> texts = {
      "",
      "Let us touch base. It was very good.",
      "It was very very good, so much so.",
      "My ranking is where I rank you: ranked.",
      "ranking only",
      "so much",
      "!!! ???",
  };
  int any_true = 0, compared = 0;
  for (size_t m = 0; m < matchers.size(); ++m)
    for (const auto& text : texts)
      for (uint32_t b = 0; b <= text.size(); ++b)
        for (uint32_t e = b; e <= text.size(); ++e) {
          INFO("matcher " << m << ", text '" << text << "' [" << b << ", " << e << ")");
          bool want = !matchers[m].FindAll(text, {b, e}).empty();
          CHECK(matchers[m].Any(text, {b, e}) == want);
          any_true += want;
          ++compared;
        }
  // The cases cover both answers.
  CHECK(any_true > 0);
  CHECK(any_true < compared);
}

TEST_CASE("TokenMatcher::Any: an exception alone is no match, a second copy is", "[tokens]") {
  TokenMatcher m = Make({"very"}, {}, {"very"});
  CHECK_FALSE(m.Any("very", {0, 4}));
  TokenMatcher r = Make({}, {"rank\\w*"}, {"ranking"});
  std::string text = "ranking, then ranked";
  CHECK_FALSE(r.Any(text, {0, 7}));
  CHECK(r.Any(text, {0, static_cast<uint32_t>(text.size())}));
}

}  // namespace
}  // namespace fulint
