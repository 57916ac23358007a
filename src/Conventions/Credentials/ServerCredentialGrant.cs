namespace Orleans.Render.Conventions.Credentials;

/// <summary>One server-held credential: the projects that may use it and the buckets or containers they may write to.</summary>
public sealed class ServerCredentialGrant
{
    public List<string> Projects { get; set; } = [];

    /// <summary>The S3 buckets or Azure containers it may write to; empty means any.</summary>
    public List<string> Targets { get; set; } = [];

    /// <summary>Azure accounts only, and only on the silos: the account's connection string.</summary>
    public string? ConnectionString { get; set; }

    public bool Allows(string project, string target) =>
        Projects.Contains(project, StringComparer.Ordinal) && (Targets.Count == 0 || Targets.Contains(target, StringComparer.Ordinal));
}
