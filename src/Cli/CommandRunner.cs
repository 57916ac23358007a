using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Client;
using Spectre.Console;

namespace Orleans.Render.Cli;

/// <summary>
/// The options every command takes (<c>--url</c>, <c>--key</c>, <c>--render-key</c>, <c>--json</c>) and the one place a command's action
/// gets its client and has its failures turned into a message and an exit code (<see cref="ExitCodes"/>).
/// </summary>
public sealed class CommandRunner(IAnsiConsole output, IAnsiConsole errors)
{
    public Option<string> Url { get; } = new("--url")
    {
        Description = "The API's base address [env: ORENDER_URL]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ORENDER_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:8080",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "The management key as key:secret, for projects, movies, assets and validation [env: ORENDER_KEY]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ORENDER_KEY"),
        Recursive = true,
    };

    public Option<string?> RenderKey { get; } = new("--render-key")
    {
        Description = "A render key of a private project, sent as Authorization: Bearer on render calls [env: ORENDER_RENDER_KEY]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ORENDER_RENDER_KEY"),
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Answer one JSON document on standard output instead of tables and progress bars",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Url);
        root.Options.Add(Key);
        root.Options.Add(RenderKey);
        root.Options.Add(Json);
    }

    /// <summary>Makes <paramref name="action"/> the command's action, with a client for the <c>--url</c> given.</summary>
    public void SetAction(Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = parse.GetValue(Json);
            try
            {
                if (!Uri.TryCreate(parse.GetValue(Url), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    throw new UsageException($"--url '{parse.GetValue(Url)}' is not an http or https address.");
                }

                var services = new ServiceCollection();
                services.AddOrleansRenderClient(o => (o.BaseAddress, o.ManagementKey, o.RenderKey) = (url, parse.GetValue(Key), parse.GetValue(RenderKey)));
                await using var provider = services.BuildServiceProvider();
                return await action(new CliContext(provider.GetRequiredService<OrleansRenderClient>(), output, json), parse, cancellationToken);
            }
            catch (Exception ex) when (ex is RenderApiException or HttpRequestException or OperationCanceledException or UsageException or IOException or InvalidOperationException)
            {
                Report(ex, json);
                return ExitCodes.For(ex);
            }
        });
    }

    private void Report(Exception exception, bool json)
    {
        var (error, message) = exception switch
        {
            RenderApiException api => (api.Error, api.Message),
            HttpRequestException => ("unreachable", $"The API cannot be reached: {exception.Message}"),
            OperationCanceledException => ("interrupted", "Interrupted."),
            UsageException => ("usage", exception.Message),
            _ => ("error", exception.Message),
        };
        var problems = (exception as RenderApiException)?.Problems ?? [];
        if (json)
        {
            output.Profile.Out.Writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error, message, problems }, CliJson.Options));
            return;
        }

        errors.MarkupLineInterpolated($"[red]{error}[/]: {message}");
        foreach (var problem in problems)
        {
            errors.MarkupLineInterpolated($"  [yellow]{problem.Path}[/]: {problem.Message}");
        }
    }
}
