using System.CommandLine;
using Spectre.Console;

namespace Orleans.Render.Cli.Commands;

/// <summary><c>orender asset list | put | get | delete</c>: a project's images, fonts, LUTs, videos and audio.</summary>
public static class AssetCommands
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var project = new Argument<string>("project") { Description = "The project's uid" };
        var name = new Argument<string>("name") { Description = "The asset's name, e.g. logo.png" };

        var list = new Command("list", "List the project's assets") { project };
        runner.SetAction(list, async (context, parse, cancellationToken) =>
        {
            var assets = await context.Client.Assets.ListAsync(parse.GetValue(project)!, cancellationToken);
            context.Write(assets.Assets.Values, console =>
            {
                var table = new Table().AddColumns("Name", "Kind", "Type", "Bytes", "Uploaded");
                foreach (var asset in assets.Assets.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    table.AddRow(Markup.Escape(asset.Name), asset.Kind, Markup.Escape(asset.ContentType), $"{asset.Size}", $"{asset.Uploaded:u}");
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });

        var file = new Argument<FileInfo>("file") { Description = "The file to upload" };
        var assetName = new Option<string?>("--name") { Description = "The asset's name (default: the file's name)" };
        var contentType = new Option<string?>("--content-type") { Description = "Its media type (default: from the name's extension)" };
        var put = new Command("put", "Upload (or replace) an asset") { project, file, assetName, contentType };
        runner.SetAction(put, async (context, parse, cancellationToken) =>
        {
            var source = parse.GetValue(file)!;
            var stream = source.OpenRead();
            await using (stream)
            {
                var facts = await context.Client.Assets.PutAsync(
                    parse.GetValue(project)!, parse.GetValue(assetName) ?? source.Name, stream, parse.GetValue(contentType), cancellationToken);
                context.Write(facts, console => console.MarkupLineInterpolated($"[green]stored[/] {facts.Name} ({facts.Kind}, {facts.Size} bytes)"));
            }

            return ExitCodes.Ok;
        });

        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write it (default: its name)" };
        var get = new Command("get", "Download an asset") { project, name, output };
        runner.SetAction(get, async (context, parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)?.FullName ?? Path.GetFileName(parse.GetValue(name)!);
            var target = File.Create(path);
            await using (target)
            {
                await context.Client.Assets.GetAsync(parse.GetValue(project)!, parse.GetValue(name)!, target, cancellationToken);
            }

            context.Write(new { name = parse.GetValue(name), file = path }, console => console.WriteLine(path));
            return ExitCodes.Ok;
        });

        var delete = new Command("delete", "Delete an asset") { project, name };
        runner.SetAction(delete, async (context, parse, cancellationToken) =>
        {
            await context.Client.Assets.DeleteAsync(parse.GetValue(project)!, parse.GetValue(name)!, cancellationToken);
            context.Write(new { name = parse.GetValue(name), deleted = true }, console => console.MarkupLine("[green]deleted[/]"));
            return ExitCodes.Ok;
        });

        return new Command("asset", "Project assets: list, put, get, delete") { list, put, get, delete };
    }
}
