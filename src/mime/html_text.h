#pragma once
// A text/html part turned into plain text for linting, keeping origins: tags, comments,
// <style> and <script> dropped; <br> and block ends (</p>, </div>, </li>, headings) become
// line breaks; runs of white space in the source collapse; common entities decoded.
#include "mime/mapped_text.h"

namespace fulint {

MappedText HtmlToText(const MappedText& html);

}  // namespace fulint
