// The language server: unit tests of its layers, and the JSON-RPC transcripts in tests/lsp/
// run against the real engine over pipes.
//
// Transcript format (clangd's *.test, without FileCheck). A line starting with a directive
// begins a block whose body is the lines up to the next directive; `#` lines are comments
// (except inside `>>> raw` and file bodies, which end at the first blank line).
//   >>>             send the body (normally JSON), framed with a correct Content-Length
//   >>> raw         send the body's lines as they are, each ended by \r\n, with no framing
//   <<<             the next message from the server must match the body, a JSON pattern:
//                   objects match when each of the pattern's keys matches (other keys are
//                   allowed), arrays element by element with the same length, "{{any}}"
//                   matches any value and "{{re:R}}" strings that R matches (ECMAScript)
//   === write NAME  write the body (each line ended by \n) to ${DIR}/NAME
//   === file NAME   ${DIR}/NAME must hold exactly the body (each line ended by \n)
//   === exit N      the server must return N
//   === debounce N  (before the first message) the debounce delay; 0 by default
// ${DIR} is replaced by a fresh temporary folder. After the last block the input is closed and
// the server must not have sent anything the transcript did not expect.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "lsp/documents.h"
#include "lsp/protocol.h"
#include "lsp/scheduler.h"
#include "lsp/server.h"
#include "lsp/transport.h"
#include "lsp/word_list.h"
#include "test_util.h"

