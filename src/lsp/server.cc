#include "lsp/server.h"

#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>

#include "cli/lint_file.h"
#include "lsp/documents.h"
#include "lsp/features.h"
#include "lsp/protocol.h"
#include "lsp/rule_sets.h"
#include "lsp/scheduler.h"
#include "lsp/transport.h"
#include "lsp/word_list.h"

#ifndef FULINT_VERSION
#define FULINT_VERSION "unknown"
#endif

namespace fulint::lsp {
namespace {

namespace fs = std::filesystem;

// A request that fails with a JSON-RPC error.
struct RequestError {
  int code;
  std::string message;
};

// The text one lint saw, copied out of the store so the lint runs without the lock.
struct Snapshot {
  std::string uri, name, path, text;
  int64_t version = 0;
  uint64_t revision = 0;
};

bool IsConfigFile(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return name == ".fulint.yaml" || name == kWordsFileName;
}

class Server {
 public:
  Server(std::ostream& out, const ServerOptions& options)
      : out_(out), options_(options), rule_sets_(options.rules_dir) {}

  int Run(std::istream& in) {
    std::string body, problem;
    while (!exit_code_) {
      ReadStatus status = ReadMessage(in, &body, &problem);
      if (status == ReadStatus::kEof) break;
      if (status == ReadStatus::kBadHeader) {
        Log(problem);
        continue;
      }
      Handle(body);
    }
    linter_.Stop();
    return exit_code_.value_or(shutdown_ ? 0 : 1);
  }

 private:
  // --- Output ------------------------------------------------------------------------------

  void Send(const json& message) {
    std::string text = message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(out_mu_);
    WriteMessage(out_, text);
  }

  void Log(const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu_);
    (options_.log ? *options_.log : std::cerr) << "fulint lsp: " << line << std::endl;
  }

  // --- Dispatch ----------------------------------------------------------------------------

  void Handle(const std::string& body) {
    json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      Send(MakeError(nullptr, error_code::kParseError, "parse error: the message is not JSON"));
      return;
    }
    Incoming m = Classify(message);
    switch (m.kind) {
      case Incoming::kInvalid:
        Send(MakeError(m.id, error_code::kInvalidRequest, "invalid request: " + m.problem));
        return;
      case Incoming::kResponse:
        return;  // answers to our registerCapability request
      case Incoming::kRequest:
        HandleRequest(m);
        return;
      case Incoming::kNotification:
        try {
          HandleNotification(m);
        } catch (const std::exception& e) {
          Log(m.method + ": " + e.what());
        }
        return;
    }
  }

  void HandleRequest(const Incoming& m) {
    std::function<void()> after;  // runs once the response is out
    try {
      if (shutdown_) throw RequestError{error_code::kInvalidRequest, "shutdown was requested"};
      if (!initialized_ && m.method != "initialize")
        throw RequestError{error_code::kServerNotInitialized, "initialize first"};
      json result;
      if (m.method == "initialize") result = Initialize(m.params);
      else if (m.method == "shutdown") shutdown_ = true;
      else if (m.method == "textDocument/codeAction") result = CodeAction(m.params);
      else if (m.method == "textDocument/hover") result = Hover(m.params);
      else if (m.method == "workspace/executeCommand") result = ExecuteCommand(m.params, &after);
      else throw RequestError{error_code::kMethodNotFound, "method not found: " + m.method};
      Send(MakeResponse(m.id, std::move(result)));
    } catch (const RequestError& e) {
      Send(MakeError(m.id, e.code, e.message));
      return;
    } catch (const json::exception& e) {
      Send(MakeError(m.id, error_code::kInvalidParams, std::string("invalid params: ") + e.what()));
      return;
    } catch (const std::exception& e) {
      Send(MakeError(m.id, error_code::kInternalError, e.what()));
      return;
    }
    if (after) after();
  }

