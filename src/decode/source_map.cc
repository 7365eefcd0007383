#include "decode/source_map.h"

#include <algorithm>

namespace fulint {

void SourceMap::Append(uint32_t raw_begin, uint32_t text_len, uint32_t raw_len) {
  if (text_len == 0 && raw_len == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    bool last_identity = last.text_len == last.raw_len;
    if (last_identity && text_len == raw_len && last.raw_begin + last.raw_len == raw_begin) {
      last.text_len += text_len;
      last.raw_len += raw_len;
      text_size_ += text_len;
      return;
    }
  }
  pieces_.push_back({text_size_, raw_begin, text_len, raw_len});
  text_size_ += text_len;
}

const SourceMap::Piece* SourceMap::Find(uint32_t text_off) const {
  if (pieces_.empty()) return nullptr;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), text_off,
                             [](uint32_t off, const Piece& p) { return off < p.text_begin; });
  if (it == pieces_.begin()) return &*it;
  return &*(it - 1);
}

uint32_t SourceMap::ToRaw(uint32_t text_off) const {
  const Piece* p = Find(text_off);
  if (!p) return text_off;
  uint32_t delta = text_off - p->text_begin;
  if (delta >= p->text_len) return p->raw_begin + p->raw_len;  // past the end
  if (p->text_len == p->raw_len) return p->raw_begin + delta;
  return p->raw_begin;
}

uint32_t SourceMap::ToRawEnd(uint32_t text_end) const {
  if (text_end == 0) return ToRaw(0);
  const Piece* p = Find(text_end - 1);
  if (!p) return text_end;
  uint32_t delta = text_end - p->text_begin;
  if (p->text_len == p->raw_len) return p->raw_begin + std::min(delta, p->raw_len);
  return p->raw_begin + p->raw_len;
}

Range SourceMap::ToRaw(Range text) const {
  uint32_t b = ToRaw(text.begin);
  uint32_t e = text.end > text.begin ? ToRawEnd(text.end) : b;
  return {b, std::max(b, e)};
}

uint32_t SourceMap::ToText(uint32_t raw_off) const {
  // Pieces are in raw order too: decoding never reorders bytes.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), raw_off,
                             [](uint32_t off, const Piece& p) { return off < p.raw_begin; });
  if (it == pieces_.begin()) return 0;
  const Piece& p = *(it - 1);
  uint32_t delta = raw_off - p.raw_begin;
  if (delta >= p.raw_len) return p.text_begin + p.text_len;
  return p.text_len == p.raw_len ? p.text_begin + delta : p.text_begin;
}

}  // namespace fulint
