#include "base/ascii.h"
#include "mime/message.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "mime/charset.h"
#include "mime/encoded_words.h"
#include "mime/html_text.h"

namespace fulint {
namespace {

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

struct Header {
  Range name;       // raw
  MappedText value; // unfolded raw value (before decoding)
};

struct Entity {
  std::vector<Header> headers;
  Range body;  // raw
  bool has_body = true;
  std::string Get(std::string_view raw, std::string_view name) const {
    for (const auto& h : headers)
      if (LowerAscii(raw.substr(h.name.begin, h.name.size())) == name) return h.value.bytes;
    return "";
  }
};

// End of the line starting at `pos` (before its CR LF) and the start of the next line.
std::pair<uint32_t, uint32_t> LineAt(std::string_view raw, uint32_t pos, uint32_t limit) {
  uint32_t e = pos;
  while (e < limit && raw[e] != '\n') ++e;
  uint32_t next = e < limit ? e + 1 : e;
  if (e > pos && raw[e - 1] == '\r') --e;
  return {e, next};
}

// Reads the header block of the entity in raw[r] and finds its body.
Entity ParseEntity(std::string_view raw, Range r, std::vector<MimeProblem>* problems) {
  Entity ent;
  uint32_t pos = r.begin;
  while (pos < r.end) {
    auto [end, next] = LineAt(raw, pos, r.end);
    if (end == pos) {  // the blank line
      ent.body = {next, r.end};
      return ent;
    }
    char first = raw[pos];
    if ((first == ' ' || first == '\t') && !ent.headers.empty()) {
      // A folded line: unfolding removes only the line break (RFC 5322 2.2.3).
      auto& v = ent.headers.back().value;
      for (uint32_t i = pos; i < end; ++i) v.Append(raw[i], {i, i + 1});
    } else {
      size_t colon = raw.substr(pos, end - pos).find(':');
      // A field name is printable ASCII without spaces (RFC 5322 3.6.8): "Dear Dr. Lee:" is
      // the body's first line, not a header.
      bool name_ok = colon != std::string_view::npos && colon > 0;
      for (size_t k = 0; name_ok && k < colon; ++k) {
        unsigned char c = static_cast<unsigned char>(raw[pos + k]);
        name_ok = c > 32 && c < 127;
      }
      if (!name_ok) {
        // Not a header: the header block ended without a blank line.
        problems->push_back({pos, "header block ends without a blank line; reading the body from here"});
        ent.body = {pos, r.end};
        return ent;
      }
      Header h;
      h.name = {pos, pos + static_cast<uint32_t>(colon)};
      for (uint32_t i = pos + static_cast<uint32_t>(colon) + 1; i < end; ++i)
        h.value.Append(raw[i], {i, i + 1});
      ent.headers.push_back(std::move(h));
    }
    pos = next;
  }
  ent.has_body = false;
  ent.body = {r.end, r.end};
  return ent;
}

// "text/plain; charset=utf-8; boundary=..." -> lower-case type and parameters.
std::string ParseContentType(const std::string& value, std::map<std::string, std::string>* params) {
  size_t semi = value.find(';');
  std::string type = LowerAscii(Trim(value.substr(0, semi)));
  while (semi != std::string::npos) {
    size_t next = semi + 1;
    size_t eq = value.find('=', next);
    if (eq == std::string::npos) break;
    std::string name = LowerAscii(Trim(value.substr(next, eq - next)));
    std::string v;
    size_t i = eq + 1;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    if (i < value.size() && value[i] == '"') {
      size_t close = value.find('"', i + 1);
      v = value.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
      semi = close == std::string::npos ? std::string::npos : value.find(';', close);
    } else {
      semi = value.find(';', i);
      v = Trim(value.substr(i, semi == std::string::npos ? std::string::npos : semi - i));
    }
    (*params)[name] = v;
  }
  return type.empty() ? "text/plain" : type;
}

class Walker {
 public:
  Walker(std::string_view raw, std::vector<MimeProblem>* problems) : raw_(raw), problems_(problems) {}

  // The text of the best text part of `ent`, or nothing (found == false).
  bool Text(const Entity& ent, int depth, MappedText* out) {
    std::map<std::string, std::string> params;
    std::string type = ParseContentType(ent.Get(raw_, "content-type"), &params);
    // The disposition type is the first token ("attachment; filename=..."), not any mention.
    std::string disposition = LowerAscii(Trim(ent.Get(raw_, "content-disposition")));
    disposition = Trim(disposition.substr(0, disposition.find(';')));
    if (depth > 0 && disposition == "attachment") return false;
    if (depth > 20) return false;
    if (type.starts_with("multipart/")) return Multipart(ent, type, params, depth, out);
    if (type != "text/plain" && type != "text/html") return false;
    if (type == "text/html" && prefer_plain_) return false;
    MappedText body = MappedText::Identity(raw_.substr(ent.body.begin, ent.body.size()), ent.body.begin);
    std::string cte = LowerAscii(Trim(ent.Get(raw_, "content-transfer-encoding")));
    if (cte == "quoted-printable") body = DecodeQuotedPrintable(body, problems_);
    else if (cte == "base64") body = DecodeBase64(body, problems_);
    else if (!cte.empty() && cte != "7bit" && cte != "8bit" && cte != "binary")
      problems_->push_back({ent.body.begin, "unknown Content-Transfer-Encoding '" + cte + "'; read as 8bit"});
    // Charset first: in UTF-16 a line end is two bytes per character.
    body = FoldLineEnds(ToUtf8(body, params["charset"], ent.body.begin, problems_));
    *out = type == "text/html" ? HtmlToText(body) : body;
    return true;
  }

