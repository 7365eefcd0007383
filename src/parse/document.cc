#include "parse/document.h"

#include <algorithm>
#include <cctype>

namespace fulint {

const Field* Document::Metadata(const std::string& name) const {
  auto fm = front_matter.find(name);
  if (fm != front_matter.end()) return &fm->second;
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  auto h = headers.find(lower);
  if (h != headers.end()) return &h->second;
  return nullptr;
}

void Mask(Document* doc, Range r) {
  uint32_t end = std::min<uint32_t>(r.end, doc->lintable.size());
  for (uint32_t i = r.begin; i < end; ++i) {
    if (doc->lintable[i] != '\n') doc->lintable[i] = ' ';
  }
}

}  // namespace fulint
