#include "lsp/transport.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>

namespace fulint::lsp {
namespace {

constexpr std::string_view kLengthHeader = "content-length:";

// Position of "Content-Length:" in `line` (any case), or npos.
size_t FindLengthHeader(const std::string& line) {
  if (line.size() < kLengthHeader.size()) return std::string::npos;
  for (size_t i = 0; i + kLengthHeader.size() <= line.size(); ++i) {
    size_t k = 0;
    while (k < kLengthHeader.size() &&
           std::tolower(static_cast<unsigned char>(line[i + k])) == kLengthHeader[k])
      ++k;
    if (k == kLengthHeader.size()) return i;
  }
  return std::string::npos;
}

// Parses the decimal value after "Content-Length:"; false when it is not a sane number.
bool ParseLength(std::string_view value, size_t* out) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty() || value.size() > 12) return false;
  size_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (n > kMaxMessageBytes) return false;
  *out = n;
  return true;
}

// Reads one header line (without its '\n') into `line`. A line longer than kMaxHeaderLine
// (stray text without line breaks) keeps only its tail, so memory stays bounded however much
// garbage arrives and a Content-Length at the end of the line is still found.
constexpr size_t kMaxHeaderLine = 64 * 1024;

bool ReadHeaderLine(std::istream& in, std::string* line) {
  line->clear();
  std::streambuf* buf = in.rdbuf();
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      if (line->empty()) in.setstate(std::ios::failbit);
      return !line->empty();
    }
    if (c == '\n') return true;
    line->push_back(static_cast<char>(c));
    if (line->size() > 2 * kMaxHeaderLine) line->erase(0, line->size() - kMaxHeaderLine);
  }
}

}  // namespace

ReadStatus ReadMessage(std::istream& in, std::string* body, std::string* problem) {
  bool have_length = false, bad_length = false, any_line = false;
  size_t length = 0;
  std::string line;
  while (ReadHeaderLine(in, &line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_line) continue;  // blank lines between messages
      if (have_length) break;
      *problem = bad_length ? "bad Content-Length header; message skipped"
                            : "header block without Content-Length; skipped";
      return ReadStatus::kBadHeader;
    }
    size_t at = FindLengthHeader(line);
    if (at == std::string::npos) {
      any_line = true;  // another header (Content-Type) or stray text: ignored
      continue;
    }
    // Text before the header on the same line is the tail of a body that had no header.
    any_line = true;
    size_t n = 0;
    if (ParseLength(std::string_view(line).substr(at + kLengthHeader.size()), &n)) {
      have_length = true;
      bad_length = false;
      length = n;
    } else {
      have_length = false;
      bad_length = true;
    }
  }
  if (!have_length || !in) return ReadStatus::kEof;
  body->assign(length, '\0');
  in.read(body->data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in.gcount()) != length) return ReadStatus::kEof;
  return ReadStatus::kMessage;
}

void WriteMessage(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

FdStreamBuf::int_type FdStreamBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  for (;;) {
    ssize_t n = ::read(fd_, in_, sizeof in_);
    if (n > 0) {
      setg(in_, in_, in_ + n);
      return traits_type::to_int_type(*gptr());
    }
    if (n < 0 && errno == EINTR) continue;
    return traits_type::eof();
  }
}

bool FdStreamBuf::WriteAll(const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd_, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    s += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  out_.push_back(traits_type::to_char_type(c));
  return c;
}

std::streamsize FdStreamBuf::xsputn(const char* s, std::streamsize n) {
  out_.append(s, static_cast<size_t>(n));
  return n;
}

int FdStreamBuf::sync() {
  bool ok = WriteAll(out_.data(), out_.size());
  out_.clear();
  return ok ? 0 : -1;
}

}  // namespace fulint::lsp