 private:
  bool Multipart(const Entity& ent, const std::string& type,
                 std::map<std::string, std::string>& params, int depth, MappedText* out) {
    std::string boundary = params["boundary"];
    std::vector<Range> parts;
    bool open = false, closed = false;
    uint32_t part_start = 0;
    auto split = [&](const std::string& b) {
      std::string delimiter = "--" + b;
      parts.clear();
      open = closed = false;
      for (uint32_t pos = ent.body.begin; pos < ent.body.end;) {
        auto [end, next] = LineAt(raw_, pos, ent.body.end);
        std::string_view line = raw_.substr(pos, end - pos);
        if (line.starts_with(delimiter)) {
          // The line end before a delimiter belongs to the delimiter.
          uint32_t part_end = pos;
          if (part_end > part_start && raw_[part_end - 1] == '\n') --part_end;
          if (part_end > part_start && raw_[part_end - 1] == '\r') --part_end;
          if (open) parts.push_back({part_start, std::max(part_start, part_end)});
          if (line.substr(delimiter.size()).starts_with("--")) {
            closed = true;
            break;
          }
          open = true;
          part_start = next;
        }
        pos = next;
      }
    };
    if (!boundary.empty()) split(boundary);
    if (!open) {
      // No boundary parameter, or one that never appears: a mail client would give up, but
      // the first "--" line is almost always the real delimiter.
      problems_->push_back({ent.body.begin, boundary.empty()
                                                ? "multipart message without a boundary"
                                                : "boundary '" + boundary + "' never appears"});
      for (uint32_t pos = ent.body.begin; pos < ent.body.end && !open;) {
        auto [end, next] = LineAt(raw_, pos, ent.body.end);
        std::string_view line = raw_.substr(pos, end - pos);
        if (line.size() > 2 && line.starts_with("--")) {
          std::string guess(line.substr(2));
          while (guess.ends_with("-")) guess.pop_back();
          if (!guess.empty()) split(guess);
        }
        pos = next;
      }
      if (!open) {
        *out = FoldLineEnds(
            MappedText::Identity(raw_.substr(ent.body.begin, ent.body.size()), ent.body.begin));
        return true;
      }
    }
    if (!closed) {
      problems_->push_back({ent.body.end, "multipart message is truncated: no closing boundary"});
      parts.push_back({part_start, ent.body.end});
    }
    // Plain text first, anywhere in the tree; HTML only when no part has plain text.
    bool outer = prefer_plain_;
    for (int pass = 0; pass < 2; ++pass) {
      prefer_plain_ = pass == 0 || outer;
      for (const Range& p : parts) {
        Entity child = ParseEntity(raw_, p, problems_);
        if (Text(child, depth + 1, out)) {
          prefer_plain_ = outer;
          return true;
        }
      }
      if (outer) break;  // an enclosing multipart runs the HTML pass itself
    }
    prefer_plain_ = outer;
    return false;
  }

  std::string_view raw_;
  std::vector<MimeProblem>* problems_;
  bool prefer_plain_ = false;  // true while looking for text/plain before any HTML
};

}  // namespace

MimeMessage DecodeMessage(std::string_view raw) {
  MimeMessage msg;
  uint32_t start = raw.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  Entity top = ParseEntity(raw, {start, static_cast<uint32_t>(raw.size())}, &msg.problems);
  MappedText text;
  for (const Header& h : top.headers) {
    for (uint32_t i = h.name.begin; i < h.name.end; ++i) text.Append(raw[i], {i, i + 1});
    text.Append(':', {h.name.end, h.name.end + 1});
    MappedText value = ToUtf8(DecodeHeaderValue(h.value, &msg.problems), "utf-8", h.name.begin,
                              &msg.problems);
    for (size_t i = 0; i < value.bytes.size(); ++i) text.Append(value.bytes[i], value.origin[i]);
    // The line break maps to the raw line end after the value, so offsets stay in file order.
    uint32_t line_end = h.value.origin.empty() ? h.name.end + 1 : h.value.origin.back().end;
    text.Append('\n', {line_end, line_end + 1});
  }
  if (!top.has_body) {
    msg.problems.push_back({static_cast<uint32_t>(raw.size()), "message has no body"});
  } else {
    uint32_t sep = top.body.begin > 0 ? top.body.begin - 1 : 0;
    text.Append('\n', {sep, top.body.begin});
    MappedText body;
    Walker walker(raw, &msg.problems);
    if (walker.Text(top, 0, &body)) {
      text.bytes += body.bytes;
      text.origin.insert(text.origin.end(), body.origin.begin(), body.origin.end());
    } else {
      msg.problems.push_back({top.body.begin, "no text/plain or text/html part to lint"});
    }
  }
  msg.decoded.text = text.bytes;
  text.AppendTo(&msg.decoded.map);
  msg.decoded.had_bom = start > 0;
  return msg;
}

}  // namespace fulint
