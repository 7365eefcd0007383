#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "base/build_id.h"
#include "base/cpus.h"
#include "base/exit_cleanup.h"
#include "cli/debug_command.h"
#include "cli/explain.h"
#include "cli/git.h"
#include "cli/hook_command.h"
#include "cli/lint_file.h"
#include "base/ordered_parallel.h"
#include "cli/read_ahead.h"
#include "cli/rule_cache.h"
#include "rules/automaton_cache.h"
#include "rules/regex_facts_cache.h"
#include "fix/atomic_write.h"
#include "fix/fix.h"
#include "fix/unified_diff.h"
#include "cli/rules_dir.h"
#include "lsp/server.h"
#include "report/position.h"
#include "source/source.h"
#include "spelling/dictionary.h"
#include "spelling/word_cache.h"

namespace fulint {
namespace {

constexpr int kExitClean = 0, kExitFindings = 1, kExitError = 2;

constexpr const char* kExamples = R"(
Examples:
  fulint draft.txt                  lint one draft
  fulint drafts/                    lint every .txt, .md and .eml under drafts/
  fulint --fail-on warning notes/   exit 1 on warnings too (for CI and hooks)
  cat draft.md | fulint --stdin-filename draft.md -
  fulint --rules my-styles/ --list-rules
  fulint --explain FollowUp.Subject why a rule exists, with a bad and a good example
  fulint hook install               lint staged drafts before each git commit
  fulint debug structure draft.md   show the salutation, paragraphs, sign-off... found

Exit status: 0 no findings at or above --fail-on, 1 findings at or above it,
2 usage, configuration or I/O error.)";

struct Options {
  std::vector<std::string> paths;
  std::string rules_dir;
  std::string min_level = "suggestion";
  std::string fail_on = "error";
  std::string format = "text";
  std::string stdin_filename = "stdin.txt";
  std::string config, explain;
  std::string position_encoding = "utf-16", link_base;
  std::vector<std::string> globs, excludes;
  bool no_color = false, force_color = false, list_rules = false, version = false;
  bool quiet = false, staged = false, fix = false, dry_run = false;
  unsigned jobs = 0;  // 0: one per core
};

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void PrintSummary(size_t errors, size_t warnings, size_t suggestions, size_t files,
                  size_t failed) {
  std::string parts;
  auto add = [&](size_t n, const char* word) {
    if (n == 0) return;
    if (!parts.empty()) parts += ", ";
    parts += Plural(n, word);
  };
  add(errors, "error");
  add(warnings, "warning");
  add(suggestions, "suggestion");
  if (parts.empty()) parts = "no problems";
  std::string tail = failed ? " (" + Plural(failed, "file") + " could not be linted)" : "";
  std::fprintf(stderr, "%s in %s%s\n", parts.c_str(), Plural(files, "file").c_str(),
               tail.c_str());
}

// One thing to lint: a path to read, or bytes already read (a staged blob).
struct Input {
  std::string path;
  bool loaded = false;
  std::string bytes;
  bool regular = false;  // known to be a regular file (read_file.h: one system call fewer)
};

// The staged drafts of the repository around the current folder, named relative to its root
// (the current folder becomes the root, as for git hooks). `limit`: only these paths.
bool CollectStaged(const FileFilter& filter, const std::vector<std::string>& limit,
                   std::vector<Input>* out, std::vector<std::string>* errors) {
  std::string top = GitTopLevel();
  if (top.empty()) {
    errors->push_back("--staged: not inside a git repository");
    return false;
  }
  std::error_code ec;
  std::vector<std::string> prefixes;
  for (const auto& l : limit)
    prefixes.push_back(std::filesystem::relative(std::filesystem::absolute(l, ec), top, ec)
                           .lexically_normal()
                           .generic_string());
  std::filesystem::current_path(top, ec);
  std::vector<StagedFile> staged;
  std::string error;
  if (!ReadStagedFiles(top, [&](const std::string& p) { return MatchesFilter(filter, p); },
                       &staged, &error)) {
    errors->push_back(error);
    return false;
  }
  for (auto& f : staged) {
    bool wanted = prefixes.empty();
    for (const auto& pre : prefixes)
      wanted |= pre == "." || f.path == pre || f.path.rfind(pre + "/", 0) == 0;
    if (wanted) out->push_back({f.path, true, std::move(f.bytes)});
  }
  return true;
}

// file:// URI of the folder holding the rules folder, when it has the rule docs (a source
// tree); relative rule links such as docs/rules/Subject.md resolve against it.
std::string DefaultLinkBase(const std::string& rules_dir) {
  std::error_code ec;
  std::filesystem::path root = std::filesystem::weakly_canonical(rules_dir, ec).parent_path();
  if (ec || !std::filesystem::is_directory(root / "docs" / "rules", ec)) return "";
  return FileUri(root.string()) + "/";
}

int ListRules(const RuleSet& rules) {
  for (const auto& r : rules.rules)
    std::printf("%-28s %-10s %-12s %s\n", r->id.c_str(), SeverityName(r->level),
                r->extends.c_str(), r->description.c_str());
  return kExitClean;
}

}  // namespace

