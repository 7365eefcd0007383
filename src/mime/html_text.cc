#include "mime/html_text.h"

#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace fulint {
namespace {

std::string TagName(std::string_view tag) {
  size_t i = 1;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::string name;
  while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])))
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++])));
  return name;
}

bool IsBlock(const std::string& name) {
  static constexpr std::array<std::string_view, 14> kBlocks = {
      "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote"};
  for (auto b : kBlocks)
    if (name == b) return true;
  return false;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kEntities = {{
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
    {"&nbsp;", " "}, {"&rsquo;", "\xE2\x80\x99"}, {"&lsquo;", "\xE2\x80\x98"},
    {"&ldquo;", "\xE2\x80\x9C"}, {"&rdquo;", "\xE2\x80\x9D"}, {"&mdash;", "\xE2\x80\x94"},
    {"&ndash;", "\xE2\x80\x93"}, {"&hellip;", "\xE2\x80\xA6"}, {"&eacute;", "\xC3\xA9"},
    {"&copy;", "\xC2\xA9"}, {"&bull;", "\xE2\x80\xA2"}}};

// "&#8217;" or "&#x2019;" at s[i]: appends the character and returns the entity length, or 0.
size_t NumericEntity(const std::string& s, size_t i, std::string* utf8) {
  if (s.compare(i, 2, "&#") != 0) return 0;
  size_t j = i + 2;
  bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  uint32_t cp = 0;
  size_t digits = 0;
  for (; j < s.size() && digits < 8; ++j, ++digits) {
    char c = s[j];
    int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : hex && std::isxdigit(static_cast<unsigned char>(c))
                ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                : -1;
    if (v < 0) break;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
  }
  if (digits == 0 || j >= s.size() || s[j] != ';' || cp == 0 || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  if (cp < 0x80) {
    *utf8 = std::string(1, static_cast<char>(cp));
  } else if (cp < 0x800) {
    *utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
  } else if (cp < 0x10000) {
    *utf8 = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
             static_cast<char>(0x80 | (cp & 0x3F))};
  } else {
    *utf8 = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
             static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  }
  return j + 1 - i;
}

}  // namespace

MappedText HtmlToText(const MappedText& html) {
  MappedText out;
  const std::string& s = html.bytes;
  auto newline = [&](size_t at, int count) {
    while (!out.bytes.empty() && out.bytes.back() == ' ') {
      out.bytes.pop_back();
      out.origin.pop_back();
    }
    int have = 0;
    for (size_t k = out.bytes.size(); k > 0 && out.bytes[k - 1] == '\n'; --k) ++have;
    if (out.bytes.empty()) return;
    for (; have < count; ++have) out.Append('\n', html.origin[at]);
  };
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      i = end == std::string::npos ? s.size() : end + 3;
      continue;
    }
    if (s[i] == '<') {
      size_t end = s.find('>', i);
      if (end == std::string::npos) break;
      std::string name = TagName(std::string_view(s).substr(i, end - i + 1));
      bool closing = i + 1 < s.size() && s[i + 1] == '/';
      if (!closing && (name == "style" || name == "script" || name == "head")) {
        size_t close = s.find("</" + name, end);
        i = close == std::string::npos ? s.size() : s.find('>', close) + 1;
        continue;
      }
      if (name == "br") newline(i, 1);
      else if (IsBlock(name)) newline(i, 2);
      i = end + 1;
      continue;
    }
    if (s[i] == '&') {
      std::string ch;
      if (size_t len = NumericEntity(s, i, &ch)) {
        out.Append(ch, {html.origin[i].begin, html.origin[i + len - 1].end});
        i += len;
        continue;
      }
      bool matched = false;
      for (auto [entity, text] : kEntities) {
        if (s.compare(i, entity.size(), entity) == 0) {
          out.Append(text, {html.origin[i].begin, html.origin[i + entity.size() - 1].end});
          i += entity.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      if (!out.bytes.empty() && out.bytes.back() != ' ' && out.bytes.back() != '\n')
        out.Append(' ', html.origin[i]);
      ++i;
      continue;
    }
    out.Append(s[i], html.origin[i]);
    ++i;
  }
  return out;
}

}  // namespace fulint
