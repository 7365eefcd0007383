#pragma once
// Someone else's words in an e-mail draft: quoted lines ("> ..."), a reply attribution ("On
// Tue, Jan 7, Dr. Lee wrote:", "-----Original Message-----") and what follows it, and the
// signature after a "-- " delimiter line. Quoted text is masked so body rules do not lint it.
#include "parse/document.h"

namespace fulint {

// Masks quoted lines inside doc->note, ends doc->note before a reply attribution, and sets
// doc->signature_delimiter when the note has a "-- " line.
void FindReplies(Document* doc);

}  // namespace fulint
