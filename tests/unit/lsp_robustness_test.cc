// The language server under abuse (docs/RELIABILITY.md): huge messages, a Content-Length
// longer than what follows, and a long editing session whose memory must not grow. Malformed
// JSON, bad headers, unknown methods and requests before initialize are in
// tests/lsp/malformed.test and tests/lsp/framing.test.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "lsp/server.h"
#include "lsp/transport.h"
#include "test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define FULINT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FULINT_ASAN 1
#endif
#endif

namespace fulint::lsp {
namespace {

using json = nlohmann::json;

std::string Frame(const json& message) {
  std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

json Request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}

json Notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
}

json DidOpen(const std::string& uri, const std::string& text) {
  return Notification(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}});
}

// Every message the server wrote to `out`.
std::vector<json> Messages(const std::string& out) {
  std::istringstream in(out);
  std::vector<json> messages;
  std::string body, problem;
  while (ReadMessage(in, &body, &problem) == ReadStatus::kMessage)
    messages.push_back(json::parse(body));
  return messages;
}

bool Answered(const std::vector<json>& messages, int id) {
  for (const auto& m : messages)
    if (m.contains("id") && m["id"] == id && m.contains("result")) return true;
  return false;
}

ServerOptions TestOptions(std::ostream* log) {
  ServerOptions options;
  options.rules_dir = test::SourcePath("tests/lsp/rules");
  options.debounce_ms = 0;
  options.log = log;
  return options;
}

TEST_CASE("lsp robustness: a Content-Length longer than the stream ends the session", "[lsp]") {
  std::string input = Frame(Request(1, "initialize", {{"capabilities", json::object()}})) +
                      "Content-Length: 5000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":2,";
  std::istringstream in(input);
  std::ostringstream out, log;
  CHECK(RunLanguageServer(in, out, TestOptions(&log)) == 1);  // end of input, no shutdown
  std::vector<json> messages = Messages(out.str());
  REQUIRE(messages.size() == 1);
  CHECK(Answered(messages, 1));
}

