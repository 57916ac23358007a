using Orleans.Render.Models.Access;

namespace Orleans.Render;

/// <summary>A project's privacy, render keys and URL-signing secret (key = the project's uid), kept apart from its movies.</summary>
[Alias("render.v1.IProjectAccessGrain")]
public interface IProjectAccessGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<ProjectAccess> GetAsync();

    /// <summary>Making a project private gives it a signing secret when it has none.</summary>
    [Alias("set-private")]
    Task<ProjectAccess> SetPrivateAsync(bool isPrivate);

    [Alias("create-key")]
    Task<IssuedSecret> CreateKeyAsync(string? comment);

    /// <summary>A new secret for the render key, the old one no longer valid; null for an unknown key.</summary>
    [Alias("rotate-key")]
    Task<IssuedSecret?> RotateKeyAsync(string id);

    /// <summary>Removes the render key; false when there is no such key.</summary>
    [Alias("revoke-key")]
    Task<bool> RevokeKeyAsync(string id);

    /// <summary>The signing secret, made now when the project has none.</summary>
    [Alias("signing-secret")]
    Task<string> GetSigningSecretAsync();

    /// <summary>A new signing secret: every URL signed before stops working.</summary>
    [Alias("rotate-signing-secret")]
    Task<string> RotateSigningSecretAsync();

    /// <summary>Forgets everything: the project was deleted.</summary>
    [Alias("clear")]
    Task ClearAsync();
}
