#pragma once
// E-mail style header lines at the top of a draft ("Subject: ...", "To: ...") up to the first
// blank line. In plain text only the usual five names start a header block; in .eml files any
// RFC 5322 field does, and folded continuation lines are joined.
#include "parse/document.h"

namespace fulint {

// Reads headers at the start of doc->decoded.text. Fills doc->headers, doc->subject, masks the
// header lines (all but the subject value) in doc->lintable and returns the offset where the
// note starts (0 when there are no headers).
uint32_t ParseHeaders(Document* doc);

}  // namespace fulint
