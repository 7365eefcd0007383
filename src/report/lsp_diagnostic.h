#pragma once
// The one converter from a Diagnostic to an LSP 3.17 Diagnostic, shared by `--format lsp` and
// the language server (src/lsp/), so an editor and a script see the same object for a finding.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "base/diagnostic.h"
#include "report/position.h"
#include "report/printer.h"

namespace fulint {

// LSP DiagnosticSeverity: 1 Error, 2 Warning, 3 Information for suggestions (Hint, 4, is drawn
// as faint dots and left out of problem lists: too quiet for advice the writer should read).
int LspSeverity(Severity severity);
// What Position.character counts in each LSP position encoding.
ColumnUnit ColumnUnitFor(PositionEncoding encoding);

// LSP Position of a raw offset: 0-based line, 0-based character in `unit`.
nlohmann::ordered_json LspPositionJson(const LineIndex& index, uint32_t raw_off, ColumnUnit unit);
// LSP Range of a raw range (an inverted range is read as empty at its start).
nlohmann::ordered_json LspRangeJson(const LineIndex& index, Range raw, ColumnUnit unit);
// {title, edits: [TextEdit]} for one fix.
nlohmann::ordered_json LspFix(const Fix& fix, const LineIndex& index, ColumnUnit unit);

// What a caller adds to the finding itself.
struct LspDiagnosticExtras {
  // codeDescription.href: the rule's documentation as an absolute URI; left out when empty
  // (each caller resolves relative links its own way).
  std::string href;
  // data.fixes: the fixes as {title, edits}, which the server's code actions read back.
  bool fixes = false;
};

// range, severity, code (the rule id), codeDescription, source "fulint", message, data.fixes.
nlohmann::ordered_json LspDiagnostic(const Diagnostic& diag, const LineIndex& index,
                                     ColumnUnit unit, const LspDiagnosticExtras& extras);

}  // namespace fulint
