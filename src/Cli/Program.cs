using Orleans.Render.Cli;
using Spectre.Console;

var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return await OrenderApp.RunAsync(args, AnsiConsole.Console, errors);
