// Fuzz target: the language server's message framing and dispatch. The input is the byte
// stream a client sends on standard input (Content-Length framing, JSON-RPC bodies); the
// server runs on it to the end of the stream, linting with the small test rules.
#include <sstream>
#include <string_view>

#include "lsp/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // workspace/executeCommand (fulint.addWord) writes word lists and configs at paths the input
  // names; the fuzzer must not write over the machine's files, so those inputs are left out.
  if (input.find("executeCommand") != std::string_view::npos) return 0;
  std::istringstream in{std::string(input)};
  std::ostringstream out, log;
  fulint::lsp::ServerOptions options;
  options.rules_dir = FULINT_SOURCE_DIR "/tests/lsp/rules";
  options.debounce_ms = 0;
  options.log = &log;
  fulint::lsp::RunLanguageServer(in, out, options);
  return 0;
}