int RunCli(int argc, char** argv) {
  Options o;
  CLI::App app{"fulint: a linter for the follow-up notes medical students send after residency "
               "interviews.\nReads plain e-mail text (.txt), Markdown with YAML front matter "
               "(.md) and e-mail files (.eml)."};
  app.footer(kExamples);
  app.add_option("paths", o.paths, "Files or folders to lint; '-' reads standard input");
  app.add_option("--rules", o.rules_dir, "Folder of styles (<Style>/<Rule>.yml); default: the "
                                         "built-in rules");
  app.add_option("--min-level", o.min_level, "Report only findings at or above this level")
      ->check(CLI::IsMember({"suggestion", "warning", "error"}))
      ->capture_default_str();
  app.add_option("--fail-on", o.fail_on, "Exit 1 when a finding reaches this level")
      ->check(CLI::IsMember({"suggestion", "warning", "error"}))
      ->capture_default_str();
  app.add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember(PrinterNames()))
      ->capture_default_str();
  app.add_option("--position-encoding", o.position_encoding,
                 "Unit of character offsets in --format lsp")
      ->check(CLI::IsMember({"utf-8", "utf-16", "utf-32"}))
      ->capture_default_str();
  app.add_option("--link-base", o.link_base,
                 "Absolute URI that relative rule links (docs/rules/X.md) are resolved against "
                 "in json, lsp and sarif output (default: the rules' source tree, as file://)");
  app.add_option("--stdin-filename", o.stdin_filename,
                 "Name (and so format: .txt, .md, .eml) for text read from '-'")
      ->capture_default_str();
  app.add_option("--glob", o.globs,
                 "File-name patterns to lint inside folders (repeatable; default *.txt *.md "
                 "*.markdown *.eml)")
      ->allow_extra_args(false);
  app.add_option("--exclude", o.excludes, "Skip paths or names matching this pattern (repeatable)")
      ->allow_extra_args(false);
  app.add_option("-j,--jobs", o.jobs,
                 "Files linted at once (default: one per processor core this process may use); "
                 "output order is the same either way")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--no-color", o.no_color, "No colour (also when NO_COLOR is set)");
  app.add_flag("--color", o.force_color, "Colour even when not on a terminal");
  app.add_flag("-q,--quiet", o.quiet, "No summary line");
  CLI::Option* fix_opt = app.add_flag(
      "--fix", o.fix,
      "Apply safe fixes (repeated words, double spaces), then report what is left; each file is "
      "replaced atomically (if one write fails, files already written stay written)");
  app.add_flag("--dry-run", o.dry_run, "With --fix: print the changes as a unified diff; write nothing")
      ->needs(fix_opt);
  app.add_flag("--staged", o.staged,
               "Lint the staged version of each staged draft (for git pre-commit hooks); PATHs, "
               "if given, limit it to those files or folders");
  app.add_option("--config", o.config,
                 "Use this config file for every input instead of the nearest .fulint.yaml");
  app.add_flag("--list-rules", o.list_rules, "List the loaded rules and exit");
  app.add_option("--explain", o.explain,
                 "Explain a rule (e.g. FollowUp.Subject): why it exists, with examples");
  app.add_flag("--version", o.version, "Print the version and exit");
  std::string debug_stage, debug_file;
  CLI::App* debug = app.add_subcommand("debug", "Print one pipeline stage's view of a file");
  debug->add_option("stage", debug_stage, "decode | structure | segment | timings")
      ->required()
      ->check(CLI::IsMember({"decode", "segment", "structure", "timings"}));
  debug->add_option("file", debug_file, "The draft (for timings, also a folder of drafts)")->required();
  std::string hook_action;
  bool hook_force = false;
  CLI::App* hook = app.add_subcommand("hook", "Install or remove a git pre-commit hook that "
                                              "runs 'fulint --staged'");
  hook->add_option("action", hook_action, "install | uninstall")
      ->required()
      ->check(CLI::IsMember({"install", "uninstall"}));
  hook->add_flag("--force", hook_force, "Replace a pre-commit hook that is not fulint's");
  CLI::App* lsp = app.add_subcommand(
      "lsp", "Run the language server (LSP over standard input and output) for editors");
  std::string cache_out;
  std::vector<std::string> cache_names = {"en_US", "en_med_glut"};
  CLI::App* cache = app.add_subcommand(
      "compile-dictionaries",
      "Compile Hunspell dictionaries into memory-mapped word caches (done at build time)");
  cache->add_option("--out", cache_out, "Folder for the caches (default: the user cache folder)");
  cache->add_option("names", cache_names, "Hunspell dictionary names")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }
  if (*debug) return RunDebug(debug_stage, debug_file);
  if (*hook) return RunHookCommand(hook_action, hook_force);
  if (*lsp)
    return RunLanguageServer(std::cin, std::cout,
                             o.rules_dir.empty() ? DefaultRulesDir() : o.rules_dir);
  if (*cache) {
    std::string error, out = cache_out.empty() ? WordCacheDir() : cache_out;
    if (!CompileWordCaches(cache_names, out, &error)) {
      std::fprintf(stderr, "fulint: %s\n", error.c_str());
      return kExitError;
    }
    std::printf("compiled %zu word caches into %s\n", cache_names.size(), out.c_str());
    return kExitClean;
  }
  if (o.version) {
    std::printf("fulint %s\n", FULINT_VERSION);
    return kExitClean;
  }

  if (o.rules_dir.empty()) o.rules_dir = DefaultRulesDir();
  // Kept until the process ends: freeing every rule's automata and regexes on the way out
  // cost about half a millisecond of a one-draft run, for nothing. A static pointer keeps it
  // reachable, so LeakSanitizer does not count it as a leak.
  static RuleCache* kept_rule_cache = nullptr;
  delete kept_rule_cache;
  kept_rule_cache = new RuleCache(o.rules_dir, o.config);
  RuleCache& rule_cache = *kept_rule_cache;
  // What earlier runs read off the rules' patterns (regex_facts_cache.h); saved after linting.
  RegexFactsCache regex_facts(RegexFactsCache::DefaultFile(), ProgramBuildId());
  InstalledRegexFactsCache install_regex_facts(&regex_facts);
  // The phrase lists' and the regexes' literals' automata of earlier runs (automaton_cache.h).
  AutomatonCache automata(AutomatonCache::DefaultDir(), ProgramBuildId());
  InstalledAutomatonCache install_automata(&automata);
  if (o.list_rules || !o.explain.empty()) {
    const RuleSet* rules = rule_cache.ForFile(".");
    if (!rules) return kExitError;
    return o.list_rules ? ListRules(*rules) : ExplainRule(*rules, o.explain);
  }
  if (o.fix && o.staged) {
    std::fprintf(stderr, "fulint: --fix cannot be used with --staged (the index and the working "
                         "tree would disagree)\n");
    return kExitError;
  }
  if (o.fix && !o.dry_run &&
      std::find(o.paths.begin(), o.paths.end(), "-") != o.paths.end()) {
    std::fprintf(stderr, "fulint: --fix needs files to write back to; use --dry-run for stdin\n");
    return kExitError;
  }
  if (o.paths.empty() && !o.staged) {
    std::fprintf(stderr, "fulint: no files given (try 'fulint --help')\n");
    return kExitError;
  }

  LintOptions lint_options;
  ParseSeverity(o.min_level, &lint_options.min_level);
  Severity fail_on = Severity::kError;
  ParseSeverity(o.fail_on, &fail_on);

  FileFilter filter;
  if (!o.globs.empty()) filter.globs = o.globs;
  filter.excludes = o.excludes;
  std::vector<std::string> io_errors;
  std::vector<Input> inputs;
  if (o.staged) {
    if (!CollectStaged(filter, o.paths, &inputs, &io_errors)) {
      for (const auto& e : io_errors) std::fprintf(stderr, "fulint: %s\n", e.c_str());
      return kExitError;
    }
  } else {
    std::vector<char> regular;
    std::vector<std::string> paths = CollectFiles(o.paths, filter, &io_errors, &regular);
    for (size_t i = 0; i < paths.size(); ++i)
      inputs.push_back({std::move(paths[i]), false, "", regular[i] != 0});
  }
  bool had_error = !io_errors.empty();
  for (const auto& e : io_errors) std::fprintf(stderr, "fulint: %s\n", e.c_str());

  PrintOptions print_options;
  print_options.color = o.force_color ||
                        (!o.no_color && !std::getenv("NO_COLOR") && isatty(fileno(stdout)));
  ParsePositionEncoding(o.position_encoding, &print_options.position_encoding);
  print_options.tool_version = FULINT_VERSION;
  print_options.link_base = o.link_base.empty() ? DefaultLinkBase(o.rules_dir) : o.link_base;
  std::unique_ptr<Printer> printer;
  // The main thread's segmenter, for --fix's extra passes; made only when needed (ICU's break
  // iterators take about a millisecond to set up).
  std::unique_ptr<Segmenter> main_segmenter;
  auto segmenter = [&]() -> Segmenter& {
    if (!main_segmenter) main_segmenter = std::make_unique<Segmenter>();
    return *main_segmenter;
  };
  size_t counts[3] = {0, 0, 0};
  bool failing = false;
  size_t linted = 0, failed = io_errors.size();
  // --fix: what each changed file becomes, and the lint results to report after writing.
  struct FixPlan {
    std::string path, old_bytes, new_bytes;
    int applied = 0;
    size_t report_index = 0;
  };
  std::vector<FixPlan> fix_plans;
  std::vector<LintedFile> pending;
  std::vector<const RuleSet*> input_rules;
  // Loads the rules and makes the printer: on the main thread (the rule cache is not shared),
  // before anything is linted, while the other workers read the first files (read_ahead.h).
  auto load_rules = [&] {
    const RuleSet* first = rule_cache.ForFile(inputs.empty() ? "." : inputs.front().path);
    for (const Input& input : inputs)
      input_rules.push_back(
          rule_cache.ForFile(input.path == "-" && !input.loaded ? o.stdin_filename : input.path,
                             /*known_file=*/true));
    // Rule metadata for SARIF's tool.driver.rules: every rule the inputs use (folders with
    // their own config may load other rules), and fulint's own two.
    std::vector<const RuleSet*> rule_sets = {first};
    for (const RuleSet* rules : input_rules)
      if (std::find(rule_sets.begin(), rule_sets.end(), rules) == rule_sets.end())
        rule_sets.push_back(rules);
    for (const RuleSet* rules : rule_sets)
      if (rules)
        for (const auto& r : rules->rules)
          print_options.rules.push_back({r->id, r->description, r->link, r->level});
    print_options.rules.push_back(
        {kParseProblemRuleId,
         "Part of the draft could not be read as its format says (an e-mail part, its "
         "encoding, the front matter); the rest was linted as well as it could be.",
         "", Severity::kWarning});
    print_options.rules.push_back(
        {kRuleStoppedRuleId,
         "A rule stopped early on this draft (a pattern hit its match limit); its other "
         "findings are reported but may be incomplete.",
         "", Severity::kWarning});
    printer = MakePrinter(o.format, print_options);
  };
  // What a worker hands back for one input; everything printed happens in input order, one
  // file at a time (`consume` below runs on one worker at a time, ordered_parallel.h), so the
  // output is the same with one job or many. `segmenter()` is used only there.
  struct Outcome {
    std::string name, read_error;
    bool read_ok = true;
    std::optional<size_t> binary_at;  // offset of a NUL byte: not a draft, skipped
    LintedFile linted;
    // The printer's output, made on the worker.
    std::optional<std::string> rendered;
  };
  unsigned jobs = o.jobs > 0 ? o.jobs : UsableCpus();
  // Cores the files leave idle go to the rules of each long file (engine.h).
  lint_options.threads = std::max<unsigned>(1, jobs / std::max<size_t>(1, inputs.size()));
  std::vector<std::unique_ptr<Segmenter>> segmenters(jobs);  // one per worker, made on first use
  constexpr size_t kRenderOnWorkerBelow = 1 << 20;
  ReadAhead read_ahead([&] {
    std::vector<ReadAhead::File> files;
    if (jobs > 1)
      for (size_t i = 0; i < std::min(inputs.size(), ReadAhead::kMaxFiles); ++i) {
        const Input& input = inputs[i];
        bool on_disk = !input.loaded && input.path != "-";
        files.push_back({on_disk ? input.path : std::string(), input.regular});
      }
    return files;
  }());
  // Worker 0 (this thread) loads the rules while the others read ahead; they lint only once
  // the rules are loaded.
  std::mutex rules_mutex;
  std::condition_variable rules_loaded_cv;
  bool rules_loaded = false;
  auto before_linting = [&](unsigned worker) {
    if (worker == 0) {
      load_rules();
      read_ahead.Stop();
      std::lock_guard<std::mutex> lock(rules_mutex);
      rules_loaded = true;
      rules_loaded_cv.notify_all();
      return;
    }
    read_ahead.Run();
    std::unique_lock<std::mutex> lock(rules_mutex);
    rules_loaded_cv.wait(lock, [&] { return rules_loaded; });
  };
  auto produce = [&](size_t i, unsigned worker) {
    Input& input = inputs[i];
    Outcome out;
    bool is_stdin = input.path == "-" && !input.loaded;
    std::string bytes;
    if (input.loaded) bytes = std::move(input.bytes);
    else if (is_stdin) out.read_ok = ReadStdinBytes(&bytes, &out.read_error);
    else if (!read_ahead.Take(i, &bytes, &out.read_ok, &out.read_error))
      out.read_ok = ReadFileBytes(input.path, &bytes, &out.read_error, input.regular);
    out.name = is_stdin ? o.stdin_filename : input.path;
    if (!out.read_ok) return out;
    if ((out.binary_at = BinaryByteOffset(bytes))) return out;
    if (!input_rules[i]) return out;
    if (!segmenters[worker]) segmenters[worker] = std::make_unique<Segmenter>();
    out.linted = LintBytes(out.name, std::move(bytes), *input_rules[i], *segmenters[worker],
                           lint_options);
    // Formatting (source lines, carets, columns) is most of printing: done here, in parallel,
    // when the printer allows it; the main thread then only writes the bytes in order.
    // Not for a long file: its output (tens of megabytes) would sit in memory, and a single
    // file gains nothing from it.
    if (!o.fix && printer->PerFile() && out.linted.result.error.empty() &&
        out.linted.doc && out.linted.doc->raw.size() < kRenderOnWorkerBelow) {
      std::string text;
      if (printer->Render(out.linted.result, &text)) out.rendered = std::move(text);
    }
    return out;
  };
  auto consume = [&](size_t i, Outcome&& outcome) {
    const std::string& name = outcome.name;
    if (!outcome.read_ok) {
      std::fprintf(stderr, "fulint: %s: %s\n", name.c_str(), outcome.read_error.c_str());
      printer->File(FileResult{name, nullptr, {}, outcome.read_error}, stdout);  // machine formats list it
      had_error = true;
      ++failed;
      return;
    }
    if (outcome.binary_at) {  // not a draft: skipped, not an error
      std::fprintf(stderr, "fulint: %s: skipped: binary file (NUL byte at offset %zu)\n",
                   name.c_str(), *outcome.binary_at);
      return;
    }
    const RuleSet* rules = input_rules[i];
    if (!rules) {
      had_error = true;
      ++failed;
      return;
    }
    LintedFile& linted_file = outcome.linted;
    const FileResult& result = linted_file.result;
    if (!result.error.empty()) {
      LineIndex index(*result.doc);
      Position pos = index.Locate(result.error_raw_offset);
      std::fprintf(stderr, "%s:%u:%u: error: %s\n", name.c_str(), pos.line, pos.column,
                   result.error.c_str());
      printer->File(result, stdout);
      had_error = true;
      ++failed;
      return;
    }
    ++linted;
    if (o.fix) {
      // Plan the fixes now; files are written only after every file has been linted. The
      // first pass is over the bytes the worker has just linted: its findings serve (linting
      // them again here, on one thread, made --fix over 10,000 drafts with nothing to fix
      // take 0.65-1.02 s instead of 0.33-0.41).
      bool first_pass = true;
      auto pass = [&](const std::string& b) {
        if (first_pass) {
          first_pass = false;
          return ApplyFixes(linted_file.doc->raw, linted_file.doc->decoded, result.diagnostics,
                            /*safe_only=*/true);
        }
        LintedFile f = LintBytes(name, b, *rules, segmenter(), lint_options);
        if (!f.result.error.empty()) return FixOutcome{b, 0, 0, 0, f.result.error};
        return ApplyFixes(f.doc->raw, f.doc->decoded, f.result.diagnostics, /*safe_only=*/true);
      };
      FixOutcome fx = FixUntilStable(linted_file.doc->raw, pass);
      if (!fx.error.empty()) {
        std::fprintf(stderr, "fulint: %s: cannot fix: %s\n", name.c_str(), fx.error.c_str());
        had_error = true;
      } else if (fx.applied > 0) {
        fix_plans.push_back({name, linted_file.doc->raw, fx.new_bytes, fx.applied});
        if (!o.dry_run) {
          linted_file = LintBytes(name, fx.new_bytes, *rules, segmenter(), lint_options);
          fix_plans.back().report_index = pending.size();
        }
      }
      if (!o.dry_run) pending.push_back(std::move(linted_file));
      return;
    }
    for (const auto& d : result.diagnostics) {
      ++counts[static_cast<int>(d.severity)];
      if (d.severity >= fail_on) failing = true;
    }
    if (outcome.rendered) printer->Emit(*outcome.rendered, stdout);
    else printer->File(result, stdout);
#if !FULINT_EXIT_WITH_CLEANUP
    // The last file's result is left for the process's exit to drop with everything else
    // (main() leaves with _exit): freeing a long file's texts and findings one by one took
    // 3-7 ms of a 10 MB file's run. Deliberately never freed.
    if (i + 1 == inputs.size()) new LintedFile(std::move(linted_file));
#endif
  };
  // Results wait to be printed while an earlier file is still being linted. With room for
  // only four per worker, a worker held up for a quarter of a millisecond (compiling a
  // pattern, building a literal union, preempted) stopped the other one too: 3 runs in 25 over
  // 1,000 drafts waited about 60 times and took 38.5 ms instead of 34.6; with room for 32 per
  // worker none waited (median 33.3 ms, BENCHMARKS.md "Session 13"). Long files are held back
  // by their size instead: past 8 MB of waiting text no new file is started.
  auto weigh = [](const Outcome& out) {
    return (out.linted.doc ? out.linted.doc->raw.size() : 0) +
           (out.rendered ? out.rendered->size() : 0);
  };
  ForEachInOrder<Outcome>(inputs.size(), jobs, InOrderLimits{32 * size_t{jobs}, 8 << 20}, weigh,
                          produce, consume, before_linting);
  regex_facts.Save();
  if (o.fix) {
    size_t fixed_problems = 0, write_failures = 0;
    for (const auto& plan : fix_plans) fixed_problems += static_cast<size_t>(plan.applied);
    if (o.dry_run) {
      for (const auto& plan : fix_plans)
        std::fputs(UnifiedDiff(plan.path, plan.old_bytes, plan.new_bytes).c_str(), stdout);
      std::fflush(stdout);
      std::fprintf(stderr, "would fix %zu problem%s in %zu file%s\n", fixed_problems,
                   fixed_problems == 1 ? "" : "s", fix_plans.size(),
                   fix_plans.size() == 1 ? "" : "s");
      if (had_error) return kExitError;
      return fix_plans.empty() ? kExitClean : kExitFindings;
    }
    // Each file is replaced atomically; when one write fails, files already written stay
    // written and that file's original findings are reported.
    for (auto& plan : fix_plans) {
      std::string err;
      if (!WriteFileAtomically(plan.path, plan.new_bytes, &err, &plan.old_bytes)) {
        std::fprintf(stderr, "fulint: %s: cannot fix: %s\n", plan.path.c_str(), err.c_str());
        had_error = true;
        ++write_failures;
        fixed_problems -= static_cast<size_t>(plan.applied);
        LintedFile& lf = pending[plan.report_index];
        const RuleSet* rules = rule_cache.ForFile(plan.path);
        if (rules) lf = LintBytes(plan.path, plan.old_bytes, *rules, segmenter(), lint_options);
      }
    }
    for (const LintedFile& lf : pending) {
      for (const auto& d : lf.result.diagnostics) {
        ++counts[static_cast<int>(d.severity)];
        if (d.severity >= fail_on) failing = true;
      }
      printer->File(lf.result, stdout);
    }
    std::fprintf(stderr, "fixed %zu problem%s in %zu file%s%s\n", fixed_problems,
                 fixed_problems == 1 ? "" : "s", fix_plans.size() - write_failures,
                 fix_plans.size() - write_failures == 1 ? "" : "s",
                 write_failures ? (" (" + std::to_string(write_failures) +
                                   " could not be written)").c_str()
                                : "");
  }
  printer->Finish(stdout);
  std::fflush(stdout);
  if (!o.quiet)
    PrintSummary(counts[2], counts[1], counts[0], linted, failed);
  if (had_error) return kExitError;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace fulint