TEST_CASE("lsp robustness: megabytes of text without a line break, then a message", "[lsp]") {
  // The reader keeps only the tail of an overlong header line; the message after it is found.
  std::string body = R"({"jsonrpc":"2.0","id":1,"method":"shutdown"})";
  std::istringstream in(std::string(16 << 20, 'x') +
                        "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  std::string got, problem;
  REQUIRE(ReadMessage(in, &got, &problem) == ReadStatus::kMessage);
  CHECK(got == body);
  CHECK(ReadMessage(in, &got, &problem) == ReadStatus::kEof);
}

TEST_CASE("lsp robustness: an empty body is a parse error; the session goes on", "[lsp]") {
  std::string input = Frame(Request(1, "initialize", {{"capabilities", json::object()}})) +
                      "Content-Length: 0\r\n\r\n" + Frame(Request(2, "shutdown")) +
                      Frame(Notification("exit", json::object()));
  std::istringstream in(input);
  std::ostringstream out, log;
  CHECK(RunLanguageServer(in, out, TestOptions(&log)) == 0);
  std::vector<json> messages = Messages(out.str());
  REQUIRE(messages.size() == 3);
  CHECK(messages[1]["error"]["code"] == -32700);
  CHECK(Answered(messages, 2));
}

// `fulint lsp` as a child process: requests go to its standard input, its output goes to a
// file, so the test can send thousands of messages without reading every answer.
class LspChild {
 public:
  // `rules`: a rules folder for --rules, or "" for the built-in rules.
  LspChild(const std::string& out_path, const std::string& rules) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(fds[0], 0);
      int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      // The server's own messages (a sanitizer's report, say) kept for a failing test to show.
      int err = open((out_path + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) dup2(err, 2);
      close(fds[0]);
      close(fds[1]);
      setenv("XDG_CONFIG_HOME", "/nonexistent-fulint-config", 1);
      if (rules.empty())
        execl(FULINT_BINARY, FULINT_BINARY, "lsp", static_cast<char*>(nullptr));
      else
        execl(FULINT_BINARY, FULINT_BINARY, "--rules", rules.c_str(), "lsp",
              static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[0]);
    in_ = fds[1];
    out_path_ = out_path;
  }
  ~LspChild() {
    if (in_ >= 0) close(in_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
  }
  void Send(const json& message) {
    std::string s = Frame(message);
    for (size_t done = 0; done < s.size();) {
      ssize_t n = write(in_, s.data() + done, s.size() - done);
      REQUIRE(n > 0);
      done += static_cast<size_t>(n);
    }
  }
  // Waits until the answer to request `id` is in the output file.
  bool WaitFor(int id) { return WaitForText("\"id\":" + std::to_string(id) + ","); }
  // The end of what the server wrote to its standard error.
  std::string ErrTail() const {
    std::string err = test::ReadFile(out_path_ + ".err");
    return err.size() > 2000 ? err.substr(err.size() - 2000) : err;
  }
  // Waits (up to 60 s) until `needle` is in the output file.
  bool WaitForText(const std::string& needle) {
    for (int i = 0; i < 6000; ++i) {
      if (test::ReadFile(out_path_).find(needle) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  long RssKb() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
  }
  int Finish() {
    close(in_);
    in_ = -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  std::string out_path_;
};

TEST_CASE("lsp robustness: a 4 MB document is opened, linted and answered", "[lsp]") {
  // One 4 MB message, with no findings in it so the answer stays small (1 MB of findings is
  // 18 MB of publishDiagnostics).
  test::TempDir dir;
  LspChild server((dir / "out").string(), test::SourcePath("tests/lsp/rules"));
  std::string text;
  while (text.size() < 4 << 20) text += "We use the clinic.\n";
  std::string uri = "file://" + (dir / "huge.txt").string();
  server.Send(Request(1, "initialize", {{"capabilities", json::object()}}));
  server.Send(DidOpen(uri, text));
  auto opened = std::chrono::steady_clock::now();
  bool published = server.WaitForText("textDocument/publishDiagnostics");  // lints at once
  INFO("waited " << std::chrono::duration<double>(std::chrono::steady_clock::now() - opened).count()
                 << " s; the server's standard error: " << server.ErrTail());
  CHECK(published);
  server.Send(
      Request(2, "textDocument/hover",
              {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 4}}}}));
  CHECK(server.WaitFor(2));
  server.Send(Request(3, "shutdown"));
  CHECK(server.WaitFor(3));
  server.Send(Notification("exit", json::object()));
  CHECK(server.Finish() == 0);
}

TEST_CASE("lsp robustness: 10,000 edits in a row do not grow memory", "[lsp][slow]") {
  test::TempDir dir;
  LspChild server((dir / "out").string(), "");  // the built-in rules
  std::string uri = "file://" + (dir / "draft.txt").string();
  server.Send(Request(1, "initialize", {{"capabilities", json::object()}}));
  server.Send(Notification("initialized", json::object()));
  server.Send(DidOpen(uri, "Dear Dr. Lee,\n\nWe utilize the clinic every day.\n\nBest,\nAna\n"));
  int next_id = 2;
  auto edits = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      // Replace the 7 letters of line 2, "utilize" <-> "make-do": the text keeps its size.
      json change = {
          {"range",
           {{"start", {{"line", 2}, {"character", 3}}}, {"end", {{"line", 2}, {"character", 10}}}}},
          {"text", i % 2 ? "utilize" : "make-do"}};
      server.Send(Notification("textDocument/didChange",
                               {{"textDocument", {{"uri", uri}, {"version", i + 2}}},
                                {"contentChanges", json::array({change})}}));
      if (i % 500 == 499) {  // a pause longer than the debounce: the latest text is linted
        int id = next_id++;
        server.Send(Request(
            id, "textDocument/hover",
            {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 2}, {"character", 4}}}}));
        REQUIRE(server.WaitFor(id));
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
      }
    }
  };
  edits(0, 1000);
  long warm = server.RssKb();
  edits(1000, 10000);
  long after = server.RssKb();
  INFO("RSS after 1,000 edits " << warm << " KiB, after 10,000 " << after << " KiB");
  REQUIRE(warm > 0);
#ifndef FULINT_ASAN  // ASan's quarantine holds freed memory for a while by design
  CHECK(after - warm < 4 * 1024);
#endif
  server.Send(Request(next_id, "shutdown"));
  REQUIRE(server.WaitFor(next_id));
  server.Send(Notification("exit", json::object()));
  CHECK(server.Finish() == 0);
  size_t published = 0;
  std::string out = test::ReadFile(dir / "out");
  for (size_t at = 0; (at = out.find("publishDiagnostics", at)) != std::string::npos; ++at)
    ++published;
  CHECK(published >= 15);  // the session linted along the way, not only at the end
}

}  // namespace
}  // namespace fulint::lsp
