#include "report/string_file.h"

#include <utility>

namespace fulint {
namespace {

ssize_t Write(void* cookie, const char* data, size_t size) {
  static_cast<std::string*>(cookie)->append(data, size);
  return static_cast<ssize_t>(size);
}

}  // namespace

StringFile::StringFile() {
  cookie_io_functions_t io{};  // no read, seek or close
  io.write = Write;
  file_ = fopencookie(&text_, "w", io);
}

StringFile::~StringFile() {
  if (file_) std::fclose(file_);
}

bool StringFile::Finish(std::string* out) {
  if (file_) {
    failed_ = std::fclose(file_) != 0;
    file_ = nullptr;
  }
  *out = std::move(text_);
  text_.clear();
  return !failed_;
}

}  // namespace fulint
