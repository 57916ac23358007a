using System.CommandLine;
using Spectre.Console;

namespace Orleans.Render.Cli.Commands;

/// <summary><c>orender movie list | put | get | delete | variables</c>: a project's movies, JSON or impossible.io XML.</summary>
public static class MovieCommands
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var project = new Argument<string>("project") { Description = "The project's uid" };
        var movie = new Argument<string>("movie") { Description = "The movie's name" };

        var list = new Command("list", "List the project's movies") { project };
        runner.SetAction(list, async (context, parse, cancellationToken) =>
        {
            var movies = await context.Client.Projects.ListMoviesAsync(parse.GetValue(project)!, cancellationToken);
            context.Write(movies, console =>
            {
                foreach (var name in movies)
                {
                    console.WriteLine(name);
                }
            });
            return ExitCodes.Ok;
        });

        var file = new Argument<FileInfo>("file") { Description = "The movie: a JSON file, or an XML template" };
        var put = new Command("put", "Store a movie from a JSON or XML file; a refused movie lists its problems and exits 3") { project, movie, file };
        runner.SetAction(put, async (context, parse, cancellationToken) =>
        {
            var text = await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, cancellationToken);
            await context.Client.Projects.PutMovieAsync(parse.GetValue(project)!, parse.GetValue(movie)!, text, cancellationToken);
            context.Write(new { movie = parse.GetValue(movie), stored = true }, console => console.MarkupLine("[green]stored[/]"));
            return ExitCodes.Ok;
        });

        var get = new Command("get", "Print a movie as stored (JSON)") { project, movie };
        runner.SetAction(get, async (context, parse, cancellationToken) =>
        {
            // The movie is JSON already: printed as it is, with or without --json.
            context.Console.Profile.Out.Writer.WriteLine(await context.Client.Projects.GetMovieAsync(parse.GetValue(project)!, parse.GetValue(movie)!, cancellationToken));
            return ExitCodes.Ok;
        });

        var delete = new Command("delete", "Delete a movie") { project, movie };
        runner.SetAction(delete, async (context, parse, cancellationToken) =>
        {
            await context.Client.Projects.DeleteMovieAsync(parse.GetValue(project)!, parse.GetValue(movie)!, cancellationToken);
            context.Write(new { movie = parse.GetValue(movie), deleted = true }, console => console.MarkupLine("[green]deleted[/]"));
            return ExitCodes.Ok;
        });

        var variables = new Command("variables", "List the variables a movie uses") { project, movie };
        runner.SetAction(variables, async (context, parse, cancellationToken) =>
        {
            var found = await context.Client.Projects.GetVariablesAsync(parse.GetValue(project)!, parse.GetValue(movie)!, cancellationToken);
            context.Write(found, console =>
            {
                var table = new Table().AddColumns("Name", "Type", "Default", "First frame", "Frames");
                foreach (var v in found)
                {
                    table.AddRow(Markup.Escape(v.Name), v.Type, Markup.Escape(v.DefaultValue ?? ""), $"{v.Offset}", $"{v.NumFrames}");
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });

        return new Command("movie", "Movies: list, put (JSON or XML), get, delete, variables") { list, put, get, delete, variables };
    }
}
