#include "fix/unified_diff.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "decode/decode.h"

namespace fulint {
namespace {

constexpr int kContext = 3;
constexpr int kMaxEditDistance = 4000;  // beyond it the changed middle is shown as one block

using Lines = std::vector<std::string_view>;

// Lines with their '\n'; the last may have none.
Lines SplitLines(std::string_view s) {
  Lines out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    out.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

struct Op {
  char kind;  // ' ', '-', '+'
  int a, b;   // index of the line in a (for ' ' and '-') and in b (for ' ' and '+')
};

// Myers' O(ND) shortest edit script between a[a0, a1) and b[b0, b1), appended to `out`.
// False when the distance is over kMaxEditDistance.
bool Myers(const Lines& a, int a0, int a1, const Lines& b, int b0, int b1, std::vector<Op>* out) {
  int n = a1 - a0, m = b1 - b0, max = std::min(n + m, kMaxEditDistance);
  int off = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  std::vector<std::vector<int>> trace;  // trace[d]: v[k] for k in [-d-1, d+1] before step d
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.emplace_back(v.begin() + off - d - 1, v.begin() + off + d + 2);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                       : v[off + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[a0 + x] == b[b0 + y]) ++x, ++y;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  std::vector<Op> rev;
  int x = n, y = m;
  for (int d = found; d >= 0; --d) {
    const std::vector<int>& t = trace[d];
    auto at = [&](int k) { return t[k + d + 1]; };
    int k = x - y;
    int pk = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int px = at(pk), py = px - pk;
    while (x > px && y > py) {
      --x, --y;
      rev.push_back({' ', a0 + x, b0 + y});
    }
    if (d == 0) break;
    if (x == px)
      rev.push_back({'+', -1, b0 + py});
    else
      rev.push_back({'-', a0 + px, -1});
    x = px, y = py;
  }
  out->insert(out->end(), rev.rbegin(), rev.rend());
  return true;
}

std::vector<Op> DiffLines(const Lines& a, const Lines& b) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  int pre = 0;
  while (pre < n && pre < m && a[pre] == b[pre]) ++pre;
  int suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) ++suf;
  std::vector<Op> ops;
  for (int i = 0; i < pre; ++i) ops.push_back({' ', i, i});
  if (!Myers(a, pre, n - suf, b, pre, m - suf, &ops)) {
    for (int i = pre; i < n - suf; ++i) ops.push_back({'-', i, -1});
    for (int j = pre; j < m - suf; ++j) ops.push_back({'+', -1, j});
  }
  for (int i = 0; i < suf; ++i) ops.push_back({' ', n - suf + i, m - suf + i});
  // Within each run of changes, deletions first, as diff prints them.
  for (size_t i = 0; i < ops.size();) {
    size_t j = i;
    while (j < ops.size() && ops[j].kind != ' ') ++j;
    std::stable_partition(ops.begin() + i, ops.begin() + j,
                          [](const Op& o) { return o.kind == '-'; });
    i = j == i ? i + 1 : j;
  }
  return ops;
}

std::string HunkRange(int start, int count) {
  // `start` is the 0-based index of the first line; an empty range names the line before.
  std::string s = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) {
    s += ',';  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "," + string at -O3
    s += std::to_string(count);
  }
  return s;
}

std::string Readable(const std::string& bytes) {
  if (bytes.size() < 2) return bytes;
  unsigned char b0 = bytes[0], b1 = bytes[1];
  if (!((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF))) return bytes;
  DecodedText decoded;
  DecodeError error;
  return Decode(bytes, &decoded, &error) ? decoded.text : bytes;
}

}  // namespace

std::string UnifiedDiff(const std::string& path, const std::string& old_bytes,
                        const std::string& new_bytes) {
  if (old_bytes == new_bytes) return "";
  std::string old_text = Readable(old_bytes), new_text = Readable(new_bytes);
  Lines a = SplitLines(old_text), b = SplitLines(new_text);
  std::vector<Op> ops = DiffLines(a, b);
  std::string name = path.starts_with("./") ? path.substr(2) : path;
  std::string out = "--- a/" + name + "\n+++ b/" + name + "\n";
  // a/b line counts before each op, for hunk headers.
  std::vector<int> a_before(ops.size() + 1, 0), b_before(ops.size() + 1, 0);
  for (size_t i = 0; i < ops.size(); ++i) {
    a_before[i + 1] = a_before[i] + (ops[i].kind != '+');
    b_before[i + 1] = b_before[i] + (ops[i].kind != '-');
  }
  size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i].kind == ' ') ++i;
    if (i == ops.size()) break;
    size_t begin = i >= kContext ? i - kContext : 0;
    // Extend over changes closer than two contexts apart.
    size_t end = i;
    while (true) {
      while (end < ops.size() && ops[end].kind != ' ') ++end;
      size_t next = end;
      while (next < ops.size() && ops[next].kind == ' ') ++next;
      if (next < ops.size() && next - end <= 2 * kContext) {
        end = next;
        continue;
      }
      end = std::min(ops.size(), end + kContext);
      break;
    }
    int a_count = a_before[end] - a_before[begin], b_count = b_before[end] - b_before[begin];
    out += "@@ -" + HunkRange(a_before[begin], a_count) + " +" +
           HunkRange(b_before[begin], b_count) + " @@\n";
    for (size_t k = begin; k < end; ++k) {
      std::string_view line = ops[k].kind == '+' ? b[ops[k].b] : a[ops[k].a];
      out += ops[k].kind;
      out += line;
      if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
    }
    i = end;
  }
  return out;
}

}  // namespace fulint
