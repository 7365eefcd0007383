#include "cli/read_ahead.h"

#include <thread>

#include "source/source.h"

namespace fulint {

ReadAhead::ReadAhead(std::vector<File> files) : files_(std::move(files)) {
  if (files_.size() > kMaxFiles) files_.resize(kMaxFiles);
  slots_ = std::make_unique<Slot[]>(files_.size());
}

void ReadAhead::Run() {
  while (!stop_.load(std::memory_order_relaxed) &&
         bytes_.load(std::memory_order_relaxed) < kMaxBytes) {
    size_t i = next_.fetch_add(1, std::memory_order_relaxed);
    if (i >= files_.size()) return;
    if (files_[i].path.empty()) continue;
    Slot& slot = slots_[i];
    unsigned char expected = kWaiting;
    // The lint loop got here first (Take): it reads the file itself.
    if (!slot.state.compare_exchange_strong(expected, kReading, std::memory_order_acquire))
      continue;
    slot.ok = ReadFileBytes(files_[i].path, &slot.bytes, &slot.error, files_[i].regular);
    bytes_.fetch_add(slot.bytes.size(), std::memory_order_relaxed);
    slot.state.store(kRead, std::memory_order_release);
  }
}

bool ReadAhead::Take(size_t i, std::string* bytes, bool* ok, std::string* error) {
  if (i >= files_.size()) return false;
  Slot& slot = slots_[i];
  unsigned char state = kWaiting;
  if (slot.state.compare_exchange_strong(state, kTaken, std::memory_order_acquire))
    return false;  // not read, and now never will be: the caller reads it
  // Being read this moment: one file's read, a few microseconds.
  while (state == kReading) {
    std::this_thread::yield();
    state = slot.state.load(std::memory_order_acquire);
  }
  if (state != kRead) return false;  // already taken: a caller error; read it again
  slot.state.store(kTaken, std::memory_order_relaxed);
  *ok = slot.ok;
  *bytes = std::move(slot.bytes);
  *error = std::move(slot.error);
  slot.bytes = std::string();
  return true;
}

}  // namespace fulint
