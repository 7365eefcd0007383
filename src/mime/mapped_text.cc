#include "mime/mapped_text.h"

namespace fulint {

MappedText MappedText::Identity(std::string_view raw, uint32_t raw_begin) {
  MappedText out;
  out.bytes.assign(raw);
  out.origin.reserve(raw.size());
  for (uint32_t i = 0; i < raw.size(); ++i) out.origin.push_back({raw_begin + i, raw_begin + i + 1});
  return out;
}

void MappedText::AppendTo(SourceMap* map) const {
  // Bytes that share one origin (a decoded escape, a converted character) form one piece.
  size_t i = 0;
  while (i < bytes.size()) {
    size_t j = i + 1;
    while (j < bytes.size() && origin[j] == origin[i]) ++j;
    map->Append(origin[i].begin, static_cast<uint32_t>(j - i), origin[i].size());
    i = j;
  }
}

}  // namespace fulint
