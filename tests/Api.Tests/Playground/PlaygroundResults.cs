using System.Text.Json;

namespace Orleans.Render.Api.Tests.Playground;

/// <summary>Where the playground browser goes and what it types: the page, the management key, the choices and the params.</summary>
public sealed record PlaygroundVisit(string Url, string Key, string Project, string Movie, IReadOnlyDictionary<string, string> Params);

/// <summary>A generated form field: the variable, its type (or <c>choice</c>), its inputs' types and a choice's options.</summary>
public sealed record PlaygroundField(string Name, string Type, IReadOnlyList<string> Inputs, IReadOnlyList<string> Options);

/// <summary>One state of the progress bar as the page showed it.</summary>
public sealed record ProgressShown(string Status, double Done, double Total);

/// <summary>The preview once it fired <c>ended</c>; <see cref="Src"/> is the URL it played.</summary>
public sealed record VideoShown(bool Ended, double? Duration, double CurrentTime, int Width, int Height, string Src);

/// <summary>The scrubber's still as loaded in the page.</summary>
public sealed record StillShown(string Src, int Width, int Height);

/// <summary>What the page showed from clicking Render to the end of the video (<see cref="Problems"/>: script errors and failed loads).</summary>
public sealed record PlaygroundRender(
    IReadOnlyList<PlaygroundField> Fields,
    IReadOnlyList<ProgressShown> Progress,
    string Status,
    string ProgressText,
    VideoShown? Video,
    StillShown? Still,
    int ScrubberMax,
    string Curl,
    string JavaScript,
    string Dotnet,
    string Cli,
    IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override string ToString() => JsonSerializer.Serialize(this, Indented);
}

/// <summary>The findings shown under one field.</summary>
public sealed record FieldFindings(string Name, bool Invalid, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>The validation the page showed for what was typed.</summary>
public sealed record PlaygroundValidation(IReadOnlyList<FieldFindings> Fields, string Validity, IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override string ToString() => JsonSerializer.Serialize(this, Indented);
}
