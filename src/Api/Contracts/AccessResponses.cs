using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orleans.Render.Api.Contracts;

/// <summary><c>POST /v1/key</c>: a new management key; the secret is shown this once.</summary>
public sealed record ManagementKeyIssued(string Key, string Secret, string? Comment);

/// <summary><c>POST /v1/key/{key}/rotate</c>: the key's new secret; the old one stops working.</summary>
public sealed record ManagementKeyRotated(string Key, string Secret);

/// <summary><c>DELETE /v1/key/{key}</c>.</summary>
public sealed record ManagementKeyRevoked(string Key, bool Revoked = true);

/// <summary><c>GET /v1/list/key</c>: the keys made through the API (never their secrets).</summary>
public sealed record ManagementKeyList(IReadOnlyList<ManagementKeyReport> Keys);

public sealed record ManagementKeyReport(
    string Key,
    string? Comment,
    DateTimeOffset Created,
    bool Revoked,
    [property: Description("The projects this key created, which it alone (and admins) may manage.")] IReadOnlyCollection<string> Projects);

/// <summary><c>GET</c>/<c>PUT /v1/access/{project}</c>: whether render calls need a key or a signed URL, and the project's render keys.</summary>
public sealed record ProjectAccessReport(
    string Project,
    [property: JsonPropertyName("private")] bool IsPrivate,
    IReadOnlyList<RenderKeyReport> Keys);

public sealed record RenderKeyReport(string Id, string? Comment, DateTimeOffset Created);

/// <summary>A render key as made or rotated: <see cref="Key"/> (sent as <c>Authorization: Bearer</c>) is shown this once.</summary>
public sealed record RenderKeyIssued(string Id, string Key, string Project);

/// <summary><c>DELETE /v1/renderkey/{project}/{id}</c>.</summary>
public sealed record RenderKeyRevoked(string Id, bool Revoked = true);

/// <summary>A project's URL-signing or webhook secret.</summary>
public sealed record ProjectSecret(string Project, string Secret);

/// <summary><c>POST /v1/sign/{project}</c>: the signed URL, its path and query, and when it expires (Unix seconds).</summary>
public sealed record SignedUrl(string Url, string Path, long Expires);
