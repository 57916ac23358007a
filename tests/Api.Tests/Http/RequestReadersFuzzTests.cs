using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.Http.Uploads;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.TestSupport;
using Orleans.Render.TestSupport.Fuzzing;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary>
/// Thousands of hostile variants of the documented request bodies (README, docs/api.md, docs/uploads.md) through the
/// API's readers, in process: the body reader, the render body, the param limits and the upload task readers each
/// answer with a value or an error result, never an exception or a hang.
/// </summary>
public sealed partial class RequestReadersFuzzTests
{
    private static readonly string[] Pools = ["default"];

    [Fact]
    public void Mutated_render_bodies_are_read_or_refused_never_crash()
    {
        var mutator = new JsonMutator(DocumentedBodies());
        FuzzRunner.Run(FuzzSettings.Cases(2000), mutator.Next, Read, FuzzRunner.Head);
    }

    private static void Read(byte[] bytes)
    {
        var (document, error) = JsonBody.Parse(bytes);
        Assert.True(document is null ^ error is null);
        using (document)
        {
            if (document is null)
            {
                return;
            }

            var (body, invalid) = RenderBody.Parse(document.RootElement, 8, Pools, OutboundUrlPolicy.Strict);
            Assert.True(body is null ^ invalid is null);
            if (body is not null)
            {
                ParamLimits.Check(body.Params, new InputLimitsOptions());
            }

            var upload = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("upload", out var field)
                ? field
                : document.RootElement;
            var (tasks, uploadError) = UploadTasks.Parse(upload, new Dictionary<string, string> { ["*"] = "m" }, false, OutboundUrlPolicy.Strict);
            Assert.True(tasks is null ^ uploadError is null);
            uploadError?.ToResult();
        }
    }

    /// <summary>The JSON bodies of the documented curl calls, and each documented destination inside a task.</summary>
    private static List<string> DocumentedBodies()
    {
        var bodies = new List<string>();
        foreach (var file in (string[])["README.md", "docs/api.md", "docs/uploads.md"])
        {
            var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
            bodies.AddRange(CurlBody().Matches(markdown).Select(m => m.Groups[1].Value).Where(IsJson));
            bodies.AddRange(JsonBlock().Matches(markdown).Select(m => m.Groups[1].Value).Where(IsJson)
                .Select(d => d.Contains("\"type\"", StringComparison.Ordinal) ? """{"movie": "m", "upload": {"extension": "mp4", "destination": """ + d + "}}" : d));
        }

        Assert.True(bodies.Count >= 4, $"only {bodies.Count} documented bodies found");
        return bodies;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("-d '(\\{.*?\\})'", RegexOptions.Singleline)]
    private static partial Regex CurlBody();

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
