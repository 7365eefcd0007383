#include "fix/fix.h"

#include <algorithm>

namespace fulint {
namespace {

size_t BomLength(const DecodedText& decoded) {
  if (!decoded.had_bom) return 0;
  return decoded.encoding == RawEncoding::kUtf8 ? 3 : 2;
}

size_t UnitSize(RawEncoding encoding) { return encoding == RawEncoding::kUtf8 ? 1 : 2; }

uint32_t UnitAt(std::string_view raw, size_t i, RawEncoding encoding) {
  auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(raw[k])); };
  if (encoding == RawEncoding::kUtf8) return byte(i);
  if (i + 1 >= raw.size()) return 0;
  return encoding == RawEncoding::kUtf16LE ? byte(i) | (byte(i + 1) << 8)
                                           : (byte(i) << 8) | byte(i + 1);
}

// The file's line end, as decoded text: its first "\r\n", "\r" or "\n"; "\n" when it has none.
std::string LineEnd(std::string_view raw, const DecodedText& decoded) {
  size_t unit = UnitSize(decoded.encoding);
  for (size_t i = BomLength(decoded); i + unit <= raw.size(); i += unit) {
    uint32_t c = UnitAt(raw, i, decoded.encoding);
    if (c == '\n') return "\n";
    if (c == '\r')
      return i + 2 * unit <= raw.size() && UnitAt(raw, i + unit, decoded.encoding) == '\n' ? "\r\n"
                                                                                           : "\r";
  }
  return "\n";
}

void AppendUnit(uint32_t u, RawEncoding encoding, std::string* out) {
  char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
  if (encoding == RawEncoding::kUtf16LE) {
    out->push_back(lo);
    out->push_back(hi);
  } else {
    out->push_back(hi);
    out->push_back(lo);
  }
}

// `utf8` with its line ends made `eol`, in the file's encoding. False on invalid UTF-8.
bool EncodeReplacement(std::string_view utf8, const std::string& eol, RawEncoding encoding,
                       std::string* out) {
  std::string text;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\r' || utf8[i] == '\n') {
      if (utf8[i] == '\r' && i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
      text += eol;
    } else {
      text += utf8[i];
    }
  }
  out->clear();
  for (size_t i = 0; i < text.size();) {
    int len = Utf8SequenceLength(text, i);
    if (len == 0) return false;
    if (encoding == RawEncoding::kUtf8) {
      out->append(text, i, len);
    } else {
      auto c = [&](int k) {
        return static_cast<uint32_t>(static_cast<unsigned char>(text[i + k]));
      };
      uint32_t cp = len == 1   ? c(0)
                    : len == 2 ? ((c(0) & 0x1F) << 6) | (c(1) & 0x3F)
                    : len == 3 ? ((c(0) & 0x0F) << 12) | ((c(1) & 0x3F) << 6) | (c(2) & 0x3F)
                               : ((c(0) & 0x07) << 18) | ((c(1) & 0x3F) << 12) |
                                     ((c(2) & 0x3F) << 6) | (c(3) & 0x3F);
      if (cp >= 0x10000) {
        AppendUnit(0xD800 + ((cp - 0x10000) >> 10), encoding, out);
        AppendUnit(0xDC00 + ((cp - 0x10000) & 0x3FF), encoding, out);
      } else {
        AppendUnit(cp, encoding, out);
      }
    }
    i += len;
  }
  return true;
}

// True when `raw[edit]` can be replaced: its ends are where pieces of the source map begin
// or end (not inside a CRLF, a UTF-16 unit or a MIME escape), it leaves the byte-order mark
// alone, and its bytes read as exactly the decoded text they stand for.
bool Mappable(std::string_view raw, const DecodedText& decoded, Range edit) {
  if (edit.begin > edit.end || edit.end > raw.size()) return false;
  if (edit.begin < BomLength(decoded)) return false;
  const SourceMap& map = decoded.map;
  uint32_t tb = map.ToText(edit.begin), te = map.ToText(edit.end);
  if (map.ToRaw(tb) != edit.begin) return false;
  if (edit.empty()) return true;
  if (te < tb || map.ToRawEnd(te) != edit.end) return false;
  std::string slice;
  // The byte-order mark, by length (GCC 12 misreads the assignment of the literal at -O3).
  if (decoded.encoding == RawEncoding::kUtf16LE) slice.assign("\xFF\xFE", 2);
  if (decoded.encoding == RawEncoding::kUtf16BE) slice.assign("\xFE\xFF", 2);
  slice.append(raw.substr(edit.begin, edit.size()));
  DecodedText piece;
  DecodeError ignored;
  if (!Decode(slice, &piece, &ignored)) return false;
  return piece.text == std::string_view(decoded.text).substr(tb, te - tb);
}

