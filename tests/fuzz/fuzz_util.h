#pragma once
// Helpers shared by the fuzz targets (each target is one small .cc with
// LLVMFuzzerTestOneInput; see docs/RELIABILITY.md).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "parse/parse.h"

namespace fulint::fuzz {

// Parses `data` as a file called `name` (its extension picks the format).
inline ParseOutcome ParseAs(const std::string& name, const uint8_t* data, size_t size,
                            Document* doc) {
  doc->path = name;
  doc->format = FormatForPath(name);
  doc->raw.assign(reinterpret_cast<const char*>(data), size);
  return ParseDocument(doc);
}

// The loaders under test read files, so each input is written to `name` inside one private
// folder per process (removed at exit), and that path is returned.
inline std::string WriteInput(const std::string& name, const uint8_t* data, size_t size) {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fulint-fuzz-XXXXXX").string();
    std::filesystem::path d = mkdtemp(tmpl.data());
    static std::filesystem::path to_remove = d;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(to_remove, ec);
    });
    return d;
  }();
  std::filesystem::path p = dir / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return p.string();
}

}  // namespace fulint::fuzz
