using Orleans.Render.Api.Access;
using Orleans.Render.Conventions.Access;
using Xunit;

namespace Orleans.Render.Api.Tests.Access;

public sealed class RenderKeyTests
{
    [Fact]
    public void A_render_key_names_its_project_and_id_and_parses_back()
    {
        var id = AccessSecrets.NewId(AccessSecrets.RenderKeyPrefix);
        var secret = AccessSecrets.NewSecret();
        var value = new RenderKey("0123abcd", id, secret).Value;

        Assert.True(RenderKey.TryParse(value, out var key));
        Assert.Equal(("0123abcd", id, secret), (key.Project, key.Id, key.Secret));
        Assert.DoesNotContain(secret, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_name_with_dots_still_parses_from_the_right()
    {
        var id = AccessSecrets.NewId(AccessSecrets.RenderKeyPrefix);
        Assert.True(RenderKey.TryParse($"my.project.{id}.secret", out var key));
        Assert.Equal("my.project", key.Project);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123abcd")]
    [InlineData("0123abcd.RKAAAAAAAAAAAAAAAAAA")]
    [InlineData("0123abcd.MKAAAAAAAAAAAAAAAAAA.secret")]
    [InlineData("0123abcd.RKSHORT.secret")]
    [InlineData("0123abcd.RKAAAAAAAAAAAAAAAAAA.")]
    [InlineData("bad/project.RKAAAAAAAAAAAAAAAAAA.secret")]
    [InlineData(".RKAAAAAAAAAAAAAAAAAA.secret")]
    public void Anything_else_is_not_a_render_key(string? value) => Assert.False(RenderKey.TryParse(value, out _));

    [Fact]
    public void Secrets_are_32_random_bytes_and_only_their_own_hash_matches()
    {
        var secret = AccessSecrets.NewSecret();
        var hash = AccessSecrets.Hash(secret);

        Assert.Equal(43, secret.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        Assert.NotEqual(secret, AccessSecrets.NewSecret());
        Assert.Equal(32, hash.Length);
        Assert.True(AccessSecrets.Matches(secret, hash));
        Assert.False(AccessSecrets.Matches(secret[..^1], hash));
        Assert.False(AccessSecrets.Matches(AccessSecrets.NewSecret(), hash));
        Assert.Matches("^MK[A-Z0-9]{18}$", AccessSecrets.NewId(AccessSecrets.ManagementKeyPrefix));
        Assert.True(AccessSecrets.IsId(AccessSecrets.NewId(AccessSecrets.RenderKeyPrefix), AccessSecrets.RenderKeyPrefix));
        Assert.False(AccessSecrets.IsId("RKaaaaaaaaaaaaaaaaaa", AccessSecrets.RenderKeyPrefix));
        Assert.False(AccessSecrets.IsId("MK" + new string('A', 18), AccessSecrets.RenderKeyPrefix));
    }
}
