using System.CommandLine;
using Spectre.Console;

namespace Orleans.Render.Cli.Commands;

/// <summary><c>orender project list | create NAME | delete UID</c>.</summary>
public static class ProjectCommands
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var list = new Command("list", "List the projects");
        runner.SetAction(list, async (context, _, cancellationToken) =>
        {
            var projects = await context.Client.Projects.ListAsync(cancellationToken);
            context.Write(projects, console =>
            {
                var table = new Table().AddColumns("Uid", "Name");
                foreach (var project in projects)
                {
                    table.AddRow(Markup.Escape(project.Uid), Markup.Escape(project.Name));
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });

        var name = new Argument<string>("name") { Description = "The project's name" };
        var create = new Command("create", "Create a project and print its uid") { name };
        runner.SetAction(create, async (context, parse, cancellationToken) =>
        {
            var uid = await context.Client.Projects.CreateAsync(parse.GetValue(name)!, cancellationToken);
            context.Write(new { uid, name = parse.GetValue(name) }, console => console.WriteLine(uid));
            return ExitCodes.Ok;
        });

        var project = new Argument<string>("project") { Description = "The project's uid" };
        var delete = new Command("delete", "Delete a project") { project };
        runner.SetAction(delete, async (context, parse, cancellationToken) =>
        {
            await context.Client.Projects.DeleteAsync(parse.GetValue(project)!, cancellationToken);
            context.Write(new { uid = parse.GetValue(project), deleted = true }, console => console.MarkupLine("[green]deleted[/]"));
            return ExitCodes.Ok;
        });

        return new Command("project", "Projects: list, create, delete") { list, create, delete };
    }
}
