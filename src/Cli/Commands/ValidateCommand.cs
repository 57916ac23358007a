using System.CommandLine;
using Spectre.Console;

namespace Orleans.Render.Cli.Commands;

/// <summary><c>orender validate PROJECT MOVIE [-p name=value]…</c>: exits 0 when the movie is valid with these params, 3 when not.</summary>
public static class ValidateCommand
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var project = new Argument<string>("project") { Description = "The project's uid" };
        var movie = new Argument<string>("movie") { Description = "The movie's name" };
        var parameters = RenderCommand.ParamOption();
        var command = new Command("validate", "Check a stored movie with params without rendering (exit 3 when it has errors)") { project, movie, parameters };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var result = await context.Client.Projects.ValidateAsync(
                parse.GetValue(project)!, parse.GetValue(movie)!, Parameters.Parse(parse.GetValue(parameters)), cancellationToken);
            context.Write(result, console =>
            {
                console.MarkupLine(result.Valid ? "[green]valid[/]" : "[red]invalid[/]");
                foreach (var (kind, problems) in new[] { ("[red]error[/]", result.Errors), ("[yellow]warning[/]", result.Warnings) })
                {
                    foreach (var problem in problems)
                    {
                        console.MarkupLine($"{kind} {Markup.Escape(problem.Path)}: {Markup.Escape(problem.Message)}");
                    }
                }
            });
            return result.Valid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}
