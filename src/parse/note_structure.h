#pragma once
// Finds the parts of a letter in the note: salutation, body paragraphs, sign-off, signature.
// Works on lines of doc->lintable, so it is the same for plain text, Markdown and e-mail.
#include "parse/document.h"

namespace fulint {

// Fills doc->salutation, doc->paragraphs, doc->signoff and doc->signature from doc->note.
void FindNoteStructure(Document* doc);

}  // namespace fulint
