#pragma once
// Comments that switch rules off locally, as in markdownlint and Vale:
//   <!-- fulint-disable FollowUp.Filler -->   ... <!-- fulint-enable -->
//   <!-- fulint-disable-next-line FollowUp.Tone -->
// Without ids a comment applies to every rule; an id may also be a whole style ("FollowUp").
#include <string>
#include <vector>

#include "parse/document.h"

namespace fulint {

// Finds the comments in doc->decoded.text and fills doc->suppressions.
void FindSuppressions(Document* doc);

// True when a finding of `rule_id` starting at text offset `at` is switched off.
bool IsSuppressed(const Document& doc, const std::string& rule_id, uint32_t at);

}  // namespace fulint
