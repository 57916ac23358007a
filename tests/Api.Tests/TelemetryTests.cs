using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Render.Conventions;
using Orleans.Render.Grains;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Grains.Tokens;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// One trace per render: the API and a silo hosted in this process (wired as their Program files wire them: telemetry,
/// activity propagation) on a cluster of their own in the fixture's Azurite, so the in-memory exporter sees every span.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class TelemetryTests(RenderSystemFixture system)
{
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#000080"}, {"duration": 1, "background": "#006400"}]}
        """;

    [Fact]
    public async Task A_render_is_one_trace_from_the_http_request_through_grain_calls_to_each_segment_and_ffmpeg_run()
    {
        var clusterId = $"telemetry-{Guid.NewGuid():N}";
        var spans = new List<Activity>();
        await using var silo = await StartSiloAsync(clusterId);
        await using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:AzureStorage", system.StorageConnectionString)
            .UseSetting("Orleans:ClusterId", clusterId)
            .UseSetting("Management:Keys:0:Key", RenderSystemFixture.Key)
            .UseSetting("Management:Keys:0:Secret", RenderSystemFixture.Secret)
            .UseSetting("Media:Root", system.MediaRoot)
            .UseSetting("Telemetry:Enabled", "true")
            .ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        using var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RenderSystemFixture.Key}:{RenderSystemFixture.Secret}")));

        using var created = JsonDocument.Parse(await (await http.PostAsync("/v1/project/traced", null)).Content.ReadAsStringAsync());
        var project = created.RootElement.GetProperty("Project-UID").GetString();
        using var stored = await http.PutAsync($"/v1/sdl/{project}/two", new StringContent(Movie));
        Assert.True(stored.IsSuccessStatusCode, $"{stored.RequestMessage!.RequestUri} {created.RootElement} {await stored.Content.ReadAsStringAsync()}");
        using var render = await http.PostAsJsonAsync($"/v2/render/{project}", new { movie = "two", parallel = 2 });
        Assert.True(render.IsSuccessStatusCode, await render.Content.ReadAsStringAsync());

        var request = await EventuallyAsync(() => Snapshot(spans).SingleOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /v2/render/{project}"));
        var trace = Snapshot(spans).Where(s => s.TraceId == request.TraceId).ToList();
        var segments = trace.Where(s => s.Source.Name == "Orleans.Render.Rendering" && s.DisplayName == "render segment").ToList();

        Assert.True(segments.Count == 2, $"{segments.Count} segment spans in the request's trace; all spans:\n{Describe(Snapshot(spans))}");
        Assert.Equal(50, segments.Sum(s => (int)s.GetTagItem("render.frames")!));
        Assert.All(segments, segment =>
        {
            Assert.Equal(25.0, segment.GetTagItem("render.fps"));
            Assert.True((double)segment.GetTagItem("render.frames_per_second")! > 0);
            Assert.Contains(trace, s => s.DisplayName == "ffmpeg" && s.ParentSpanId == segment.SpanId);

            // The segment hangs from the HTTP request through grain calls: the job's, a unit's, the renderer's.
            var chain = Ancestors(segment, trace).ToList();
            Assert.Equal(request.SpanId, chain[^1].SpanId);
            var grainCalls = chain.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)).Select(s => s.DisplayName).ToList();
            Assert.Contains(grainCalls, name => name.Contains("RenderJobGrain", StringComparison.Ordinal));
            Assert.Contains(grainCalls, name => name.Contains("SegmentRendererGrain", StringComparison.Ordinal));
        });
    }

    private static string Describe(List<Activity> spans) => string.Join("\n", spans.Select(s =>
        $"{s.TraceId.ToHexString()[..8]} {s.SpanId.ToHexString()[..8]} <- {(s.ParentSpanId == default ? "root" : s.ParentSpanId.ToHexString()[..8])} {s.Source.Name}: {s.DisplayName}"));

    /// <summary>The span's parents in the trace, nearest first.</summary>
    private static IEnumerable<Activity> Ancestors(Activity span, List<Activity> trace)
    {
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    /// <summary>The server span ends after the response is sent, so it may be exported a moment after the client has it.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<T?> find)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return find() ?? throw new TimeoutException("The span was never exported.");
    }

    private async Task<InProcessSilo> StartSiloAsync(string clusterId)
    {
        var work = Directory.CreateTempSubdirectory("telemetry-work-").FullName;
        var storage = system.StorageConnectionString;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Media:Root"] = system.MediaRoot,
            ["Render:Engine:WorkDirectory"] = work,
        });
        builder.Services.AddRenderGrainServices(builder.Configuration);
        builder.Services.AddRenderTokenLedger(new TableServiceClient(storage));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, ClusterDefaults.ServiceId));
            silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage));
            silo.ConfigureEndpoints(IPAddress.Loopback, Ports.Free(), Ports.Free());
            silo.AddAzureBlobGrainStorage(GrainStorage.Name, o => (o.BlobServiceClient, o.ContainerName) = (new BlobServiceClient(storage), $"telemetry-{suffix}"));
            silo.UseAzureTableReminderService(o => (o.TableServiceClient, o.TableName) = (new TableServiceClient(storage), $"telemetry{suffix}"));
            silo.AddRenderPools([ClusterDefaults.Pool]);
            silo.AddActivityPropagation();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, work);
    }

    private sealed class InProcessSilo(IHost host, string work) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }
}
