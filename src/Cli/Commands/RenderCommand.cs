using System.CommandLine;
using Orleans.Render.Client;
using Spectre.Console;

namespace Orleans.Render.Cli.Commands;

/// <summary>
/// <c>orender render PROJECT MOVIE [-p name=value]… [-o FILE]</c>: queues the render, shows its progress from the
/// event stream (a progress bar, or nothing with <c>--json</c>) and downloads the output.
/// </summary>
public static class RenderCommand
{
    public static Option<string[]> ParamOption() => new("--param", "-p")
    {
        Description = "A param as name=value (repeat for more)",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var project = new Argument<string>("project") { Description = "The project's uid" };
        var movie = new Argument<string>("movie") { Description = "The movie's name" };
        var parameters = ParamOption();
        var format = new Option<string>("--format", "-f") { Description = "The output's extension", DefaultValueFactory = _ => "mp4" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to save the output (default: MOVIE-TOKEN.FORMAT)" };
        var noDownload = new Option<bool>("--no-download") { Description = "Render, but leave the output on the server" };
        var parallel = new Option<int?>("--parallel") { Description = "Segments to split an mp4 or webm into" };
        var routingKey = new Option<string?>("--routing-key") { Description = "The render pool" };
        var command = new Command("render", "Render a movie with a progress bar and download it") { project, movie, parameters, format, output, noDownload, parallel, routingKey };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var request = new RenderRequest(parse.GetValue(movie)!, Parameters.Parse(parse.GetValue(parameters)))
            {
                Format = parse.GetValue(format),
                Parallel = parse.GetValue(parallel),
                RoutingKey = parse.GetValue(routingKey),
                Async = true,
            };
            var rendered = await context.Client.RenderAsync(parse.GetValue(project)!, request, cancellationToken);
            var final = await FollowAsync(context, rendered.Token, cancellationToken);
            string? file = null;
            if (final.Status == RenderStatus.Done && !parse.GetValue(noDownload))
            {
                file = parse.GetValue(output)?.FullName ?? $"{parse.GetValue(movie)}-{rendered.Token[..8]}.{request.Format}";
                await context.Client.DownloadToFileAsync(rendered.Token, request.Format!, file, cancellationToken: cancellationToken);
            }

            var error = final.Status == RenderStatus.Failed ? await FailureOfAsync(context, rendered.Token, request.Format!, cancellationToken) : null;
            var result = new { token = rendered.Token, url = rendered.Url, status = final.Status, frames = final.Total, reused = final.Reused, file, error };
            context.Write(result, console =>
            {
                var colour = final.Status == RenderStatus.Done ? "green" : "red";
                console.MarkupLineInterpolated($"[{colour}]{final.Status.ToString().ToLowerInvariant()}[/] {rendered.Token} {rendered.Url}");
                if (file is not null)
                {
                    console.MarkupLineInterpolated($"saved {file}");
                }

                if (error is not null)
                {
                    console.MarkupLineInterpolated($"[red]{error}[/]");
                }
            });
            return final.Status == RenderStatus.Done ? ExitCodes.Ok : ExitCodes.RenderFailed;
        });
        return command;
    }

    /// <summary>Follows the token's event stream to its end; the progress bar moves with the frames done.</summary>
    private static async Task<RenderProgress> FollowAsync(CliContext context, string token, CancellationToken cancellationToken)
    {
        RenderProgress? last = null;
        if (context.Json)
        {
            await foreach (var progress in context.Client.WatchProgressAsync(token, cancellationToken))
            {
                last = progress;
            }

            return last ?? throw new InvalidOperationException("The progress stream ended without an event.");
        }

        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("pending", maxValue: 1);
                await foreach (var update in context.Client.WatchProgressAsync(token, cancellationToken))
                {
                    last = update;
                    task.MaxValue = Math.Max(1, update.Total);
                    task.Value = update.Done;
                    task.Description = Describe(update);
                }

                if (last?.Status == RenderStatus.Done)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
            });
        return last ?? throw new InvalidOperationException("The progress stream ended without an event.");
    }

    /// <summary>The progress stream says only "failed"; the output's address answers why, in the API's error shape.</summary>
    private static async Task<string?> FailureOfAsync(CliContext context, string token, string format, CancellationToken cancellationToken)
    {
        try
        {
            await context.Client.DownloadAsync(token, format, Stream.Null, cancellationToken: cancellationToken);
            return null;
        }
        catch (RenderApiException ex)
        {
            return $"{ex.Error}: {ex.Message}";
        }
    }

    private static string Describe(RenderProgress progress) => progress switch
    {
        { Status: RenderStatus.Queued, Position: { } position } => $"queued (#{position})",
        { Reused: > 0 } => $"{progress.Status.ToString().ToLowerInvariant()} ({progress.Reused} reused)",
        _ => $"{progress.Status.ToString().ToLowerInvariant()} {progress.Done}/{progress.Total}",
    };
}
