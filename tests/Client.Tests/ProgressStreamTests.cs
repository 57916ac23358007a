using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Xunit;

namespace Orleans.Render.Client.Tests;

/// <summary>How the client reads an event stream's endings, from canned streams (the real one is in <see cref="RenderClientTests"/>).</summary>
public sealed class ProgressStreamTests
{
    private const string Pending = """{"token":"t","done":0,"total":50,"status":"pending","position":null,"reused":0,"segments":[],"uploads":[]}""";

    private static OrleansRenderClient ClientAnswering(string events) =>
        new(new HttpClient(new CannedHandler(events)), Options.Create(new RenderClientOptions { BaseAddress = new Uri("http://api.test") }));

    private static async Task<List<RenderProgress>> WatchAsync(string events)
    {
        var seen = new List<RenderProgress>();
        await foreach (var progress in ClientAnswering(events).WatchProgressAsync("t"))
        {
            seen.Add(progress);
        }

        return seen;
    }

    [Fact]
    public async Task An_end_after_a_deletion_yields_the_last_progress_with_the_final_status()
    {
        var seen = await WatchAsync($"id: 1\nevent: progress\ndata: {Pending}\n\n: keep-alive\n\nid: 2\nevent: end\ndata: {{\"token\":\"t\",\"status\":\"cancelled\"}}\n\n");

        Assert.Equal([RenderStatus.Pending, RenderStatus.Cancelled], seen.Select(p => p.Status));
        Assert.Equal(50, seen[^1].Total);
    }

    [Fact]
    public async Task An_end_naming_an_error_throws_it_as_an_api_error()
    {
        var error = await Assert.ThrowsAsync<RenderApiException>(() => WatchAsync(
            $"event: progress\ndata: {Pending}\n\nevent: end\ndata: {{\"token\":\"t\",\"status\":\"unknown\",\"error\":\"cluster_unavailable\",\"message\":\"No silo.\"}}\n\n"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "cluster_unavailable", "No silo."), (error.StatusCode, error.Error, error.Message));
    }

    [Fact]
    public async Task A_stream_that_closes_without_an_end_event_is_an_error_not_a_silent_finish()
    {
        var error = await Assert.ThrowsAsync<RenderApiException>(() => WatchAsync($"event: progress\ndata: {Pending}\n\n"));

        Assert.Equal("stream_ended", error.Error);
    }

    [Fact]
    public async Task A_render_key_goes_to_render_calls_as_bearer_and_the_management_key_never_does()
    {
        var handler = new CannedHandler($"event: end\ndata: {{\"token\":\"t\",\"status\":\"done\"}}\n\n");
        var client = new OrleansRenderClient(new HttpClient(handler), Options.Create(new RenderClientOptions
        {
            BaseAddress = new Uri("http://api.test"),
            ManagementKey = "admin:management-secret-0123",
            RenderKey = "rk_project.secret",
        }));

        await foreach (var progress in client.WatchProgressAsync("t"))
        {
            Assert.Equal(RenderStatus.Done, progress.Status);
        }

        Assert.Equal("Bearer rk_project.secret", handler.Authorization);
    }

    private sealed class CannedHandler(string events) : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Assert.Equal("/v2/progress/t/events", request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(events, Encoding.UTF8, "text/event-stream") });
        }
    }
}