namespace fulint::lsp {
namespace {

using test::ReadFile;
using test::TempDir;
namespace fs = std::filesystem;

// --- Transport --------------------------------------------------------------------------------

std::vector<std::string> ReadAll(const std::string& stream, std::vector<std::string>* problems) {
  std::istringstream in(stream);
  std::vector<std::string> bodies;
  std::string body, problem;
  for (;;) {
    ReadStatus s = ReadMessage(in, &body, &problem);
    if (s == ReadStatus::kEof) break;
    if (s == ReadStatus::kBadHeader) problems->push_back(problem);
    else bodies.push_back(body);
  }
  return bodies;
}

TEST_CASE("lsp transport: framing, other headers, lower-case names", "[lsp]") {
  std::ostringstream out;
  WriteMessage(out, "{\"a\":1}");
  CHECK(out.str() == "Content-Length: 7\r\n\r\n{\"a\":1}");
  std::vector<std::string> problems;
  auto bodies = ReadAll(out.str() +
                            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                            "content-length: 2\r\n\r\n{}\n\nContent-Length: 3\n\n[1]",
                        &problems);
  CHECK(bodies == std::vector<std::string>{"{\"a\":1}", "{}", "[1]"});
  CHECK(problems.empty());
}

TEST_CASE("lsp transport: damaged headers are skipped up to the next message", "[lsp]") {
  std::vector<std::string> problems;
  auto bodies = ReadAll(
      "Content-Type: x\r\n\r\n{\"lost\":1}\r\n"         // no Content-Length
      "Content-Length: abc\r\n\r\n{\"lost\":2}"         // not a number
      "Content-Length: 2\r\n\r\n{}"                     // found after the body's text
      "Content-Length: 99999999999999\r\n\r\nx\r\n"     // too large
      "Content-Length: 4\r\n\r\n[11]"
      "Content-Length: 50\r\n\r\n{\"cut\"",             // the stream ends inside a body
      &problems);
  CHECK(bodies == std::vector<std::string>{"{}", "[11]"});
  CHECK(problems.size() == 3);
}

// --- Protocol ---------------------------------------------------------------------------------

TEST_CASE("lsp protocol: position encoding follows the client's preference", "[lsp]") {
  auto offer = [](json list) {
    return NegotiateEncoding({{"capabilities", {{"general", {{"positionEncodings", list}}}}}});
  };
  CHECK(offer({"utf-8", "utf-16"}) == PositionEncoding::kUtf8);
  CHECK(offer({"utf-32", "utf-8"}) == PositionEncoding::kUtf32);
  CHECK(offer({"latin-1", "utf-16", "utf-8"}) == PositionEncoding::kUtf16);
  CHECK(offer(json::array()) == PositionEncoding::kUtf16);
  CHECK(NegotiateEncoding(json::object()) == PositionEncoding::kUtf16);
  CHECK(NegotiateEncoding({{"capabilities", 3}}) == PositionEncoding::kUtf16);
}

TEST_CASE("lsp protocol: message classification", "[lsp]") {
  CHECK(Classify(json::parse(R"({"jsonrpc":"2.0","id":1,"method":"m"})")).kind ==
        Incoming::kRequest);
  CHECK(Classify(json::parse(R"({"jsonrpc":"2.0","method":"m"})")).kind ==
        Incoming::kNotification);
  CHECK(Classify(json::parse(R"({"jsonrpc":"2.0","id":"x","result":null})")).kind ==
        Incoming::kResponse);
  Incoming bad = Classify(json::parse(R"({"jsonrpc":"2.0","id":2})"));
  CHECK(bad.kind == Incoming::kInvalid);
  CHECK(bad.id == 2);
  CHECK(Classify(json::parse(R"({"jsonrpc":"2.0","id":[1],"method":"m"})")).id.is_null());
  CHECK(Classify(json::parse(R"({"id":1,"method":"m"})")).kind == Incoming::kInvalid);
  CHECK(Classify(json::parse(R"({"jsonrpc":"2.0","method":"m","params":3})")).kind ==
        Incoming::kInvalid);
}

TEST_CASE("lsp protocol: file URIs", "[lsp]") {
  CHECK(UriToPath("file:///home/ana/My%20Notes/draft.md") == "/home/ana/My Notes/draft.md");
  CHECK(UriToPath("file://localhost/tmp/a.txt") == "/tmp/a.txt");
  CHECK(UriToPath("untitled:Untitled-1").empty());
  CHECK(UriToPath("file://server/share/a.txt").empty());
  CHECK(PathToUri("/tmp/My Notes/é.md") == "file:///tmp/My%20Notes/%C3%A9.md");
  CHECK(UriToPath(PathToUri("/tmp/a b#c%.txt")) == "/tmp/a b#c%.txt");
  CHECK(UriFileName("file:///a/note.eml") == "note.eml");
  CHECK(UriFileName("untitled:Untitled-1") == "Untitled-1");
}

// --- Documents --------------------------------------------------------------------------------

std::string Applied(std::string text, LspRange range, const std::string& with,
                    PositionEncoding encoding) {
  ApplyChange(&text, {range, with}, encoding);
  return text;
}

TEST_CASE("lsp documents: edits in each encoding around an emoji", "[lsp]") {
  const std::string text = "a\xF0\x9F\x98\x80" "b\nc\xC3\xA9" "d\n";  // a😀b / céd
  // After the emoji: UTF-16 column 3, UTF-8 column 5, UTF-32 column 2.
  LspRange utf16{{0, 3}, {0, 3}}, utf8{{0, 5}, {0, 5}}, utf32{{0, 2}, {0, 2}};
  const std::string want = "a\xF0\x9F\x98\x80" "X" "b\nc\xC3\xA9" "d\n";
  CHECK(Applied(text, utf16, "X", PositionEncoding::kUtf16) == want);
  CHECK(Applied(text, utf8, "X", PositionEncoding::kUtf8) == want);
  CHECK(Applied(text, utf32, "X", PositionEncoding::kUtf32) == want);
  // Deleting the surrogate pair; a position inside it stays before the emoji.
  CHECK(Applied(text, {{0, 1}, {0, 3}}, "", PositionEncoding::kUtf16) == "ab\nc\xC3\xA9" "d\n");
  CHECK(Applied(text, {{0, 2}, {0, 2}}, "X", PositionEncoding::kUtf16) ==
        "aX\xF0\x9F\x98\x80" "b\nc\xC3\xA9" "d\n");
  // Across lines, past a line end (clamped), reversed, and at the very end.
  CHECK(Applied(text, {{0, 4}, {1, 1}}, "-", PositionEncoding::kUtf16) ==
        "a\xF0\x9F\x98\x80" "b-\xC3\xA9" "d\n");
  CHECK(Applied(text, {{0, 99}, {0, 99}}, "!", PositionEncoding::kUtf16) ==
        "a\xF0\x9F\x98\x80" "b!\nc\xC3\xA9" "d\n");
  CHECK(Applied(text, {{1, 3}, {1, 1}}, "", PositionEncoding::kUtf16) ==
        "a\xF0\x9F\x98\x80" "b\nc\n");
  CHECK(Applied(text, {{2, 0}, {2, 0}}, "e", PositionEncoding::kUtf8) == text + "e");
  CHECK(Applied(text, {{9, 0}, {9, 0}}, "e", PositionEncoding::kUtf8) == text + "e");
  CHECK(Applied("x\r\ny", {{1, 0}, {1, 1}}, "z", PositionEncoding::kUtf16) == "x\r\nz");
  std::string full = text;
  ApplyChange(&full, {std::nullopt, "new"}, PositionEncoding::kUtf16);
  CHECK(full == "new");
}

TEST_CASE("lsp documents: store versions and revisions", "[lsp]") {
  DocumentStore store;
  OpenDocument& doc = store.Open("file:///t/a.md", "markdown", 1, "hello");
  CHECK(doc.path == "/t/a.md");
  uint64_t first = doc.revision;
  CHECK(store.Change("file:///t/a.md", 2, {{LspRange{{0, 5}, {0, 5}}, "!"}},
                     PositionEncoding::kUtf16));
  CHECK(store.Find("file:///t/a.md")->text == "hello!");
  CHECK(store.Find("file:///t/a.md")->revision > first);
  CHECK_FALSE(store.Change("file:///t/b.md", 2, {}, PositionEncoding::kUtf16));
  CHECK(store.Open("untitled:Untitled-1", "plaintext", 1, "").name == "Untitled-1");
  CHECK(store.Close("file:///t/a.md"));
  CHECK(store.Find("file:///t/a.md") == nullptr);
}

// --- Scheduler --------------------------------------------------------------------------------

TEST_CASE("lsp scheduler: runs are debounced per key, cancelled ones never run", "[lsp]") {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> ran;
  Scheduler scheduler([&](const std::string& key) {
    std::lock_guard<std::mutex> lock(mu);
    ran.push_back(key);
    cv.notify_all();
  });
  scheduler.Schedule("a", 100);
  scheduler.Schedule("c", 50);
  scheduler.Schedule("a", 150);  // restarts a's timer
  scheduler.Schedule("b", 0);
  scheduler.Cancel("c");
  {
    std::unique_lock<std::mutex> lock(mu);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return ran.size() >= 2; }));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  scheduler.Stop();
  CHECK(ran == std::vector<std::string>{"b", "a"});
}

