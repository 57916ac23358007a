using System.Text.Json;
using Orleans.Render.Client;
using Spectre.Console;

namespace Orleans.Render.Cli;

/// <summary>What a command runs with: the client, the console, and whether to answer JSON (<c>--json</c>) instead of tables.</summary>
public sealed class CliContext(OrleansRenderClient client, IAnsiConsole console, bool json)
{
    public OrleansRenderClient Client => client;

    public IAnsiConsole Console => console;

    public bool Json => json;

    /// <summary>One JSON document on standard output, never through markup (a <c>[</c> in a value is just a character).</summary>
    public void WriteJson(object value) => console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, value.GetType(), CliJson.Options));

    /// <summary>Writes <paramref name="value"/> as JSON with <c>--json</c>, else what <paramref name="human"/> prints.</summary>
    public void Write(object value, Action<IAnsiConsole> human)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (json)
        {
            WriteJson(value);
        }
        else
        {
            human(console);
        }
    }
}

/// <summary>How <c>--json</c> writes: camelCase names, enums as their lower-case names, indented.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
