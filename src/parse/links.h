#pragma once
// URLs and e-mail addresses in prose are not linted (a hyphenated address is not a typo), but
// rules may need to know they are there (a signature needs contact details).
#include <vector>

#include "parse/document.h"

namespace fulint {

// Finds URLs (scheme://..., www....) and e-mail addresses inside `within`, appends their
// ranges to doc->urls / doc->emails and masks them in doc->lintable.
void MaskLinks(Document* doc, Range within);

}  // namespace fulint
