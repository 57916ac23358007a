using Orleans.Render.Conventions.Addresses;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Conventions;

/// <summary>The one rule for URLs called on a caller's behalf, as applied when a request arrives.</summary>
public sealed class OutboundUrlPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1/x")]
    [InlineData("http://127.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://0x7f.0.0.1/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://017700000001/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://LOCALHOST./")]
    [InlineData("http://api.localhost/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("http://metadata/")]
    [InlineData("http://printer.local/")]
    [InlineData("http://router.home.arpa/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://192.168.0.1:8443/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://0/")]
    public void Private_and_local_hosts_are_refused(string url) =>
        Assert.Equal("names a loopback, private, link-local or metadata address", OutboundUrlPolicy.Strict.Refusal(url));

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com:70/_x")]
    [InlineData("ftp://example.com/x")]
    [InlineData("data:text/plain,hi")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//example.com/x")]
    [InlineData("example.com/x")]
    [InlineData("http://")]
    public void Other_schemes_and_relative_urls_are_refused(string url) =>
        Assert.Equal("must be an absolute http or https URL", OutboundUrlPolicy.Strict.Refusal(url));

    [Theory]
    [InlineData("https://example.com/ok?x=1\r\nHost: evil")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/\u0000")]
    public void Control_characters_and_whitespace_are_refused(string url) =>
        Assert.Equal("contains whitespace or control characters", OutboundUrlPolicy.Strict.Refusal(url));

    [Fact]
    public void Credentials_and_overlong_urls_are_refused()
    {
        Assert.Equal("must not carry credentials", OutboundUrlPolicy.Strict.Refusal("https://user:pw@example.com/"));
        Assert.Equal("is longer than 2048 characters", OutboundUrlPolicy.Strict.Refusal("https://example.com/" + new string('a', 2048)));
    }

    [Theory]
    [InlineData("https://example.com/hook?x=1")]
    [InlineData("http://8.8.8.8/x")]
    [InlineData("https://[2606:4700::1111]/")]
    [InlineData("https://cdn.example.co.uk:8443/a%0d%0a")]
    [InlineData("https://xn--bcher-kva.example/")]
    public void Public_urls_pass(string url) =>
        Assert.Null(OutboundUrlPolicy.Strict.Refusal(url));

    [Fact]
    public void Allow_listed_endpoints_pass_and_only_on_their_port()
    {
        var policy = new OutboundUrlPolicy(["127.0.0.1:9000", "[::1]:9001", "minio:9002"]);

        Assert.Null(policy.Refusal("http://127.0.0.1:9000/bucket"));
        Assert.Null(policy.Refusal("http://[::1]:9001/"));
        Assert.Null(policy.Refusal("http://minio:9002/"));
        Assert.NotNull(policy.Refusal("http://127.0.0.1:9001/"));
        Assert.NotNull(policy.Refusal("http://127.0.0.1/"));
        Assert.NotNull(policy.Refusal("http://user:pw@127.0.0.1:9000/"));
    }
}
