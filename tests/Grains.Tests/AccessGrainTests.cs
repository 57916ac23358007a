using Orleans.Render.Conventions.Access;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>Management keys and project access keep only hashes, rotate and revoke, and survive being reactivated from storage.</summary>
[Collection(RenderClusterCollection.Name)]
public sealed class AccessGrainTests(RenderClusterFixture fixture)
{
    private IManagementKeysGrain Keys => fixture.Grains.GetGrain<IManagementKeysGrain>(IManagementKeysGrain.Key);

    [Fact]
    public async Task A_management_key_rotates_and_revokes_and_its_hash_and_projects_survive_reactivation()
    {
        var issued = await Keys.CreateAsync("ci");
        await Keys.AddProjectAsync(issued.Id, "p1");
        await Keys.AddProjectAsync(issued.Id, "p2");
        await ReactivateAllAsync();

        var stored = (await Keys.GetAsync(issued.Id))!;
        Assert.True(AccessSecrets.Matches(issued.Secret, stored.SecretHash));
        Assert.Equal(["p1", "p2"], stored.Projects);
        Assert.Equal("ci", stored.Comment);
        Assert.Contains(await Keys.ListAsync(), k => k.Key == issued.Id);

        var rotated = (await Keys.RotateAsync(issued.Id))!;
        await ReactivateAllAsync();
        stored = (await Keys.GetAsync(issued.Id))!;
        Assert.False(AccessSecrets.Matches(issued.Secret, stored.SecretHash));
        Assert.True(AccessSecrets.Matches(rotated.Secret, stored.SecretHash));

        await Keys.RemoveProjectAsync("p1");
        Assert.True(await Keys.RevokeAsync(issued.Id));
        await ReactivateAllAsync();
        stored = (await Keys.GetAsync(issued.Id))!;
        Assert.True(stored.Revoked);
        Assert.Equal(["p2"], stored.Projects);
        Assert.Null(await Keys.RotateAsync(issued.Id));
        Assert.False(await Keys.RevokeAsync("MKNOSUCHKEY000000000"));
        Assert.Null(await Keys.GetAsync("MKNOSUCHKEY000000000"));
    }

    [Fact]
    public async Task A_private_projects_render_keys_rotate_and_revoke_and_survive_reactivation()
    {
        var project = fixture.Grains.GetGrain<IProjectAccessGrain>(Guid.NewGuid().ToString("N"));
        Assert.False((await project.GetAsync()).Private);

        var access = await project.SetPrivateAsync(true);
        var first = await project.CreateKeyAsync("web");
        var second = await project.CreateKeyAsync(null);
        await ReactivateAllAsync();

        access = await project.GetAsync();
        Assert.True(access.Private);
        Assert.NotNull(access.SigningSecret);
        Assert.Equal([first.Id, second.Id], access.Keys.Select(k => k.Id));
        Assert.True(AccessSecrets.Matches(first.Secret, access.Keys[0].SecretHash));
        Assert.DoesNotContain(access.Keys, k => k.SecretHash.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(first.Secret)));

        var rotated = (await project.RotateKeyAsync(first.Id))!;
        Assert.True(await project.RevokeKeyAsync(second.Id));
        var signing = access.SigningSecret;
        Assert.Equal(signing, await project.GetSigningSecretAsync());
        var newSigning = await project.RotateSigningSecretAsync();
        await ReactivateAllAsync();

        access = await project.GetAsync();
        Assert.Equal([first.Id], access.Keys.Select(k => k.Id));
        Assert.False(AccessSecrets.Matches(first.Secret, access.Keys[0].SecretHash));
        Assert.True(AccessSecrets.Matches(rotated.Secret, access.Keys[0].SecretHash));
        Assert.Equal(newSigning, access.SigningSecret);
        Assert.NotEqual(signing, newSigning);
        Assert.False(await project.RevokeKeyAsync(second.Id));
        Assert.Null(await project.RotateKeyAsync(second.Id));

        Assert.False((await project.SetPrivateAsync(false)).Private);
        await project.ClearAsync();
        await ReactivateAllAsync();
        access = await project.GetAsync();
        Assert.Equal((false, null, 0), (access.Private, access.SigningSecret, access.Keys.Count));
    }

    private Task ReactivateAllAsync() => fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
