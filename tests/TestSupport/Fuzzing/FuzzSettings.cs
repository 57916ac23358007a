using System.Globalization;

namespace Orleans.Render.TestSupport.Fuzzing;

/// <summary>
/// How much a fuzz test runs: a fixed seed and a few thousand cases in CI; <c>FUZZ_CASES</c> (e.g. 200000) and
/// <c>FUZZ_SEED</c> run a longer or different local session, and a failure message names the seed and case to replay.
/// </summary>
public static class FuzzSettings
{
    public static int Seed { get; } = Read("FUZZ_SEED", 20261130);

    public static int Cases(int ciDefault) => Read("FUZZ_CASES", ciDefault);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
