#pragma once
// The first files of a run, read on the other cores while the main thread loads the rules.
//
// A run over a folder spent its first milliseconds (4-5 ms for the built-in style) loading
// rules on one core while the others waited, and the other cores' threads then took 0.3-0.6
// ms to start running. So the workers start before the rules are loaded and read files until
// they are: the lint loop then takes those bytes instead of reading them, and the workers are
// already running when it starts (1,000 drafts on two cores: 43.2 -> 40.9 ms, BENCHMARKS.md
// "Session 11").
//
// Reading is bounded (kMaxFiles, kMaxBytes), so memory does not grow with the number of files.
// Any number of threads may call Run and Take at once; each file is read at most once, by the
// first thread to claim it.
#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace fulint {

class ReadAhead {
 public:
  static constexpr size_t kMaxFiles = 1024;
  static constexpr size_t kMaxBytes = 8 << 20;

  struct File {
    std::string path;
    bool regular = false;  // known to be a regular file (read_file.h)
  };
  // `files[i]` is input i; an empty path marks one that is not read ahead (standard input,
  // bytes already in memory). Only the first kMaxFiles inputs are considered.
  explicit ReadAhead(std::vector<File> files);

  // Reads files in input order until Stop() is called or a limit is reached.
  void Run();
  // No more reading: calls to Run return after the file they are reading.
  void Stop() { stop_.store(true, std::memory_order_relaxed); }

  // Input i's bytes (or its read error) if it was read ahead: returns true and fills the
  // outputs, as ReadFileBytes would. Otherwise returns false, and input i will not be read
  // ahead after this call: the caller reads it. Waits if input i is being read this moment.
  bool Take(size_t i, std::string* bytes, bool* ok, std::string* error);

 private:
  enum State : unsigned char { kWaiting, kReading, kRead, kTaken };
  struct Slot {
    std::atomic<unsigned char> state{kWaiting};
    bool ok = false;
    std::string bytes, error;
  };
  std::vector<File> files_;
  std::unique_ptr<Slot[]> slots_;
  std::atomic<size_t> next_{0};   // the next input to claim
  std::atomic<size_t> bytes_{0};  // bytes read so far
  std::atomic<bool> stop_{false};
};

}  // namespace fulint
