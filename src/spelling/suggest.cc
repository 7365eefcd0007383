#include "spelling/suggest.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>

namespace fulint {
namespace {

// Letters next to each other on a QWERTY keyboard: the commonest typing slips. A table of
// lower-case pairs, made once: asked for every replacement candidate (25 per letter of the
// word), looking the letters up in the rows each time was a tenth of a suggestion's cost.
constexpr auto kNeighbours = [] {
  std::array<std::array<bool, 26>, 26> near{};
  const char* const rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  for (int ra = 0; ra < 3; ++ra)
    for (int ca = 0; rows[ra][ca]; ++ca)
      for (int rb = 0; rb < 3; ++rb)
        for (int cb = 0; rows[rb][cb]; ++cb)
          if (ra - rb <= 1 && rb - ra <= 1 && ca - cb <= 1 && cb - ca <= 1)
            near[rows[ra][ca] - 'a'][rows[rb][cb] - 'a'] = true;
  return near;
}();

bool KeyboardNeighbours(char a, char b) {
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
  return kNeighbours[a - 'a'][b - 'a'];
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Costs of the edits (lower is likelier); an edit of the first letter costs more, since
// writers rarely get the first letter wrong.
constexpr int kSwap = 10, kApostrophe = 11, kNearReplace = 12, kDoubling = 14, kSplitOffA = 9, kSplit = 21,
              kDelete = 20, kInsert = 20, kReplace = 22, kFirstLetter = 6;

constexpr size_t kMaxWordLength = 40;

}  // namespace

std::vector<std::string> SuggestNearby(const std::string& word,
                                       const std::function<bool(const std::string&)>& known,
                                       size_t max) {
  // Each candidate is a copy of the word, so the work grows with the square of its length: a
  // run of letters longer than any real word (a pasted hash, "xxxx...") gets no suggestion.
  if (word.size() < 2 || word.size() > kMaxWordLength || max == 0) return {};
  // Candidates are made in lower case and given the word's capitalisation back, so "Recieve"
  // suggests "Receive".
  bool capitalized = std::isupper(static_cast<unsigned char>(word[0])) != 0;
  std::string lower = word;
  if (capitalized) lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  std::map<std::string, int> best;  // candidate -> lowest cost
  // Every candidate is built in this one buffer: allocating a string per candidate (some 50
  // per letter of the word) was half of the time spent here.
  std::string candidate;
  candidate.reserve(word.size() + 2);
  // Looks up `candidate` (lower case, as built), capitalised like the word.
  auto consider = [&](int cost, size_t at) {
    if (candidate.empty() || candidate == lower) return;
    if (at == 0) cost += kFirstLetter;
    if (capitalized)
      candidate[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(candidate[0])));
    auto it = best.find(candidate);
    if (it != best.end()) {
      it->second = std::min(it->second, cost);
      return;
    }
    if (known(candidate)) best.emplace(candidate, cost);
  };
  auto is_letter = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  const size_t n = lower.size();
  for (size_t i = 0; i < n; ++i) {
    char c = lower[i];
    if (static_cast<unsigned char>(c) >= 0x80) continue;  // edits stay on ASCII letters
    // Deletion (cheaper for a doubled letter: "occurr" -> "occur").
    bool doubled = (i > 0 && lower[i - 1] == c) || (i + 1 < n && lower[i + 1] == c);
    candidate.assign(lower, 0, i).append(lower, i + 1);
    consider(doubled ? kDoubling : kDelete, i);
    // Swap with the next letter.
    if (i + 1 < n && lower[i + 1] != c && is_letter(lower[i + 1])) {
      candidate = lower;
      std::swap(candidate[i], candidate[i + 1]);
      consider(kSwap, i);
    }
    // Replacement.
    if (is_letter(c))
      for (char r = 'a'; r <= 'z'; ++r) {
        if (r == c) continue;
        candidate = lower;
        candidate[i] = r;
        bool near = KeyboardNeighbours(c, r) || (IsVowel(c) && IsVowel(r));
        consider(near ? kNearReplace : kReplace, i);
      }
  }
  for (size_t i = 0; i <= n; ++i) {
    if (i < n && static_cast<unsigned char>(lower[i]) >= 0x80) continue;
    // Insertion of a letter (cheaper when it doubles a neighbour: "ocur" -> "occur").
    for (char r = 'a'; r <= 'z'; ++r) {
      bool doubles = (i > 0 && lower[i - 1] == r) || (i < n && lower[i] == r);
      candidate.assign(lower, 0, i).append(1, r).append(lower, i);
      consider(doubles ? kDoubling : kInsert, i);
    }
    // A missing apostrophe ("dont" -> "don't") or space ("alot" -> "a lot").
    if (i > 0 && i < n) {
      candidate.assign(lower, 0, i).append(1, '\'').append(lower, i);
      consider(kApostrophe, i);
      std::string left = lower.substr(0, i), right = lower.substr(i);
      if ((left.size() > 1 || left == "a" || left == "i") && right.size() > 1) {
        std::string first = left;
        if (capitalized) first[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(first[0])));
        // "a lot", "i mean" are classic slips; other splits rank after single-letter edits.
        int cost = left.size() == 1 ? kSplitOffA : kSplit;
        if (known(first) && known(right)) best.emplace(first + " " + right, cost);
      }
    }
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (auto& [candidate, cost] : best) ranked.emplace_back(cost, candidate);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && out.size() < max; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace fulint
