#include "parse/document.h"

#include <algorithm>
#include <cctype>

#include "base/ascii.h"

namespace fulint {

const Field* Document::Metadata(const std::string& name) const {
  auto fm = front_matter.find(name);
  if (fm != front_matter.end()) return &fm->second;
  if (headers.empty()) return nullptr;
  // Header names are stored lower-case. ASCII lowering, not std::tolower: this runs a few
  // hundred times a draft (rule conditions, fields), and the locale call was most of it.
  // Rules name fields in lower case already: then no lowered copy is made.
  const bool lower =
      std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  auto h = lower ? headers.find(name) : headers.find(LowerAscii(name));
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
