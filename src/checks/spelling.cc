#include "checks/spelling.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "base/string_memo.h"
#include "spelling/dictionary.h"
#include "spelling/words.h"

namespace fulint {
namespace {

// Adds each capitalised run of letters of `text` (names are capitalised; a lower-case typo in
// a signature, "fourth-year medcial student", is not a name).
void AddNameWords(std::string_view text, std::unordered_set<std::string>* out) {
  std::string word;
  auto flush = [&] {
    if (word.size() > 1 && std::isupper(static_cast<unsigned char>(word[0])))
      out->insert(NormalizeApostrophes(word));
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80 || c == '\'') word += c;
    else flush();
  }
  flush();
}

// True for "Dr" in "Dr. Lindahl" and initials ("J. Smith"): a period after them does not end
// a sentence.
bool IsTitleOrInitial(std::string_view word) {
  static const std::unordered_set<std::string> kTitles = {
      "Dr", "Drs", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Sr", "Jr", "Rev", "Hon", "Gen", "Col",
      "Capt", "Lt", "Sgt", "Mt", "Ft", "vs", "No"};
  return word.size() == 1 || kTitles.count(std::string(word));
}

// True when nothing but spaces, quotes or brackets separate `at` from a sentence end or the
// start of the unit.
bool SentenceInitial(std::string_view text, Range unit, uint32_t at) {
  while (at > unit.begin) {
    unsigned char c = static_cast<unsigned char>(text[at - 1]);
    if (std::isspace(c) || c == '"' || c == '(' || c == '[' || c == '\'' || c == '*' ||
        c == '_' || c >= 0x80) {
      --at;
      continue;
    }
    if (c != '.') return c == '!' || c == '?' || c == ':';
    uint32_t end = at - 1, begin = end;
    while (begin > unit.begin && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
    return !IsTitleOrInitial(text.substr(begin, end - begin));
  }
  return true;
}

// True when `suggestion` is `word` with spaces or hyphens inserted.
bool IsSplitOf(const std::string& suggestion, const std::string& word) {
  std::string joined;
  for (char c : suggestion)
    if (c != ' ' && c != '-') joined += c;
  return joined.size() < suggestion.size() && LowerAscii(joined) == LowerAscii(word);
}

bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Dictionary::Knows through a per-thread memo: a draft repeats its words, and a folder of
// drafts repeats most of them, so most lookups become one hash probe instead of binary
// searches in the word caches. The dictionaries never change while loaded; the memo is
// cleared when another dictionary asks or when it grows past a bound.
bool KnownWord(const Dictionary& dict, std::string_view word) {
  thread_local StringMemo<bool> memo;
  thread_local uint64_t memo_serial = 0;
  if (memo_serial != dict.serial()) {
    memo.Clear();
    memo_serial = dict.serial();
  }
  if (const bool* known = memo.Find(word)) return *known;
  bool known = dict.Knows(std::string(word));
  memo.Insert(word, known);
  return known;
}

// Dictionary::Suggest through a per-thread memo, for the same reason: a folder of drafts
// repeats its typos ("recieve", "residancy"), and each suggestion is hundreds of lookups.
std::vector<std::string> Suggestions(const Dictionary& dict, std::string_view word, size_t max) {
  thread_local StringMemo<std::vector<std::string>> memo(/*slots_log2=*/6, /*max_slots_log2=*/12);
  thread_local uint64_t memo_serial = 0;
  thread_local size_t memo_max = 0;
  if (memo_serial != dict.serial() || memo_max != max) {
    memo.Clear();
    memo_serial = dict.serial();
    memo_max = max;
  }
  if (const auto* options = memo.Find(word)) return *options;
  auto options = dict.Suggest(std::string(word), max);
  memo.Insert(word, options);
  return options;
}

class Spelling : public Check {
 public:
  std::shared_ptr<Dictionary> dict;
  std::vector<std::string> names_from;
  std::unordered_set<std::string> accept, reject;  // from .fulint.yaml `words`
  bool skip_proper_nouns = true;
  int suggestions = 3;
  int max_suggested = 5;

  // Every word looked up: the longest check on a long text (65 ms of a 10 MB file's rules).
  int StartEarlyRank() const override { return 2; }

  void Run(LintContext& ctx, const std::vector<Range>& units,
           std::vector<Finding>* out) const override {
    const Document& doc = ctx.doc();
    std::string_view text = ctx.view();
    std::vector<std::pair<Range, std::span<const Range>>> words_by_unit;
    for (const Range& unit : units)
      words_by_unit.emplace_back(unit, ctx.scopes().Units("word", unit));
    // The draft's names, gathered when a capitalised word the dictionary does not know asks
    // for them (most drafts have none; gathering them for every draft was a sixth of this
    // check's time).
    std::optional<std::unordered_set<std::string>> names;
    auto is_name = [&](std::string_view word) {
      if (!names) {
        names.emplace();
        for (const auto& field : names_from)
          if (const Field* f = doc.Metadata(field)) AddNameWords(f->value, &*names);
        if (doc.salutation) AddNameWords(doc.Slice(*doc.salutation), &*names);
        if (doc.signature) AddNameWords(doc.Slice(*doc.signature), &*names);
        // Capitalised words used inside a sentence anywhere in the draft are names; the same
        // word at the start of a sentence is then a name too ("Lakeshore remains...").
        for (const auto& [unit, words] : words_by_unit) {
          // A subject is written in title case: every capitalised word in it may be a name.
          bool title_case = doc.subject && unit == *doc.subject;
          for (const Range& w : words) {
            // Only a word starting with a capital can be a name: skip the copy for the rest.
            if (!std::isupper(static_cast<unsigned char>(text[w.begin]))) continue;
            std::string name = NormalizeApostrophes(text.substr(w.begin, w.size()));
            if (IsCapitalized(name) && (title_case || !SentenceInitial(text, unit, w.begin)))
              names->insert(std::move(name));
          }
        }
      }
      return names->count(std::string(word)) > 0;
    };
    int suggested = 0;
    for (const auto& [unit, words] : words_by_unit) {
      for (const Range& w : words) {
        std::string_view raw = text.substr(w.begin, w.size());
        // ASCII words (nearly all) need no normalizing copy.
        std::string normalized;
        std::string_view word = raw;
        if (!IsAscii(raw)) {
          normalized = ToNfc(NormalizeApostrophes(raw));
          word = normalized;
        }
        // The word without a possessive 's and trailing apostrophes; the 's counts as the
        // Latin letter of a word that has no other ("X's" is still checked as "X").
        bool possessive = word.ends_with("'s");
        if (possessive) word.remove_suffix(2);
        while (!word.empty() && word.back() == '\'') word.remove_suffix(1);
        const WordShape shape = ShapeOf(word);
        if (!shape.latin_letter && !possessive) continue;  // another script
        if (word.size() < 2 || shape.digit || shape.all_caps) continue;
        // a.m., e.g.: abbreviations; template fields, identifiers
        if (shape.dot_or_underscore) continue;
        bool rejected = !reject.empty() && (reject.count(std::string(word)) ||
                                            reject.count(LowerAscii(word)));
        bool capitalized = shape.capitalized;
        // Each test below skips the word; they have no effect on each other, so the costly
        // one (the names) comes last.
        if (!rejected && !accept.empty() && accept.count(std::string(word))) continue;
        if (skip_proper_nouns && capitalized && !SentenceInitial(text, unit, w.begin)) continue;
        if (!rejected && KnownWord(*dict, word)) continue;
        if (!rejected && capitalized && is_name(word)) continue;
        std::string hint;
        std::vector<Fix> fixes;
        if (suggested < max_suggested) {
          ++suggested;
          auto options = Suggestions(*dict, word, static_cast<size_t>(suggestions));
          // A capitalised word that splits into two known words ("Riverbend" -> "River bend")
          // is a compound name, not a typo.
          if (capitalized && !rejected &&
              std::any_of(options.begin(), options.end(),
                          [&](const std::string& o) { return IsSplitOf(o, std::string(word)); }))
            continue;
          if (!options.empty()) hint = " (did you mean '" + options[0] + "'?)";
          for (const auto& o : options) fixes.push_back({"Change to '" + o + "'", {{w, o}}});
        }
        out->push_back({w, {std::string(doc.Slice(w)), hint}, std::move(fixes), ""});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> LoadSpelling(YamlReader& reader, const std::string& rule_dir) {
  auto check = std::make_unique<Spelling>();
  DictionarySpec spec;
  std::vector<std::string> lists;
  std::string proper = "skip";
  if (!reader.Strings("dictionaries", &spec.hunspell) || !reader.Strings("wordlists", &lists) ||
      !reader.Strings("names_from", &check->names_from) ||
      !reader.String("proper_nouns", &proper) || !reader.Int("suggestions", &check->suggestions) ||
      !reader.Int("max_suggested", &check->max_suggested))
    return nullptr;
  if (proper != "skip" && proper != "check") {
    reader.Error("proper_nouns", "proper_nouns must be 'skip' or 'check'");
    return nullptr;
  }
  check->skip_proper_nouns = proper == "skip";
  std::vector<std::string> accept, reject;
  if (!ReadTokenList(reader, rule_dir, "accept", "accept_files", &accept) ||
      !reader.Strings("reject", &reject))
    return nullptr;
  for (const auto& w : accept) check->accept.insert(NormalizeApostrophes(w));
  for (const auto& w : reject) check->reject.insert(NormalizeApostrophes(w));
  if (spec.hunspell.empty()) spec.hunspell = {"en_US"};
  for (const auto& l : lists) spec.wordlists.push_back(rule_dir + "/" + l);
  // Spelling variants: `language: [en-US, en-GB]` loads the word lists each language adds
  // (`variant_wordlists: {en-GB: [british.txt]}`).
  std::vector<std::string> languages;
  if (!reader.Strings("language", &languages)) return nullptr;
  if (const YamlValue& variants = reader.Get("variant_wordlists")) {
    if (!variants.IsMap()) {
      reader.Error(variants.Mark(), "'variant_wordlists' maps a language to word lists");
      return nullptr;
    }
    std::vector<std::string> known;
    for (const auto& kv : variants.entries()) known.push_back(kv.first.AsString());
    for (const auto& lang : languages) {
      if (lang == "en-US" || std::find(known.begin(), known.end(), lang) != known.end()) continue;
      std::string hint = DidYouMean(lang, known);
      reader.Error("language", "unknown language '" + lang + "'" +
                                   (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      return nullptr;
    }
    for (const auto& kv : variants.entries()) {
      if (std::find(languages.begin(), languages.end(), kv.first.AsString()) == languages.end())
        continue;
      for (const auto& file : kv.second.IsScalar() ? std::vector<YamlValue>{kv.second} : kv.second.items()) {
        std::string f = file.AsString();
        std::string path = rule_dir + "/" + f;
        if (std::find(spec.wordlists.begin(), spec.wordlists.end(), path) == spec.wordlists.end())
          spec.wordlists.push_back(path);
      }
    }
  }
  std::string error;
  check->dict = Dictionary::Get(spec, &error);
  if (!check->dict) {
    reader.Error(reader.Has("wordlists") && error.starts_with("cannot read") ? "wordlists"
                                                                             : "dictionaries",
                 error);
    return nullptr;
  }
  return check;
}

}  // namespace fulint
