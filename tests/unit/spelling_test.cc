// Spelling with the real dictionaries: Hunspell (en_US, en_med_glut), the compiled word caches
// and the project's word lists. No mocks: these are the files users' runs read.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>

#include <hunspell/hunspell.hxx>

#include "cli/lint_file.h"
#include "rules/rule_set.h"
#include "spelling/dictionary.h"
#include "spelling/word_cache.h"
#include "test_util.h"

namespace fulint {
namespace {

// A string of `length` random lower-case letters (nearly never a word), from `*seed`.
std::string RandomLetters(uint32_t* seed, int length) {
  std::string out;
  for (int i = 0; i < length; ++i) {
    *seed = *seed * 1103515245u + 12345u;
    out += static_cast<char>('a' + (*seed >> 16) % 26);
  }
  return out;
}

std::vector<std::string> SpellingFindings(const std::string& name, const std::string& text) {
  static RuleSet* rules = [] {
    auto* r = new RuleSet();
    std::vector<ConfigError> errors;
    LoadRules(FULINT_SOURCE_DIR "/rules", r, &errors);
    return r;
  }();
  static Segmenter segmenter;
  LintOptions options;
  options.only = {"FollowUp.Spelling"};
  LintedFile f = LintBytes(name, text, *rules, segmenter, options);
  std::vector<std::string> out;
  for (const auto& d : f.result.diagnostics) out.push_back(d.matched + " | " + d.message);
  return out;
}

std::string Note(const std::string& body) {
  return "Subject: Thank you - Lakeshore interview, January 14\n\nDear Dr. Okafor,\n\n" + body +
         "\n\nBest regards,\nAna Ruiz\nana@example.org\n";
}

TEST_CASE("spelling: medical, Match and British vocabulary is not flagged") {
  CHECK(SpellingFindings("a.txt", Note(
      "The otolaryngology, nephrology and rheumatology electives, telestroke consults, "
      "psychodynamic psychotherapy, a doula program, POCUS, DOACs, ERAS, NRMP, SOAP, MSPE, "
      "PGY-2 and CA-1 residents, the sub-internship, a categorical or preliminary position, "
      "and a transitional year were all discussed.")).empty());
  CHECK(SpellingFindings("b.txt", Note(
      "The programme's paediatric and anaesthesia teams organised a tour; the behaviour of "
      "the centre's haematology service was favourable.")).empty());
}

TEST_CASE("spelling: common typos are flagged with the right suggestion first") {
  auto found = SpellingFindings("c.txt", Note(
      "Thank you for the oppurtunity to discuss obstetics and the recieve process; it was "
      "definately a great conversaton."));
  REQUIRE(found.size() == 5);
  CHECK(found[0] == "oppurtunity | 'oppurtunity' may be misspelled (did you mean 'opportunity'?).");
  CHECK(found[1] == "obstetics | 'obstetics' may be misspelled (did you mean 'obstetrics'?).");
  CHECK(found[2] == "recieve | 'recieve' may be misspelled (did you mean 'receive'?).");
  CHECK(found[3] == "definately | 'definately' may be misspelled (did you mean 'definitely'?).");
  CHECK(found[4] == "conversaton | 'conversaton' may be misspelled (did you mean 'conversation'?).");
}

TEST_CASE("spelling: a misspelled sign-off is flagged") {
  auto found = SpellingFindings("d.txt",
      "Dear Dr. Okafor,\n\nThank you for the clinic tour.\n\nSincerly,\nAna Ruiz\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rfind("Sincerly | ", 0) == 0);
}

TEST_CASE("spelling: names from the draft's own metadata are accepted everywhere") {
  std::string md =
      "---\ninterviewer: Dr. Oluwaseun Adeyemi-Thorsby\nprogram: Zyxquill Medical Center\n"
      "to: Dr. Oluwaseun Adeyemi-Thorsby\n---\nDear Dr. Adeyemi-Thorsby,\n\n"
      "Zyxquill impressed me, and Oluwaseun's advice stayed with me.\n\n"
      "Best,\nZinnia Vasquez-Oyelowo\nz@example.org\n";
  CHECK(SpellingFindings("e.md", md).empty());
  // The same name at a sentence start in a draft that does not name it is unknown (inside a
  // sentence any capitalised word passes as a name).
  CHECK(!SpellingFindings("f.txt", Note("Zyxquill impressed me.")).empty());
}

TEST_CASE("spelling: the compiled word cache agrees with Hunspell") {
  std::string dir = HunspellDir();
  std::string aff = dir + "/en_US.aff";
  test::TempDir tmp;
  std::string error;
  REQUIRE(CompileWordCache(dir + "/en_US.dic", aff, (tmp / "en_US.words").string(), &error));
  auto cache = WordCache::Open((tmp / "en_US.words").string(),
                               DictionarySignature(dir + "/en_US.dic", aff));
  REQUIRE(cache);
  CHECK(cache->size() > 100000);
  // A stale signature is refused.
  CHECK_FALSE(WordCache::Open((tmp / "en_US.words").string(), "other"));
  Hunspell hunspell(aff.c_str(), (dir + "/en_US.dic").c_str());
  for (const char* w : {"interview", "interviews", "interviewed", "residency", "residencies",
                        "program's", "hospitals", "unhappiness", "reorganized", "opportunity",
                        "oppurtunity", "teh", "clinic", "clinics", "wonderful", "qwzx"}) {
    INFO(w);
    CHECK(cache->Contains(w) == hunspell.spell(std::string(w)));
  }
  // Every word is found (the filter in front of the table never rules one out), and the
  // filter rules out nearly every string that is not a word without touching the table.
  uint32_t missing = 0, filtered_out = 0;
  for (uint32_t k = 0; k < cache->size(); ++k) {
    missing += !cache->Contains(cache->word(k));
    filtered_out += cache->FilterRulesOut(cache->word(k));
  }
  CHECK(missing == 0);
  CHECK(filtered_out == 0);
  for (const char* w : {"oppurtunity", "teh", "qwzx", "interviewz"})
    CHECK_FALSE(cache->Contains(w));
  uint32_t seed = 12345, others = 0, ruled_out = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string candidate = RandomLetters(&seed, 4 + n % 7);
    if (cache->Contains(candidate)) continue;  // a real word, by chance
    ++others;
    ruled_out += cache->FilterRulesOut(candidate);
  }
  INFO(ruled_out << " of " << others << " non-words ruled out by the filter");
  CHECK(ruled_out > others * 9 / 10);
}

TEST_CASE("spelling: MightKnow lets through every word Knows accepts") {
  // Suggestions ask MightKnow first and Knows only when it says yes: a word it wrongly ruled
  // out would silently drop a suggestion.
  DictionarySpec spec;
  spec.hunspell = {"en_US", "en_med_glut"};
  std::vector<std::string> words;
  for (const char* list : {"medical", "match", "specialties", "general", "british"}) {
    std::string path = std::string(FULINT_SOURCE_DIR "/dictionaries/") + list + ".txt";
    spec.wordlists.push_back(path);
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      words.push_back(line);
      std::string word;
      for (char c : line + " ") {
        if (c == ' ' || c == '-' || c == ',' || c == '/' || c == '(' || c == ')') {
          if (!word.empty()) words.push_back(word);
          word.clear();
        } else {
          word += c;
        }
      }
    }
  }
  // The stems of both Hunspell dictionaries (their affixed forms are in the caches too).
  for (const char* name : {"en_US", "en_med_glut"}) {
    std::ifstream in(HunspellDir() + "/" + name + ".dic");
    std::string line;
    std::getline(in, line);  // the count
    while (std::getline(in, line)) words.push_back(line.substr(0, line.find('/')));
  }
  std::string error;
  auto dict = Dictionary::Get(spec, &error);
  REQUIRE(dict);
  size_t known = 0, missed = 0;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    std::string lower = w, upper = w, title = w;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    title = lower;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    for (const std::string& form : {w, lower, upper, title}) {
      if (!dict->Knows(form)) continue;
      ++known;
      if (!dict->MightKnow(form)) {
        ++missed;
        UNSCOPED_INFO("ruled out: " << form);
      }
    }
  }
  CHECK(known > 150000);
  CHECK(missed == 0);
  // And it rules out nearly every string that is not a word.
  uint32_t seed = 4242, others = 0, ruled_out = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string candidate = RandomLetters(&seed, 4 + n % 7);
    if (n % 3 == 0) candidate[0] = static_cast<char>(std::toupper(candidate[0]));
    if (dict->Knows(candidate)) continue;
    ++others;
    ruled_out += !dict->MightKnow(candidate);
  }
  INFO(ruled_out << " of " << others << " non-words ruled out");
  CHECK(ruled_out > others * 9 / 10);
}

TEST_CASE("spelling: .fulint.yaml accepted and rejected words") {
  test::TempDir dir;
  dir.Write(".fulint.yaml", "words:\n  accept: [Zyxquill]\n  reject: [clinic]\n");
  std::string path = dir.Write("draft.txt", Note("I met Zyxquill at the clinic."));
  auto r = test::RunFulint({"--format", "line", path}, dir.path().string());
  CHECK(r.out.find("Zyxquill") == std::string::npos);
  CHECK(r.out.find("FollowUp.Spelling:'clinic' may be misspelled") != std::string::npos);
}

}  // namespace
}  // namespace fulint
