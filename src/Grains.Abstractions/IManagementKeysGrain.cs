using Orleans.Render.Models.Access;

namespace Orleans.Render;

/// <summary>
/// The management keys admins made through the API (one grain, key <see cref="Key"/>); the keys in configuration are
/// the admins and are not here. Each key may manage only the projects it created.
/// </summary>
[Alias("render.v1.IManagementKeysGrain")]
public interface IManagementKeysGrain : IGrainWithStringKey
{
    const string Key = "keys";

    [Alias("create")]
    Task<IssuedSecret> CreateAsync(string? comment);

    /// <summary>A new secret for the key, the old one no longer valid; null for an unknown or revoked key.</summary>
    [Alias("rotate")]
    Task<IssuedSecret?> RotateAsync(string key);

    /// <summary>False for an unknown key; a revoked key stays listed as revoked, and its projects stay with it.</summary>
    [Alias("revoke")]
    Task<bool> RevokeAsync(string key);

    [Alias("get")]
    Task<ManagementKeyInfo?> GetAsync(string key);

    [Alias("list")]
    Task<IReadOnlyList<ManagementKeyInfo>> ListAsync();

    [Alias("add-project")]
    Task AddProjectAsync(string key, string project);

    /// <summary>A deleted project: whichever key created it no longer manages it.</summary>
    [Alias("remove-project")]
    Task RemoveProjectAsync(string project);
}