// --- Adding words -----------------------------------------------------------------------------

std::string WithWordsFile(const std::string& config) {
  std::string out, error;
  REQUIRE(AddAcceptFile(config, "/p", kWordsFileName, &out, &error));
  return out;
}

TEST_CASE("lsp addWord: the config names the word file, edited in place", "[lsp]") {
  CHECK(WithWordsFile("") == "words:\n  accept_files: [.fulint-words.txt]\n");
  CHECK(WithWordsFile("# mine\nrules:\n  A.B: off") ==
        "# mine\nrules:\n  A.B: off\nwords:\n  accept_files: [.fulint-words.txt]\n");
  CHECK(WithWordsFile("words:\n  accept: [X]  # names\n") ==
        "words:\n  accept_files: [.fulint-words.txt]\n  accept: [X]  # names\n");
  CHECK(WithWordsFile("words: {accept: [X]}\n") ==
        "words: {accept_files: [.fulint-words.txt], accept: [X]}\n");
  CHECK(WithWordsFile("words:\n  accept_files: [names.txt]  # ours\n") ==
        "words:\n  accept_files: [.fulint-words.txt, names.txt]  # ours\n");
  CHECK(WithWordsFile("words:\n  accept_files:\n    - names.txt\n") ==
        "words:\n  accept_files:\n    - .fulint-words.txt\n    - names.txt\n");
  // Already listed (also as ./name or an absolute path): unchanged.
  CHECK(WithWordsFile("words:\n  accept_files: [./.fulint-words.txt]\n") ==
        "words:\n  accept_files: [./.fulint-words.txt]\n");
  CHECK(WithWordsFile("words:\n  accept_files: [/p/.fulint-words.txt]\n") ==
        "words:\n  accept_files: [/p/.fulint-words.txt]\n");
  // Layouts without a simple insertion are re-emitted.
  std::string emitted = WithWordsFile("words:\n  accept_files: names.txt\n");
  CHECK(emitted.find(".fulint-words.txt") != std::string::npos);
  CHECK(emitted.find("names.txt") != std::string::npos);
  std::string out, error;
  CHECK_FALSE(AddAcceptFile("[1, 2]", "/p", kWordsFileName, &out, &error));
  CHECK_FALSE(AddAcceptFile("words: [", "/p", kWordsFileName, &out, &error));
}

