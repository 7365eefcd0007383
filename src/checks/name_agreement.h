#pragma once
// `extends: name_agreement` — the surname in the salutation ("Dear Dr. Brightwood,") must be
// the surname of an addressee the draft itself names in `fields` (front matter `interviewer`,
// `to`, or the e-mail To: header). Several addressees ("Dear Dr. Moss and Dr. Patel,") must
// each be one of them. Silent when the draft names nobody or the salutation holds a template
// slot. Message arguments: the salutation's surname, then the expected name(s).
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadNameAgreement(YamlReader& reader, const std::string& rule_dir);

// Surnames in a list of people: "Dr. Samuel Brightwater <sb@x.org>" -> {"Brightwater"};
// "Dr. A. Moss and Dr. B. Patel" -> {"Moss", "Patel"}.
std::vector<std::string> Surnames(std::string_view people);
}  // namespace fulint
