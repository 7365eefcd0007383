#pragma once
// The LSP base protocol: JSON-RPC messages framed by a `Content-Length` header, read from and
// written to streams. Knows nothing of JSON; a damaged header block is skipped, never fatal.
#include <cstddef>
#include <istream>
#include <ostream>
#include <streambuf>
#include <string>

namespace fulint::lsp {

enum class ReadStatus {
  kMessage,    // `body` holds one message
  kBadHeader,  // a header block without a usable Content-Length was skipped; `problem` says why
  kEof,        // the stream ended (possibly inside a message)
};

// Reads the next framed message from `in`. Headers other than Content-Length are ignored;
// lines that are not headers are skipped, and a `Content-Length:` found in the middle of a
// line (after a body that had no header) starts a new header block, so the reader finds its
// way back to the next message. Lengths above kMaxMessageBytes are refused, and of a header
// line longer than 64 KiB only the tail is kept: memory stays bounded whatever arrives.
ReadStatus ReadMessage(std::istream& in, std::string* body, std::string* problem);
constexpr size_t kMaxMessageBytes = size_t{64} << 20;

// Writes `body` with its Content-Length header and flushes. Not synchronised: callers that
// write from several threads hold one lock around it.
void WriteMessage(std::ostream& out, const std::string& body);

// A stream buffer over a file descriptor (a pipe, stdin, stdout), for running the server on
// real fds and in tests. Reads block in read(2); writes go out on every sync().
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd) {}
  ~FdStreamBuf() override { sync(); }
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

 protected:
  int_type underflow() override;
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool WriteAll(const char* s, size_t n);
  int fd_;
  char in_[1 << 16];
  std::string out_;
};

}  // namespace fulint::lsp
