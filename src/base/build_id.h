#pragma once
// The running program's GNU build id (the linker's hash of the binary, in its
// .note.gnu.build-id), as raw bytes: "" when it has none. What a cache of results that the
// program's own code computes is keyed by, so a rebuilt program never reads its predecessor's.
#include <string>

namespace fulint {

const std::string& ProgramBuildId();

}  // namespace fulint
