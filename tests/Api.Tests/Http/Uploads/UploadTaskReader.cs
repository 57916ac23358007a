using System.Text.Json;
using Orleans.Render.Api.Http.Uploads;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Models.Uploads;
using Xunit;

namespace Orleans.Render.Api.Tests.Http.Uploads;

/// <summary>Runs <see cref="UploadTasks.Parse"/> on JSON text the way a render request's <c>upload</c> field reaches it.</summary>
internal static class UploadTaskReader
{
    public static readonly Dictionary<string, string> AnyMovie = new() { ["*"] = "greeting" };

    /// <summary>The API's address policy with a local storage emulator and S3 server allow-listed, as a development setup would have it.</summary>
    public static readonly OutboundUrlPolicy Addresses = new(["127.0.0.1:10000", "127.0.0.1:9000"]);

    public static (IReadOnlyList<UploadTask>? Tasks, string? Error) Parse(string upload, IReadOnlyDictionary<string, string>? movies = null, bool requestIsAsync = false)
    {
        var (tasks, error) = Read(upload, movies, requestIsAsync);
        return (tasks, error?.Message);
    }

    public static (IReadOnlyList<UploadTask>? Tasks, UploadTaskError? Error) Read(string upload, IReadOnlyDictionary<string, string>? movies = null, bool requestIsAsync = false)
    {
        using var document = JsonDocument.Parse(upload);
        return UploadTasks.Parse(document.RootElement, movies ?? AnyMovie, requestIsAsync, Addresses);
    }

    /// <summary>The one task of <c>{"extension": …, "destination": …}</c>, asserting it was read.</summary>
    public static UploadTask Task(string destination, string extension = "mp4")
    {
        var (tasks, error) = Parse($$"""{"extension": "{{extension}}", "destination": {{destination}}}""");
        Assert.Null(error);
        return Assert.Single(tasks!);
    }

    /// <summary>The one destination of <paramref name="destination"/>, as the record its type reads into.</summary>
    public static T Destination<T>(string destination, string extension = "mp4") where T : UploadDestination =>
        Assert.IsType<T>(Task(destination, extension).Destination);

    /// <summary>The sentence refusing a task with <paramref name="destination"/>.</summary>
    public static string Error(string destination)
    {
        var (tasks, error) = Parse($$"""{"extension": "mp4", "destination": {{destination}}}""");
        Assert.Null(tasks);
        return Assert.IsType<string>(error);
    }
}
