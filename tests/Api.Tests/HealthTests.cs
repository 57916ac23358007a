using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>/health reports storage and silos apart, so an outage is blamed on the part that is down.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class HealthTests(RenderSystemFixture system)
{
    [Fact]
    public async Task While_storage_is_down_health_is_503_storage_unavailable_and_still_counts_the_silo()
    {
        // A second API whose table endpoint goes through a proxy that can refuse every request, as a dead Azurite would.
        var table = system.StorageConnectionString.Split(';').Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..];
        var tableUri = new Uri(table);
        await using var proxy = await FaultyProxy.StartAsync($"http://{tableUri.Authority}");
        var connection = system.StorageConnectionString.Replace(tableUri.Authority, proxy.Endpoint, StringComparison.Ordinal);
        await using var api = await system.StartExtraApiAsync(new Dictionary<string, string> { ["ConnectionStrings__AzureStorage"] = connection });
        await WaitForAsync(api.Http, HttpStatusCode.OK);

        proxy.FailWhenContains = "/";
        proxy.FailCount = int.MaxValue;
        var down = await api.Http.GetAsync("/health");

        Assert.Equal("storage_unavailable", await down.AssertErrorAsync(HttpStatusCode.ServiceUnavailable));
        var body = await down.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("unavailable", body.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(("ok", 1), (body.GetProperty("silos").GetProperty("status").GetString(), body.GetProperty("silos").GetProperty("active").GetInt32()));

        proxy.FailCount = 0;
        var up = await WaitForAsync(api.Http, HttpStatusCode.OK);
        Assert.Equal("ok", up.GetProperty("storage").GetProperty("status").GetString());
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient http, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var response = await http.GetAsync("/health");
                if (response.StatusCode == status || DateTime.UtcNow > deadline)
                {
                    Assert.Equal(status, response.StatusCode);
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(250);
        }
    }
}
