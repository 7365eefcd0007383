#include "report/printer.h"

#include "report/line_printer.h"
#include "report/text_printer.h"

namespace fulint {
namespace {

struct PrinterEntry {
  const char* name;
  std::unique_ptr<Printer> (*make)(const PrintOptions& options);
};

// Every output format, sorted by name (ninja's kTools). Add new printers here.
constexpr PrinterEntry kPrinters[] = {
    {"line", MakeLinePrinter},
    {"text", MakeTextPrinter},
};

}  // namespace

std::vector<std::string> PrinterNames() {
  std::vector<std::string> names;
  for (const PrinterEntry& entry : kPrinters) names.push_back(entry.name);
  return names;
}

std::unique_ptr<Printer> MakePrinter(const std::string& name, const PrintOptions& options) {
  for (const PrinterEntry& entry : kPrinters) {
    if (name == entry.name) return entry.make(options);
  }
  return nullptr;
}

}  // namespace fulint
