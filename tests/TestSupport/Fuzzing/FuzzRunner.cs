using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Orleans.Render.TestSupport.Fuzzing;

/// <summary>
/// Runs <paramref name="check"/> over generated cases, each from its own seed (<see cref="FuzzSettings.Seed"/> and the case
/// number), and fails naming every case that threw something other than what the reader is allowed to throw, or that
/// ran past <see cref="HangLimit"/> (a hang guard, not a speed goal).
/// </summary>
public static class FuzzRunner
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public static void Run<T>(int cases, Func<Random, T> generate, Action<T> check, Func<T, string> describe)
    {
        var failures = new List<string>();
        for (var i = 0; i < cases && failures.Count < 10; i++)
        {
            var input = generate(new Random(unchecked((FuzzSettings.Seed * 1_000_003) + i)));
            var clock = Stopwatch.StartNew();
            try
            {
                check(input);
            }
            catch (Exception ex)
            {
                failures.Add(Invariant($"case {i}: {ex.GetType().Name}: {ex.Message} {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()} for {describe(input)}"));
                continue;
            }

            if (clock.Elapsed > HangLimit)
            {
                failures.Add(Invariant($"case {i}: took {clock.Elapsed.TotalSeconds:0.0} s for {describe(input)}"));
            }
        }

        Assert.True(failures.Count == 0, Invariant($"FUZZ_SEED={FuzzSettings.Seed}:\n") + string.Join("\n", failures));
    }

    /// <summary>The start of an input, for a failure message.</summary>
    public static string Head(byte[] bytes) => Head(Encoding.UTF8.GetString(bytes));

    public static string Head(string text) => text.Length <= 300 ? text : Invariant($"{text[..300]}… ({text.Length} chars)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
