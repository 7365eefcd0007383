// The fast suggester over a small known-word set: each kind of slip, ranking and case.
#include <catch2/catch.hpp>

#include <set>

#include "spelling/suggest.h"

namespace {

std::vector<std::string> Suggest(const std::string& word, size_t max = 3) {
  static const std::set<std::string> kKnown = {"receive", "Receive", "the", "ten", "don't",
                                               "a", "lot", "alto", "occur", "occurred",
                                               "River", "bend", "riverbed", "Riverbed"};
  return fulint::SuggestNearby(word, [](const std::string& w) { return kKnown.count(w) > 0; },
                               max);
}

}  // namespace

TEST_CASE("suggest: a swap of neighbouring letters ranks first", "[suggest]") {
  CHECK(Suggest("recieve") == std::vector<std::string>{"receive"});
  CHECK(Suggest("teh").front() == "the");
}

TEST_CASE("suggest: a missing apostrophe or a split off 'a'", "[suggest]") {
  CHECK(Suggest("dont") == std::vector<std::string>{"don't"});
  // The split off "a" before the swap, and the deletion of the first letter last.
  CHECK(Suggest("alot") == std::vector<std::string>{"a lot", "alto", "lot"});
}

TEST_CASE("suggest: doubled letters and capitalisation are kept", "[suggest]") {
  CHECK(Suggest("occured").front() == "occurred");
  CHECK(Suggest("Recieve") == std::vector<std::string>{"Receive"});
  auto compound = Suggest("Riverbend");
  CHECK(std::find(compound.begin(), compound.end(), "River bend") != compound.end());
  CHECK(compound.front() == "Riverbed");  // one deleted letter ranks before a split
}

TEST_CASE("suggest: a key next to the one meant, or a vowel for a vowel, ranks first",
          "[suggest]") {
  // One replaced letter each way, where the alphabet would put the other first: 'l' is next
  // to 'k' on the keyboard and 'a' is not; 'e' is a vowel like 'o' and 'b' is not.
  auto ranked = [](const std::string& word, const std::set<std::string>& known) {
    return fulint::SuggestNearby(word, [&](const std::string& w) { return known.count(w) > 0; },
                                 3);
  };
  CHECK(ranked("xkq", {"xaq", "xlq"}) == std::vector<std::string>{"xlq", "xaq"});
  CHECK(ranked("bot", {"bbt", "bet"}) == std::vector<std::string>{"bet", "bbt"});
}

TEST_CASE("suggest: nothing for far-off words, known words or max 0", "[suggest]") {
  CHECK(Suggest("xyzzy").empty());
  auto near_the = Suggest("the");
  CHECK(near_the.empty());  // never the word itself ("ten" is two edits away)
  CHECK(Suggest("recieve", 0).empty());
  CHECK(Suggest(std::string(100000, 'x')).empty());  // quickly: no quadratic candidate list
}
