using Orleans.Render.TestSupport;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Render.Rendering.Media;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Media;

public sealed class RemoteMediaFetcherTests(MediaTestServer server) : IClassFixture<MediaTestServer>
{
    private RemoteMediaFetcher AllowingServer(Action<RemoteMediaOptions>? configure = null)
    {
        var options = new RemoteMediaOptions { AllowedEndpoints = [server.Endpoint] };
        configure?.Invoke(options);
        return new RemoteMediaFetcher(options);
    }

    private static async Task<RenderInputException> FetchFails(RemoteMediaFetcher fetcher, string url) =>
        await Assert.ThrowsAsync<RenderInputException>(() => fetcher.FetchAsync(url, CancellationToken.None));

    [Fact]
    public async Task Allowed_endpoint_is_fetched()
    {
        using var fetcher = AllowingServer();

        var bytes = await fetcher.FetchAsync(server.Url("/ok.png"), CancellationToken.None);

        Assert.Equal(server.Png, bytes);
        using var image = TestImages.Load(ImageNormalizer.ToPng(bytes, 8, 8, ImageFit.Cover, 1_000));
        Assert.Equal(8, image.Width);
    }

    [Fact]
    public async Task Same_url_is_refused_as_loopback_without_the_allowance()
    {
        using var fetcher = new RemoteMediaFetcher(new RemoteMediaOptions());

        var ex = await FetchFails(fetcher, server.Url("/ok.png"));

        Assert.Equal("url_refused", ex.Code);
        Assert.Contains("127.0.0.1", ex.Message);
    }

    [Fact]
    public async Task Localhost_name_is_refused_after_resolution()
    {
        using var fetcher = AllowingServer();
        var port = new Uri(server.Url("/")).Port;

        // The allowance names 127.0.0.1, not localhost, so the resolved loopback address must be refused.
        var ex = await FetchFails(fetcher, $"http://localhost:{port}/ok.png");

        Assert.Equal("url_refused", ex.Code);
        Assert.Contains("localhost", ex.Message);
    }

    [Theory]
    [InlineData("http://10.0.0.1/image.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/image.png")]
    [InlineData("http://[::ffff:127.0.0.1]/image.png")]
    [InlineData("https://192.168.0.10/image.png")]
    [InlineData("http://100.64.1.1/image.png")]
    [InlineData("http://0.0.0.0/image.png")]
    public async Task Non_public_addresses_are_refused_before_connecting(string url)
    {
        using var fetcher = new RemoteMediaFetcher(new RemoteMediaOptions { Timeout = TimeSpan.FromSeconds(5) });

        var ex = await FetchFails(fetcher, url);

        Assert.Equal("url_refused", ex.Code);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/image.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("gopher://example.com/")]
    [InlineData("/relative/image.png")]
    [InlineData("")]
    [InlineData("http://user:secret@example.com/image.png")]
    public async Task Unsupported_urls_are_refused(string url)
    {
        using var fetcher = new RemoteMediaFetcher(new RemoteMediaOptions());

        Assert.Equal("url_refused", Assert.Throws<RenderInputException>(() => RemoteMediaFetcher.ParseUrl(url)).Code);
        Assert.Equal("url_refused", (await FetchFails(fetcher, url)).Code);
    }

    [Fact]
    public void Parse_accepts_public_http_and_https()
    {
        Assert.Equal("https://example.com/a.png?x=1", RemoteMediaFetcher.ParseUrl("https://example.com/a.png?x=1").AbsoluteUri);
        Assert.Equal("example.com", RemoteMediaFetcher.ParseUrl("http://example.com:8080/a.png").Host);
    }

    [Fact]
    public async Task Redirects_are_followed()
    {
        using var fetcher = AllowingServer();

        Assert.Equal(server.Png, await fetcher.FetchAsync(server.Url("/redirect-ok"), CancellationToken.None));
    }

    [Fact]
    public async Task Redirect_to_metadata_address_is_refused()
    {
        using var fetcher = AllowingServer();

        var ex = await FetchFails(fetcher, server.Url("/redirect-metadata"));

        Assert.Equal("url_refused", ex.Code);
        Assert.Contains("169.254.169.254", ex.Message);
    }

    [Fact]
    public async Task Redirect_to_file_scheme_is_refused()
    {
        using var fetcher = AllowingServer();

        Assert.Equal("url_refused", (await FetchFails(fetcher, server.Url("/redirect-file"))).Code);
    }

    [Fact]
    public async Task Redirect_count_is_bounded()
    {
        using var fetcher = AllowingServer(o => o.MaxRedirects = 2);

        var ex = await FetchFails(fetcher, server.Url("/redirect-loop"));

        Assert.Equal("fetch_failed", ex.Code);
        Assert.Contains("redirect", ex.Message);
    }

    [Theory]
    [InlineData("/large-declared")]
    [InlineData("/large-chunked")]
    public async Task Bodies_over_the_byte_limit_are_refused(string path)
    {
        using var fetcher = AllowingServer(o => o.MaxBytes = MediaTestServer.LargeBodyBytes / 4);

        Assert.Equal("image_too_large", (await FetchFails(fetcher, server.Url(path))).Code);
    }

    [Fact]
    public async Task Body_exactly_at_the_limit_is_accepted()
    {
        using var fetcher = AllowingServer(o => o.MaxBytes = MediaTestServer.LargeBodyBytes);

        var bytes = await fetcher.FetchAsync(server.Url("/large-chunked"), CancellationToken.None);

        Assert.Equal(MediaTestServer.LargeBodyBytes, bytes.Length);
    }

    [Fact]
    public async Task Slow_server_times_out()
    {
        using var fetcher = AllowingServer(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var ex = await FetchFails(fetcher, server.Url("/slow"));

        Assert.Equal("fetch_failed", ex.Code);
        Assert.Contains("timed out", ex.Message);
    }

    [Fact]
    public async Task Caller_cancellation_propagates()
    {
        using var fetcher = AllowingServer();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(server.Url("/slow"), cts.Token));
    }

    [Fact]
    public async Task Error_status_is_fetch_failed_with_the_code()
    {
        using var fetcher = AllowingServer();

        var ex = await FetchFails(fetcher, server.Url("/missing"));

        Assert.Equal("fetch_failed", ex.Code);
        Assert.Contains("404", ex.Message);
    }

    [Fact]
    public async Task Connection_failure_is_fetch_failed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedEndpoint = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        using var fetcher = new RemoteMediaFetcher(new RemoteMediaOptions { AllowedEndpoints = [closedEndpoint] });

        Assert.Equal("fetch_failed", (await FetchFails(fetcher, $"http://{closedEndpoint}/ok.png")).Code);
    }

    [Fact]
    public async Task Garbage_is_fetched_but_rejected_by_the_normaliser()
    {
        using var fetcher = AllowingServer();
        var bytes = await fetcher.FetchAsync(server.Url("/garbage"), CancellationToken.None);

        var ex = Assert.Throws<RenderInputException>(() => ImageNormalizer.ToPng(bytes, 10, 10, ImageFit.Cover, 1_000_000));

        Assert.Equal("image_invalid", ex.Code);
    }

    [Fact]
    public async Task Requests_carry_only_a_plain_user_agent()
    {
        using var fetcher = AllowingServer();

        var echoed = Encoding.UTF8.GetString(await fetcher.FetchAsync(server.Url("/headers"), CancellationToken.None));

        Assert.Equal("Orleans.Render||", echoed);
    }
}
