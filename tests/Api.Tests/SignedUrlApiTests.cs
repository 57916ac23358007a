using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Orleans.Render.Api.Access;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>Signed URLs open a private project's outputs to a <c>&lt;video src&gt;</c> or an e-mail link, until they expire.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class SignedUrlApiTests(RenderSystemFixture system)
{
    [Fact]
    public async Task A_signed_url_serves_a_private_output_and_refuses_a_changed_an_expired_or_a_rotated_one()
    {
        var (project, key) = await system.PrivateProjectAsync();
        var token = await system.TokenAsync(project, key);
        var signed = await system.SignAsync(project, $"/v2/render/{token}.jpg?frame=3");

        var still = await system.SendAsync(HttpMethod.Get, signed);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal("image/jpeg", still.Content.Headers.ContentType?.MediaType);
        Assert.Equal("signature_invalid", await (await system.SendAsync(HttpMethod.Get, signed.Replace("frame=3", "frame=4", StringComparison.Ordinal))).AssertErrorAsync(HttpStatusCode.Forbidden));
        Assert.Equal("signature_invalid", await (await system.SendAsync(HttpMethod.Get, signed.Replace(".jpg", ".png", StringComparison.Ordinal))).AssertErrorAsync(HttpStatusCode.Forbidden));

        // Signed as the documented recipe does, with the secret the project hands out, but already past its time.
        var secret = (await system.Management.GetFromJsonAsync<JsonElement>($"/v1/signingsecret/{project}")).GetProperty("secret").GetString()!;
        var expired = UrlSignature.Sign(secret, $"/v2/render/{token}.jpg", DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds());
        Assert.Equal("signature_expired", await (await system.SendAsync(HttpMethod.Get, expired)).AssertErrorAsync(HttpStatusCode.Forbidden));
        var own = UrlSignature.Sign(secret, $"/v2/render/{token}.jpg", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, own)).StatusCode);

        var past = await system.Management.PostAsJsonAsync($"/v1/sign/{project}", new { path = $"/v2/render/{token}.jpg", expires = 1000 });
        Assert.Equal("invalid_expires", await past.AssertErrorAsync(HttpStatusCode.BadRequest));
        var foreign = await system.Management.PostAsJsonAsync($"/v1/sign/{project}", new { path = "https://elsewhere.example/x" });
        Assert.Equal("invalid_path", await foreign.AssertErrorAsync(HttpStatusCode.BadRequest));

        Assert.Equal(HttpStatusCode.OK, (await system.Management.PostAsync($"/v1/signingsecret/{project}/rotate", null)).StatusCode);
        Assert.Equal("signature_invalid", await (await system.SendAsync(HttpMethod.Get, signed)).AssertErrorAsync(HttpStatusCode.Forbidden));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("render")]
    public async Task A_signed_hls_playlist_lists_segments_that_are_signed_too(string mode)
    {
        var (project, key) = await system.PrivateProjectAsync();
        var token = await system.TokenAsync(project, key);
        var signed = await system.SignAsync(project, $"/v2/{mode}/{token}.m3u8");

        var playlist = await system.SendAsync(HttpMethod.Get, signed);
        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);
        var text = await playlist.Content.ReadAsStringAsync();
        var uris = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Append(text.Split('"')[1]) // #EXT-X-MAP:URI="…"
            .ToList();
        Assert.True(uris.Count >= 2, text);

        var playlistUrl = new Uri(system.Http.BaseAddress!, signed);
        foreach (var uri in uris)
        {
            Assert.Contains("signature=", uri, StringComparison.Ordinal);
            var segment = await system.Http.GetAsync(new Uri(playlistUrl, uri));
            Assert.True(segment.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)segment.StatusCode} {await segment.Content.ReadAsStringAsync()}");
            Assert.NotEmpty(await segment.Content.ReadAsByteArrayAsync());
        }

        var unsigned = new Uri(playlistUrl, uris[0].Split('?')[0]);
        await (await system.Http.GetAsync(unsigned)).AssertUnauthorizedAsync();
        var otherToken = await system.TokenAsync(project, key);
        var stolen = new Uri(playlistUrl, uris[0].Replace(token, otherToken, StringComparison.Ordinal));
        Assert.Equal("signature_invalid", await (await system.Http.GetAsync(stolen)).AssertErrorAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_signed_dash_manifest_and_a_signed_v1_direct_playlist_serve_their_segments()
    {
        var (project, key) = await system.PrivateProjectAsync();
        var token = await system.TokenAsync(project, key);
        var mpdPath = await system.SignAsync(project, $"/v2/get/{token}.mpd");
        var mpd = XDocument.Parse(await system.Http.GetStringAsync(mpdPath));
        var template = mpd.Descendants().First(e => e.Name.LocalName == "SegmentTemplate");
        var mpdUrl = new Uri(system.Http.BaseAddress!, mpdPath);
        foreach (var uri in new[] { template.Attribute("initialization")!.Value, template.Attribute("media")!.Value.Replace("$Number$", "0", StringComparison.Ordinal) })
        {
            Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync(new Uri(mpdUrl, uri))).StatusCode);
        }

        // A direct render's params are in the signed query: the same link renders the same thing for anyone.
        var direct = await system.SignAsync(project, $"/v1/get/{project}/clip.m3u8?name=direct");
        var hls = await system.Http.GetAsync(direct);
        Assert.Equal(HttpStatusCode.OK, hls.StatusCode);
        var first = (await hls.Content.ReadAsStringAsync()).Split('\n').First(l => l.Length > 0 && !l.StartsWith('#'));
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync(new Uri(new Uri(system.Http.BaseAddress!, direct), first))).StatusCode);
        Assert.Equal("signature_invalid", await (await system.Http.GetAsync(direct.Replace("name=direct", "name=other", StringComparison.Ordinal))).AssertErrorAsync(HttpStatusCode.Forbidden));
    }
}