TEST_CASE("lsp addWord: files created beside the nearest config, words not repeated", "[lsp]") {
  TempDir dir;
  std::string draft = dir.Write("a/b/draft.txt", "x");
  AddWordResult r;
  std::string error;
  REQUIRE(AddWordToProject(draft, "Okonkwo", &r, &error));
  CHECK(r.created_config);
  CHECK(ReadFile(dir / "a/b/.fulint.yaml") == "words:\n  accept_files: [.fulint-words.txt]\n");
  CHECK(ReadFile(dir / "a/b/.fulint-words.txt") == "Okonkwo\n");
  REQUIRE(AddWordToProject(draft, "Okonkwo", &r, &error));
  CHECK_FALSE(r.word_added);
  CHECK_FALSE(r.config_changed);
  CHECK(ReadFile(dir / "a/b/.fulint-words.txt") == "Okonkwo\n");

  dir.Write("c/.fulint.yaml", "rules: {}\n");
  dir.Write("c/.fulint-words.txt", "Adeyemi");  // no final newline
  std::string nested = dir.Write("c/d/draft.md", "x");
  REQUIRE(AddWordToProject(nested, "Nguyen", &r, &error));
  CHECK_FALSE(r.created_config);
  CHECK(ReadFile(dir / "c/.fulint-words.txt") == "Adeyemi\nNguyen\n");
  CHECK(ReadFile(dir / "c/.fulint.yaml") ==
        "rules: {}\nwords:\n  accept_files: [.fulint-words.txt]\n");
  CHECK_FALSE(fs::exists(dir / "c/d/.fulint.yaml"));
  CHECK_FALSE(AddWordToProject(nested, "two\nlines", &r, &error));
  CHECK_FALSE(AddWordToProject(nested, "", &r, &error));
}

// --- Transcripts ------------------------------------------------------------------------------

// The server on a thread, talking over two pipes; messages it sends are queued as they come.
class ServerProcess {
 public:
  ServerProcess(const ServerOptions& options) : options_(options) {
    signal(SIGPIPE, SIG_IGN);
    REQUIRE(pipe(to_server_) == 0);
    REQUIRE(pipe(from_server_) == 0);
    options_.log = &log_;
    server_ = std::thread([this] {
      {
        FdStreamBuf inbuf(to_server_[0]), outbuf(from_server_[1]);
        std::istream in(&inbuf);
        std::ostream out(&outbuf);
        exit_code_ = RunLanguageServer(in, out, options_);
      }
      close(from_server_[1]);
      close(to_server_[0]);
      exited_ = true;
    });
    reader_ = std::thread([this] {
      FdStreamBuf buf(from_server_[0]);
      std::istream in(&buf);
      std::string body, problem;
      for (;;) {
        ReadStatus s = ReadMessage(in, &body, &problem);
        if (s == ReadStatus::kEof) break;
        json message = s == ReadStatus::kMessage ? json::parse(body, nullptr, false)
                                                 : json("bad frame: " + problem);
        std::lock_guard<std::mutex> lock(mu_);
        received_.push_back(message.is_discarded() ? json("not JSON: " + body) : message);
        cv_.notify_all();
      }
      close(from_server_[0]);
    });
  }
  ~ServerProcess() { Finish(); }

