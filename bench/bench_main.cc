// Google Benchmark's main, plus the benchmarks registered at run time (one per check type,
// which needs the rules loaded: not safe during static initialisation).
#include <benchmark/benchmark.h>

namespace fulint::bench {
void RegisterCheckBenchmarks();
}

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  fulint::bench::RegisterCheckBenchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
