#pragma once
// The `fulint.addWord` command's file work: a word accepted for every draft under one
// configuration goes into `.fulint-words.txt` next to the nearest `.fulint.yaml`, which names
// it under `words.accept_files`. Both are created in the draft's folder when no config exists;
// an existing config is edited in place, so its comments and layout survive.
#include <string>

namespace fulint::lsp {

constexpr const char* kWordsFileName = ".fulint-words.txt";

struct AddWordResult {
  std::string config_path, words_path;
  bool created_config = false, word_added = false, config_changed = false;
};

// Accepts `word` for the draft at `draft_path`. False with `error` when the word is not one
// line of text or a file cannot be read, parsed or written (nothing is half-changed: the
// word file is written before the config names it).
bool AddWordToProject(const std::string& draft_path, const std::string& word,
                      AddWordResult* result, std::string* error);

// `config_text` with `file_name` added to `words.accept_files` (relative names are relative
// to `config_dir`), as a small text insertion where the layout allows and by re-emitting the
// YAML otherwise. Unchanged when the file is listed already. False when the text is not a
// config mapping.
bool AddAcceptFile(const std::string& config_text, const std::string& config_dir,
                   const std::string& file_name, std::string* out, std::string* error);

}  // namespace fulint::lsp
