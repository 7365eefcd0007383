#include "spelling/words.h"

#include <cctype>

namespace fulint {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string NormalizeApostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i).starts_with("\xE2\x80\x99") || s.substr(i).starts_with("\xE2\x80\x98")) {
      out += '\'';
      i += 2;
    } else if (s.substr(i).starts_with("\xCA\xBC")) {
      out += '\'';
      i += 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool IsCapitalized(std::string_view s) {
  if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (std::islower(static_cast<unsigned char>(s[i]))) return true;
  return false;
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::islower(u)) return false;
    if (std::isupper(u)) ++letters;
  }
  return letters >= 2;
}

bool HasDigit(std::string_view s) {
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  return false;
}

}  // namespace fulint
