#pragma once
// The language server engine (`fulint lsp`): reads JSON-RPC requests and notifications from
// `in`, keeps the open drafts, lints them in-process on a worker thread (debounced, only the
// latest text published), and answers code actions, hover and the fulint.addWord command.
// Layers: transport.h (framing), protocol.h (JSON, positions), documents.h, rule_sets.h.
#include <istream>
#include <ostream>
#include <string>

namespace fulint::lsp {

struct ServerOptions {
  std::string rules_dir;
  // Delay between a didChange and the lint of the text it produced; later changes to the same
  // document restart it. Opening, saving and configuration changes lint at once.
  int debounce_ms = 50;
  // Where problems with the input (bad headers, malformed notifications) are logged; null:
  // standard error. Never the protocol stream.
  std::ostream* log = nullptr;
};

// Serves one client until `exit` (or the end of `in`). Returns 0 after shutdown then exit,
// 1 after exit (or end of input) without shutdown. Never throws.
int RunLanguageServer(std::istream& in, std::ostream& out, const ServerOptions& options);

}  // namespace fulint::lsp

namespace fulint {

// The entry point for `fulint lsp`, with the default debounce.
int RunLanguageServer(std::istream& in, std::ostream& out, const std::string& rules_dir);

}  // namespace fulint