struct Candidate {
  Range span;  // from the first edit's start to the last edit's end
  size_t order;
  std::vector<Edit> edits;  // sorted, replacements in the file's encoding
};

bool Conflict(Range a, Range b) {
  if (a.begin < b.end && b.begin < a.end) return true;         // overlap
  if (a.empty() && b.empty()) return a.begin == b.begin;       // two insertions at one point
  if (a.empty()) return a.begin > b.begin && a.begin < b.end;  // insertion inside b
  if (b.empty()) return b.begin > a.begin && b.begin < a.end;
  return false;
}

}  // namespace

FixOutcome ApplyFixes(const std::string& raw, const DecodedText& decoded,
                      const std::vector<Diagnostic>& diagnostics, bool safe_only) {
  FixOutcome out;
  std::string eol = LineEnd(raw, decoded);
  std::vector<Candidate> candidates;
  for (const Diagnostic& d : diagnostics) {
    auto fix = std::find_if(d.fixes.begin(), d.fixes.end(),
                            [&](const Fix& f) { return !safe_only || f.safe; });
    if (fix == d.fixes.end() || fix->edits.empty()) continue;
    Candidate c{{}, candidates.size(), {}};
    bool ok = true;
    for (const Edit& e : fix->edits) {
      Edit encoded{e.raw, {}};
      ok = ok && Mappable(raw, decoded, e.raw) &&
           EncodeReplacement(e.replacement, eol, decoded.encoding, &encoded.replacement);
      c.edits.push_back(std::move(encoded));
    }
    std::sort(c.edits.begin(), c.edits.end(), [](const Edit& a, const Edit& b) {
      return a.raw.begin != b.raw.begin ? a.raw.begin < b.raw.begin : a.raw.end < b.raw.end;
    });
    for (size_t i = 1; ok && i < c.edits.size(); ++i)
      ok = !Conflict(c.edits[i - 1].raw, c.edits[i].raw);
    if (!ok) {
      ++out.skipped_unmappable;
      continue;
    }
    c.span = {c.edits.front().raw.begin, c.edits.back().raw.end};
    candidates.push_back(std::move(c));
  }
  std::stable_sort(
      candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
      });
  std::vector<Edit> taken;
  for (Candidate& c : candidates) {
    bool clash = std::any_of(c.edits.begin(), c.edits.end(), [&](const Edit& e) {
      return std::any_of(taken.begin(), taken.end(),
                         [&](const Edit& t) { return Conflict(e.raw, t.raw); });
    });
    if (clash) {
      ++out.skipped_overlapping;
      continue;
    }
    ++out.applied;
    for (Edit& e : c.edits) taken.push_back(std::move(e));
  }
  std::sort(taken.begin(), taken.end(), [](const Edit& a, const Edit& b) {
    return a.raw.begin != b.raw.begin ? a.raw.begin < b.raw.begin : a.raw.end < b.raw.end;
  });
  out.new_bytes.reserve(raw.size());
  size_t at = 0;
  for (const Edit& e : taken) {
    out.new_bytes.append(raw, at, e.raw.begin - at);
    out.new_bytes += e.replacement;
    at = e.raw.end;
  }
  out.new_bytes.append(raw, at, std::string::npos);
  return out;
}

FixOutcome ApplyFixes(const std::string& raw, const std::vector<Diagnostic>& diagnostics,
                      bool safe_only) {
  DecodedText decoded;
  DecodeError error;
  if (!Decode(raw, &decoded, &error)) {
    FixOutcome out;
    out.new_bytes = raw;
    out.error = "cannot fix: " + error.message;
    return out;
  }
  return ApplyFixes(raw, decoded, diagnostics, safe_only);
}

FixOutcome FixUntilStable(const std::string& raw, const FixPass& pass, int max_passes) {
  FixOutcome total;
  total.new_bytes = raw;
  for (int i = 0; i < max_passes; ++i) {
    FixOutcome step = pass(total.new_bytes);
    if (!step.error.empty()) {
      step.new_bytes = raw;
      step.applied = 0;
      return step;
    }
    total.skipped_overlapping = step.skipped_overlapping;
    total.skipped_unmappable = step.skipped_unmappable;
    if (step.applied == 0 || step.new_bytes == total.new_bytes) break;
    total.applied += step.applied;
    total.new_bytes = std::move(step.new_bytes);
  }
  return total;
}

}  // namespace fulint
