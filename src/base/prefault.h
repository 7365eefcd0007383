#pragma once
// Long buffers made present in one call instead of a page fault for each 4 KB page.
#include <string>

namespace fulint {

// Makes the pages of `s`'s capacity present at once, for a buffer about to be written whole
// (a long file's bytes, its decoded and masked texts). Each first write to a fresh 4 KB page
// is a page fault, 2,500 for each 10 MB buffer; one madvise(MADV_POPULATE_WRITE) does the
// same work without them. Nothing for buffers under a megabyte, or where the kernel cannot
// (before Linux 5.14): the pages then fault in as before.
void PrefaultCapacity(std::string* s);

}  // namespace fulint
