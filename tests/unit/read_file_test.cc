// Reading whole files: the one-read path for regular files gives the same bytes and statuses
// as the fstat path, at every size around its 64 KB scratch buffer.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/read_file.h"

namespace fs = std::filesystem;
using fulint::ReadRegularFile;
using fulint::ReadStatus;
using fulint::ReadWholeFile;

namespace {

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() / ("fulint-read-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  return s;
}

}  // namespace

TEST_CASE("read file: regular files of every size read back whole", "[read-file]") {
  fs::path dir = TempDir();
  for (size_t size : {size_t{0}, size_t{1}, size_t{700}, size_t{65535}, size_t{65536},
                      size_t{65537}, size_t{200000}}) {
    fs::path path = dir / ("f" + std::to_string(size));
    std::string want = Pattern(size);
    std::ofstream(path, std::ios::binary) << want;
    std::string fast, slow;
    REQUIRE(ReadRegularFile(path.string(), &fast) == ReadStatus::kOk);
    REQUIRE(ReadWholeFile(path.string(), &slow) == ReadStatus::kOk);
    CHECK(fast.size() == size);
    CHECK(fast == want);
    CHECK(slow == want);
    // The size limit is kept on both paths: a file one byte over it is refused, empty.
    if (size > 0) {
      std::string limited = "stale";
      CHECK(ReadRegularFile(path.string(), &limited, size - 1) == ReadStatus::kTooLarge);
      CHECK(limited.empty());
      CHECK(ReadRegularFile(path.string(), &limited, size) == ReadStatus::kOk);
      CHECK(limited == want);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("read file: a missing file or a folder is reported, not read", "[read-file]") {
  fs::path dir = TempDir();
  std::string out = "stale";
  int error_number = 0;
  CHECK(ReadRegularFile((dir / "missing.txt").string(), &out, SIZE_MAX, &error_number) ==
        ReadStatus::kOpenFailed);
  CHECK(error_number == ENOENT);
  CHECK(out.empty());
  // A folder where a regular file was listed (it was replaced in between): the read says so.
  CHECK(ReadRegularFile(dir.string(), &out) == ReadStatus::kIsDirectory);
  CHECK(out.empty());
  fs::remove_all(dir);
}
