#include "report/text_printer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_words.h"
#include "base/ordered_parallel.h"
#include "report/position.h"
#include "report/string_file.h"

namespace fulint {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kCaretColor = "\x1b[0;1;32m";

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\x1b[0;1;31m";  // red
    case Severity::kWarning:
      return "\x1b[0;1;35m";  // magenta
    case Severity::kSuggestion:
      return "\x1b[0;1;36m";  // cyan
  }
  return kBold;
}

bool IsControl(UChar32 c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

// True when the eight bytes at p are all printable ASCII (0x20-0x7E).
bool IsPrintableAscii8(const uint8_t* p) {
  const uint64_t x = bytes8::Load(p);
  return !bytes8::AnyNonAscii(x) && !bytes8::AnyBelow(x, 0x20) && !bytes8::AnyEqual(x, 0x7F);
}

// A source line as displayed: tabs expanded, control characters shown as <U+XXXX>, and the
// display cells where the underline starts and ends.
struct DisplayLine {
  std::string text;
  int begin_cell = 0;
  int end_cell = 0;
};

// `begin` and `end` are byte offsets into `line`.
DisplayLine Render(std::string_view line, uint32_t begin, uint32_t end, int tab_width) {
  DisplayLine d;
  int cells = 0;
  int32_t i = 0;
  const int32_t size = static_cast<int32_t>(line.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
  d.text.reserve(line.size());
  while (i < size) {
    // A run of printable ASCII, one cell a byte, is copied in one go: a draft's paragraph is
    // one long line, and a byte at a time was most of printing a finding.
    int32_t run = i;
    while (run + 8 <= size && IsPrintableAscii8(bytes + run)) run += 8;
    while (run < size && bytes[run] >= 0x20 && bytes[run] < 0x7F) ++run;
    if (run > i) {
      const uint32_t first = static_cast<uint32_t>(i), last = static_cast<uint32_t>(run - 1);
      if (begin >= first) d.begin_cell = cells + static_cast<int>(std::min(begin, last) - first);
      if (end >= first) d.end_cell = cells + static_cast<int>(std::min(end, last) - first);
      d.text.append(line.substr(first, last + 1 - first));
      cells += run - i;
      i = run;
      continue;
    }
    if (static_cast<uint32_t>(i) <= begin) d.begin_cell = cells;
    if (static_cast<uint32_t>(i) <= end) d.end_cell = cells;
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c == '\t') {
      int n = tab_width - cells % tab_width;
      d.text.append(n, ' ');
      cells += n;
    } else if (c < 0 || IsControl(c)) {
      char buf[16];
      int n = std::snprintf(buf, sizeof buf, "<U+%04" PRIX32 ">",
                            static_cast<uint32_t>(c < 0 ? 0xFFFD : c));
      d.text.append(buf, n);
      cells += n;
    } else {
      d.text.append(line.substr(start, i - start));
      cells += CellWidth(c);
    }
  }
  if (line.size() <= begin) d.begin_cell = cells;
  if (line.size() <= end) d.end_cell = cells;
  return d;
}

void PrintOne(const Diagnostic& diag, const std::string& path, const LineIndex& index,
              const PrintOptions& options, FILE* out) {
  uint32_t begin = diag.raw.begin;
  uint32_t end = std::max(diag.raw.begin, diag.raw.end);
  Position pos = index.Locate(begin);
  std::string_view line = index.LineText(pos.line);
  uint32_t begin_byte = index.Column(begin, ColumnUnit::kUtf8);
  uint32_t end_byte = index.Line(end) == pos.line ? index.Column(end, ColumnUnit::kUtf8)
                                                  : static_cast<uint32_t>(line.size());
  DisplayLine d = Render(line, begin_byte, end_byte, std::max(1, options.tab_width));

  // The three lines are put together here and written at once: fprintf's format parsing was
  // half of printing a finding.
  const bool color = options.color;
  std::string s;
  s.reserve(path.size() + diag.message.size() + diag.rule_id.size() + 2 * d.text.size() + 96);
  auto number = [&s](uint32_t n) {
    char digits[16];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    s.append(digits, end);
  };
  if (color) s += kBold;
  s += path;
  s += ':';
  number(pos.line);
  s += ':';
  number(pos.column);
  s += ": ";
  if (color) (s += kReset) += SeverityColor(diag.severity);
  s += SeverityName(diag.severity);
  s += ": ";
  if (color) (s += kReset) += kBold;
  s += diag.message;
  if (!diag.rule_id.empty()) ((s += " [") += diag.rule_id) += ']';
  if (color) s += kReset;
  s += '\n';
  s += d.text;
  s += '\n';
  s.append(static_cast<size_t>(std::max(0, d.begin_cell)), ' ');
  if (color) s += kCaretColor;
  s += '^';
  s.append(static_cast<size_t>(std::max(0, d.end_cell - d.begin_cell - 1)), '~');
  if (color) s += kReset;
  s += '\n';
  std::fwrite(s.data(), 1, s.size(), out);
}

}  // namespace

int CellWidth(int32_t c) {
  if (c >= 0x20 && c < 0x7F) return 1;  // printable ASCII, without asking ICU
  if (c == 0x00AD) return 1;  // soft hyphen: Cf, but terminals draw it
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
  if (hangul == U_HST_VOWEL_JAMO || hangul == U_HST_TRAILING_JAMO) return 0;
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

void TextPrinter::File(const FileResult& result, FILE* out) {
  if (!result.error.empty() || !result.doc) return;  // the CLI reports errors itself
  const std::string& path = result.path.empty() ? result.doc->path : result.path;
  LineIndex index(*result.doc);
  const auto& all = result.diagnostics;
  // A long file's tens of thousands of findings, each with its source line, took a tenth of
  // a second on one thread after the rules had finished on all: they are rendered in chunks on
  // every core and written in order. The chunks waiting to be written are few (two a core), so
  // the rendered text in memory stays small: rendering the second half whole on another core
  // held 14 MB of text in a growing buffer, 40 MB more peak memory for a 10 MB file.
  const unsigned cores = CoresForFindings(all.size());
  auto print = [&](size_t from, size_t to, FILE* to_file) {
    for (size_t i = from; i < to; ++i) PrintOne(all[i], path, index, options_, to_file);
  };
  if (cores <= 1) {
    print(0, all.size(), out);
    return;
  }
  using Chunk = std::optional<std::string>;  // empty: no memory stream; printed when written
  ForEachChunkInOrder<Chunk>(
      all.size(), kFindingsChunk, cores,
      [&](size_t from, size_t to) {
        StringFile memory;
        std::string text;
        if (!memory.get()) return Chunk();
        print(from, to, memory.get());
        return memory.Finish(&text) ? Chunk(std::move(text)) : Chunk();
      },
      [&](size_t from, size_t to, Chunk&& chunk) {
        if (chunk) std::fwrite(chunk->data(), 1, chunk->size(), out);
        else print(from, to, out);
      });
}

std::unique_ptr<Printer> MakeTextPrinter(const PrintOptions& options) {
  return std::make_unique<TextPrinter>(options);
}

}  // namespace fulint
