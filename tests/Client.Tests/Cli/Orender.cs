using Orleans.Render.Api.Tests;
using Orleans.Render.Cli;
using Spectre.Console;

namespace Orleans.Render.Client.Tests.Cli;

/// <summary>Runs <c>orender</c> in-process through its entry point, with standard output and error captured.</summary>
internal static class Orender
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static Task<Run> RunAsync(this RenderSystemFixture system, params string[] args) =>
        RunAsync(["--url", system.Http.BaseAddress!.ToString(), "--key", $"{RenderSystemFixture.Key}:{RenderSystemFixture.Secret}", .. args]);

    public static async Task<Run> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await OrenderApp.RunAsync(args, Console(output), Console(errors));
        return new Run(code, output.ToString(), errors.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
