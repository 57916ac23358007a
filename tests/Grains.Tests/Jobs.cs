using Orleans.Render.Models;

namespace Orleans.Render.Grains.Tests;

internal static class Jobs
{
    /// <summary>A new token for <paramref name="movie"/> (mapped as <c>movie</c> and <c>*</c>) with the logo param pointing at the fixture's image server.</summary>
    public static async Task<IRenderJobGrain> CreateAsync(
        RenderClusterFixture fixture, string movie, int parallel = 1, string pool = "default", TimeSpan? ttl = null,
        Dictionary<string, string>? parameters = null, Dictionary<string, string>? map = null)
    {
        var job = fixture.Grains.GetGrain<IRenderJobGrain>(Guid.NewGuid().ToString("N"));
        var request = new RenderRequest(
            "project", map ?? new() { ["*"] = "movie" }, parameters ?? new() { ["logo"] = fixture.Images.Url("logo.png") }, parallel, pool);
        await job.CreateAsync(request, new Dictionary<string, string> { ["movie"] = movie, ["other"] = movie }, ttl ?? TimeSpan.FromHours(1));
        return job;
    }
}