  void Send(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(to_server_[1], bytes.data() + done, bytes.size() - done);
      if (n <= 0) return;  // the server has gone
      done += static_cast<size_t>(n);
    }
  }

  // The next message, or null after `timeout`.
  std::optional<json> Next(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, timeout, [&] { return !received_.empty(); })) return std::nullopt;
    json m = received_.front();
    received_.pop_front();
    return m;
  }

  // Closes the server's input and waits for it and the reader; returns the exit code.
  int Finish() {
    if (to_server_[1] >= 0) {
      close(to_server_[1]);
      to_server_[1] = -1;
    }
    if (server_.joinable()) server_.join();
    if (reader_.joinable()) reader_.join();
    return exit_code_;
  }
  // Waits up to `timeout` for the server to return by itself.
  bool WaitExit(std::chrono::milliseconds timeout) {
    auto end = std::chrono::steady_clock::now() + timeout;
    while (!exited_ && std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return exited_;
  }
  std::deque<json> Leftover() {
    std::lock_guard<std::mutex> lock(mu_);
    return received_;
  }
  std::string log() const { return exited_ ? log_.str() : "(server running)"; }

 private:
  ServerOptions options_;
  std::ostringstream log_;
  int to_server_[2] = {-1, -1}, from_server_[2] = {-1, -1};
  std::thread server_, reader_;
  std::atomic<bool> exited_{false};
  int exit_code_ = -1;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<json> received_;
};

// Where `actual` differs from `pattern` ("" when it matches), for the failure message.
std::string Mismatch(const json& pattern, const json& actual, const std::string& where) {
  if (pattern.is_string()) {
    const std::string& p = pattern.get_ref<const std::string&>();
    if (p == "{{any}}") return "";
    if (p.starts_with("{{re:") && p.ends_with("}}")) {
      if (actual.is_string() &&
          std::regex_search(actual.get<std::string>(), std::regex(p.substr(5, p.size() - 7))))
        return "";
      return where + ": " + actual.dump() + " does not match " + p;
    }
  }
  if (pattern.is_object()) {
    if (!actual.is_object()) return where + ": expected an object, got " + actual.dump();
    for (const auto& [key, value] : pattern.items()) {
      if (!actual.contains(key)) return where + ": missing key '" + key + "'";
      std::string m = Mismatch(value, actual[key], where + "." + key);
      if (!m.empty()) return m;
    }
    return "";
  }
  if (pattern.is_array()) {
    if (!actual.is_array() || actual.size() != pattern.size())
      return where + ": expected " + std::to_string(pattern.size()) + " elements, got " +
             actual.dump();
    for (size_t i = 0; i < pattern.size(); ++i) {
      std::string m = Mismatch(pattern[i], actual[i], where + "[" + std::to_string(i) + "]");
      if (!m.empty()) return m;
    }
    return "";
  }
  return pattern == actual ? "" : where + ": expected " + pattern.dump() + ", got " + actual.dump();
}

struct Block {
  std::string directive;  // ">>>", ">>> raw", "<<<", "=== file NAME", ...
  int line = 0;
  std::vector<std::string> body;
  bool closed = false;  // a file body ended at a blank line
};

