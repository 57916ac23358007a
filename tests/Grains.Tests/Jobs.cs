using Orleans.Render.Models;

namespace Orleans.Render.Grains.Tests;

internal static class Jobs
{
    /// <summary>Polls the job's segments until <paramref name="ready"/> holds (or a minute passes) and returns the last look.</summary>
    public static async Task<JobSegments> WaitForSegmentsAsync(IRenderJobGrain job, Func<JobSegments, bool> ready)
    {
        JobSegments segments;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(50);
            segments = await job.GetSegmentsAsync();
        }
        while (!ready(segments) && DateTime.UtcNow < deadline);

        return segments;
    }

    /// <summary>All three segments have been placed and are rendering.</summary>
    public static bool AllRendering(JobSegments segments) =>
        segments.Segments.Count == 3 && segments.Segments.All(s => s.Silo is not null && s.Status == OutputStatus.Rendering);

    /// <summary>A new token for <paramref name="movie"/> (mapped as <c>movie</c> and <c>*</c>) with the logo param pointing at the fixture's image server.</summary>
    public static async Task<IRenderJobGrain> CreateAsync(
        RenderClusterFixture fixture, string movie, int parallel = 1, string pool = "default", TimeSpan? ttl = null,
        Dictionary<string, string>? parameters = null, Dictionary<string, string>? map = null, string? token = null)
    {
        var (job, request) = New(fixture, parallel, pool, parameters, map, token);
        await job.CreateAsync(request, Documents(movie), ttl ?? TimeSpan.FromHours(1));
        return job;
    }

    /// <summary>A new token of <paramref name="project"/> whose mp4 is queued at once, as an async render request does.</summary>
    public static async Task<(IRenderJobGrain Job, SubmitResult Result)> SubmitAsync(RenderClusterFixture fixture, string movie, string project)
    {
        var (job, request) = New(fixture, 1, "default", null, null, null);
        var result = await job.SubmitAsync(request with { Project = project }, Documents(movie), TimeSpan.FromHours(1), new OutputRequest("mp4"));
        return (job, result);
    }

    private static (IRenderJobGrain, RenderRequest) New(
        RenderClusterFixture fixture, int parallel, string pool, Dictionary<string, string>? parameters, Dictionary<string, string>? map, string? token) =>
        (fixture.Grains.GetGrain<IRenderJobGrain>(token ?? Guid.NewGuid().ToString("N")),
         new RenderRequest("project", map ?? new() { ["*"] = "movie" }, parameters ?? new() { ["logo"] = fixture.Images.Url("logo.png") }, parallel, pool));

    private static Dictionary<string, string> Documents(string movie) => new() { ["movie"] = movie, ["other"] = movie };
}
