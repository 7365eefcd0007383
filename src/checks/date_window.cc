#include "checks/date_window.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <string>

namespace fulint {
namespace {

// Howard Hinnant's days_from_civil: proleptic Gregorian date -> days since 1970-01-01.
long DaysFromCivil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool ValidDay(long y, unsigned m, unsigned d) {
  return y > 1900 && y < 3000 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int MonthFromName(std::string_view s) {
  static constexpr std::array<const char*, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (s.size() < 3) return 0;
  std::string lower;
  for (char c : s.substr(0, 3)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

class DateWindow : public Check {
 public:
  std::string from, to;
  int max_days = 2;

  void Run(LintContext& ctx, const std::vector<Range>&, std::vector<Finding>* out) const override {
    const Field* a = ctx.doc().Metadata(from);
    const Field* b = ctx.doc().Metadata(to);
    long da, db;
    if (!a || !b || !ParseCalendarDate(a->value, &da) || !ParseCalendarDate(b->value, &db)) return;
    long days = db - da;
    if (days > max_days)
      out->push_back({b->range, {std::to_string(days), a->value, b->value, std::to_string(max_days)}, {}, ""});
  }
};

}  // namespace

bool ParseCalendarDate(std::string_view text, long* days) {
  // ISO: YYYY-MM-DD at the start (a datetime's own calendar date, whatever its offset).
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  std::string_view s = text.substr(i);
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    long y = std::strtol(std::string(s.substr(0, 4)).c_str(), nullptr, 10);
    unsigned m = std::strtoul(std::string(s.substr(5, 2)).c_str(), nullptr, 10);
    unsigned d = std::strtoul(std::string(s.substr(8, 2)).c_str(), nullptr, 10);
    if (!ValidDay(y, m, d)) return false;
    *days = DaysFromCivil(y, m, d);
    return true;
  }
  // RFC 5322: [Day, ] DD Mon YYYY ...
  if (auto comma = s.find(','); comma != std::string_view::npos && comma < 5) s = s.substr(comma + 1);
  char mon[16] = {0};
  int d = 0;
  long y = 0;
  if (std::sscanf(std::string(s).c_str(), " %d %15s %ld", &d, mon, &y) == 3) {
    int m = MonthFromName(mon);
    if (m && ValidDay(y, m, d)) {
      *days = DaysFromCivil(y, m, d);
      return true;
    }
  }
  return false;
}

std::unique_ptr<Check> LoadDateWindow(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<DateWindow>();
  if (!reader.String("from", &check->from) || !reader.String("to", &check->to) ||
      !reader.Int("max_days", &check->max_days))
    return nullptr;
  if (check->from.empty() || check->to.empty()) {
    reader.Error(reader.root().Mark(), "a date_window rule needs 'from' and 'to' fields");
    return nullptr;
  }
  return check;
}

}  // namespace fulint
