// Reading ahead: each file is read at most once, by whoever claims it first; what was read
// ahead comes back exactly as ReadFileBytes gives it (bytes or error); the limits hold; and
// readers racing the lint loop never lose or duplicate a file.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "cli/read_ahead.h"
#include "source/source.h"
#include "test_util.h"

using fulint::ReadAhead;
using fulint::test::TempDir;

namespace {

std::vector<ReadAhead::File> Files(const std::vector<std::string>& paths) {
  std::vector<ReadAhead::File> files;
  for (const auto& p : paths) files.push_back({p, false});
  return files;
}

}  // namespace

TEST_CASE("read ahead: files read ahead come back once, as ReadFileBytes reads them",
          "[read-ahead]") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Subject: a\n\nDear Dr. A,\n");
  std::string b = dir.Write("b.txt", std::string(70000, 'b'));  // over one 64 KB read
  std::string missing = (dir / "missing.txt").string();
  ReadAhead ahead(Files({a, "", missing, b}));
  ahead.Run();

  std::string bytes, error;
  bool ok = false;
  REQUIRE(ahead.Take(0, &bytes, &ok, &error));
  CHECK(ok);
  CHECK(bytes == "Subject: a\n\nDear Dr. A,\n");
  CHECK_FALSE(ahead.Take(0, &bytes, &ok, &error));  // taken already

  CHECK_FALSE(ahead.Take(1, &bytes, &ok, &error));  // an empty path is never read ahead

  REQUIRE(ahead.Take(2, &bytes, &ok, &error));
  std::string expected_bytes, expected_error;
  CHECK_FALSE(fulint::ReadFileBytes(missing, &expected_bytes, &expected_error));
  CHECK_FALSE(ok);
  CHECK(error == expected_error);
  CHECK(bytes.empty());

  REQUIRE(ahead.Take(3, &bytes, &ok, &error));
  CHECK(ok);
  CHECK(bytes == std::string(70000, 'b'));

  CHECK_FALSE(ahead.Take(4, &bytes, &ok, &error));  // past the end
}

TEST_CASE("read ahead: a file taken first is not read ahead; Stop ends reading",
          "[read-ahead]") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "a"), b = dir.Write("b.txt", "b");
  std::string bytes, error;
  bool ok = false;
  {
    ReadAhead ahead(Files({a, b}));
    CHECK_FALSE(ahead.Take(0, &bytes, &ok, &error));  // the caller reads it: claimed
    ahead.Run();
    CHECK_FALSE(ahead.Take(0, &bytes, &ok, &error));  // so Run skipped it
    REQUIRE(ahead.Take(1, &bytes, &ok, &error));
    CHECK(bytes == "b");
  }
  {
    ReadAhead ahead(Files({a, b}));
    ahead.Stop();
    ahead.Run();
    CHECK_FALSE(ahead.Take(0, &bytes, &ok, &error));
    CHECK_FALSE(ahead.Take(1, &bytes, &ok, &error));
  }
}

TEST_CASE("read ahead: at most kMaxFiles files and about kMaxBytes bytes", "[read-ahead]") {
  TempDir dir;
  std::string bytes, error;
  bool ok = false;
  {
    std::string small = dir.Write("small.txt", "x");
    std::vector<std::string> paths(ReadAhead::kMaxFiles + 5, small);
    ReadAhead ahead(Files(paths));
    ahead.Run();
    CHECK(ahead.Take(ReadAhead::kMaxFiles - 1, &bytes, &ok, &error));
    CHECK_FALSE(ahead.Take(ReadAhead::kMaxFiles, &bytes, &ok, &error));
  }
  {
    // Files of 1 MiB: reading stops once kMaxBytes have been read.
    const size_t kMiB = 1 << 20, per_limit = ReadAhead::kMaxBytes / kMiB;
    std::string big = dir.Write("big.txt", std::string(kMiB, 'y'));
    ReadAhead ahead(Files(std::vector<std::string>(per_limit + 3, big)));
    ahead.Run();
    size_t read = 0;
    for (size_t i = 0; i < per_limit + 3; ++i) read += ahead.Take(i, &bytes, &ok, &error);
    CHECK(read == per_limit);
  }
}

TEST_CASE("read ahead: readers racing the loop give every file exactly once", "[read-ahead]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 300; ++i)
    paths.push_back(dir.Write("d" + std::to_string(i) + ".txt", "draft " + std::to_string(i)));
  for (int round = 0; round < 20; ++round) {
    ReadAhead ahead(Files(paths));
    std::thread first([&] { ahead.Run(); }), second([&] { ahead.Run(); });
    size_t taken = 0;
    for (size_t i = 0; i < paths.size(); ++i) {
      if (i == paths.size() / 2) ahead.Stop();
      std::string bytes, error;
      bool ok = false;
      if (ahead.Take(i, &bytes, &ok, &error)) {
        ++taken;
        REQUIRE(ok);
      } else {
        REQUIRE(fulint::ReadFileBytes(paths[i], &bytes, &error));
      }
      REQUIRE(bytes == "draft " + std::to_string(i));
    }
    first.join();
    second.join();
    CHECK(taken <= paths.size());
  }
}
