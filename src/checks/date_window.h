#pragma once
// `extends: date_window` — compares two dates from the draft's metadata and reports when the
// second is more than `max_days` calendar days after the first (Timing). Dates may be YAML
// dates, quoted YYYY-MM-DD, datetimes with an offset (their own calendar date counts), or RFC
// 5322 dates ("Tue, 05 Nov 2024 19:42:10 -0500", as in an e-mail Date: header). Silent when
// either date is missing. Message arguments: the number of days, the two dates, `max_days`.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadDateWindow(YamlReader& reader, const std::string& rule_dir);

// Days since 1970-01-01 of the calendar date in `text`; false when there is no date.
bool ParseCalendarDate(std::string_view text, long* days);
}  // namespace fulint
