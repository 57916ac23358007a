namespace Orleans.Render.Storage;

/// <summary>A stored object: <see cref="ETag"/> changes whenever its content is replaced.</summary>
public sealed record MediaObject(string Key, long Length, string ETag, DateTimeOffset LastModified);
