using System.CommandLine;
using Orleans.Render.Cli.Commands;
using Spectre.Console;

namespace Orleans.Render.Cli;

/// <summary>The <c>orender</c> command line: parses, runs one command and answers its exit code (<see cref="ExitCodes"/>).</summary>
public static class OrenderApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole output, IAnsiConsole errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var runner = new CommandRunner(output, errors);
        var root = new RootCommand("orender: projects, movies, assets, validation, renders and batches on an Orleans.Render API")
        {
            ProjectCommands.Create(runner),
            MovieCommands.Create(runner),
            AssetCommands.Create(runner),
            ValidateCommand.Create(runner),
            RenderCommand.Create(runner),
            BatchCommand.Create(runner),
        };
        runner.AddTo(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors.DistinctBy(e => e.Message))
            {
                errors.MarkupLineInterpolated($"[red]usage[/]: {error.Message}");
            }

            errors.WriteLine("Run orender --help for the commands and their options.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output.Profile.Out.Writer, Error = errors.Profile.Out.Writer }, cancellationToken);
    }
}
