#pragma once
// A stdio stream that appends what is written to it to a std::string, for printers (which
// write to a FILE*) rendering one file's output on a worker thread. open_memstream did the
// same but zeroed an 8 KB buffer for every stream (calloc), 1.6% of the instructions of a
// 1,000-draft run; this stream's buffer comes from malloc, and the string grows as needed.
#include <cstdio>
#include <string>

namespace fulint {

class StringFile {
 public:
  StringFile();
  ~StringFile();
  StringFile(const StringFile&) = delete;
  StringFile& operator=(const StringFile&) = delete;
  // The stream, or nullptr when none could be made (then print elsewhere).
  FILE* get() const { return file_; }
  // Closes the stream and returns everything written; false when a write failed.
  bool Finish(std::string* out);

 private:
  FILE* file_ = nullptr;
  std::string text_;
  bool failed_ = false;
};

}  // namespace fulint
