#pragma once
// Replacing a file's contents so that a reader or a crash sees either the old bytes or the new
// ones, never a mix: write a temporary file beside it, fsync, rename over it.
#include <string>

namespace fulint {

// Writes `bytes` to `path` atomically: a temporary file in the same folder (mkstemp), fsync,
// the original's permission bits (and owner and group when the process may set them), then
// rename over the original and fsync the folder. A symbolic link is followed: its target is
// replaced and the link kept. A file without write permission for the user (by its mode bits,
// so also when running as root) is refused, even when the folder is writable. With
// `expected`, the file must still hold exactly those bytes just before the rename (it was not
// edited since it was read). On any failure returns false with `error` set, removes the
// temporary file and leaves the original untouched. Hard links to the original keep the old
// contents, and extended attributes and ACLs are not copied (as with `sed -i`).
bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error,
                         const std::string* expected = nullptr);

}  // namespace fulint
