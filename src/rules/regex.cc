#include "rules/regex.h"

#include <boost/regex/icu.hpp>

namespace fulint {

struct Regex::Impl {
  boost::u32regex re;
};

Regex::Regex() = default;
Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::Compile(const std::string& pattern, bool ignore_case, std::string* error,
                    int* error_at) {
  try {
    boost::regex_constants::syntax_option_type flags = boost::regex_constants::perl;
    if (ignore_case) flags = flags | boost::regex_constants::icase;
    auto impl = std::make_unique<Impl>();
    impl->re = boost::make_u32regex(pattern.data(), pattern.data() + pattern.size(), flags);
    impl_ = std::move(impl);
    return true;
  } catch (const boost::regex_error& e) {
    *error = e.what();
    *error_at = static_cast<int>(e.position());
    return false;
  } catch (const std::exception& e) {
    *error = e.what();
    *error_at = 0;
    return false;
  }
}

bool Regex::ForEach(std::string_view text, Range within,
                    const std::function<void(Range, const std::vector<Range>&)>& on_match,
                    std::string* error) const {
  if (!impl_) return true;
  const char* base = text.data();
  const char* first = base + within.begin;
  const char* last = base + within.end;
  boost::match_flag_type flags = boost::match_not_dot_newline;
  try {
    boost::u32regex_iterator<const char*> it(first, last, impl_->re, flags), end;
    std::vector<Range> groups;
    for (; it != end; ++it) {
      const auto& m = *it;
      Range whole{static_cast<uint32_t>(m[0].first - base), static_cast<uint32_t>(m[0].second - base)};
      groups.clear();
      for (size_t g = 1; g < m.size(); ++g) {
        if (m[g].matched)
          groups.push_back({static_cast<uint32_t>(m[g].first - base),
                            static_cast<uint32_t>(m[g].second - base)});
        else
          groups.push_back({0, 0});
      }
      on_match(whole, groups);
    }
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
  return true;
}

bool Regex::Search(std::string_view text, Range within) const {
  if (!impl_) return false;
  bool found = false;
  try {
    boost::match_results<const char*> m;
    boost::match_flag_type flags = boost::match_not_dot_newline | boost::match_any;
    found = boost::u32regex_search(text.data() + within.begin, text.data() + within.end, m,
                                   impl_->re, flags);
  } catch (const std::exception&) {
    return false;
  }
  return found;
}

}  // namespace fulint