std::vector<Block> ParseTranscript(const std::string& text, const std::string& dir) {
  std::vector<Block> blocks;
  std::vector<std::string> lines = test::Lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    for (size_t at; (at = line.find("${DIR}")) != std::string::npos;) line.replace(at, 6, dir);
    if (line.starts_with(">>>") || line.starts_with("<<<") || line.starts_with("===")) {
      blocks.push_back({line, static_cast<int>(i + 1), {}});
      continue;
    }
    if (blocks.empty()) continue;
    Block& b = blocks.back();
    bool file = b.directive.starts_with("=== ");
    if (file && line.empty()) b.closed = true;
    if (b.closed || (!file && b.directive != ">>> raw" && line.starts_with("#"))) continue;
    b.body.push_back(line);
  }
  for (auto& b : blocks)  // blank lines before the next directive are layout
    while (!b.body.empty() && b.body.back().empty()) b.body.pop_back();
  return blocks;
}

std::string Joined(const std::vector<std::string>& lines, const std::string& end, bool last) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() || last ? end : "");
  return out;
}

void RunTranscript(const fs::path& file) {
  TempDir dir;
  std::vector<Block> blocks = ParseTranscript(ReadFile(file), dir.path().string());
  REQUIRE_FALSE(blocks.empty());
  ServerOptions options;
  options.rules_dir = test::SourcePath("tests/lsp/rules");
  options.debounce_ms = 0;
  if (blocks.front().directive.starts_with("=== debounce "))
    options.debounce_ms = std::stoi(blocks.front().directive.substr(13));
  ServerProcess server(options);
  bool exited = false;
  for (const Block& b : blocks) {
    INFO(file.filename().string() << ":" << b.line << ": " << b.directive);
    if (b.directive == ">>>") {
      std::string body = Joined(b.body, "\n", false);
      server.Send("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    } else if (b.directive == ">>> raw") {
      server.Send(Joined(b.body, "\r\n", true));
    } else if (b.directive == "<<<") {
      json pattern = json::parse(Joined(b.body, "\n", false), nullptr, false);
      REQUIRE_FALSE(pattern.is_discarded());
      std::optional<json> got = server.Next(std::chrono::seconds(20));
      INFO("expected " << pattern.dump());
      REQUIRE(got);
      INFO("got " << got->dump());
      CHECK(Mismatch(pattern, *got, "$") == "");
    } else if (b.directive.starts_with("=== write ")) {
      test::WriteFile(dir / b.directive.substr(10), Joined(b.body, "\n", true));
    } else if (b.directive.starts_with("=== file ")) {
      CHECK(ReadFile(dir / b.directive.substr(9)) == Joined(b.body, "\n", true));
    } else if (b.directive.starts_with("=== exit ")) {
      REQUIRE(server.WaitExit(std::chrono::seconds(20)));
      CHECK(server.Finish() == std::stoi(b.directive.substr(9)));
      exited = true;
    } else if (!b.directive.starts_with("=== debounce ")) {
      FAIL("unknown directive");
    }
  }
  if (!exited) server.Finish();
  std::string leftover;
  for (const auto& m : server.Leftover()) leftover += m.dump() + "\n";
  INFO(file.filename().string() << ": server log:\n" << server.log());
  CHECK(leftover == "");  // messages the transcript did not expect
}

TEST_CASE("lsp transcripts", "[lsp]") {
  setenv("XDG_CONFIG_HOME", "/nonexistent-fulint-config", 1);  // no user config
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::SourcePath("tests/lsp")))
    if (e.path().extension() == ".test") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());
  for (const auto& f : files) {
    DYNAMIC_SECTION(f.filename().string()) { RunTranscript(f); }
  }
}

TEST_CASE("lsp server: end of input without exit", "[lsp]") {
  ServerOptions options;
  options.rules_dir = test::SourcePath("tests/lsp/rules");
  std::ostringstream log, out;
  std::istringstream none("");
  CHECK(RunLanguageServer(none, out, options) == 1);
  std::string body = R"({"jsonrpc":"2.0","id":1,"method":"shutdown"})";
  std::istringstream early("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  CHECK(RunLanguageServer(early, out, options) == 1);  // refused: not initialized
  CHECK(out.str().find("-32002") != std::string::npos);
}

}  // namespace
}  // namespace fulint::lsp