  void HandleNotification(const Incoming& m) {
    if (m.method == "exit") {
      exit_code_ = shutdown_ ? 0 : 1;
      return;
    }
    if (!initialized_ || shutdown_) return;  // dropped, as the spec says
    const json& p = m.params;
    if (m.method == "initialized") Initialized();
    else if (m.method == "textDocument/didOpen") DidOpen(p.at("textDocument"));
    else if (m.method == "textDocument/didChange") DidChange(p);
    else if (m.method == "textDocument/didSave") DidSave(p.at("textDocument").at("uri"));
    else if (m.method == "textDocument/didClose") DidClose(p.at("textDocument").at("uri"));
    else if (m.method == "workspace/didChangeWatchedFiles") DidChangeWatchedFiles(p.at("changes"));
    // Anything else ($/cancelRequest, $/setTrace, didChangeConfiguration...) is ignored.
  }

  // --- Lifecycle ---------------------------------------------------------------------------

  json Initialize(const json& params) {
    if (initialized_) throw RequestError{error_code::kInvalidRequest, "already initialized"};
    {
      std::lock_guard<std::mutex> lock(mu_);
      encoding_ = NegotiateEncoding(params);
    }
    const json* node = &params;
    for (const char* key : {"capabilities", "workspace", "didChangeWatchedFiles"}) {
      static const json kNone;
      node = node->is_object() && node->contains(key) ? &(*node)[key] : &kNone;
    }
    watch_files_ = node->is_object() && node->contains("dynamicRegistration") &&
                   (*node)["dynamicRegistration"] == true;
    initialized_ = true;
    return {{"capabilities",
             {{"positionEncoding", PositionEncodingName(encoding_)},
              {"textDocumentSync",
               {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
              {"hoverProvider", true},
              {"executeCommandProvider", {{"commands", {kAddWordCommand}}}}}},
            {"serverInfo", {{"name", "fulint"}, {"version", FULINT_VERSION}}}};
  }

  // Asks the client to report changes to configs and word files (when it can register).
  void Initialized() {
    if (!watch_files_) return;
    json watchers = json::array({{{"globPattern", "**/.fulint.yaml"}},
                                 {{"globPattern", std::string("**/") + kWordsFileName}}});
    Send(MakeRequest("fulint-watch", "client/registerCapability",
                     {{"registrations",
                       {{{"id", "fulint-watch"},
                         {"method", "workspace/didChangeWatchedFiles"},
                         {"registerOptions", {{"watchers", watchers}}}}}}}));
  }

  // --- Documents ---------------------------------------------------------------------------

  void DidOpen(const json& item) {
    std::string uri = item.at("uri");
    std::string text = item.at("text");
    std::lock_guard<std::mutex> lock(mu_);
    docs_.Open(uri, item.value("languageId", ""), item.value("version", int64_t{0}),
               std::move(text));
    Schedule(uri, 0);
  }

  void DidChange(const json& p) {
    const json& id = p.at("textDocument");
    std::string uri = id.at("uri");
    std::vector<ContentChange> changes;
    for (const auto& c : p.at("contentChanges")) {
      ContentChange change;
      if (!FromJson(c, &change)) {
        Log("didChange: malformed content change ignored for " + uri);
        return;  // applying the others would leave the text out of step with the client's
      }
      changes.push_back(std::move(change));
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (!docs_.Change(uri, id.value("version", int64_t{0}), changes, encoding_)) {
      Log("didChange for a document that is not open: " + uri);
      return;
    }
    Schedule(uri, options_.debounce_ms);
  }

  void DidSave(const std::string& uri) {
    std::string path = UriToPath(uri);
    std::lock_guard<std::mutex> lock(mu_);
    if (!path.empty()) Invalidate(path);
    if (IsConfigFile(path)) ScheduleAll();
    else if (docs_.Find(uri)) Schedule(uri, 0);
  }

  void DidClose(const std::string& uri) {
    std::lock_guard<std::mutex> lock(mu_);
    linter_.Cancel(uri);
    if (docs_.Close(uri))  // sent under the lock, so no lint of the old text can follow it
      Send(MakeNotification("textDocument/publishDiagnostics",
                            {{"uri", uri}, {"diagnostics", json::array()}}));
  }

  void DidChangeWatchedFiles(const json& changes) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& c : changes) {
      Invalidate(UriToPath(c.value("uri", "")));  // "" (all) for other URIs
    }
    ScheduleAll();
  }

  // --- Features ----------------------------------------------------------------------------

  json CodeAction(const json& params) {
    std::string uri = params.at("textDocument").at("uri");
    std::lock_guard<std::mutex> lock(mu_);
    OpenDocument* doc = docs_.Find(uri);
    return doc ? CodeActions(*doc, params) : json::array();
  }

  json Hover(const json& params) {
    std::string uri = params.at("textDocument").at("uri");
    LspPosition position;
    if (!FromJson(params.at("position"), &position))
      throw RequestError{error_code::kInvalidParams, "hover needs a position"};
    std::lock_guard<std::mutex> lock(mu_);
    OpenDocument* doc = docs_.Find(uri);
    return doc ? HoverAt(*doc, position) : json(nullptr);
  }

  json ExecuteCommand(const json& params, std::function<void()>* after) {
    std::string command = params.at("command");
    if (command != kAddWordCommand)
      throw RequestError{error_code::kInvalidParams, "unknown command: " + command};
    json args = params.value("arguments", json::array());
    std::string uri, word;
    if (args.size() == 1 && args[0].is_object()) {
      uri = args[0].value("uri", "");
      word = args[0].value("word", "");
    } else if (args.size() == 2 && args[0].is_string() && args[1].is_string()) {
      uri = args[0];
      word = args[1];
    }
    std::string path = UriToPath(uri);
    if (path.empty() || word.empty())
      throw RequestError{error_code::kInvalidParams,
                         "fulint.addWord takes {uri, word} with a file: URI"};
    AddWordResult added;
    std::string error;
    if (!AddWordToProject(path, word, &added, &error))
      throw RequestError{error_code::kInternalError, error};
    *after = [this, added] {
      std::lock_guard<std::mutex> lock(mu_);
      Invalidate(added.config_path);
      Invalidate(added.words_path);
      ScheduleAll();
    };
    return nullptr;
  }

  // --- Linting -----------------------------------------------------------------------------

  // These need mu_ held.
  void Invalidate(const std::string& path) {
    // Applied by the worker before its next lint; a long backlog (no document open) is
    // replaced by one "drop everything".
    if (invalidations_.size() >= 64) invalidations_.assign(1, "");
    invalidations_.push_back(path);
  }
  void Schedule(const std::string& uri, int delay_ms) { linter_.Schedule(uri, delay_ms); }
  void ScheduleAll() {
    for (const auto& uri : docs_.Uris()) Schedule(uri, 0);
  }

  // The scheduler's work: lints the current text of `uri` without holding the lock and
  // publishes the result unless the text changed meanwhile (a newer lint is then due) or the
  // document was closed.
  void LintAndPublish(const std::string& uri) {
    std::unique_lock<std::mutex> lock(mu_);
    OpenDocument* doc = docs_.Find(uri);
    if (!doc) return;
    Snapshot snap{uri, doc->name, doc->path, doc->text, doc->version, doc->revision};
    PositionEncoding encoding = encoding_;
    std::vector<std::string> invalidations = std::move(invalidations_);
    invalidations_.clear();
    lock.unlock();
    std::vector<PublishedDiagnostic> published;
    try {
      for (const auto& path : invalidations) rule_sets_.Invalidate(path);
      published = LintSnapshot(snap, encoding);
    } catch (const std::exception& e) {
      Log("lint of " + uri + " failed: " + e.what());
      return;
    } catch (...) {
      return;
    }
    lock.lock();
    doc = docs_.Find(uri);
    if (!doc || doc->revision != snap.revision) return;
    json diagnostics = json::array();
    for (const auto& d : published) diagnostics.push_back(d.lsp);
    doc->published = std::move(published);
    doc->published_revision = snap.revision;
    try {  // sent under the lock, so a didClose cannot slip in before it
      Send(MakeNotification("textDocument/publishDiagnostics",
                            {{"uri", uri},
                             {"version", snap.version},
                             {"diagnostics", std::move(diagnostics)}}));
    } catch (const std::exception& e) {
      Log(std::string("cannot publish: ") + e.what());
    }
  }

  // Runs on the worker thread only (rule_sets_ and segmenter_ are its own).
  std::vector<PublishedDiagnostic> LintSnapshot(const Snapshot& snap, PositionEncoding encoding) {
    std::vector<PublishedDiagnostic> out;
    if (IsConfigFile(snap.name)) return out;  // a config or word list is not a draft
    std::error_code ec;
    std::string config_key = !snap.path.empty() ? snap.path
                                                : (fs::current_path(ec) / snap.name).string();
    const RuleSets::Entry& entry = rule_sets_.ForFile(config_key);
    if (!entry.rules) {
      // Like the CLI: a broken configuration is reported and its drafts are not linted.
      for (const auto& e : entry.errors)
        out.push_back({{}, Problem("fulint.Config", e.Format(), {}), ""});
      return out;
    }
    LintedFile linted = LintBytes(snap.name, snap.text, *entry.rules, segmenter_, LintOptions());
    const FileResult& result = linted.result;
    PositionMap map(*result.doc, encoding);
    if (!result.error.empty()) {
      LspRange at = map.ToRange({result.error_raw_offset, result.error_raw_offset});
      out.push_back({at, Problem("fulint.Decode", result.error, at), ""});
      return out;
    }
    std::map<std::string, std::string> links;  // rule id -> resolved link
    for (const Diagnostic& d : result.diagnostics) {
      const Rule* rule = entry.rules->Find(d.rule_id);
      std::string link;
      if (rule) {
        auto it = links.find(rule->id);
        if (it == links.end())
          it = links.emplace(rule->id, ResolveLink(*rule, options_.rules_dir)).first;
        link = it->second;
      }
      LspDiagnosticExtras extras{link.find(':') != std::string::npos ? link : "", true};
      PublishedDiagnostic p{map.ToRange(d.raw),
                            json(LspDiagnostic(d, map.index(), map.unit(), extras)), ""};
      if (rule) {
        p.hover = ExplainMarkdown(*rule, link);
        if (rule->extends == "spelling" && !d.matched.empty()) p.lsp["data"]["word"] = d.matched;
      }
      out.push_back(std::move(p));
    }
    return out;
  }

  static json Problem(const std::string& code, const std::string& message, const LspRange& at) {
    return {{"range", ToJson(at)},
            {"severity", LspSeverity(Severity::kError)},
            {"code", code},
            {"source", "fulint"},
            {"message", message}};
  }

  std::ostream& out_;
  ServerOptions options_;
  std::mutex out_mu_, log_mu_;

  // Reader thread only.
  bool initialized_ = false, shutdown_ = false, watch_files_ = false;
  std::optional<int> exit_code_;

  // Shared with the worker, under mu_.
  std::mutex mu_;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  DocumentStore docs_;
  std::vector<std::string> invalidations_;  // changed config / word files ("" = all)

  // Worker thread only.
  RuleSets rule_sets_;
  Segmenter segmenter_;

  // Last: its thread starts once everything above exists, and is joined before it goes.
  Scheduler linter_{[this](const std::string& uri) { LintAndPublish(uri); }};
};

}  // namespace

int RunLanguageServer(std::istream& in, std::ostream& out, const ServerOptions& options) {
  // Reading must not flush `out` (std::cin is tied to std::cout): only the server writes it,
  // under its lock.
  std::ostream* tied = in.tie(nullptr);
  int status = 1;
  try {
    Server server(out, options);
    status = server.Run(in);
  } catch (...) {
  }
  in.tie(tied);
  return status;
}

}  // namespace fulint::lsp

namespace fulint {

int RunLanguageServer(std::istream& in, std::ostream& out, const std::string& rules_dir) {
  try {
    lsp::ServerOptions options;
    options.rules_dir = rules_dir;
    return lsp::RunLanguageServer(in, out, options);
  } catch (...) {
    return 1;
  }
}

}  // namespace fulint
