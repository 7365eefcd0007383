// Fuzz target: a plain-text e-mail draft (.txt) through decode and parse (headers, replies,
// signature, note structure, suppressions).
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fulint::Document doc;
  fulint::fuzz::ParseAs("draft.txt", data, size, &doc);
  return 0;
}
