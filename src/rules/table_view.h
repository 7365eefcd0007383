#pragma once
// Read-only views of an automaton's tables, and their bytes for the automaton cache
// (rules/automaton_cache.h). A built automaton's views show its own vectors; one read back
// from the cache shows the tables where they lie in the file's mapping, since copying them
// into fresh memory cost more in page faults than the copy saved (half a millisecond for the
// phrase lists' union on our build VM). Element types are plain words with no padding, so a
// file holds them exactly as memory does; a file is only read by the build that wrote it (its
// build id is in the key), so the integers are in this machine's order.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fulint {

template <typename T>
struct TableView {
  static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>,
                "a table's elements are written to files as they are in memory");
  const T* data_ = nullptr;
  size_t size_ = 0;

  TableView() = default;
  TableView(const std::vector<T>& v) : data_(v.data()), size_(v.size()) {}  // NOLINT: a view
  TableView(const T* data, size_t size) : data_(data), size_(size) {}
  const T& operator[](size_t i) const { return data_[i]; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* data() const { return data_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
};

// Appends a table's bytes.
template <typename T>
void AppendTable(TableView<T> table, std::string* out) {
  out->append(reinterpret_cast<const char*>(table.data()), table.size() * sizeof(T));
}

// Hands out views of the tables that follow one another in `bytes` (which the caller has
// sized: see Fits), from offset `at`.
class TableReader {
 public:
  TableReader(std::string_view bytes, size_t at) : bytes_(bytes), at_(at) {}
  // Whether `bytes` starts 8-byte aligned and holds exactly `size` bytes from `at` on.
  bool Fits(size_t size) const {
    return reinterpret_cast<uintptr_t>(bytes_.data()) % 8 == 0 && at_ <= bytes_.size() &&
           bytes_.size() - at_ == size;
  }
  template <typename T>
  void Next(TableView<T>* view, size_t count) {
    static_assert(alignof(T) <= 4, "tables follow one another at multiples of 4");
    *view = {reinterpret_cast<const T*>(bytes_.data() + at_), count};
    at_ += count * sizeof(T);
  }

 private:
  std::string_view bytes_;
  size_t at_;
};

}  // namespace fulint
