using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.Conventions.Webhooks;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary>Signed upload callbacks and the project's webhook secret, against the real API and silo.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class WebhookApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("webhooks");
        await system.PutMovieAsync(project, "greeting", Greeting);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_async_upload_posts_a_signed_callback_that_verifies_with_the_secret_the_management_api_gives()
    {
        var name = Guid.NewGuid().ToString("N");
        var upload = $$$"""
            {"extension": "jpg", "async": true, "onsuccess": "{{{system.Targets.Url($"/webhook/{name}")}}}", "callbackmethod": "POST",
             "destination": {"type": "http", "method": "PUT", "url": "{{{system.Targets.Url($"/http/{name}.jpg")}}}"}}
            """;
        var body = $$$"""{"movie": "greeting", "params": {"name": "Alex", "logo": "{{{system.Images.Url("logo.png")}}}"}, "upload": {{{upload}}}}""";

        var created = await (await system.Http.PostJsonAsync($"/v2/render/{project}", body)).Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        var state = await SentAsync(token);

        var call = Assert.Single(system.Targets.Webhooks, w => w.Name == name);
        var secret = (await system.Management.GetFromJsonAsync<JsonElement>($"/v1/webhooksecret/{project}")).GetProperty("secret").GetString()!;
        Assert.True(WebhookSignature.Verify(secret, call.Timestamp, call.Body, call.Signature, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow));
        Assert.Equal(token, JsonDocument.Parse(call.Body).RootElement.GetProperty("token").GetString());
        var delivery = Assert.Single(state.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(("POST", 200, "sent"), (delivery.GetProperty("method").GetString(), delivery.GetProperty("status").GetInt32(), delivery.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task The_webhook_secret_stays_until_rotated_and_needs_a_management_key()
    {
        var first = await SecretAsync(HttpMethod.Get, $"/v1/webhooksecret/{project}");
        var again = await SecretAsync(HttpMethod.Get, $"/v1/webhooksecret/{project}");
        var rotated = await SecretAsync(HttpMethod.Post, $"/v1/webhooksecret/{project}/rotate");

        Assert.Equal(first, again);
        Assert.NotEqual(first, rotated);
        Assert.StartsWith("whsec_", rotated, StringComparison.Ordinal);
        Assert.Equal(rotated, await SecretAsync(HttpMethod.Get, $"/v1/webhooksecret/{project}"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Http.GetAsync($"/v1/webhooksecret/{project}")).StatusCode);
        var unknown = await system.Management.GetAsync($"/v1/webhooksecret/{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("\"put\"")]
    [InlineData("7")]
    public async Task A_callback_method_other_than_get_or_post_is_400(string method)
    {
        var upload = $$$"""
            {"extension": "jpg", "async": true, "onsuccess": "{{{system.Targets.Url("/webhook/x")}}}", "callbackmethod": {{{method}}},
             "destination": {"type": "http", "method": "PUT", "url": "{{{system.Targets.Url("/http/x.jpg")}}}"}}
            """;
        var body = $$$"""{"movie": "greeting", "params": {"name": "Alex"}, "upload": {{{upload}}}}""";

        var response = await system.Http.PostJsonAsync($"/v2/render/{project}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("callbackmethod", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> SecretAsync(HttpMethod method, string path)
    {
        using var response = await system.Management.SendAsync(new HttpRequestMessage(method, path));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    private async Task<JsonElement> SentAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var upload = JsonDocument.Parse(await system.Http.GetStringAsync($"/v2/upload/{token}")).RootElement.GetProperty("uploads")[0];
            if (upload.GetProperty("callback").GetString() == "sent" || DateTime.UtcNow > deadline)
            {
                return upload;
            }

            await Task.Delay(250);
        }
    }
}
