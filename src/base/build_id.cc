#include "base/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace fulint {
namespace {

// The main program is the first object dl_iterate_phdr reports; its notes are in memory
// (PT_NOTE segments are loaded), so nothing is read from disk.
int FromMainProgram(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = at + ph.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char* name = at + sizeof note;
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      const char* next = desc + ((note.n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        out->assign(desc, note.n_descsz);
        return 1;
      }
      at = next;
    }
  }
  return 1;  // only the first object, the program itself
}

}  // namespace

const std::string& ProgramBuildId() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(FromMainProgram, &found);
    return found;
  }();
  return id;
}

}  // namespace fulint
