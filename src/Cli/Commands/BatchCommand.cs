using System.CommandLine;
using Orleans.Render.Client;
using Spectre.Console;

namespace Orleans.Render.Cli.Commands;

/// <summary>
/// <c>orender batch PROJECT MOVIE --csv FILE</c>: one render per CSV row (the header names the params), run as a batch
/// with a live table of the tasks; <c>-o DIR</c> downloads every rendered output. Exits 5 when a task did not render.
/// </summary>
public static class BatchCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var project = new Argument<string>("project") { Description = "The project's uid" };
        var movie = new Argument<string>("movie") { Description = "The movie's name" };
        var csv = new Option<FileInfo>("--csv") { Description = "The params: a header row of names, then one row per render", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "The outputs' extension", DefaultValueFactory = _ => "mp4" };
        var window = new Option<int?>("--window") { Description = "How many tasks render at once (the server's default otherwise)" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Download every rendered output into this folder as ROW.FORMAT" };
        var command = new Command("batch", "Render one movie per CSV row as a batch, with a live table") { project, movie, csv, format, window, output };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var rows = CsvParams.Parse(await File.ReadAllTextAsync(parse.GetValue(csv)!.FullName, cancellationToken));
            var extension = parse.GetValue(format)!;
            var batches = context.Client.Batches;
            var batch = await batches.CreateAsync(new BatchOptions(parse.GetValue(project)!, Window: parse.GetValue(window)), cancellationToken);
            await batches.AddTasksAsync(batch.Id, rows.Select(row => new RenderRequest(parse.GetValue(movie)!, row) { Format = extension }), cancellationToken);
            await batches.RunAsync(batch.Id, cancellationToken);

            var (status, results) = context.Json
                ? await WaitAsync(batches, batch.Id, (_, _) => { }, cancellationToken)
                : await WatchAsync(context.Console, batches, batch.Id, rows, cancellationToken);

            var files = new List<string?>();
            foreach (var result in results)
            {
                string? file = null;
                if (parse.GetValue(output) is { } folder && result.Status == BatchState.Completed)
                {
                    folder.Create();
                    file = Path.Combine(folder.FullName, $"{result.Index + 1}.{result.Format}");
                    await context.Client.DownloadToFileAsync(result.Token, result.Format, file, cancellationToken: cancellationToken);
                }

                files.Add(file);
            }

            var allRendered = results.All(r => r.Status == BatchState.Completed);
            context.Write(
                new { id = batch.Id, status = status.Status, total = status.Total, completed = status.Completed, failed = status.Failed, cancelled = status.Cancelled, results = results.Select((r, i) => new { r.Index, r.Token, r.Url, r.Status, r.Error, r.ErrorCode, file = files[i] }) },
                console => console.MarkupLineInterpolated($"batch {batch.Id}: {status.Completed} rendered, {status.Failed} failed, {status.Cancelled} cancelled"));
            return allRendered ? ExitCodes.Ok : ExitCodes.RenderFailed;
        });
        return command;
    }

    /// <summary>Polls the batch until it has ended, calling <paramref name="update"/> with each reading.</summary>
    private static async Task<(BatchStatus Status, IReadOnlyList<BatchTaskResult> Results)> WaitAsync(
        BatchesClient batches, string id, Action<BatchStatus, IReadOnlyList<BatchTaskResult>> update, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await batches.GetAsync(id, cancellationToken);
            var results = await batches.GetResultsAsync(id, cancellationToken: cancellationToken);
            update(status, results);
            if (status.Status is BatchState.Completed or BatchState.Failed or BatchState.Cancelled)
            {
                return (status, results);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<(BatchStatus Status, IReadOnlyList<BatchTaskResult> Results)> WatchAsync(
        IAnsiConsole console, BatchesClient batches, string id, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("#", "Params", "Status", "Token");
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            table.AddRow($"{i + 1}", Markup.Escape(string.Join(", ", row.Select(p => $"{p.Key}={p.Value}"))), "pending", "");
        }

        (BatchStatus, IReadOnlyList<BatchTaskResult>) outcome = default;
        await console.Live(table).StartAsync(async live =>
        {
            outcome = await WaitAsync(batches, id, (status, results) =>
            {
                foreach (var result in results.Where(r => r.Index < rows.Count))
                {
                    table.UpdateCell(result.Index, 2, Paint(result.Status));
                    table.UpdateCell(result.Index, 3, Markup.Escape(result.Token));
                }

                table.Caption($"{status.Done}/{status.Total} ended, {status.Running} running");
                live.Refresh();
            }, cancellationToken);
        });
        return outcome;
    }

    private static string Paint(BatchState state) => state switch
    {
        BatchState.Completed => "[green]completed[/]",
        BatchState.Failed => "[red]failed[/]",
        BatchState.Cancelled => "[yellow]cancelled[/]",
        _ => state.ToString().ToLowerInvariant(),
    };
}
