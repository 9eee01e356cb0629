using BenchmarkDotNet.Running;

namespace Vouch.Benchmarks;

// Not top-level statements: those would declare a global Program, which the app already has.
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
