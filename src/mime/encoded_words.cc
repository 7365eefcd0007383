#include "mime/encoded_words.h"

#include <cctype>

#include "mime/charset.h"

namespace fulint {
namespace {

struct EncodedWord {
  size_t begin, end;  // in the value's bytes
  std::string charset, text;
  char encoding;
};

// Parses "=?charset?X?text?=" at `at`; false when there is none.
bool ParseEncodedWord(const std::string& s, size_t at, EncodedWord* w) {
  if (s.compare(at, 2, "=?") != 0) return false;
  size_t q1 = s.find('?', at + 2);
  if (q1 == std::string::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return false;
  size_t close = s.find("?=", q1 + 3);
  if (close == std::string::npos) return false;
  w->begin = at;
  w->end = close + 2;
  w->charset = s.substr(at + 2, q1 - at - 2);
  if (auto star = w->charset.find('*'); star != std::string::npos) w->charset.resize(star);  // RFC 2231 language
  w->encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(s[q1 + 1])));
  w->text = s.substr(q1 + 3, close - q1 - 3);
  if (w->text.find(' ') != std::string::npos) return false;
  return w->encoding == 'Q' || w->encoding == 'B';
}

}  // namespace

MappedText DecodeHeaderValue(const MappedText& value, std::vector<MimeProblem>* problems) {
  MappedText out;
  const std::string& s = value.bytes;
  size_t i = 0;
  bool last_was_word = false;
  while (i < s.size()) {
    EncodedWord w;
    if (ParseEncodedWord(s, i, &w)) {
      Range whole{value.origin[w.begin].begin, value.origin[w.end - 1].end};
      MappedText raw;
      for (char c : w.text) raw.Append(w.encoding == 'Q' && c == '_' ? ' ' : c, whole);
      MappedText bytes = w.encoding == 'Q' ? DecodeQuotedPrintable(raw, problems)
                                           : DecodeBase64(raw, problems);
      MappedText text = ToUtf8(bytes, w.charset, whole.begin, problems);
      for (size_t k = 0; k < text.bytes.size(); ++k) out.Append(text.bytes[k], whole);
      i = w.end;
      last_was_word = true;
      continue;
    }
    if (last_was_word && (s[i] == ' ' || s[i] == '\t')) {
      size_t j = i;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
      EncodedWord next;
      if (ParseEncodedWord(s, j, &next)) {
        i = j;  // white space between encoded words is not part of the text
        continue;
      }
    }
    out.Append(s[i], value.origin[i]);
    last_was_word = false;
    ++i;
  }
  return out;
}

}  // namespace fulint
