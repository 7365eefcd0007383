// Fuzz target: a Markdown draft with YAML front matter (.md): front matter (yaml-cpp),
// md4c masking, links, note structure.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fulint::Document doc;
  fulint::fuzz::ParseAs("draft.md", data, size, &doc);
  return 0;
}
