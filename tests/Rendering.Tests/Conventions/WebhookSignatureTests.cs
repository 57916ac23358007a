using Orleans.Render.Conventions.Webhooks;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Conventions;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private static readonly DateTimeOffset Signed = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_timestamp_a_dot_and_the_payload()
    {
        // Python: hmac.new(b"whsec_test", b"1700000000./hook?msg=ok", hashlib.sha256).hexdigest()
        Assert.Equal(
            "sha256=9e4cb63c6401e2c15e5934cddfb44f84605c62eb8df60acdcceb90699a22c7ca",
            WebhookSignature.Compute(Secret, 1_700_000_000, "/hook?msg=ok"));
    }

    [Theory]
    [InlineData("1700000000", "/hook?msg=ok", 0, true)]
    [InlineData("1700000000", "/hook?msg=ok", 299, true)]
    [InlineData("1700000000", "/hook?msg=ok", 301, false)]
    [InlineData("1700000000", "/hook?msg=forged", 0, false)]
    [InlineData("1700000001", "/hook?msg=ok", 0, false)]
    [InlineData("+1700000000", "/hook?msg=ok", 0, false)]
    [InlineData("", "/hook?msg=ok", 0, false)]
    public void Verify_needs_the_same_payload_and_timestamp_within_the_tolerance(string timestamp, string payload, int secondsLater, bool valid)
    {
        var signature = WebhookSignature.Compute(Secret, 1_700_000_000, "/hook?msg=ok");

        Assert.Equal(valid, WebhookSignature.Verify(Secret, timestamp, payload, signature, TimeSpan.FromMinutes(5), Signed.AddSeconds(secondsLater)));
    }

    [Fact]
    public void Another_secret_does_not_verify()
    {
        var signature = WebhookSignature.Compute(Secret, 1_700_000_000, "{}");

        Assert.False(WebhookSignature.Verify("whsec_other", "1700000000", "{}", signature, TimeSpan.FromMinutes(5), Signed));
    }
}
