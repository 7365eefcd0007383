// StringFile: everything written through the stream, in order, whatever its length (the
// stream's own buffer is 4-8 KB, so long output arrives in several writes).
#include "report/string_file.h"

#include <catch2/catch.hpp>
#include <string>

using fulint::StringFile;

TEST_CASE("string file: short and long output arrive whole", "[report]") {
  for (int lines : {0, 1, 3, 5000}) {
    StringFile f;
    REQUIRE(f.get());
    std::string want;
    for (int i = 0; i < lines; ++i) {
      std::fprintf(f.get(), "line %d: %s\n", i, "text");
      want += "line " + std::to_string(i) + ": text\n";
    }
    std::fputc('!', f.get());
    want += '!';
    std::string got = "left over";
    CHECK(f.Finish(&got));
    CHECK(got.size() == want.size());
    CHECK(got == want);
  }
}

TEST_CASE("string file: nothing written gives an empty string", "[report]") {
  StringFile f;
  std::string got = "left over";
  CHECK(f.Finish(&got));
  CHECK(got.empty());
}
